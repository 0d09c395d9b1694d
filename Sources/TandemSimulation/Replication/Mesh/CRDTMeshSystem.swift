import TandemCore

/// CRDT replication with no server: every client sends each of its updates straight to every
/// other client over the mesh's peer channels, which lose, duplicate and reorder messages.
/// The receiver integrates whatever arrives (so the engine itself must tolerate duplicates
/// and updates that overtake their causal dependencies) and acknowledges it; the sender
/// retransmits, backing off, until every peer has acknowledged (`PeerDelivery`). A client that
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
    /// Broadcasts each update to every peer until all have acknowledged it.
    private var delivery: PeerDelivery<Replica.Update>
    private var nextSequence: [Int]
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
        delivery = PeerDelivery(clients: trace.clients, itemName: "update", flaws: flaws)
        nextSequence = Array(repeating: 1, count: trace.clients + 1)
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
        if let unacknowledged = delivery.unfinishedWork { problems.append(unacknowledged) }
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
        delivery.broadcast(update, sequence: sequence, edit: edit.id, from: site, framing: framing, kernel: &kernel)
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
            delivery.acknowledge(envelope, sequence: sequence, framing: framing, kernel: &kernel)
            documentChanged(site, kernel: &kernel)
        case .ack(let sequence):
            delivery.acknowledged(envelope, sequence: sequence, kernel: &kernel)
        case .hello:
            delivery.helloArrived(envelope, framing: framing, kernel: &kernel)
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
        delivery.timerFired(site: site, peer: tag, framing: framing, kernel: &kernel)
    }

    mutating func connectionOpened(client site: Int, kernel: inout SimulationKernel<Payload>) {
        delivery.connectionOpened(client: site, framing: framing, kernel: &kernel)
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

    /// Updates travel with their sequence number; their frame is `headerBytes` plus the update.
    private var framing: PeerDelivery<Replica.Update>.Framing<Payload> {
        PeerDelivery.Framing(item: Payload.update, itemBytes: { Self.headerBytes + Replica.encodedSize(of: $0) },
                             ack: Payload.ack, hello: .hello)
    }
}
