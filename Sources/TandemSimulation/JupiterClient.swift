import TandemCore

/// A client of the Jupiter protocol (Nichols et al. 1995, as in ot.js): it applies its own
/// operations at once, keeps at most one operation in flight to the server and composes
/// later local edits into a buffer, and transforms incoming server operations against both.
struct JupiterClient<Engine: OTEngine> {
    /// A local operation not yet acknowledged, with the edit it began with.
    struct Outstanding {
        var operation: Engine.Operation
        var firstEdit: Int
    }

    /// The three states of a Jupiter client.
    enum State {
        case synchronized
        case awaitingAck(Outstanding)
        case awaitingAckWithBuffer(Outstanding, buffer: Outstanding)
    }

    /// One transform the client performed, with the server version whose state it starts
    /// from and an operation (the in-flight one) to apply to that state first, if any.
    struct TransformStep {
        var version: Int
        var prefix: Engine.Operation?
        var operation: Engine.Operation
        var against: Engine.Operation
    }

    var document: TextBuffer
    /// How many server operations the client has incorporated (its own acknowledged ones included).
    private(set) var revision = 0
    private(set) var state = State.synchronized

    init(document: TextBuffer) {
        self.document = document
    }

    /// Applies a local operation; returns the operation to send now, if the client was synchronized.
    mutating func applyLocal(_ operation: Engine.Operation, edit: Int, engine: Engine) throws -> Outstanding? {
        try engine.apply(operation, to: &document)
        let local = Outstanding(operation: operation, firstEdit: edit)
        switch state {
        case .synchronized:
            state = .awaitingAck(local)
            return local
        case .awaitingAck(let inflight):
            state = .awaitingAckWithBuffer(inflight, buffer: local)
        case .awaitingAckWithBuffer(let inflight, let buffer):
            let composed = engine.compose(buffer.operation, operation)
            state = .awaitingAckWithBuffer(inflight, buffer: Outstanding(operation: composed, firstEdit: buffer.firstEdit))
        }
        return nil
    }

    /// The server acknowledged the in-flight operation; returns the buffer to send next, if any.
    mutating func acknowledge() -> Outstanding? {
        revision += 1
        switch state {
        case .synchronized:
            return nil
        case .awaitingAck:
            state = .synchronized
            return nil
        case .awaitingAckWithBuffer(_, let buffer):
            state = .awaitingAck(buffer)
            return buffer
        }
    }

    /// Transforms a server operation against the pending local ones, applies it, and returns
    /// the operation applied with the transforms performed. The client's own operations win
    /// ties, as they do on the server.
    mutating func receive(_ remote: Engine.Operation, engine: Engine) throws -> (applied: Engine.Operation, steps: [TransformStep]) {
        let version = revision
        revision += 1
        var steps: [TransformStep] = []
        var incoming = remote
        switch state {
        case .synchronized:
            break
        case .awaitingAck(var inflight):
            steps.append(TransformStep(version: version, prefix: nil, operation: inflight.operation, against: incoming))
            (inflight.operation, incoming) = Self.transformPair(inflight.operation, incoming, engine)
            state = .awaitingAck(inflight)
        case .awaitingAckWithBuffer(var inflight, var buffer):
            steps.append(TransformStep(version: version, prefix: nil, operation: inflight.operation, against: incoming))
            let inflightBefore = inflight.operation
            (inflight.operation, incoming) = Self.transformPair(inflight.operation, incoming, engine)
            steps.append(TransformStep(version: version, prefix: inflightBefore, operation: buffer.operation, against: incoming))
            (buffer.operation, incoming) = Self.transformPair(buffer.operation, incoming, engine)
            state = .awaitingAckWithBuffer(inflight, buffer: buffer)
        }
        try engine.apply(incoming, to: &document)
        return (incoming, steps)
    }

    /// Whether the client has nothing waiting for the server.
    var isSynchronized: Bool {
        if case .synchronized = state { return true }
        return false
    }

    /// `(local′, remote′)` for a local operation that wins ties and a remote one that loses them.
    private static func transformPair(
        _ local: Engine.Operation, _ remote: Engine.Operation, _ engine: Engine
    ) -> (Engine.Operation, Engine.Operation) {
        (engine.transform(local, against: remote, tieBreak: .thisFirst),
         engine.transform(remote, against: local, tieBreak: .otherFirst))
    }
}
