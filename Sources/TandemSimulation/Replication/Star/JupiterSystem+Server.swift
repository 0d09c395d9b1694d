import TandemCore

/// The server side of `JupiterSystem`: permissions, dedup, commit with durable append before
/// broadcast, snapshots, crash and rebuild, and the catch-up after a reconnect.
extension JupiterSystem {
    mutating func serverReceivesSubmit(
        _ operation: Engine.Operation, basedOn: Int, clientOpID: Int, reloadGeneration: Int, from author: Int,
        kernel: inout SimulationKernel<Payload>
    ) {
        kernel.note(0, "deliver c\(author)#\(clientOpID) based on v\(basedOn) \(engine.describe(operation))")
        guard server != nil, passesReloadFence(reloadGeneration, from: author, what: "c\(author)#\(clientOpID)", kernel: &kernel) else { return }
        guard admits(clientOpID: clientOpID, from: author, reloadGeneration: reloadGeneration, kernel: &kernel) == .accepted else { return }
        guard entries(from: basedOn) != nil else {
            sendReload(to: author, reason: "c\(author)#\(clientOpID) is based on v\(basedOn), older than the log the server keeps",
                       after: reloadGeneration, kernel: &kernel)
            return
        }
        _ = commit(operation, basedOn: basedOn, clientOpID: clientOpID, from: author, acknowledging: true, kernel: &kernel)
    }

    mutating func serverReceivesHello(
        lastSeen: Int, inFlight: (operation: Engine.Operation, clientOpID: Int)?, wantsReload: Bool, reloadGeneration: Int,
        from client: Int, kernel: inout SimulationKernel<Payload>
    ) {
        guard server != nil else { return }
        kernel.note(0, "deliver hello from c\(client): last seen v\(lastSeen)")
        guard passesReloadFence(reloadGeneration, from: client, what: "the hello", kernel: &kernel) else { return }
        let reason: String? =
            if wantsReload { "the client has too many pending edits" }
            else if lastSeen > head { "the client has seen v\(lastSeen), beyond the server's v\(head)" }
            else if entries(from: lastSeen) == nil { "the log before v\(store.trimmedBefore) was trimmed" }
            else { nil }
        if let reason {
            sendReload(to: client, reason: reason, after: reloadGeneration, kernel: &kernel)
            return
        }
        if let inFlight {
            switch admits(clientOpID: inFlight.clientOpID, from: client, reloadGeneration: reloadGeneration, kernel: &kernel,
                          replyingToDuplicates: false) {
            case .rejected:
                return
            case .duplicate:
                break
            case .accepted:
                guard commit(inFlight.operation, basedOn: lastSeen, clientOpID: inFlight.clientOpID, from: client,
                             acknowledging: false, snapshotting: false, kernel: &kernel) else { return }
            }
        }
        let missed = entries(from: lastSeen) ?? []
        let bytes = missed.reduce(Self.headerBytes) { $0 + Self.headerBytes + engine.encodedSize(of: $1.operation) }
        sendCounter[0] += 1
        sessions[client] = kernel.connection(of: client)
        kernel.send(.welcome(missed: missed, from: lastSeen), key: MessageKey(kind: .welcome, edit: 0, from: 0, to: client, attempt: sendCounter[0]),
                    bytes: bytes, summary: "\(missed.count) operation(s) from v\(lastSeen)")
        sendKnownCursors(to: client, kernel: &kernel)
        snapshotIfDue(kernel: &kernel)
    }

