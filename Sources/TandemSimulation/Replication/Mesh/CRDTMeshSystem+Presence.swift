import TandemCore

/// Presence for `CRDTMeshSystem`: each peer sends its selection, pinned to elements
/// (`CRDTAnchoring`), straight to every other peer, and sends its latest one again until each
/// has acknowledged it (a newer one supersedes an unacknowledged older one), backing off like
/// updates; integrating an update moves what a peer shows with no transform. When a peer goes
/// offline, the peers online notice and stop showing its cursor; a peer coming back drops
/// every cursor it shows, and it and its peers send theirs again. An engine that does not
/// conform shares no presence.
extension CRDTMeshSystem {
    /// The user's edit moved the selection at its peer.
    mutating func selectionMoved(_ site: Int, by edit: EditIntent, kernel: inout SimulationKernel<Payload>) {
        guard presence != nil, let selection = edit.selectionAfter(selecting: presence!.states[site].selects) else { return }
        presence!.setOwn(selection, at: site, in: replicas[site])
        documentChanged(site, kernel: &kernel)
        sendPresenceIfAllowed(site, kernel: &kernel)
    }

    /// A peer's document changed: held selections may resolve now, what it shows may have
    /// moved, and a sharing peer re-sends its own once things settle.
    mutating func documentChanged(_ site: Int, kernel: inout SimulationKernel<Payload>) {
        guard presence != nil else { return }
        presence!.integrated(at: site, in: replicas[site])
        reportShownPresence(site, kernel: &kernel)
        guard presence!.states[site].shares else { return }
        presence!.states[site].documentChanged(at: kernel.now)
        kernel.setTimer(site: site, tag: PresenceState.settleTag, after: PresenceState.settleMicroseconds)
    }

    /// A throttle or settle timer, or the retransmit timer of a peer's presence link (tag
    /// `-(peer + 2)`).
    mutating func presenceTimerFired(_ site: Int, tag: Int, kernel: inout SimulationKernel<Payload>) {
        guard presence != nil else { return }
        guard tag < PresenceState.settleTag else {
            if presence!.states[site].timerFired(tag: tag, at: kernel.now) { sendPresenceIfAllowed(site, kernel: &kernel) }
            return
        }
        let peer = -tag - 2
        presenceLinks.timerFired(from: site, to: peer)
        guard kernel.isConnected(site), !presenceLinks.unacknowledged[site][peer].isEmpty else { return }
        transmitPresence(presenceLinks.retransmit(from: site, to: peer), kernel: &kernel)
        armPresenceTimers(of: site, kernel: &kernel)
    }

    /// A peer came back online: it drops every cursor it shows (its peers send theirs again
    /// on its hello) and owes the others its own.
    mutating func rejoined(_ site: Int, kernel: inout SimulationKernel<Payload>) {
        guard presence != nil else { return }
        presence!.hideAll(at: site)
        guard presence!.states[site].shares else { return }
        presence!.states[site].owed = true
        sendPresenceIfAllowed(site, kernel: &kernel)
    }

    /// A peer went offline: every peer online notices and stops showing its cursor, unless
    /// the planted flaw `ignoresPresenceLeave` is on.
    mutating func clientDeparted(_ client: Int, kernel: inout SimulationKernel<Payload>) {
        guard presence != nil, !flaws.contains(.ignoresPresenceLeave) else { return }
        for peer in presenceLinks.peers(of: client) where kernel.isConnected(peer) {
            presence!.hide(client, at: peer)
            kernel.note(peer, "c\(client) went offline: its cursor is no longer shown")
            reportShownPresence(peer, kernel: &kernel)
        }
    }

    /// A peer that said hello gets this peer's latest selection again.
    mutating func resendPresence(from site: Int, to peer: Int, kernel: inout SimulationKernel<Payload>) {
        guard let (selection, sequence) = presence?.lastSent(from: site) else { return }
        transmitPresence([presenceLinks.replace(with: selection, sequence: sequence, edit: sequence, from: site, to: peer)], kernel: &kernel)
        armPresenceTimers(of: site, kernel: &kernel)
    }

    /// A peer acknowledges a selection and shows it, or holds it until its elements arrive.
    mutating func peerReceivesPresence(
        _ site: Int, selection: AnchoredSelection, sequence: Int, from owner: Int, key: MessageKey, kernel: inout SimulationKernel<Payload>
    ) {
        kernel.send(.presenceAck(sequence: sequence), key: MessageKey(kind: .cursorAck, edit: sequence, from: site, to: owner, attempt: key.attempt),
                    bytes: Self.headerBytes, summary: "c\(owner)'s cursor #\(sequence)")
        guard presence != nil else { return }
        if presence!.receive(selection, sequence: sequence, from: owner, at: site, in: replicas[site]) {
            kernel.note(site, "shows c\(owner)'s cursor #\(sequence)")
            reportShownPresence(site, kernel: &kernel)
        } else {
            kernel.note(site, "holds c\(owner)'s cursor #\(sequence) until its elements arrive (or ignores it if stale)")
        }
    }

    /// After the run: each peer's own selection and what it shows.
    func reportPresenceAtEnd(kernel: inout SimulationKernel<Payload>) {
        guard let presence else { return }
        for site in 1..<replicas.count {
            kernel.observed(.cursorsAtEnd(
                site: site, own: presence.ownSelection(at: site, in: replicas[site]), shown: presence.shownSelections(at: site, in: replicas[site])))
        }
    }

    /// Sends the peer's selection to every other peer if it owes one, is online and the
    /// throttle allows.
    private mutating func sendPresenceIfAllowed(_ site: Int, kernel: inout SimulationKernel<Payload>) {
        guard presence != nil, kernel.isConnected(site),
              let (selection, sequence) = presence!.outgoing(
                  from: site, at: kernel.now, armTimer: { kernel.setTimer(site: site, tag: PresenceState.throttleTag, after: $0) })
        else { return }
        let transmissions = presenceLinks.peers(of: site).map {
            presenceLinks.replace(with: selection, sequence: sequence, edit: sequence, from: site, to: $0)
        }
        transmitPresence(transmissions, kernel: &kernel)
        armPresenceTimers(of: site, kernel: &kernel)
    }

    private mutating func transmitPresence(_ transmissions: [PeerLinks<AnchoredSelection>.Transmission], kernel: inout SimulationKernel<Payload>) {
        guard let presence else { return }
        for transmission in transmissions {
            let outgoing = transmission.outgoing
            presenceSends[transmission.from] += 1
            kernel.send(.presence(outgoing.item, sequence: outgoing.sequence),
                        key: MessageKey(kind: .cursor, edit: outgoing.sequence, from: transmission.from, to: transmission.to,
                                        attempt: presenceSends[transmission.from]),
                        bytes: Self.headerBytes + outgoing.item.encodedSize(witness: presence.witness),
                        summary: "cursor #\(outgoing.sequence)" + (transmission.attempt > 0 ? " (again)" : ""))
        }
    }

    private mutating func armPresenceTimers(of site: Int, kernel: inout SimulationKernel<Payload>) {
        for peer in presenceLinks.peers(of: site) {
            if let delay = presenceLinks.timerToArm(from: site, to: peer) {
                kernel.setTimer(site: site, tag: -(peer + 2), after: delay)
            }
        }
    }

    private func reportShownPresence(_ site: Int, kernel: inout SimulationKernel<Payload>) {
        guard let presence, presence.showsAny(at: site) else { return }
        kernel.observed(.cursorsShown(site: site, documentLength: replicas[site].count, shown: presence.shownSelections(at: site, in: replicas[site])))
    }
}
