import TandemCore

/// The Jupiter server's memory: the single ordering authority. It transforms each client
/// operation against every operation committed since the version the client based it on, and
/// remembers, per client, the highest `client_op_id` it has committed, to recognise resends.
/// A crash loses all of it; a restart rebuilds it from the `DurableStore`.
struct JupiterServer<Engine: OTEngine> {
    /// A committed operation with its author's identity for it.
    struct Entry {
        var operation: Engine.Operation
        var author: Int
        var clientOpID: Int
    }

    /// What a snapshot holds: the document, and the dedup table as of the snapshot's version.
    struct SnapshotState {
        var document: Engine.Document
        var committedThrough: [Int]
    }

    var document: Engine.Document
    /// Per client, the highest `client_op_id` committed; index 0 unused.
    var committedThrough: [Int]
    /// When the last snapshot was taken.
    var lastSnapshotTime: VirtualTime

    init(document: Engine.Document, clients: Int, at time: VirtualTime) {
        self.document = document
        committedThrough = Array(repeating: 0, count: clients + 1)
        lastSnapshotTime = time
    }

    /// The memory of a server that starts from durable state: the latest snapshot plus the
    /// log tail replayed; the dedup table from both, unless `forgettingDedup` (a planted flaw).
    init(rebuiltFrom store: DurableStore<Entry, SnapshotState>, engine: Engine, at time: VirtualTime, forgettingDedup: Bool) throws {
        let snapshot = store.latestSnapshot
        document = snapshot.state.document
        for entry in store.entries(from: snapshot.version) ?? [] {
            try engine.apply(entry.operation, to: &document)
        }
        committedThrough = Self.committedThrough(in: store)
        if forgettingDedup {
            committedThrough = Array(repeating: 0, count: committedThrough.count)
        }
        lastSnapshotTime = time
    }

    /// The dedup table the durable state records: the latest snapshot's, raised by the log tail.
    static func committedThrough(in store: DurableStore<Entry, SnapshotState>) -> [Int] {
        var table = store.latestSnapshot.state.committedThrough
        for entry in store.entries(from: store.latestSnapshot.version) ?? [] {
            table[entry.author] = max(table[entry.author], entry.clientOpID)
        }
        return table
    }

    /// The operation, based on `version`, transformed past the entries committed since
    /// (`missed`) to apply at the head, with each transform performed as (version, op, against).
    func transformToHead(
        _ operation: Engine.Operation, basedOn version: Int, missed: [Entry], engine: Engine
    ) -> (operation: Engine.Operation, steps: [(version: Int, operation: Engine.Operation, against: Engine.Operation)]) {
        var transformed = operation
        var steps: [(version: Int, operation: Engine.Operation, against: Engine.Operation)] = []
        for (offset, entry) in missed.enumerated() {
            steps.append((version + offset, transformed, entry.operation))
            transformed = engine.transform(transformed, against: entry.operation, tieBreak: .thisFirst)
        }
        return (transformed, steps)
    }
}