    /// Whether the server accepts an operation from the client: its role must allow editing
    /// (otherwise the client gets a reload as its error frame), and it must not be a resend of
    /// one already committed (the client is told so, unless the catch-up will tell it).
    private mutating func admits(
        clientOpID: Int, from author: Int, reloadGeneration: Int, kernel: inout SimulationKernel<Payload>,
        replyingToDuplicates: Bool = true
    ) -> Admission {
        guard let server else { return .rejected }
        let role = trace.role(ofClient: author, at: kernel.now)
        if !role.canEdit && !flaws.contains(.skipsPermissionCheck) {
            kernel.observed(.rejected(client: author, clientOpID: clientOpID))
            sendReload(to: author, reason: "rejected: c\(author) is a \(role.rawValue)", after: reloadGeneration, kernel: &kernel)
            return .rejected
        }
        guard clientOpID > server.committedThrough[author] else {
            if replyingToDuplicates {
                sendCounter[0] += 1
                kernel.send(.duplicate(clientOpID: clientOpID),
                            key: MessageKey(kind: .duplicate, edit: clientOpID, from: 0, to: author, attempt: sendCounter[0]),
                            bytes: Self.smallFrameBytes, summary: "c\(author)#\(clientOpID) already committed")
            }
            return .duplicate
        }
        return .accepted
    }

    /// Whether a message the client sent with `reloadGeneration` may be acted on: not when it
    /// was sent before the client applied the server's last reload, which threw away what it
    /// carries (`what` names it in the timeline).
    private mutating func passesReloadFence(
        _ reloadGeneration: Int, from client: Int, what: String, kernel: inout SimulationKernel<Payload>
    ) -> Bool {
        guard let fence = reloadFences[client] else { return true }
        let connection = kernel.connection(of: client)
        if fence.fencesOff(generation: reloadGeneration, connection: connection) {
            kernel.note(0, "ignored: \(what) was sent before c\(client) applied reload \(fence.generation)")
            return false
        }
        reloadFences[client] = nil
        return true
    }

    /// Sends the client the server's document, answering a message the client sent with
    /// reload generation `generation`, and fences off what it sent before applying it.
    private mutating func sendReload(
        to client: Int, reason: String, after generation: Int, kernel: inout SimulationKernel<Payload>
    ) {
        guard let server else { return }
        let connection = kernel.connection(of: client)
        sessions[client] = connection
        let fence = ReloadFence(connection: connection, generation: generation + 1)
        reloadFences[client] = fence
        sendCounter[0] += 1
        kernel.send(.reload(document: server.document, version: head, committedThrough: server.committedThrough[client],
                            generation: fence.generation, reason: reason),
                    key: MessageKey(kind: .reload, edit: 0, from: 0, to: client, attempt: sendCounter[0]),
                    bytes: Self.headerBytes + ReloadFence.wireBytes(of: fence.generation) + server.document.encodedSize,
                    summary: "reload at v\(head): \(reason)")
        sendKnownCursors(to: client, kernel: &kernel)
    }

