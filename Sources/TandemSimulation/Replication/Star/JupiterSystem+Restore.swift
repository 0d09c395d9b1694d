import TandemCore

/// "Restore version" for `JupiterSystem`: the client only asks; the server rebuilds the
/// version from its durable state and commits the difference to its head as one operation
/// of its own, which reaches every client, the requester included, like any other.
extension JupiterSystem {
    /// The user asked for "restore version" at a connected client: it asks the server for the
    /// version `versionsBack` before the one it last saw, and leaves its document alone. The
    /// request is sent once; it is lost if the connection drops.
    mutating func requestRestore(_ edit: EditIntent, versionsBack: Int, kernel: inout SimulationKernel<Payload>) {
        let site = edit.client
        let seen = clients[site - 1].revision
        let version = max(0, seen - versionsBack)
        kernel.send(.restore(version: version), key: MessageKey(kind: .restore, edit: edit.id, from: site, to: 0),
                    bytes: Self.smallFrameBytes, summary: "edit #\(edit.id) \(edit.summary): v\(version) (last seen v\(seen))")
    }

    /// The server carries out a restore request from a client whose role allows editing:
    /// the version, moved up to the oldest one it can still rebuild, is rebuilt from the
    /// nearest snapshot and the log, and its difference from the head is committed.
    mutating func serverReceivesRestore(version requested: Int, from requester: Int, kernel: inout SimulationKernel<Payload>) {
        guard let memory = server else { return }
        kernel.note(0, "deliver restore request from c\(requester): v\(requested)")
        let role = trace.role(ofClient: requester, at: kernel.now)
        if !role.canEdit && !flaws.contains(.skipsPermissionCheck) {
            kernel.observed(.rejected(client: requester, clientOpID: 0))
            kernel.note(0, "restore rejected: c\(requester) is a \(role.rawValue)")
            return
        }
        let version = store.oldestRebuildableVersion(atOrAfter: min(requested, head))
        if version != requested {
            kernel.note(0, "v\(requested) cannot be rebuilt (head v\(head), log kept from v\(store.trimmedBefore)): restoring v\(version)")
        }
        let source = flaws.contains(.restoresOffByOneVersion) ? max(0, version - 1) : version
        guard let rebuilt = rebuiltDocument(at: source, kernel: &kernel) else { return }
        let diff = RestoreDiff(from: memory.document.visibleText, to: rebuilt.visibleText)
        let before = head
        if !diff.hunks.isEmpty {
            guard let operation = restoreOperation(diff, on: memory.document, kernel: &kernel) else { return }
            _ = commit(operation, basedOn: before, clientOpID: memory.committedThrough[0] + 1, from: 0, acknowledging: false, kernel: &kernel)
            guard head > before else { return }
        }
        kernel.restoreLanded(deleted: diff.deleted, reinserted: diff.reinserted)
        kernel.statistics.restores += 1
        kernel.note(0, "restored v\(version) as v\(head) for c\(requester): \(diff.deleted.count) scalar(s) removed, "
                        + "\(diff.reinserted.count) inserted again")
        kernel.observed(.restored(
            version: version, asVersion: head, requester: requester, deleted: diff.deleted, reinserted: diff.reinserted))
    }

    /// The document at `version`, from the latest snapshot at or below it plus the log; nil
    /// (with a note) when the log it needs was trimmed.
    private func rebuiltDocument(at version: Int, kernel: inout SimulationKernel<Payload>) -> Engine.Document? {
        let snapshot = store.snapshot(atOrBefore: version)
        var document = snapshot.state.document
        guard snapshot.version < version else { return document }
        guard let tail = entries(from: snapshot.version) else {
            kernel.note(0, "cannot rebuild v\(version): the log after the snapshot at v\(snapshot.version) was trimmed")
            return nil
        }
        for (offset, entry) in tail.prefix(version - snapshot.version).enumerated() {
            do {
                try engine.apply(entry.operation, to: &document)
            } catch {
                kernel.engineFailed(site: 0, "rebuilding v\(snapshot.version + offset + 1) for a restore: \(error)")
                return nil
            }
        }
        return document
    }

    /// One operation with the effect of the diff on `document`, made through the engine: each
    /// hunk, from the last to the first, as a deletion then an insertion, all composed.
    private func restoreOperation(_ diff: RestoreDiff, on document: Engine.Document, kernel: inout SimulationKernel<Payload>) -> Engine.Operation? {
        var text = document
        var operation: Engine.Operation?
        func append(_ step: Engine.Operation) throws {
            try engine.apply(step, to: &text)
            operation = operation.map { engine.compose($0, step) } ?? step
        }
        do {
            for hunk in diff.hunks.reversed() {
                if !hunk.deleted.isEmpty { try append(engine.deletion(of: hunk.position..<hunk.position + hunk.deleted.count, in: text)) }
                if !hunk.inserted.isEmpty { try append(engine.insertion(of: hunk.inserted, at: hunk.position, in: text)) }
            }
        } catch {
            kernel.engineFailed(site: 0, "building the restore operation: \(error)")
            return nil
        }
        return operation
    }
}
