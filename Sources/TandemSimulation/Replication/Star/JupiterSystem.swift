import TandemCore

/// Server-centric OT: Jupiter clients around one Jupiter server over client–server
/// connections that drop, with the server's durable store, crash recovery, reconnects,
/// permissions and presence.
///
/// Every transform is recorded with the server version whose state it starts from; after
/// the run the server's history is replayed once to hand each transform, with its exact
/// state, to the checkers (TP1 is checked on every transform the engine performed).
struct JupiterSystem<Engine: OTEngine>: ReplicationSystem {
    typealias Entry = JupiterServer<Engine>.Entry
    typealias Store = DurableStore<Entry, JupiterServer<Engine>.SnapshotState>

    enum Payload {
        /// A local operation based on a server version; `reloadGeneration` is that of the last
        /// reload the client applied (see `ReloadFence`).
        case submit(Engine.Operation, basedOn: Int, clientOpID: Int, reloadGeneration: Int)
        case ack(version: Int, clientOpID: Int)
        case broadcast(Engine.Operation, version: Int)
        /// The first message on a new connection: the last version seen, the operation in
        /// flight (based on that version), whether the client asks for a full reload, and the
        /// generation of the last reload it applied.
        case hello(lastSeen: Int, inFlight: (operation: Engine.Operation, clientOpID: Int)?, wantsReload: Bool, reloadGeneration: Int)
        /// The entries from `from` (the hello's `lastSeen`) to the head.
        case welcome(missed: [Entry], from: Int)
        /// Replace the document with the server's; `committedThrough` is the client's highest
        /// committed id, `generation` one above the client's last (see `ReloadFence`).
        case reload(document: Engine.Document, version: Int, committedThrough: Int, generation: Int, reason: String)
        case duplicate(clientOpID: Int)
        /// A client's selection at a server version (to the server, and relayed to the others).
        case cursor(Selection, version: Int, owner: Int)
        /// The server tells a client that `owner` left: stop showing its cursor.
        case presenceLeave(owner: Int)
        /// A client asks the server to restore its text at `version`.
        case restore(version: Int)
    }

    /// The server's verdict on an incoming operation.
    enum Admission {
        case accepted
        case duplicate
        case rejected
    }

    struct RecordedTransform {
        var site: Int
        var time: VirtualTime
        var version: Int
        var prefix: Engine.Operation?
        var operation: Engine.Operation
        var against: Engine.Operation
    }

    /// Small frames carry a tag byte and 8-byte integers.
    static var smallFrameBytes: Int { 17 }
    /// Operation frames add a tag byte, a version and a client op id to the operation.
    static var headerBytes: Int { 17 }
    /// A client resends an unacknowledged operation after this long.
    static var resendAfterMicroseconds: Int64 { 10_000_000 }

    let engine: Engine
    let trace: Trace
    let flaws: SystemFlaws
    let initialDocument: Engine.Document
    /// The server's memory; nil while it is down.
    var server: JupiterServer<Engine>?
    var store: Store
    /// Committed entries not yet written to the store: only with the planted flaw
    /// `broadcastBeforeDurableAppend`, whose server writes behind, a little after it broadcast.
    var unflushed: [Entry] = []
    var clients: [JupiterClient<Engine>]
    /// Presence bookkeeping per client (index 0 unused).
    var presence: [PresenceState]
    /// Every operation committed, in version order, as the oracles' record of the history
    /// (cut back when a crash loses committed versions).
    var history: [Engine.Operation] = []
    var recorded: [RecordedTransform] = []
    /// The last operation each client submitted, for the resend timer.
    var lastSubmitted: [(operation: Engine.Operation, clientOpID: Int)?]
    /// Counts messages per client to give each resend and hello its own network key.
    var sendCounter: [Int]
    /// Per client, the connection on which the server has answered its hello (and so may
    /// send it operations); nil when none. Server memory: lost in a crash.
    var sessions: [Int?]
    /// Per client, the last reload the server sent it, while messages the client sent before
    /// applying it may still arrive. Server memory: lost in a crash (with every connection).
    var reloadFences: [ReloadFence?]
    /// The server's memory of each owner's latest selection and the version it is at, so that
    /// a client joining (or rejoining) is shown everybody's cursor. Lost in a crash; an
    /// owner's is forgotten when it leaves.
    var serverCursors: [(selection: Selection, version: Int)?]

