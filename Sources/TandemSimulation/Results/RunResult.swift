import TandemCore

/// Everything a run produced: its outcome, the checkers' verdicts and, when asked for,
/// the timeline of every event in virtual time.
public struct RunResult: Sendable {
    /// The end state.
    public var outcome: RunOutcome
    /// Every violation found, ordered by property then time; empty for a clean run.
    public var violations: [Violation]
    /// One line per event, when the timeline was recorded; otherwise empty.
    public var timeline: [String]

    /// Creates a result.
    public init(outcome: RunOutcome, violations: [Violation], timeline: [String]) {
        self.outcome = outcome
        self.violations = violations
        self.timeline = timeline
    }

    /// Whether every checker passed.
    public var passed: Bool { violations.isEmpty }

    /// The properties violated, each once, in a fixed order.
    public var violatedProperties: [Property] {
        Property.allCases.filter { property in violations.contains { $0.property == property } }
    }
}
