import TandemCore

/// Presence for `RelaySystem`: clients send their selections pinned to elements
/// (`CRDTAnchoring`) to the server, which remembers the latest of each owner and relays it
/// as it is to every client in session; integrating an update moves what a client shows with
/// no transform. When a client leaves, the server forgets its selection and tells the others
/// (`presence_leave`); a client starting a new session drops every cursor it shows and is
/// sent the ones the server knows. An engine that does not conform shares no presence.
extension RelaySystem {
    /// The user's edit moved the selection at its client.
    mutating func selectionMoved(_ site: Int, by edit: EditIntent, kernel: inout SimulationKernel<Payload>) {
        guard presence != nil, let selection = edit.selectionAfter(selecting: presence!.states[site].selects) else { return }
        presence!.setOwn(selection, at: site, in: replicas[site])
        documentChanged(site, kernel: &kernel)
        sendPresenceIfAllowed(site, kernel: &kernel)
    }

    /// A client's document changed: held selections may resolve now, what it shows may have
    /// moved, and a sharing client re-sends its own once things settle.
    mutating func documentChanged(_ site: Int, kernel: inout SimulationKernel<Payload>) {
        guard presence != nil else { return }
        presence!.integrated(at: site, in: replicas[site])
        reportShownPresence(site, kernel: &kernel)
        guard presence!.states[site].shares else { return }
        presence!.states[site].documentChanged(at: kernel.now)
        kernel.setTimer(site: site, tag: PresenceState.settleTag, after: PresenceState.settleMicroseconds)
    }

    mutating func presenceTimerFired(_ site: Int, tag: Int, kernel: inout SimulationKernel<Payload>) {
        if presence?.states[site].timerFired(tag: tag, at: kernel.now) == true { sendPresenceIfAllowed(site, kernel: &kernel) }
    }

    /// Sends the client's selection to the server if it owes one, is connected and the
    /// throttle allows.
    mutating func sendPresenceIfAllowed(_ site: Int, kernel: inout SimulationKernel<Payload>) {
        guard presence != nil, kernel.isConnected(site),
              let (selection, sequence) = presence!.outgoing(
                  from: site, at: kernel.now, armTimer: { kernel.setTimer(site: site, tag: PresenceState.throttleTag, after: $0) })
        else { return }
        let shown = presence!.ownSelection(at: site, in: replicas[site])
        kernel.send(.presence(selection, sequence: sequence, owner: site),
                    key: MessageKey(kind: .cursor, edit: sequence, from: site, to: 0),
                    bytes: Self.headerBytes + selection.encodedSize(witness: presence!.witness), summary: "cursor \(shown) #\(sequence)")
    }

    /// The server remembers a selection and relays it to every client in session.
    mutating func serverReceivesPresence(_ selection: AnchoredSelection, sequence: Int, owner: Int, kernel: inout SimulationKernel<Payload>) {
        guard serverIsUp else { return }
        serverPresence[owner] = (selection, sequence)
        for client in 1..<replicas.count where client != owner && hasSession(client, kernel) {
            relayPresence(of: owner, to: client, kernel: &kernel)
        }
    }

    /// Shows a client that just joined every selection the server knows.
    mutating func sendKnownPresence(to client: Int, kernel: inout SimulationKernel<Payload>) {
        for owner in serverPresence.indices where owner != client && serverPresence[owner] != nil {
            relayPresence(of: owner, to: client, kernel: &kernel)
        }
    }

    /// A client left: the server forgets its selection and tells every client in session
    /// (`presence_leave`), unless the planted flaw `ignoresPresenceLeave` is on.
    mutating func clientDeparted(_ client: Int, kernel: inout SimulationKernel<Payload>) {
        guard serverIsUp, presence?.states[client].shares == true, !flaws.contains(.ignoresPresenceLeave) else { return }
        kernel.note(0, "c\(client) left")
        serverPresence[client] = nil
        for other in 1..<replicas.count where other != client && hasSession(other, kernel) {
            sendCounter[0] += 1
            kernel.send(.presenceLeave(owner: client), key: MessageKey(kind: .leave, edit: 0, from: 0, to: other, attempt: sendCounter[0]),
                        bytes: Self.headerBytes, summary: "c\(client) left")
        }
    }

    /// A client shows a relayed selection, or holds it until its elements arrive.
    mutating func clientReceivesPresence(_ site: Int, selection: AnchoredSelection, sequence: Int, owner: Int, kernel: inout SimulationKernel<Payload>) {
        guard presence != nil else { return }
        if presence!.receive(selection, sequence: sequence, from: owner, at: site, in: replicas[site]) {
            kernel.note(site, "shows c\(owner)'s cursor #\(sequence)")
            reportShownPresence(site, kernel: &kernel)
        } else {
            kernel.note(site, "holds c\(owner)'s cursor #\(sequence) until its elements arrive (or ignores it if stale)")
        }
    }

    /// A client hears that another left and stops showing its cursor.
    mutating func clientHearsLeave(_ site: Int, owner: Int, kernel: inout SimulationKernel<Payload>) {
        kernel.note(site, "c\(owner) left: its cursor is no longer shown")
        presence?.hide(owner, at: site)
        reportShownPresence(site, kernel: &kernel)
    }

    /// After the run: each client's own selection and what it shows.
    func reportPresenceAtEnd(kernel: inout SimulationKernel<Payload>) {
        guard let presence else { return }
        for site in 1..<replicas.count {
            kernel.observed(.cursorsAtEnd(
                site: site, own: presence.ownSelection(at: site, in: replicas[site]), shown: presence.shownSelections(at: site, in: replicas[site])))
        }
    }

    private mutating func relayPresence(of owner: Int, to client: Int, kernel: inout SimulationKernel<Payload>) {
        guard let presence, let (selection, sequence) = serverPresence[owner] else { return }
        sendCounter[0] += 1
        kernel.send(.presence(selection, sequence: sequence, owner: owner),
                    key: MessageKey(kind: .cursor, edit: sequence, from: 0, to: client, attempt: sendCounter[0]),
                    bytes: Self.headerBytes + selection.encodedSize(witness: presence.witness), summary: "c\(owner)'s cursor #\(sequence)")
    }

    private func reportShownPresence(_ site: Int, kernel: inout SimulationKernel<Payload>) {
        guard let presence, presence.showsAny(at: site) else { return }
        kernel.observed(.cursorsShown(site: site, documentLength: replicas[site].count, shown: presence.shownSelections(at: site, in: replicas[site])))
    }
}