    init(engine: Engine, trace: Trace, flaws: SystemFlaws) {
        self.engine = engine
        self.trace = trace
        self.flaws = flaws
        initialDocument = Engine.Document(visibleText: TextBuffer(trace.initialText))
        server = JupiterServer(document: initialDocument, clients: trace.clients, at: .zero)
        store = Store(initial: .init(document: initialDocument, committedThrough: Array(repeating: 0, count: trace.clients + 1)))
        clients = Array(repeating: JupiterClient(document: initialDocument, clients: trace.clients), count: trace.clients)
        presence = Array(repeating: PresenceState(), count: trace.clients + 1)
        for sharer in trace.cursorSharers { presence[sharer].shares = true }
        for selecting in trace.selectingClients { presence[selecting].selects = true }
        lastSubmitted = Array(repeating: nil, count: trace.clients + 1)
        sendCounter = Array(repeating: 0, count: trace.clients + 1)
        sessions = Array(repeating: 0, count: trace.clients + 1)
        reloadFences = Array(repeating: nil, count: trace.clients + 1)
        serverCursors = Array(repeating: nil, count: trace.clients + 1)
    }

    /// The server's version: every entry committed, durable or (with a flaw) not yet.
    var head: Int {
        store.head + unflushed.count
    }

    /// The committed entries from `version` to the head, or nil when some were trimmed.
    func entries(from version: Int) -> [Entry]? {
        guard version <= head else { return nil }
        if version >= store.head { return Array(unflushed[(version - store.head)...]) }
        guard let durable = store.entries(from: version) else { return nil }
        return Array(durable) + unflushed
    }

    /// Whether the server may send operations to the client: its connection is up and the
    /// server has answered the hello on it, so the client's version is known.
    func hasSession(_ client: Int, _ kernel: SimulationKernel<Payload>) -> Bool {
        kernel.isConnected(client) && sessions[client] == kernel.connection(of: client)
    }

    var siteTexts: [TextBuffer] {
        [server?.document.visibleText ?? TextBuffer()] + clients.map(\.document.visibleText)
    }

    var unfinishedWork: String? {
        var problems: [String] = []
        if server == nil { problems.append("the server is down") }
        let waiting = clients.indices.filter { !clients[$0].isSynchronized }.map { RunOutcome.siteName($0 + 1) }
        if !waiting.isEmpty { problems.append("clients still awaiting acknowledgement: \(waiting.joined(separator: ", "))") }
        return problems.isEmpty ? nil : problems.joined(separator: "; ")
    }

    func documentLength(ofClient site: Int) -> Int {
        clients[site - 1].document.visibleCount
    }

    func scalars(ofClient site: Int, in range: Range<Int>) -> [Unicode.Scalar] {
        clients[site - 1].document.visibleText.scalars(in: range)
    }

    mutating func perform(_ edit: EditIntent, kernel: inout SimulationKernel<Payload>) {
        let site = edit.client
        let document = clients[site - 1].document
        let operation: Engine.Operation
        switch edit.action {
        case .insert(let text):
            operation = engine.insertion(of: Array(text.unicodeScalars), at: edit.position, in: document)
        case .delete(let count):
            operation = engine.deletion(of: edit.position..<(edit.position + count), in: document)
        case .restore(let versionsBack):
            requestRestore(edit, versionsBack: versionsBack, kernel: &kernel)
            return
        }
        let selection = edit.selectionAfter(selecting: presence[site].selects) ?? clients[site - 1].selection
        do {
            let toSend = try clients[site - 1].applyLocal(
                operation, edit: edit.id, selection: selection, engine: engine, flaws: flaws)
            kernel.textChanged(site: site, text: clients[site - 1].document.visibleText,
                               what: "edit #\(edit.id) \(edit.summary) as \(engine.describe(operation))")
            if let toSend, kernel.isConnected(site) { submit(toSend.operation, clientOpID: toSend.clientOpID, from: site, kernel: &kernel) }
            caretMoved(site, kernel: &kernel)
            documentChanged(site, kernel: &kernel)
        } catch {
            kernel.engineFailed(site: site, "local \(engine.describe(operation)): \(error)")
        }
    }

