import TandemCore

/// The Jupiter server: the single ordering authority. It transforms each client operation
/// against every operation committed since the version the client based it on, applies it,
/// and appends it to its log; the log index is the server version.
struct JupiterServer<Engine: OTEngine> {
    var document: TextBuffer
    private(set) var log: [Engine.Operation] = []

    init(document: TextBuffer) {
        self.document = document
    }

    /// The operation as committed, with each transform performed as (version, op, against).
    mutating func commit(
        _ operation: Engine.Operation, basedOn version: Int, engine: Engine
    ) throws -> (committed: Engine.Operation, steps: [(version: Int, operation: Engine.Operation, against: Engine.Operation)]) {
        guard version >= 0 && version <= log.count else {
            throw OTApplyError("operation based on version \(version), but the server is at \(log.count)")
        }
        var transformed = operation
        var steps: [(version: Int, operation: Engine.Operation, against: Engine.Operation)] = []
        for index in version..<log.count {
            steps.append((index, transformed, log[index]))
            transformed = engine.transform(transformed, against: log[index], tieBreak: .thisFirst)
        }
        try engine.apply(transformed, to: &document)
        log.append(transformed)
        return (transformed, steps)
    }
}
