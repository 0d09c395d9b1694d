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

    public mutating func transformed<Engine: OTEngine>(by engine: Engine, _ event: TransformEvent<Engine.Operation>) {
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
    public static func counterexample<Engine: OTEngine>(_ engine: Engine, _ event: TransformEvent<Engine.Operation>) -> String? {
        let a = event.operation
        let b = event.against
        let bPrime = engine.transform(b, against: a, tieBreak: event.tieBreak.opposite)
        let aPrime = engine.transform(a, against: b, tieBreak: event.tieBreak)
        var left = event.state
        var right = event.state
        func setting() -> String {
            "on \(describe(event.state)) with a = \(engine.describe(a)), b = \(engine.describe(b))"
        }
        do {
            try engine.apply(a, to: &left)
            try engine.apply(bPrime, to: &left)
            try engine.apply(b, to: &right)
            try engine.apply(aPrime, to: &right)
        } catch {
            return "\(setting()): a transformed operation does not apply (\(error))"
        }
        guard left != right else { return nil }
        return "\(setting()): a then T(b,a) = \(engine.describe(bPrime)) gives \(describe(left)), "
            + "b then T(a,b) = \(engine.describe(aPrime)) gives \(describe(right))"
    }

    private static func describe(_ text: TextBuffer) -> String {
        text.count <= 40 ? TextEscaping.quoted(text.string) : "\(text.count) scalars, hash \(StableHash.hex(text.stableHash))"
    }
}