    mutating func deliver(_ envelope: Envelope<Payload>, kernel: inout SimulationKernel<Payload>) {
        let site = envelope.to
        switch envelope.payload {
        case .submit(let operation, let basedOn, let clientOpID, let generation):
            serverReceivesSubmit(operation, basedOn: basedOn, clientOpID: clientOpID, reloadGeneration: generation,
                                 from: envelope.from, kernel: &kernel)
        case .hello(let lastSeen, let inFlight, let wantsReload, let generation):
            serverReceivesHello(lastSeen: lastSeen, inFlight: inFlight, wantsReload: wantsReload, reloadGeneration: generation,
                                from: envelope.from, kernel: &kernel)
        case .cursor(let selection, let version, let owner) where site == 0:
            serverReceivesCursor(selection, version: version, owner: owner, kernel: &kernel)
        case .restore(let version):
            serverReceivesRestore(version: version, from: envelope.from, kernel: &kernel)
        case .ack(let version, let clientOpID):
            kernel.note(site, "deliver \(envelope.key): c\(site)#\(clientOpID) acknowledged as v\(version)")
            acknowledged(site, clientOpID: clientOpID, version: version, kernel: &kernel)
        case .duplicate(let clientOpID):
            kernel.note(site, "deliver \(envelope.key): c\(site)#\(clientOpID) was already committed")
        case .broadcast(let operation, let version):
            kernel.note(site, "deliver \(envelope.key): v\(version) \(engine.describe(operation))")
            receiveRemote(operation, at: site, kernel: &kernel)
            if clients[site - 1].isSynchronized {
                kernel.versionReached(site: site, version: clients[site - 1].revision, text: clients[site - 1].document.visibleText)
            }
        case .welcome(let missed, let from):
            kernel.note(site, "deliver \(envelope.key): \(missed.count) operation(s) from v\(from)")
            clients[site - 1].hideAllCursors()
            welcomed(site, missed: missed, kernel: &kernel)
        case .reload(let document, let version, let committedThrough, let generation, let reason):
            kernel.note(site, "deliver \(envelope.key): reload at v\(version) (\(reason))")
            let (discarded, _) = clients[site - 1].reload(
                document: document, version: version, committedThrough: committedThrough, generation: generation)
            kernel.withdraw(edits: discarded)
            kernel.observed(.reloaded(client: site, discardedEdits: discarded.count, reason: reason))
            kernel.textChanged(site: site, text: document.visibleText, what: "reload, \(discarded.count) pending edit(s) discarded")
            kernel.versionReached(site: site, version: version, text: document.visibleText)
            documentChanged(site, kernel: &kernel)
        case .cursor(let selection, let version, let owner):
            clientReceivesCursor(site, selection: selection, version: version, owner: owner, kernel: &kernel)
        case .presenceLeave(let owner):
            clientHearsLeave(site, owner: owner, kernel: &kernel)
        }
    }

    mutating func connectionOpened(client site: Int, kernel: inout SimulationKernel<Payload>) {
        if presence[site].shares { presence[site].owed = true }
        let client = clients[site - 1]
        let wantsReload = trace.server.reloadAbovePendingEdits.map { client.pendingEditCount > $0 } ?? false
        let inFlight = wantsReload ? nil : client.inFlight.map { (operation: $0.operation, clientOpID: $0.clientOpID) }
        let summary = "last seen v\(client.revision)" + (inFlight.map { ", resending c\(site)#\($0.clientOpID)" } ?? "")
            + (wantsReload ? ", asking for a reload (\(client.pendingEditCount) pending edits)" : "")
        sendCounter[site] += 1
        kernel.send(.hello(lastSeen: client.revision, inFlight: inFlight, wantsReload: wantsReload, reloadGeneration: client.reloadGeneration),
                    key: MessageKey(kind: .hello, edit: 0, from: site, to: 0, attempt: sendCounter[site]),
                    bytes: Self.headerBytes + ReloadFence.wireBytes(of: client.reloadGeneration)
                        + (inFlight.map { engine.encodedSize(of: $0.operation) } ?? 0),
                    summary: summary)
        if let inFlight {
            lastSubmitted[site] = inFlight
            kernel.setTimer(site: site, tag: inFlight.clientOpID, after: Self.resendAfterMicroseconds)
        }
    }

    mutating func timerFired(site: Int, tag: Int, kernel: inout SimulationKernel<Payload>) {
        guard site != 0 else {
            flushWrites(kernel: &kernel)
            return
        }
        guard tag >= 0 else {
            presenceTimerFired(site, tag: tag, kernel: &kernel)
            return
        }
        let stillInFlight = clients[site - 1].inFlight?.clientOpID == tag
        guard stillInFlight || flaws.contains(.resendTimerNeverStops), kernel.isConnected(site) else { return }
        if stillInFlight, let inflight = clients[site - 1].inFlight {
            kernel.note(site, "no ack for c\(site)#\(tag) after \(VirtualTime(microseconds: Self.resendAfterMicroseconds)): resend")
            submit(inflight.operation, clientOpID: tag, from: site, kernel: &kernel)
        } else if let last = lastSubmitted[site], last.clientOpID == tag {
            submit(last.operation, clientOpID: tag, from: site, kernel: &kernel)
        }
    }

