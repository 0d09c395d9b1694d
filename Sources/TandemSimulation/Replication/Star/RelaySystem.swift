import TandemCore

/// CRDT replication through a central relay over client–server connections that drop: each
/// client sends its updates, numbered by `client_op_id`, to the server, which stores them
/// durably in order, integrates them into its own replica, acknowledges them and forwards
/// them to every other client. After a reconnect a client sends what it last saw and every
/// update still unacknowledged; the server skips the ones it already stored and answers
/// with what the client missed.
///
/// The store keeps the whole log (no snapshots: a replica's state is not a value the
/// protocol can copy), so a restart rebuilds the server's replica by integrating it all.
struct RelaySystem<Replica: CRDTReplica>: ReplicationSystem {
    /// A stored update with its author's identity for it.
    struct Entry {
        var update: Replica.Update
        var author: Int
        var clientOpID: Int
    }

    /// An update its author has not seen acknowledged.
    struct Pending {
        var update: Replica.Update
        var clientOpID: Int
        var edit: Int
    }

    enum Payload {
        case submit(Replica.Update, clientOpID: Int)
        case ack(clientOpID: Int, index: Int)
        case broadcast(Replica.Update, index: Int)
        case hello(lastSeen: Int, pending: [Pending])
        case welcome(missed: [Entry], from: Int)
        /// The client is refused: it must rebuild from the whole store.
        case reload(entries: [Entry], committedThrough: Int, reason: String)
        case duplicate(clientOpID: Int)
        /// A client asks the server to restore its text after the first `version` stored updates.
        case restore(version: Int)
        /// A client's selection, pinned to elements, with its sequence number (to the server,
        /// and relayed to the others).
        case presence(AnchoredSelection, sequence: Int, owner: Int)
        /// The server tells a client that `owner` left: stop showing its cursor.
        case presenceLeave(owner: Int)
    }

    /// Frames add a tag byte, an index and a client op id to the update.
    static var headerBytes: Int { 17 }
    private static var resendAfterMicroseconds: Int64 { 10_000_000 }

    let trace: Trace
    let flaws: SystemFlaws
    let initialScalars: [Unicode.Scalar]
    /// Replica 0 is the server (its memory, meaningless while `serverIsUp` is false), then clients 1...n.
    var replicas: [Replica]
    var serverIsUp = true
    var log = DurableStore<Entry, Void>(initial: ())
    /// The server's memory of the highest `client_op_id` stored per client (index 0: of its
    /// own restore updates).
    var committedThrough: [Int]
    private var pending: [[Pending]]
    var lastSeen: [Int]
    private var nextClientOpID: [Int]
    var sendCounter: [Int]
    private var lastSubmitted: [Pending?]
    /// Per client, the connection on which the server has answered its hello (and so may
    /// forward it updates); nil when none. Server memory: lost in a crash.
    private var sessions: [Int?]
    /// The clients' presence; nil when the engine does not conform to `CRDTAnchoring`.
    var presence: CRDTPresence<Replica>?
    /// The server's memory of each owner's latest selection and its sequence number, for
    /// clients that join later. Lost in a crash; an owner's is forgotten when it leaves.
    var serverPresence: [(selection: AnchoredSelection, sequence: Int)?]

    init(trace: Trace, flaws: SystemFlaws) {
        self.trace = trace
        self.flaws = flaws
        initialScalars = Array(trace.initialText.unicodeScalars)
        replicas = (0...trace.clients).map { [initialScalars] in Replica(replicaID: ReplicaID($0), initialText: initialScalars) }
        let sites = trace.clients + 1
        committedThrough = Array(repeating: 0, count: sites)
        pending = Array(repeating: [], count: sites)
        lastSeen = Array(repeating: 0, count: sites)
        nextClientOpID = Array(repeating: 1, count: sites)
        sendCounter = Array(repeating: 0, count: sites)
        lastSubmitted = Array(repeating: nil, count: sites)
        sessions = Array(repeating: 0, count: sites)
        presence = CRDTPresence(trace: trace, replicas: replicas, flaws: flaws)
        serverPresence = Array(repeating: nil, count: sites)
    }

