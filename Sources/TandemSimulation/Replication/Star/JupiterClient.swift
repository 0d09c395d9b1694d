import TandemCore

/// A client of the Jupiter protocol (Nichols et al. 1995, as in ot.js), extended with what a
/// real editor needs to survive faults: every operation carries a `client_op_id`, at most one
/// is in flight, later local edits compose into a buffer, and after a reconnect the client
/// recognises its own committed operation in the catch-up, by `(author, client_op_id)`.
struct JupiterClient<Engine: OTEngine> {
    /// A local operation not yet acknowledged: its id (assigned when it becomes the one in
    /// flight) and every edit composed into it.
    struct Pending {
        var operation: Engine.Operation
        var clientOpID: Int
        var edits: [Int]
    }

    /// The three states of a Jupiter client. The in-flight operation stays "in flight" while
    /// the client is offline; it is resent on the next connection.
    enum State {
        case synchronized
        case awaitingAck(Pending)
        case awaitingAckWithBuffer(Pending, buffer: Pending)
    }

    /// One transform the client performed, with the server version whose state it starts
    /// from and an operation (the in-flight one) to apply to that state first, if any.
    struct TransformStep {
        var version: Int
        var prefix: Engine.Operation?
        var operation: Engine.Operation
        var against: Engine.Operation
    }

    var document: Engine.Document
    /// How many server operations the client has incorporated (its own acknowledged ones included).
    private(set) var revision = 0
    private(set) var state = State.synchronized
    /// The generation of the last reload applied (0 before any), sent with every message so
    /// that the server can drop what was sent before it (see `ReloadFence`).
    private(set) var reloadGeneration = 0
    /// The id the next operation put in flight gets.
    private var nextClientOpID = 1
    /// The user's own selection (a caret when empty).
    private(set) var selection = Selection.caret(0)
    /// The cursors and selections of the other clients as this client shows them, indexed by client.
    private(set) var shownCursors: [Selection?]

    init(document: Engine.Document, clients: Int) {
        self.document = document
        shownCursors = Array(repeating: nil, count: clients + 1)
    }

    /// The operation in flight, if any.
    var inFlight: Pending? {
        switch state {
        case .synchronized: nil
        case .awaitingAck(let pending), .awaitingAckWithBuffer(let pending, _): pending
        }
    }

    /// How many local edits wait for the server.
    var pendingEditCount: Int {
        switch state {
        case .synchronized: 0
        case .awaitingAck(let pending): pending.edits.count
        case .awaitingAckWithBuffer(let pending, let buffer): pending.edits.count + buffer.edits.count
        }
    }

    /// Whether the client has nothing waiting for the server.
    var isSynchronized: Bool {
        if case .synchronized = state { return true }
        return false
    }

    /// Applies a local operation and sets the user's selection; returns the operation to
    /// send now, if the client was synchronized.
    mutating func applyLocal(_ operation: Engine.Operation, edit: Int, selection: Selection, engine: Engine, flaws: SystemFlaws) throws -> Pending? {
        try engine.apply(operation, to: &document)
        self.selection = selection
        moveShownCursors(through: operation, engine: engine, flaws: flaws)
        switch state {
        case .synchronized:
            let pending = Pending(operation: operation, clientOpID: takeClientOpID(), edits: [edit])
            state = .awaitingAck(pending)
            return pending
        case .awaitingAck(let inflight):
            state = .awaitingAckWithBuffer(inflight, buffer: Pending(operation: operation, clientOpID: 0, edits: [edit]))
        case .awaitingAckWithBuffer(let inflight, let buffer):
            let composed = engine.compose(buffer.operation, operation)
            state = .awaitingAckWithBuffer(inflight, buffer: Pending(operation: composed, clientOpID: 0, edits: buffer.edits + [edit]))
        }
        return nil
    }

    /// The server committed the in-flight operation; returns the buffer, now in flight, to send next.
    mutating func acknowledge() -> Pending? {
        revision += 1
        switch state {
        case .synchronized:
            return nil
        case .awaitingAck:
            state = .synchronized
            return nil
        case .awaitingAckWithBuffer(_, var buffer):
            buffer.clientOpID = takeClientOpID()
            state = .awaitingAck(buffer)
            return buffer
        }
    }

