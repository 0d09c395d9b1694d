import TandemCore
import TandemSimulation

/// The simplifications of what delta debugging left: each candidate value is strictly
/// smaller than the current one, so repeated rounds converge.
extension ShrinkRun {
    /// Shorter inserts, smaller deletes, restores fewer versions back, smaller positions.
    mutating func simplifyEdits() -> Bool {
        var progress = false
        for index in current.edits.indices {
            let edit = current.edits[index]
            switch edit.action {
            case .insert(let text):
                let scalars = Array(text.unicodeScalars)
                let shorter = Self.smaller(scalars.count, floor: 1).map { EditIntent.Action.insert(String(String.UnicodeScalarView(scalars.prefix($0)))) }
                progress = simplify(\.edits[index].action, to: shorter) || progress
            case .delete(let count):
                progress = simplify(\.edits[index].action, to: Self.smaller(count, floor: 1).map { .delete(count: $0) }) || progress
            case .restore(let versionsBack):
                progress = simplify(\.edits[index].action, to: Self.smaller(versionsBack, floor: 1).map { .restore(versionsBack: $0) }) || progress
            }
            progress = simplify(\.edits[index].position, to: Self.smaller(edit.position, floor: 0)) || progress
        }
        return progress
    }

    /// Shorter faults, fewer clients in a partition, crashes at the idle point with a plain
    /// restart, disconnects that strike at their time rather than on an acknowledgement,
    /// less lossy channels.
    mutating func simplifyFaults() -> Bool {
        var progress = false
        for index in current.faults.disconnects.indices {
            let fault = current.faults.disconnects[index]
            progress = simplify(\.faults.disconnects[index].durationMicroseconds, to: Self.smaller(fault.durationMicroseconds)) || progress
            if fault.trigger == .nextAck { progress = simplify(\.faults.disconnects[index].trigger, to: [.time]) || progress }
        }
        for index in current.faults.partitions.indices {
            let fault = current.faults.partitions[index]
            progress = simplify(\.faults.partitions[index].durationMicroseconds, to: Self.smaller(fault.durationMicroseconds)) || progress
            if fault.clients.count > 1 {
                progress = simplify(\.faults.partitions[index].clients, to: fault.clients.indices.map { fault.clients.removing(at: $0) }) || progress
            }
        }
        for index in current.faults.crashes.indices {
            let fault = current.faults.crashes[index]
            progress = simplify(\.faults.crashes[index].downtimeMicroseconds, to: Self.smaller(fault.downtimeMicroseconds)) || progress
            if fault.point != .idle { progress = simplify(\.faults.crashes[index].point, to: [.idle]) || progress }
            if fault.failover { progress = simplify(\.faults.crashes[index].failover, to: [false]) || progress }
        }
        let channels = current.faults.channels
        progress = simplify(\.faults.channels.lossPerMille, to: Self.smaller(channels.lossPerMille, floor: 0)) || progress
        progress = simplify(\.faults.channels.duplicatePerMille, to: Self.smaller(channels.duplicatePerMille, floor: 0)) || progress
        progress = simplify(\.faults.channels.reorderPerMille, to: Self.smaller(channels.reorderPerMille, floor: 0)) || progress
        return progress
    }

    /// A simpler latency model, the standard server policy, plain editing roles.
    mutating func simplifySystem() -> Bool {
        var progress = simplify(\.network.latency, to: current.network.latency.simplifications)
        if current.server != .standard { progress = simplify(\.server, to: [.standard]) || progress }
        for index in current.roles.indices where current.roles[index] != .editor && current.roles[index] != .owner {
            progress = simplify(\.roles[index], to: [.editor]) || progress
        }
        return progress
    }

    /// Smaller values to try, smallest first: the floor, then half the way to it.
    static func smaller<Value: BinaryInteger>(_ value: Value, floor: Value = 0) -> [Value] {
        guard value > floor else { return [] }
        let half = floor + (value - floor) / 2
        return half > floor ? [floor, half] : [floor]
    }
}

extension Array {
    /// The array without the element at `index`.
    fileprivate func removing(at index: Int) -> [Element] {
        var copy = self
        copy.remove(at: index)
        return copy
    }
}
