import TandemCore

/// "Restore version" for `RelaySystem`: the client only asks; the server rebuilds the text
/// after the first `version` stored updates, and its own replica makes the deletions and
/// insertions that turn its text into that one, stored and forwarded to every client, the
/// requester included, like any client's updates.
extension RelaySystem {
    /// The user asked for "restore version" at a connected client: it asks the server for the
    /// version `versionsBack` before the one it last saw, and leaves its replica alone. The
    /// request is sent once; it is lost if the connection drops.
    mutating func requestRestore(_ edit: EditIntent, versionsBack: Int, kernel: inout SimulationKernel<Payload>) {
        let site = edit.client
        let version = max(0, lastSeen[site] - versionsBack)
        kernel.send(.restore(version: version), key: MessageKey(kind: .restore, edit: edit.id, from: site, to: 0),
                    bytes: Self.headerBytes, summary: "edit #\(edit.id) \(edit.summary): v\(version) (last seen v\(lastSeen[site]))")
    }

    /// The server carries out a restore request from a client whose role allows editing. The
    /// store keeps the whole log, so every version up to the head can be rebuilt (a fresh
    /// replica integrates the log up to it). Each hunk of the difference from the server's
    /// text, from the last to the first, becomes a deletion then an insertion made by the
    /// server's own replica under the server's next `client_op_id`, stored and forwarded like
    /// a client's update. The restore is announced to the oracles first: a crash may cut it
    /// short, leaving the head below the announced `asVersion`.
    mutating func serverReceivesRestore(version requested: Int, from requester: Int, kernel: inout SimulationKernel<Payload>) {
        guard serverIsUp else { return }
        kernel.note(0, "deliver restore request from c\(requester): v\(requested)")
        let role = trace.role(ofClient: requester, at: kernel.now)
        if !role.canEdit && !flaws.contains(.skipsPermissionCheck) {
            kernel.observed(.rejected(client: requester, clientOpID: 0))
            kernel.note(0, "restore rejected: c\(requester) is a \(role.rawValue)")
            return
        }
        let version = min(requested, log.head)
        if version != requested { kernel.note(0, "v\(requested) is beyond the head: restoring v\(version)") }
        let source = flaws.contains(.restoresOffByOneVersion) ? max(0, version - 1) : version
        var rebuilt = Replica(replicaID: 0, initialText: initialScalars)
        for entry in log.entries.prefix(source) { rebuilt.integrate(entry.update) }
        let diff = RestoreDiff(from: replicas[0].text, to: rebuilt.text)
        let parts = diff.hunks.reduce(0) { $0 + ($1.deleted.isEmpty ? 0 : 1) + ($1.inserted.isEmpty ? 0 : 1) }
        kernel.statistics.restores += 1
        kernel.note(0, "restore v\(version) as v\(log.head + parts) for c\(requester): \(diff.deleted.count) scalar(s) to remove, "
                        + "\(diff.reinserted.count) to insert again, in \(parts) update(s)")
        kernel.observed(.restored(
            version: version, asVersion: log.head + parts, requester: requester, deleted: diff.deleted, reinserted: diff.reinserted))
        for hunk in diff.hunks.reversed() {
            if !hunk.deleted.isEmpty {
                let update = replicas[0].delete(hunk.position..<hunk.position + hunk.deleted.count)
                guard storeRestoreUpdate(update, deleted: hunk.deleted, reinserted: [], kernel: &kernel) else { return }
            }
            if !hunk.inserted.isEmpty {
                let update = replicas[0].insert(hunk.inserted, at: hunk.position)
                guard storeRestoreUpdate(update, deleted: [], reinserted: hunk.inserted, kernel: &kernel) else { return }
            }
        }
    }

    /// Stores one of the server's own updates under its next `client_op_id`; once it is
    /// durable, the oracles learn what it removed and inserted again. False if a crash struck.
    private mutating func storeRestoreUpdate(
        _ update: Replica.Update, deleted: [Unicode.Scalar], reinserted: [Unicode.Scalar], kernel: inout SimulationKernel<Payload>
    ) -> Bool {
        let before = log.head
        let stored = store(Entry(update: update, author: 0, clientOpID: committedThrough[0] + 1), acknowledging: false, kernel: &kernel)
        if log.head > before { kernel.restoreLanded(deleted: deleted, reinserted: reinserted) }
        return stored
    }
}