    /// Whether the server may forward updates to the client: its connection is up and the
    /// server has answered the hello on it.
    func hasSession(_ client: Int, _ kernel: SimulationKernel<Payload>) -> Bool {
        kernel.isConnected(client) && sessions[client] == kernel.connection(of: client)
    }

    var siteTexts: [TextBuffer] {
        replicas.map(\.text)
    }

    var unfinishedWork: String? {
        var problems: [String] = []
        if !serverIsUp { problems.append("the server is down") }
        let unacknowledged = pending.indices.filter { !pending[$0].isEmpty }.map { "\(RunOutcome.siteName($0)) (\(pending[$0].count))" }
        if !unacknowledged.isEmpty { problems.append("updates still unacknowledged at \(unacknowledged.joined(separator: ", "))") }
        if let waiting = replicas.dependencyWaitSummary(sites: 0..<replicas.count) { problems.append(waiting) }
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
        guard let update = replicas[site].perform(edit) else {
            if case .restore(let versionsBack) = edit.action { requestRestore(edit, versionsBack: versionsBack, kernel: &kernel) }
            return
        }
        kernel.textChanged(site: site, text: replicas[site].text,
                           what: "edit #\(edit.id) \(edit.summary) as \(Replica.describe(update))")
        let item = Pending(update: update, clientOpID: nextClientOpID[site], edit: edit.id)
        nextClientOpID[site] += 1
        pending[site].append(item)
        if kernel.isConnected(site) { submit(item, from: site, kernel: &kernel) }
        selectionMoved(site, by: edit, kernel: &kernel)
    }

    mutating func deliver(_ envelope: Envelope<Payload>, kernel: inout SimulationKernel<Payload>) {
        let site = envelope.to
        switch envelope.payload {
        case .submit(let update, let clientOpID):
            kernel.note(0, "deliver \(envelope.key) c\(envelope.from)#\(clientOpID): \(Replica.describe(update))")
            if admits(clientOpID: clientOpID, from: envelope.from, kernel: &kernel) {
                _ = store(Entry(update: update, author: envelope.from, clientOpID: clientOpID), acknowledging: true, kernel: &kernel)
            }
        case .hello(let seen, let resent):
            kernel.note(0, "deliver hello from c\(envelope.from): last seen #\(seen), resending \(resent.count)")
            serverReceivesHello(lastSeen: seen, resent: resent, from: envelope.from, kernel: &kernel)
        case .ack(let clientOpID, let index):
            kernel.note(site, "deliver \(envelope.key): c\(site)#\(clientOpID) stored as #\(index)")
            acknowledged(site, clientOpID: clientOpID, index: index, kernel: &kernel)
            lastSeen[site] = index + 1
            reportIfSynchronized(site, kernel: &kernel)
        case .broadcast(let update, let index):
            kernel.note(site, "deliver \(envelope.key) #\(index): \(Replica.describe(update))")
            replicas[site].integrate(update)
            lastSeen[site] = index + 1
            kernel.textChanged(site: site, text: replicas[site].text, what: "integrate")
            reportIfSynchronized(site, kernel: &kernel)
            documentChanged(site, kernel: &kernel)
        case .welcome(let missed, let from):
            kernel.note(site, "deliver \(envelope.key): \(missed.count) update(s) from #\(from)")
            presence?.hideAll(at: site)
            for (offset, entry) in missed.enumerated() {
                if entry.author == site {
                    acknowledged(site, clientOpID: entry.clientOpID, index: from + offset, kernel: &kernel)
                }
                replicas[site].integrate(entry.update)
            }
            lastSeen[site] = from + missed.count
            kernel.textChanged(site: site, text: replicas[site].text, what: "integrate the catch-up")
            reportIfSynchronized(site, kernel: &kernel)
            documentChanged(site, kernel: &kernel)
        case .reload(let entries, let committed, let reason):
            kernel.note(site, "deliver \(envelope.key): rebuild from \(entries.count) stored update(s) (\(reason))")
            let discarded = pending[site].filter { $0.clientOpID > committed }.map(\.edit)
            pending[site] = []
            kernel.withdraw(edits: discarded)
            kernel.observed(.reloaded(client: site, discardedEdits: discarded.count, reason: reason))
            let previous = presence?.ownSelection(at: site, in: replicas[site])
            replicas[site] = Replica(replicaID: ReplicaID(site), initialText: initialScalars)
            for entry in entries { replicas[site].integrate(entry.update) }
            if let previous { presence?.rebuilt(at: site, previous: previous, in: replicas[site]) }
            lastSeen[site] = entries.count
            kernel.textChanged(site: site, text: replicas[site].text, what: "rebuilt, \(discarded.count) pending edit(s) discarded")
            reportIfSynchronized(site, kernel: &kernel)
            documentChanged(site, kernel: &kernel)
        case .duplicate(let clientOpID):
            kernel.note(site, "deliver \(envelope.key): c\(site)#\(clientOpID) was already stored")
        case .restore(let version):
            serverReceivesRestore(version: version, from: envelope.from, kernel: &kernel)
        case .presence(let selection, let sequence, let owner) where site == 0:
            serverReceivesPresence(selection, sequence: sequence, owner: owner, kernel: &kernel)
        case .presence(let selection, let sequence, let owner):
            clientReceivesPresence(site, selection: selection, sequence: sequence, owner: owner, kernel: &kernel)
        case .presenceLeave(let owner):
            clientHearsLeave(site, owner: owner, kernel: &kernel)
        }
    }