    /// Sends an operation to the server based on the client's revision, and arms its resend timer.
    mutating func submit(_ operation: Engine.Operation, clientOpID: Int, from site: Int, kernel: inout SimulationKernel<Payload>) {
        let basedOn = clients[site - 1].revision
        let generation = clients[site - 1].reloadGeneration
        sendCounter[site] += 1
        kernel.send(.submit(operation, basedOn: basedOn, clientOpID: clientOpID, reloadGeneration: generation),
                    key: MessageKey(kind: .submit, edit: clientOpID, from: site, to: 0, attempt: sendCounter[site]),
                    bytes: Self.headerBytes + ReloadFence.wireBytes(of: generation) + engine.encodedSize(of: operation),
                    summary: "c\(site)#\(clientOpID) based on v\(basedOn) \(engine.describe(operation))")
        lastSubmitted[site] = (operation, clientOpID)
        kernel.setTimer(site: site, tag: clientOpID, after: Self.resendAfterMicroseconds)
    }

    /// The client learned that its in-flight operation was committed as `version`.
    private mutating func acknowledged(_ site: Int, clientOpID: Int, version: Int, kernel: inout SimulationKernel<Payload>) {
        guard clients[site - 1].inFlight?.clientOpID == clientOpID else {
            kernel.note(site, "ignored: c\(site)#\(clientOpID) is not in flight")
            return
        }
        kernel.observed(.acknowledged(client: site, clientOpID: clientOpID, version: version))
        if let next = clients[site - 1].acknowledge() {
            if kernel.isConnected(site) { submit(next.operation, clientOpID: next.clientOpID, from: site, kernel: &kernel) }
        } else {
            kernel.versionReached(site: site, version: clients[site - 1].revision, text: clients[site - 1].document.visibleText)
            becameSynchronized(site, kernel: &kernel)
        }
    }

    /// The catch-up after a reconnect: the client's own committed operation counts as its ack,
    /// every other one is a remote operation.
    private mutating func welcomed(_ site: Int, missed: [Entry], kernel: inout SimulationKernel<Payload>) {
        let startRevision = clients[site - 1].revision
        var promoted = false
        for (offset, entry) in missed.enumerated() {
            if entry.author == site, let inflight = clients[site - 1].inFlight, inflight.clientOpID == entry.clientOpID {
                kernel.observed(.acknowledged(client: site, clientOpID: entry.clientOpID, version: startRevision + offset + 1))
                promoted = clients[site - 1].acknowledge() != nil
            } else {
                receiveRemote(entry.operation, at: site, kernel: &kernel)
            }
        }
        if promoted, let next = clients[site - 1].inFlight {
            submit(next.operation, clientOpID: next.clientOpID, from: site, kernel: &kernel)
        } else if clients[site - 1].isSynchronized {
            kernel.versionReached(site: site, version: clients[site - 1].revision, text: clients[site - 1].document.visibleText)
            becameSynchronized(site, kernel: &kernel)
        }
    }

    private mutating func receiveRemote(_ operation: Engine.Operation, at site: Int, kernel: inout SimulationKernel<Payload>) {
        do {
            let (applied, steps) = try clients[site - 1].receive(
                operation, engine: engine, flaws: flaws)
            for step in steps {
                record(site: site, version: step.version, prefix: step.prefix, operation: step.operation, against: step.against, kernel: &kernel)
            }
            kernel.textChanged(site: site, text: clients[site - 1].document.visibleText, what: "apply \(engine.describe(applied))")
            documentChanged(site, kernel: &kernel)
        } catch {
            kernel.engineFailed(site: site, "remote \(engine.describe(operation)): \(error)")
        }
    }

    mutating func record(
        site: Int, version: Int, prefix: Engine.Operation?, operation: Engine.Operation, against: Engine.Operation,
        kernel: inout SimulationKernel<Payload>
    ) {
        kernel.statistics.transforms += 1
        recorded.append(RecordedTransform(
            site: site, time: kernel.now, version: version, prefix: prefix, operation: operation, against: against))
        kernel.note(site, "transform \(engine.describe(operation)) against \(engine.describe(against))")
    }
}
