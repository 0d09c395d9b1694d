import TandemCore

extension CRDTReplica {
    /// Makes a user's edit (already clamped to this replica's document) and returns the update
    /// that carries it: what both CRDT protocols do on a local edit. A restore is nil: only a
    /// server can carry it out.
    mutating func perform(_ edit: EditIntent) -> Update? {
        switch edit.action {
        case .insert(let text): insert(Array(text.unicodeScalars), at: edit.position)
        case .delete(let count): delete(edit.position..<(edit.position + count))
        case .restore: nil
        }
    }
}

extension Array where Element: CRDTReplica {
    /// `updates still waiting for their dependencies at c1 (2), …` for the replicas at
    /// `sites` that hold buffered updates, or nil when none does.
    func dependencyWaitSummary(sites: Range<Int>) -> String? {
        let waiting = sites.filter { self[$0].pendingUpdateCount > 0 }.map { "\(RunOutcome.siteName($0)) (\(self[$0].pendingUpdateCount))" }
        return waiting.isEmpty ? nil : "updates still waiting for their dependencies at \(waiting.joined(separator: ", "))"
    }
}
