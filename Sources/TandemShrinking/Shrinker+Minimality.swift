import TandemSimulation

extension Shrinker {
    /// Every trace one item smaller than `trace`, named: without one edit, one client, one
    /// fault of any kind, or its channel faults. A trace is 1-minimal for a failure when
    /// none of these still fails.
    public static func singleRemovals(of trace: Trace) -> [(what: String, trace: Trace)] {
        var removals: [(what: String, trace: Trace)] = []
        func without<Item>(_ list: WritableKeyPath<Trace, [Item]>, _ name: String) {
            for index in trace[keyPath: list].indices {
                var candidate = trace
                candidate[keyPath: list].remove(at: index)
                removals.append(("without \(name) \(index)", candidate))
            }
        }
        without(\.edits, "edit")
        without(\.faults.disconnects, "disconnect")
        without(\.faults.partitions, "partition")
        without(\.faults.crashes, "crash")
        without(\.faults.revocations, "revocation")
        if trace.faults.channels != .none {
            var candidate = trace
            candidate.faults.channels = .none
            removals.append(("without channel faults", candidate))
        }
        for client in 1...max(1, trace.clients) {
            if let candidate = trace.removingClient(client) { removals.append(("without client \(client)", candidate)) }
        }
        return removals
    }
}
