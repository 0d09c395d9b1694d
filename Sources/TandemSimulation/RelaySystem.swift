import TandemCore

/// CRDT replication through a central relay: each client sends its updates to the server,
/// which integrates them into its own replica (the store) and forwards them to every other
/// client.
struct RelaySystem<Replica: CRDTReplica>: ReplicationSystem {
    enum Payload {
        case update(Replica.Update)
    }

    /// Each message adds a tag byte and an 8-byte sender id to the update.
    private static var headerBytes: Int { 9 }

    /// Replica 0 is the server, then clients 1...n.
    private var replicas: [Replica]

    init(trace: Trace) {
        let initial = Array(trace.initialText.unicodeScalars)
        replicas = (0...trace.clients).map { Replica(replicaID: ReplicaID($0), initialText: initial) }
    }

    var siteTexts: [TextBuffer] {
        replicas.map(\.text)
    }

    var unfinishedWork: String? {
        let waiting = replicas.indices.filter { replicas[$0].pendingUpdateCount > 0 }
            .map { "\(RunOutcome.siteName($0)) (\(replicas[$0].pendingUpdateCount))" }
        return waiting.isEmpty ? nil : "updates still waiting for their dependencies at \(waiting.joined(separator: ", "))"
    }

    func documentLength(ofClient site: Int) -> Int {
        replicas[site].count
    }

    func scalars(ofClient site: Int, in range: Range<Int>) -> [Unicode.Scalar] {
        replicas[site].text.scalars(in: range)
    }

    mutating func perform(_ edit: EditIntent, kernel: inout SimulationKernel<Payload>) {
        let site = edit.client
        let update: Replica.Update
        switch edit.action {
        case .insert(let text):
            update = replicas[site].insert(Array(text.unicodeScalars), at: edit.position)
        case .delete(let count):
            update = replicas[site].delete(edit.position..<(edit.position + count))
        }
        kernel.textChanged(site: site, text: replicas[site].text,
                           what: "edit #\(edit.id) \(edit.summary) as \(Replica.describe(update))")
        send(update, edit: edit.id, from: site, to: 0, kind: .submit, kernel: &kernel)
    }

    mutating func deliver(_ envelope: Envelope<Payload>, kernel: inout SimulationKernel<Payload>) {
        guard case .update(let update) = envelope.payload else { return }
        let site = envelope.to
        kernel.note(site, "deliver \(envelope.key) from \(RunOutcome.siteName(envelope.from)): \(Replica.describe(update))")
        replicas[site].integrate(update)
        kernel.textChanged(site: site, text: replicas[site].text, what: "integrate")
        if site == 0 {
            for client in 1..<replicas.count where client != envelope.from {
                send(update, edit: envelope.key.edit, from: 0, to: client, kind: .broadcast, kernel: &kernel)
            }
        }
    }

    mutating func finish(kernel: inout SimulationKernel<Payload>) {}

    private func send(
        _ update: Replica.Update, edit: Int, from: Int, to: Int, kind: MessageKey.Kind, kernel: inout SimulationKernel<Payload>
    ) {
        kernel.send(.update(update), key: MessageKey(kind: kind, edit: edit, from: from, to: to),
                    bytes: Self.headerBytes + Replica.encodedSize(of: update), summary: "")
    }
}
