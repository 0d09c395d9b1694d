import TandemCore
import TandemSimulation

/// Liveness: once the last edit is made and the last fault has healed, the system must reach
/// quiescence within the liveness window and the event bound, with no operation
/// unacknowledged, no update waiting for a dependency and the server up.
public struct QuiescenceCheck: Checker {
    /// Creates the check.
    public init() {}

    public mutating func violations(in outcome: RunOutcome) -> [Violation] {
        guard let unfinished = outcome.unfinishedWork else { return [] }
        return [Violation(.liveness, unfinished, at: outcome.endTime)]
    }
}