    /// Transforms a server operation against the pending local ones, applies it, moves the
    /// selection and the shown cursors through it (as far as the planted `flaws` let them), and returns the operation applied with the
    /// transforms performed. The client's own operations win ties, as they do on the server.
    mutating func receive(
        _ remote: Engine.Operation, engine: Engine, flaws: SystemFlaws
    ) throws -> (applied: Engine.Operation, steps: [TransformStep]) {
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
        selection = Self.move(selection, through: incoming, engine: engine)
        moveShownCursors(through: incoming, engine: engine, flaws: flaws)
        return (incoming, steps)
    }

    /// Shows another client's selection, given at this client's revision on the server's
    /// text: it is moved through the pending local operations into this client's document.
    mutating func showCursor(of owner: Int, at selection: Selection, engine: Engine) {
        var local = selection
        if let inflight = inFlight { local = Self.move(local, through: inflight.operation, engine: engine) }
        if case .awaitingAckWithBuffer(_, let buffer) = state { local = Self.move(local, through: buffer.operation, engine: engine) }
        shownCursors[owner] = local
    }

    /// Stops showing a client's cursor: it left.
    mutating func hideCursor(of owner: Int) {
        shownCursors[owner] = nil
    }

    /// Stops showing every cursor: a new session starts, and the server sends the ones it knows.
    mutating func hideAllCursors() {
        shownCursors = shownCursors.map { _ in nil }
    }

    /// Replaces the document with the server's, drops every pending operation and the cursors
    /// shown (the server sends the ones it knows after the reload); returns
    /// the edits of pending operations whose id is above `committedThrough` (the highest id
    /// the server has committed for this client), which are thereby thrown away, and the ids
    /// that the server had in fact committed. The reload's `generation` becomes the client's.
    mutating func reload(
        document server: Engine.Document, version: Int, committedThrough: Int, generation: Int
    ) -> (discarded: [Int], committed: [Int]) {
        var discarded: [Int] = []
        var committed: [Int] = []
        switch state {
        case .synchronized:
            break
        case .awaitingAck(let inflight):
            if inflight.clientOpID <= committedThrough { committed.append(inflight.clientOpID) } else { discarded += inflight.edits }
        case .awaitingAckWithBuffer(let inflight, let buffer):
            if inflight.clientOpID <= committedThrough { committed.append(inflight.clientOpID) } else { discarded += inflight.edits }
            discarded += buffer.edits
        }
        document = server
        revision = version
        reloadGeneration = generation
        state = .synchronized
        selection = Selection(anchor: min(selection.anchor, server.visibleCount), head: min(selection.head, server.visibleCount))
        hideAllCursors()
        return (discarded, committed)
    }

    /// Moves the shown cursors through an operation: both ends of each, unless a planted flaw
    /// leaves them (or the anchor ends) where they were.
    private mutating func moveShownCursors(through operation: Engine.Operation, engine: Engine, flaws: SystemFlaws) {
        guard !flaws.contains(.leavesRemoteCursorsUntransformed) else { return }
        for owner in shownCursors.indices {
            guard let shown = shownCursors[owner] else { continue }
            let moved = Self.move(shown, through: operation, engine: engine)
            shownCursors[owner] = flaws.contains(.leavesSelectionAnchorsUntransformed) ? Selection(anchor: shown.anchor, head: moved.head) : moved
        }
    }

    private static func move(_ selection: Selection, through operation: Engine.Operation, engine: Engine) -> Selection {
        Selection(anchor: engine.transformCursor(selection.anchor, against: operation),
                  head: engine.transformCursor(selection.head, against: operation))
    }

    private mutating func takeClientOpID() -> Int {
        defer { nextClientOpID += 1 }
        return nextClientOpID
    }

    /// `(local′, remote′)` for a local operation that wins ties and a remote one that loses them.
    private static func transformPair(
        _ local: Engine.Operation, _ remote: Engine.Operation, _ engine: Engine
    ) -> (Engine.Operation, Engine.Operation) {
        (engine.transform(local, against: remote, tieBreak: .thisFirst),
         engine.transform(remote, against: local, tieBreak: .otherFirst))
    }
}
