import TandemCore

/// CRDT replication with no server: every client sends each of its updates straight to every
/// other client over the mesh's peer channels, which lose, duplicate and reorder messages.
/// The receiver integrates whatever arrives (so the engine itself must tolerate duplicates
/// and updates that overtake their causal dependencies) and acknowledges it; the sender
/// retransmits, backing off, until every peer has acknowledged (`PeerLinks`). A client that
/// comes back online sends what its peers lack and says hello, so they do the same.
/// Presence goes peer to peer too (see `CRDTMeshSystem+Presence`).
struct CRDTMeshSystem<Replica: CRDTReplica>: ReplicationSystem {
    enum Payload {
        case update(Replica.Update, sequence: Int)
        case ack(sequence: Int)
        case hello
        /// A peer's selection, pinned to elements, with its sequence number.
        case presence(AnchoredSelection, sequence: Int)
        /// The receiver has the sender's selection with this sequence number.
        case presenceAck(sequence: Int)
    }

    /// Frames add a tag byte and a sequence number to the update.
    static var headerBytes: Int { 9 }

    let flaws: SystemFlaws
    /// Index 0 is unused (a mesh has no server); clients are 1...n.
    var replicas: [Replica]
    private var links: PeerLinks<Replica.Update>
    private var nextSequence: [Int]
    private var hellosSent: [Int]
    /// The peers' presence; nil when the engine does not conform to `CRDTAnchoring`.
    var presence: CRDTPresence<Replica>?
    /// Each peer's latest selection, sent to every other peer until acknowledged.
    var presenceLinks: PeerLinks<AnchoredSelection>
    /// Counts each peer's presence transmissions, to give each its own network key.
    var presenceSends: [Int]

    init(trace: Trace, flaws: SystemFlaws) {
        self.flaws = flaws
        let initialScalars = Array(trace.initialText.unicodeScalars)
        replicas = (0...trace.clients).map { Replica(replicaID: ReplicaID($0), initialText: initialScalars) }
        links = PeerLinks(clients: trace.clients)
        nextSequence = Array(repeating: 1, count: trace.clients + 1)
        hellosSent = Array(repeating: 0, count: trace.clients + 1)
        presence = CRDTPresence(trace: trace, replicas: replicas, flaws: flaws)
        presenceLinks = PeerLinks(clients: trace.clients)
        presenceSends = Array(repeating: 0, count: trace.clients + 1)
    }

    /// Index 0 holds the initial text, for no one: `RunOutcome.sites` leaves it out in a mesh.
    var siteTexts: [TextBuffer] {
        replicas.map(\.text)
    }

    var unfinishedWork: String? {
        var problems: [String] = []
        if let unacknowledged = links.unacknowledgedSummary { problems.append("updates still unacknowledged on \(unacknowledged)") }
        if let waiting = replicas.dependencyWaitSummary(sites: 1..<replicas.count) { problems.append(waiting) }
        return problems.isEmpty ? nil : problems.joined(separator: "; ")
    }

    func documentLength(ofClient site: Int) -> Int {
        replicas[site].count
    }

    func scalars(ofClient site: Int, in range: Range<Int>) -> [Unicode.Scalar] {
        replicas[site].text.scalars(in: range)
    }

    mutating func perform(_ edit: EditIntent, kernel: inout SimulationKernel<Payload>) {
        let site = edit.client
        guard let update = replicas[site].perform(edit) else { return }
        kernel.textChanged(site: site, text: replicas[site].text,
                           what: "edit #\(edit.id) \(edit.summary) as \(Replica.describe(update))")
        let sequence = nextSequence[site]
        nextSequence[site] += 1
        transmit(links.broadcast(update, sequence: sequence, edit: edit.id, from: site), kernel: &kernel)
        armTimers(of: site, kernel: &kernel)
        selectionMoved(site, by: edit, kernel: &kernel)
    }

