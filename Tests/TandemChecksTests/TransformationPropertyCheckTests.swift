import Testing
import TandemChecks
import TandemCore
import TandemEngines

/// `TransformationPropertyCheck`: it finds the planted TP1 bug and ot-text's known TP2
/// failure on their smallest cases, passes what holds, and is deterministic.
struct TransformationPropertyCheckTests {
    @Test func findsThePlantedTP1BugOnTheEmptyDocument() throws {
        let report = TransformationPropertyCheck(engine: BuggyOTEngine(), maxLength: 2, alphabetSize: 2).exhaustive(.tp1)
        let smallest = try #require(report.smallest)
        #expect(report.violations > 0)
        #expect(smallest.document == TextBuffer(""))
        #expect(smallest.edits == [#"ins(0,"a")"#, #"ins(0,"b")"#])
        #expect(smallest.violation.contains(#"gives "ba""#) && smallest.violation.contains(#"gives "ab""#))
    }

    @Test func otTextHoldsTP1AndFailsTP2OnTheClassicTriple() throws {
        let check = TransformationPropertyCheck(engine: OTTextEngine(), maxLength: 3, alphabetSize: 2, history: false)
        let tp1 = check.exhaustive(.tp1)
        #expect(tp1.violations == 0 && tp1.smallest == nil)
        #expect(tp1.cases == 1410)
        let tp2 = check.exhaustive(.tp2)
        let smallest = try #require(tp2.smallest)
        #expect(smallest.document == TextBuffer("a"))
        // An insertion before a character, its concurrent deletion, and an insertion after it:
        // the two orders put the last one on different sides of the first.
        #expect(smallest.edits == [#"ins(0,"a")"#, "del(0)", #"ins(1,"b")"#])
        #expect(tp2.skipped == 0)
    }

    @Test func samplesBeyondTheBoundAreDeterministic() {
        let check = TransformationPropertyCheck(engine: BuggyOTEngine(), maxLength: 2, alphabetSize: 3)
        let first = check.sampled(.tp1, samples: 2_000, seed: 7)
        let second = check.sampled(.tp1, samples: 2_000, seed: 7)
        #expect(first.cases == 2_000)
        #expect(first.violations > 0)
        #expect(first.violations == second.violations)
        #expect(first.smallest?.description == second.smallest?.description)
        let clean = TransformationPropertyCheck(engine: OTTextEngine(), maxLength: 2, alphabetSize: 3).sampled(.tp1, samples: 2_000, seed: 7)
        #expect(clean.violations == 0)
    }

    @Test func counterexamplesReadAsDocumentEditsAndResults() throws {
        let report = TransformationPropertyCheck(engine: BuggyOTEngine(), maxLength: 0, alphabetSize: 2).exhaustive(.tp1)
        let text = try #require(report.smallest).description
        #expect(text.hasPrefix(#"tp1 violated on document """#))
        #expect(text.contains("site priority 2"))
        #expect(text.contains("a then T(b,a)"))
    }

    @Test func historyAddsOperationsThatArriveTransformed() throws {
        let fresh = TransformationPropertyCheck(engine: OTTextEngine(), maxLength: 2, alphabetSize: 2, history: false).exhaustive(.tp1)
        let withHistory = TransformationPropertyCheck(engine: OTTextEngine(), maxLength: 2, alphabetSize: 2).exhaustive(.tp1)
        // ot-text's transformed single edits are fresh edits again, except the no-op left by
        // two concurrent deletions of one scalar: one more operation per non-empty document.
        #expect(withHistory.cases > fresh.cases)
        #expect(withHistory.violations == 0)
    }

    /// The violations the literature reports for the classical functions, found by the
    /// checker on its own within small bounds, and none where the functions hold: ot-ttf
    /// keeps TP1 and TP2 at `tandem check`'s default bound (three scalars, operations that
    /// arrive transformed included).
    @Test(arguments: [
        ("ot-dopt", Property.tp1, 1, true), ("ot-sun", .tp1, 1, true), ("ot-ressel", .tp1, 2, false), ("ot-imine", .tp1, 2, false),
        ("ot-ressel", .tp2, 1, true), ("ot-sun", .tp2, 1, true), ("ot-imine", .tp2, 1, true), ("ot-suleiman", .tp2, 1, true),
        ("ot-ttf", .tp1, 3, false), ("ot-ttf", .tp2, 3, false),
    ])
    func findsTheClassicalViolationsOnItsOwn(engine name: String, property: Property, maxLength: Int, violates: Bool) throws {
        let descriptor = try #require(BuiltinEngines.all.first { $0.name == name })
        guard case .ot(let engine) = descriptor.family else { Issue.record("\(name) is not OT"); return }
        let violations = Self.violations(of: engine, property: property, maxLength: maxLength)
        #expect((violations > 0) == violates, "\(name) \(property.rawValue): \(violations) violations")
        #expect(descriptor.claims(property) != violates, "\(name)'s claims must match what the checker finds")
    }

    private static func violations<Engine: OTEngine>(of engine: Engine, property: Property, maxLength: Int) -> Int {
        TransformationPropertyCheck(engine: engine, maxLength: maxLength, alphabetSize: 2).exhaustive(property).violations
    }
}
