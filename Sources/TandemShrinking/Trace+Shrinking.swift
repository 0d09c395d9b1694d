import TandemCore
import TandemSimulation

/// The reductions the shrinker tries on a trace: each returns a smaller trace (fewer items,
/// or smaller values) that is still valid, so that any candidate can run.
extension Trace {
    /// The trace without the client: its edits, its faults and its place in the roles, the
    /// cursor sharers and the selecting clients go, and the clients numbered above it move down by one. Nil when it
    /// is the only client.
    public func removingClient(_ client: Int) -> Trace? {
        guard clients > 1, (1...clients).contains(client) else { return nil }
        func renumbered(_ other: Int) -> Int { other > client ? other - 1 : other }
        var result = self
        result.clients -= 1
        result.edits = edits.filter { $0.client != client }.map { edit in
            var edit = edit
            edit.client = renumbered(edit.client)
            return edit
        }
        result.roles.remove(at: client - 1)
        result.cursorSharers = cursorSharers.filter { $0 != client }.map(renumbered)
        result.selectingClients = selectingClients.filter { $0 != client }.map(renumbered)
        result.faults.disconnects = faults.disconnects.filter { $0.client != client }.map { fault in
            var fault = fault
            fault.client = renumbered(fault.client)
            return fault
        }
        result.faults.partitions = faults.partitions.compactMap { partition in
            var partition = partition
            partition.clients = partition.clients.filter { $0 != client }.map(renumbered)
            return partition.clients.isEmpty ? nil : partition
        }
        result.faults.revocations = faults.revocations.filter { $0.client != client }.map { revocation in
            var revocation = revocation
            revocation.client = renumbered(revocation.client)
            return revocation
        }
        return result
    }

    /// The trace without insertion `index`, every later edit (by time; of the insertion's
    /// client only, if asked) whose position is past the insertion's moved back by the
    /// inserted length (to the insertion's position at least). Nil when the edit is not an
    /// insertion or no other edit moves: that candidate is plain removal, which delta
    /// debugging already tried.
    func removingInsertionShiftingLaterEdits(at index: Int, ofItsClientOnly: Bool) -> Trace? {
        let removed = edits[index]
        guard case .insert(let text) = removed.action else { return nil }
        let length = text.unicodeScalars.count
        var result = self
        var moved = false
        for other in edits.indices where other != index && edits[other].time > removed.time && edits[other].position > removed.position
            && (!ofItsClientOnly || edits[other].client == removed.client) {
            result.edits[other].position = max(removed.position, edits[other].position - length)
            moved = true
        }
        guard moved else { return nil }
        result.edits.remove(at: index)
        return result
    }

    /// The trace with the server snapshotting `count` operations sooner (every operation at
    /// the soonest), for a removal of `count` edits: a failure that needs a snapshot taken
    /// among its edits keeps it. Nil on a mesh (no server) or when snapshots cannot come sooner.
    func snapshottingSooner(by count: Int) -> Trace? {
        guard topology == .star, server.snapshotEveryOps > 1 else { return nil }
        var result = self
        result.server.snapshotEveryOps = max(1, server.snapshotEveryOps - count)
        return result
    }

    /// The number of edits, clients and faults: what a fixture reports as its size.
    var shrinkSize: (edits: Int, clients: Int, faults: Int) {
        (edits.count, clients, faults.count)
    }
}

extension LatencySpec {
    /// Simpler models of the same network, simplest first: a fixed latency at the model's
    /// minimum, then (for a long tail) its uniform body.
    var simplifications: [LatencySpec] {
        switch self {
        case .fixed(let model):
            model.microseconds > 1_000 ? [.fixed(FixedLatency(microseconds: model.microseconds / 2))] : []
        case .uniform(let model):
            [.fixed(FixedLatency(microseconds: model.minimum))]
        case .longTailed(let model):
            [.fixed(FixedLatency(microseconds: model.body.minimum)), .uniform(model.body)]
        }
    }
}