    /// Transforms the operation to the head, applies it, appends it durably, acknowledges it
    /// (unless the catch-up will) and broadcasts it, then snapshots if due (unless the caller
    /// still needs the log as it is). Returns false if a crash struck on the way. The server's
    /// own operations (author 0) go to every client in session.
    mutating func commit(
        _ operation: Engine.Operation, basedOn: Int, clientOpID: Int, from author: Int, acknowledging: Bool,
        snapshotting: Bool = true, kernel: inout SimulationKernel<Payload>
    ) -> Bool {
        guard var memory = server, let missed = entries(from: basedOn) else { return false }
        let committed: Engine.Operation
        do {
            let (transformed, steps) = memory.transformToHead(operation, basedOn: basedOn, missed: missed, engine: engine)
            for step in steps {
                record(site: 0, version: step.version, prefix: nil, operation: step.operation, against: step.against, kernel: &kernel)
            }
            try engine.apply(transformed, to: &memory.document)
            committed = transformed
        } catch {
            kernel.engineFailed(site: 0, "commit of \(OperationID(client: author, clientOpID: clientOpID)) \(engine.describe(operation)) based on v\(basedOn): \(error)")
            return false
        }
        let entry = Entry(operation: committed, author: author, clientOpID: clientOpID)
        let version = head + 1
        let appendFirst = !flaws.contains(.broadcastBeforeDurableAppend)
        history.append(committed)
        if appendFirst {
            store.append(entry)
            guard !crashStruck(at: .betweenAppendAndBroadcast, kernel: &kernel) else { return false }
        }
        memory.committedThrough[author] = clientOpID
        server = memory
        kernel.observed(.committed(version: version, author: author, clientOpID: clientOpID))
        kernel.textChanged(site: 0, text: memory.document.visibleText, what: "commit v\(version) \(OperationID(client: author, clientOpID: clientOpID)) \(engine.describe(committed))")
        kernel.versionReached(site: 0, version: version, text: memory.document.visibleText)
        if acknowledging {
            sendCounter[0] += 1
            kernel.send(.ack(version: version, clientOpID: clientOpID),
                        key: MessageKey(kind: .ack, edit: clientOpID, from: 0, to: author, attempt: sendCounter[0]),
                        bytes: Self.smallFrameBytes, summary: "c\(author)#\(clientOpID) as v\(version)")
        }
        let bytes = Self.headerBytes + engine.encodedSize(of: committed)
        for client in 1...clients.count where client != author && hasSession(client, kernel) {
            kernel.send(.broadcast(committed, version: version), key: MessageKey(kind: .broadcast, edit: version, from: 0, to: client),
                        bytes: bytes, summary: "v\(version)")
        }
        if !appendFirst {
            if unflushed.isEmpty { kernel.setTimer(site: 0, tag: 0, after: Self.writeBehindMicroseconds) }
            unflushed.append(entry)
        }
        if snapshotting { snapshotIfDue(kernel: &kernel) }
        return true
    }

    /// With the flaw `broadcastBeforeDurableAppend`, the server writes its committed entries
    /// this long after it broadcast them.
    static var writeBehindMicroseconds: Int64 { 50_000 }

    /// The flawed server's write-behind: the entries committed (and broadcast) since the last
    /// flush reach the store now, unless a crash strikes first.
    mutating func flushWrites(kernel: inout SimulationKernel<Payload>) {
        guard server != nil, !unflushed.isEmpty else { return }
        guard !crashStruck(at: .betweenAppendAndBroadcast, kernel: &kernel) else { return }
        for entry in unflushed { store.append(entry) }
        unflushed = []
        snapshotIfDue(kernel: &kernel)
    }

    private mutating func snapshotIfDue(kernel: inout SimulationKernel<Payload>) {
        guard let memory = server, unflushed.isEmpty else { return }
        let policy = trace.server
        let dueByCount = store.head - store.latestSnapshot.version >= policy.snapshotEveryOps
        let dueByTime = kernel.now.microseconds - memory.lastSnapshotTime.microseconds >= policy.snapshotEveryMicroseconds
        guard dueByCount || dueByTime, store.head > store.latestSnapshot.version else { return }
        guard !crashStruck(at: .duringSnapshot, kernel: &kernel) else { return }
        let document = flaws.contains(.snapshotsStaleText) ? store.latestSnapshot.state.document : memory.document
        store.takeSnapshot(.init(document: document, committedThrough: memory.committedThrough),
                           retaining: policy.retainedOpsBeforeSnapshot)
        server?.lastSnapshotTime = kernel.now
        kernel.statistics.snapshots += 1
        kernel.note(0, "snapshot at v\(store.head); log kept from v\(store.trimmedBefore)")
    }

    private mutating func crashStruck(at point: ServerCrash.Point, kernel: inout SimulationKernel<Payload>) -> Bool {
        guard kernel.crashStrikes(at: point) else { return false }
        serverCrashed(kernel: &kernel)
        return true
    }

    mutating func serverCrashed(kernel: inout SimulationKernel<Payload>) {
        server = nil
        unflushed = []
        sessions = Array(repeating: nil, count: sessions.count)
        reloadFences = Array(repeating: nil, count: reloadFences.count)
        serverCursors = Array(repeating: nil, count: serverCursors.count)
    }