    mutating func connectionOpened(client site: Int, kernel: inout SimulationKernel<Payload>) {
        sendCounter[site] += 1
        let resent = pending[site]
        kernel.send(.hello(lastSeen: lastSeen[site], pending: resent),
                    key: MessageKey(kind: .hello, edit: 0, from: site, to: 0, attempt: sendCounter[site]),
                    bytes: resent.reduce(Self.headerBytes) { $0 + Self.headerBytes + Replica.encodedSize(of: $1.update) },
                    summary: "last seen #\(lastSeen[site]), resending \(resent.count)")
        if let last = resent.last {
            lastSubmitted[site] = last
            kernel.setTimer(site: site, tag: last.clientOpID, after: Self.resendAfterMicroseconds)
        }
        presence?.states[site].owed = true
        sendPresenceIfAllowed(site, kernel: &kernel)
    }

    mutating func timerFired(site: Int, tag: Int, kernel: inout SimulationKernel<Payload>) {
        guard tag >= 0 else {
            presenceTimerFired(site, tag: tag, kernel: &kernel)
            return
        }
        guard kernel.isConnected(site) else { return }
        if let item = pending[site].first(where: { $0.clientOpID == tag }) {
            kernel.note(site, "no ack for c\(site)#\(tag) after \(VirtualTime(microseconds: Self.resendAfterMicroseconds)): resend")
            submit(item, from: site, kernel: &kernel)
        } else if flaws.contains(.resendTimerNeverStops), let last = lastSubmitted[site], last.clientOpID == tag {
            submit(last, from: site, kernel: &kernel)
        }
    }

    mutating func serverCrashed(kernel: inout SimulationKernel<Payload>) {
        serverIsUp = false
        sessions = Array(repeating: nil, count: sessions.count)
        serverPresence = Array(repeating: nil, count: serverPresence.count)
    }