    mutating func deliver(_ envelope: Envelope<Payload>, kernel: inout SimulationKernel<Payload>) {
        let site = envelope.to
        let peer = envelope.from
        switch envelope.payload {
        case .update(let update, let sequence):
            kernel.note(site, "deliver \(envelope.key) c\(peer)#\(sequence): \(Replica.describe(update))")
            replicas[site].integrate(update)
            kernel.textChanged(site: site, text: replicas[site].text, what: "integrate")
            kernel.send(.ack(sequence: sequence),
                        key: MessageKey(kind: .ack, edit: envelope.key.edit, from: site, to: peer, attempt: envelope.key.attempt),
                        bytes: Self.headerBytes, summary: "c\(peer)#\(sequence)")
            documentChanged(site, kernel: &kernel)
        case .ack(let sequence):
            kernel.note(site, "deliver \(envelope.key): c\(peer) has c\(site)#\(sequence)")
            links.acknowledged(sequence: sequence, at: site, by: peer)
        case .hello:
            kernel.note(site, "deliver \(envelope.key): c\(peer) is back")
            links.resetWait(from: site, to: peer)
            if !flaws.contains(.peersNeverRetransmit) { transmit(links.retransmit(from: site, to: peer), kernel: &kernel) }
            armTimers(of: site, kernel: &kernel)
            resendPresence(from: site, to: peer, kernel: &kernel)
        case .presence(let selection, let sequence):
            peerReceivesPresence(site, selection: selection, sequence: sequence, from: peer, key: envelope.key, kernel: &kernel)
        case .presenceAck(let sequence):
            kernel.note(site, "deliver \(envelope.key): c\(peer) has c\(site)'s cursor #\(sequence)")
            presenceLinks.acknowledged(sequence: sequence, at: site, by: peer)
        }
    }

    mutating func timerFired(site: Int, tag: Int, kernel: inout SimulationKernel<Payload>) {
        guard tag >= 0 else {
            presenceTimerFired(site, tag: tag, kernel: &kernel)
            return
        }
        let peer = tag
        links.timerFired(from: site, to: peer)
        let count = links.unacknowledged[site][peer].count
        guard kernel.isConnected(site), count > 0 else { return }
        kernel.note(site, "c\(peer) has not acknowledged \(count) update(s): retransmit")
        transmit(links.retransmit(from: site, to: peer), kernel: &kernel)
        armTimers(of: site, kernel: &kernel)
    }

    mutating func connectionOpened(client site: Int, kernel: inout SimulationKernel<Payload>) {
        hellosSent[site] += 1
        for peer in links.peers(of: site) {
            kernel.send(.hello, key: MessageKey(kind: .hello, edit: 0, from: site, to: peer, attempt: hellosSent[site]),
                        bytes: Self.headerBytes, summary: "back online")
            links.resetWait(from: site, to: peer)
            if !flaws.contains(.peersNeverRetransmit) { transmit(links.retransmit(from: site, to: peer), kernel: &kernel) }
        }
        armTimers(of: site, kernel: &kernel)
        rejoined(site, kernel: &kernel)
    }

    /// A mesh has no server; traces that crash one are refused before they run (`Trace.topologyConflict`).
    mutating func serverCrashed(kernel: inout SimulationKernel<Payload>) {}

    /// A mesh has no server to restart.
    mutating func serverRestarted(failover: Bool, kernel: inout SimulationKernel<Payload>) {}

    /// A mesh keeps no durable history; the peers' presence at the end goes to the checkers.
    mutating func finish(kernel: inout SimulationKernel<Payload>) {
        reportPresenceAtEnd(kernel: &kernel)
    }

    private mutating func transmit(_ transmissions: [PeerLinks<Replica.Update>.Transmission], kernel: inout SimulationKernel<Payload>) {
        for transmission in transmissions {
            let outgoing = transmission.outgoing
            kernel.send(.update(outgoing.item, sequence: outgoing.sequence),
                        key: MessageKey(kind: .peer, edit: outgoing.edit, from: transmission.from, to: transmission.to, attempt: transmission.attempt),
                        bytes: Self.headerBytes + Replica.encodedSize(of: outgoing.item),
                        summary: "c\(transmission.from)#\(outgoing.sequence)" + (transmission.attempt > 0 ? " (again)" : ""))
        }
    }

    private mutating func armTimers(of site: Int, kernel: inout SimulationKernel<Payload>) {
        guard !flaws.contains(.peersNeverRetransmit) else { return }
        for peer in links.peers(of: site) {
            if let delay = links.timerToArm(from: site, to: peer) {
                kernel.setTimer(site: site, tag: peer, after: delay)
            }
        }
    }
}
