import TandemCore
import TandemSimulation

/// TP1 on every transform the OT engine performed in the run: for the two operations `a`
/// and `b` defined on state `s`, `apply(apply(s, a), T(b, a))` must equal
/// `apply(apply(s, b), T(a, b))`, with the tie-breaks paired as the site used them.
public struct TP1Check: Checker {
    private var found: [Violation] = []
    private var failures = 0

    /// The most violations reported in detail; the rest are counted in the last one.
    public static let detailLimit = 3

    /// Creates the check.
    public init() {}

    public mutating func transformed<Engine: OTEngine>(by engine: Engine, _ event: TransformEvent<Engine.Operation, Engine.Document>) {
        guard let message = Self.counterexample(engine, event) else { return }
        failures += 1
        if found.count < Self.detailLimit {
            found.append(Violation(.tp1, "\(RunOutcome.siteName(event.site)): \(message)", at: event.time))
        }
    }

    public mutating func violations(in outcome: RunOutcome) -> [Violation] {
        if failures > found.count, var last = found.popLast() {
            last.detail += " (and \(failures - found.count - 1) more TP1 violations in this run)"
            found.append(last)
        }
        return found
    }

    /// Nil when TP1 holds for the event's pair; otherwise a one-line account of the counterexample.
    public static func counterexample<Engine: OTEngine>(_ engine: Engine, _ event: TransformEvent<Engine.Operation, Engine.Document>) -> String? {
        let outcome = engine.tp1(event.operation, event.against, on: event.state, tieBreak: event.tieBreak)
        return outcome.violation.map {
            "on \(event.state.readableForm) with a = \(engine.describe(event.operation)), b = \(engine.describe(event.against)): \($0)"
        }
    }
}