    mutating func serverRestarted(failover: Bool, kernel: inout SimulationKernel<Payload>) {
        serverIsUp = true
        replicas[0] = Replica(replicaID: 0, initialText: initialScalars)
        for entry in log.entries { replicas[0].integrate(entry.update) }
        committedThrough = flaws.contains(.forgetsDedupTableOnRestart)
            ? Array(repeating: 0, count: committedThrough.count) : storedThrough()
        kernel.observed(.serverRestarted(head: log.head, failover: failover))
        kernel.textChanged(site: 0, text: replicas[0].text, what: "rebuilt from \(log.head) stored update(s)")
        kernel.versionReached(site: 0, version: log.head, text: replicas[0].text)
    }

    mutating func finish(kernel: inout SimulationKernel<Payload>) {
        kernel.observed(.durableState(
            log: log.entries.map { OperationID(client: $0.author, clientOpID: $0.clientOpID) }, logStartsAt: 0,
            committedThrough: storedThrough()))
        var rebuilt = Replica(replicaID: 0, initialText: initialScalars)
        kernel.observed(.historyRebuilt(version: 0, text: rebuilt.text, how: "the initial text"))
        for (index, entry) in log.entries.enumerated() {
            rebuilt.integrate(entry.update)
            kernel.observed(.historyRebuilt(version: index + 1, text: rebuilt.text, how: "\(index + 1) stored update(s)"))
        }
        reportPresenceAtEnd(kernel: &kernel)
    }

    /// Per client, the highest `client_op_id` in the durable log (index 0: the server's own).
    private func storedThrough() -> [Int] {
        var table = Array(repeating: 0, count: committedThrough.count)
        for entry in log.entries { table[entry.author] = max(table[entry.author], entry.clientOpID) }
        return table
    }

    private mutating func serverReceivesHello(lastSeen seen: Int, resent: [Pending], from client: Int, kernel: inout SimulationKernel<Payload>) {
        for item in resent {
            guard serverIsUp else { return }
            guard admits(clientOpID: item.clientOpID, from: client, kernel: &kernel, replyingToDuplicates: false) else { continue }
            guard store(Entry(update: item.update, author: client, clientOpID: item.clientOpID), acknowledging: false, kernel: &kernel) else {
                return
            }
        }
        guard kernel.isConnected(client) else { return }
        sessions[client] = kernel.connection(of: client)
        let from = min(seen, log.head)
        let missed = Array(log.entries[from...])
        sendCounter[0] += 1
        kernel.send(.welcome(missed: missed, from: from), key: MessageKey(kind: .welcome, edit: 0, from: 0, to: client, attempt: sendCounter[0]),
                    bytes: missed.reduce(Self.headerBytes) { $0 + Self.headerBytes + Replica.encodedSize(of: $1.update) },
                    summary: "\(missed.count) update(s) from #\(from)")
        sendKnownPresence(to: client, kernel: &kernel)
    }

    /// Whether the server stores an update: the author's role must allow editing (otherwise
    /// the client is told to rebuild), and it must not be stored already (the client is told
    /// so, unless the catch-up will tell it).
    private mutating func admits(clientOpID: Int, from author: Int, kernel: inout SimulationKernel<Payload>, replyingToDuplicates: Bool = true) -> Bool {
        let role = trace.role(ofClient: author, at: kernel.now)
        if !role.canEdit && !flaws.contains(.skipsPermissionCheck) {
            kernel.observed(.rejected(client: author, clientOpID: clientOpID))
            sessions[author] = kernel.connection(of: author)
            sendCounter[0] += 1
            kernel.send(.reload(entries: log.entries, committedThrough: committedThrough[author], reason: "rejected: c\(author) is a \(role.rawValue)"),
                        key: MessageKey(kind: .reload, edit: 0, from: 0, to: author, attempt: sendCounter[0]),
                        bytes: log.entries.reduce(Self.headerBytes) { $0 + Replica.encodedSize(of: $1.update) },
                        summary: "rebuild: c\(author) is a \(role.rawValue)")
            return false
        }
        if clientOpID <= committedThrough[author] {
            if replyingToDuplicates {
                sendCounter[0] += 1
                kernel.send(.duplicate(clientOpID: clientOpID),
                            key: MessageKey(kind: .duplicate, edit: clientOpID, from: 0, to: author, attempt: sendCounter[0]),
                            bytes: Self.headerBytes, summary: "c\(author)#\(clientOpID) already stored")
            }
            return false
        }
        return true
    }

