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
        #expect(smallest.edits.map(\.description) == [#"ins(0,"a")"#, #"ins(0,"b")"#])
        #expect(smallest.violation.contains(#"gives "ba""#) && smallest.violation.contains(#"gives "ab""#))
    }

    @Test func otTextHoldsTP1AndFailsTP2OnTheClassicTriple() throws {
        let check = TransformationPropertyCheck(engine: OTTextEngine(), maxLength: 3, alphabetSize: 2)
        let tp1 = check.exhaustive(.tp1)
        #expect(tp1.violations == 0 && tp1.smallest == nil)
        #expect(tp1.cases == 1410)
        let tp2 = check.exhaustive(.tp2)
        let smallest = try #require(tp2.smallest)
        #expect(smallest.document == TextBuffer("a"))
        // An insertion before a character, its concurrent deletion, and an insertion after it:
        // the two orders put the last one on different sides of the first.
        #expect(smallest.edits.map(\.description) == [#"ins(0,"a")"#, "del(0)", #"ins(1,"b")"#])
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
}