    mutating func serverRestarted(failover: Bool, kernel: inout SimulationKernel<Payload>) {
        do {
            let rebuilt = try JupiterServer(
                rebuiltFrom: store, engine: engine, at: kernel.now, forgettingDedup: flaws.contains(.forgetsDedupTableOnRestart))
            server = rebuilt
            if history.count > store.head {
                history.removeLast(history.count - store.head)
                recorded.removeAll { $0.version >= store.head }
            }
            kernel.observed(.serverRestarted(head: store.head, failover: failover))
            kernel.textChanged(site: 0, text: rebuilt.document.visibleText, what: "rebuilt at v\(store.head) from the snapshot at v\(store.latestSnapshot.version) + log")
            kernel.versionReached(site: 0, version: store.head, text: rebuilt.document.visibleText)
        } catch {
            kernel.engineFailed(site: 0, "rebuilding from the snapshot at v\(store.latestSnapshot.version) + log: \(error)")
        }
    }

    mutating func finish(kernel: inout SimulationKernel<Payload>) {
        replayTransforms(kernel: &kernel)
        reportDurableState(kernel: &kernel)
        for site in 1...clients.count {
            kernel.observed(.cursorsAtEnd(site: site, own: clients[site - 1].selection, shown: clients[site - 1].shownCursors))
        }
    }

    /// Replays the history once, handing each recorded transform its exact start state.
    private mutating func replayTransforms(kernel: inout SimulationKernel<Payload>) {
        var byVersion = Array(repeating: [RecordedTransform](), count: history.count + 1)
        for transform in recorded {
            byVersion[min(transform.version, history.count)].append(transform)
        }
        var state = initialDocument
        for version in byVersion.indices {
            for transform in byVersion[version] {
                var start = state
                if let prefix = transform.prefix {
                    do {
                        try engine.apply(prefix, to: &start)
                    } catch {
                        kernel.engineFailed(
                            site: transform.site,
                            "the in-flight \(engine.describe(prefix)) does not apply to the server's text at v\(version): \(error)")
                        continue
                    }
                }
                let event = TransformEvent(
                    site: transform.site, time: transform.time, state: start,
                    operation: transform.operation, against: transform.against, tieBreak: .thisFirst)
                for index in kernel.checkers.indices {
                    kernel.checkers[index].transformed(by: engine, event)
                }
            }
            if version < history.count {
                do {
                    try engine.apply(history[version], to: &state)
                } catch {
                    kernel.engineFailed(site: 0, "replaying the history at v\(version): \(error)")
                    return
                }
            }
        }
    }

    /// Hands the checkers the durable state and every version it can rebuild.
    private mutating func reportDurableState(kernel: inout SimulationKernel<Payload>) {
        let kept = Array(store.entries(from: store.trimmedBefore) ?? [])
        kernel.observed(.durableState(
            log: kept.map { OperationID(client: $0.author, clientOpID: $0.clientOpID) }, logStartsAt: store.trimmedBefore,
            committedThrough: JupiterServer<Engine>.committedThrough(in: store)))
        for snapshot in store.snapshots {
            var document = snapshot.state.document
            kernel.observed(.historyRebuilt(version: snapshot.version, text: document.visibleText, how: "snapshot v\(snapshot.version)"))
            guard snapshot.version >= store.trimmedBefore else { continue }
            let next = store.snapshots.first { $0.version > snapshot.version }?.version ?? store.head
            for version in snapshot.version..<next {
                guard let entry = store.entry(at: version) else { break }
                do {
                    try engine.apply(entry.operation, to: &document)
                } catch {
                    kernel.engineFailed(site: 0, "rebuilding v\(version + 1) from the snapshot at v\(snapshot.version): \(error)")
                    break
                }
                kernel.observed(.historyRebuilt(
                    version: version + 1, text: document.visibleText, how: "snapshot v\(snapshot.version) + \(version + 1 - snapshot.version) op(s)"))
            }
        }
    }
}
