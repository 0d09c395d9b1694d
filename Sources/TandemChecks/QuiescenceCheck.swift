import TandemCore
import TandemSimulation

/// Liveness: the run must end with no operation unacknowledged, no update waiting for a
/// dependency, and within its event bound.
public struct QuiescenceCheck: Checker {
    /// Creates the check.
    public init() {}

    public mutating func violations(in outcome: RunOutcome) -> [Violation] {
        guard let unfinished = outcome.unfinishedWork else { return [] }
        return [Violation(.liveness, unfinished, at: outcome.endTime)]
    }
}