    /// Stores, integrates, acknowledges (unless the catch-up will) and forwards an update,
    /// appending it durably before anyone hears of it. Returns false if a crash struck. The
    /// server's own updates (author 0) go to every client in session.
    mutating func store(_ entry: Entry, acknowledging: Bool, kernel: inout SimulationKernel<Payload>) -> Bool {
        let index = log.head
        let appendFirst = !flaws.contains(.broadcastBeforeDurableAppend)
        if appendFirst {
            log.append(entry)
            if kernel.crashStrikes(at: .betweenAppendAndBroadcast) {
                serverCrashed(kernel: &kernel)
                return false
            }
        }
        committedThrough[entry.author] = entry.clientOpID
        replicas[0].integrate(entry.update)
        kernel.observed(.committed(version: index + 1, author: entry.author, clientOpID: entry.clientOpID))
        kernel.textChanged(site: 0, text: replicas[0].text, what: "store #\(index) \(OperationID(client: entry.author, clientOpID: entry.clientOpID))")
        kernel.versionReached(site: 0, version: index + 1, text: replicas[0].text)
        if acknowledging {
            sendCounter[0] += 1
            kernel.send(.ack(clientOpID: entry.clientOpID, index: index),
                        key: MessageKey(kind: .ack, edit: entry.clientOpID, from: 0, to: entry.author, attempt: sendCounter[0]),
                        bytes: Self.headerBytes, summary: "c\(entry.author)#\(entry.clientOpID) as #\(index)")
        }
        let bytes = Self.headerBytes + Replica.encodedSize(of: entry.update)
        for client in 1..<replicas.count where client != entry.author && hasSession(client, kernel) {
            kernel.send(.broadcast(entry.update, index: index), key: MessageKey(kind: .broadcast, edit: index, from: 0, to: client),
                        bytes: bytes, summary: "#\(index)")
        }
        if !appendFirst {
            if kernel.crashStrikes(at: .betweenAppendAndBroadcast) {
                serverCrashed(kernel: &kernel)
                return false
            }
            log.append(entry)
        }
        return true
    }

    private mutating func submit(_ item: Pending, from site: Int, kernel: inout SimulationKernel<Payload>) {
        sendCounter[site] += 1
        kernel.send(.submit(item.update, clientOpID: item.clientOpID),
                    key: MessageKey(kind: .submit, edit: item.edit, from: site, to: 0, attempt: sendCounter[site] == 1 ? 0 : sendCounter[site]),
                    bytes: Self.headerBytes + Replica.encodedSize(of: item.update), summary: "c\(site)#\(item.clientOpID)")
        lastSubmitted[site] = item
        kernel.setTimer(site: site, tag: item.clientOpID, after: Self.resendAfterMicroseconds)
    }

    private mutating func acknowledged(_ site: Int, clientOpID: Int, index: Int, kernel: inout SimulationKernel<Payload>) {
        guard let position = pending[site].firstIndex(where: { $0.clientOpID == clientOpID }) else { return }
        pending[site].remove(at: position)
        kernel.observed(.acknowledged(client: site, clientOpID: clientOpID, version: index + 1))
    }

    /// A client with nothing unacknowledged and nothing buffered holds the server's text at
    /// the last index it saw.
    private mutating func reportIfSynchronized(_ site: Int, kernel: inout SimulationKernel<Payload>) {
        guard pending[site].isEmpty, replicas[site].pendingUpdateCount == 0 else { return }
        kernel.versionReached(site: site, version: lastSeen[site], text: replicas[site].text)
    }
}
