import TandemCore
import TandemEngines
import Testing

/// GOT's IT functions (Sun et al. 1998) on characters: each case, and the TP1 and TP2 violations.
@Suite struct SunFunctionsTests {
    let functions = SunFunctions()
    let engine = CharacterwiseEngine(SunFunctions())

    @Test func insertAgainstInsertHasNoTieRule() {
        #expect(functions.transform(.insert("x", at: 1), against: .insert("y", at: 2), tieBreak: .thisFirst) == .insert("x", at: 1))
        #expect(functions.transform(.insert("x", at: 3), against: .insert("y", at: 2), tieBreak: .thisFirst) == .insert("x", at: 4))
        for tieBreak in [TieBreak.thisFirst, .otherFirst] {
            #expect(functions.transform(.insert("x", at: 2), against: .insert("y", at: 2), tieBreak: tieBreak) == .insert("x", at: 3))
        }
    }

    @Test func insertAgainstDeleteStaysAtOrBefore() {
        #expect(functions.transform(.insert("x", at: 2), against: .delete(at: 2), tieBreak: .thisFirst) == .insert("x", at: 2))
        #expect(functions.transform(.insert("x", at: 3), against: .delete(at: 2), tieBreak: .thisFirst) == .insert("x", at: 2))
    }

    @Test func deleteAgainstInsertAndDelete() {
        #expect(functions.transform(.delete(at: 1), against: .insert("y", at: 2), tieBreak: .thisFirst) == .delete(at: 1))
        #expect(functions.transform(.delete(at: 2), against: .insert("y", at: 2), tieBreak: .thisFirst) == .delete(at: 3))
        #expect(functions.transform(.delete(at: 1), against: .delete(at: 2), tieBreak: .thisFirst) == .delete(at: 1))
        #expect(functions.transform(.delete(at: 3), against: .delete(at: 2), tieBreak: .thisFirst) == .delete(at: 2))
        #expect(functions.transform(.delete(at: 2), against: .delete(at: 2), tieBreak: .thisFirst) == nil)
    }

    /// The TP1 counterexample: on "abc", Insert(3, d) ∥ Insert(3, e); both move right.
    @Test func insertsAtOnePositionBreakTP1() throws {
        let document = TextBuffer("abc")
        let a = engine.insertion(of: ["d"], at: 3, in: document)
        let b = engine.insertion(of: ["e"], at: 3, in: document)
        let (afterA, afterB) = ClassicalFixture.tp1Sides(engine, a, b, aFirst: true, on: document)
        #expect(afterA?.string == "abcde")
        #expect(afterB?.string == "abced")
        let first = try #require(ClassicalFixture.firstTP1Violation(engine, in: ClassicalFixture.freshSituations(engine)))
        #expect(first.document.string == "" && engine.describe(first.a) == #"ins(0,"a")"# && engine.describe(first.b) == #"ins(0,"b")"#)
        #expect(first.afterA?.string == "ab" && first.afterB?.string == "ba")
    }

    /// A TP2 violation among pairs that satisfy TP1: on "a", ins(1, a) ∥ del(0) ∥ ins(0, b);
    /// along the deletion first, both inserts meet at 0 and the later one moves right.
    @Test func insertsThatMeetAfterADeletionBreakTP2() throws {
        let first = try #require(ClassicalFixture.firstTP2Violation(engine, in: ClassicalFixture.freshSituations(engine)))
        #expect(first.document.string == "a")
        #expect(engine.describe(first.a) == #"ins(1,"a")"# && engine.describe(first.b) == "del(0)" && engine.describe(first.c) == #"ins(0,"b")"#)
        #expect(first.alongA?.string == "ba" && first.alongB?.string == "ab")
    }
}
