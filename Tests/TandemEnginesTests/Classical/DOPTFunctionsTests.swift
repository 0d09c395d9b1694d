import TandemCore
import TandemEngines
import Testing

/// dOPT (Ellis & Gibbs 1989): each entry of the matrix, and its TP1 and TP2 violations.
@Suite struct DOPTFunctionsTests {
    let functions = DOPTFunctions()
    let engine = CharacterwiseEngine(DOPTFunctions())

    @Test func insertAgainstInsertShiftsOnlyWhenAtOrAfter() {
        #expect(functions.transform(.insert("x", at: 1), against: .insert("y", at: 2), tieBreak: .thisFirst) == .insert("x", at: 1))
        #expect(functions.transform(.insert("x", at: 3), against: .insert("y", at: 2), tieBreak: .otherFirst) == .insert("x", at: 4))
    }

    @Test func equalInsertsAtOnePositionBecomeTheIdentity() {
        #expect(functions.transform(.insert("x", at: 2), against: .insert("x", at: 2), tieBreak: .thisFirst) == nil)
        #expect(functions.transform(.insert("x", at: 2), against: .insert("x", at: 2), tieBreak: .otherFirst) == nil)
    }

    @Test func theHigherPrioritySiteMovesRightOnATie() {
        #expect(functions.transform(.insert("x", at: 2), against: .insert("y", at: 2), tieBreak: .thisFirst) == .insert("x", at: 3))
        #expect(functions.transform(.insert("x", at: 2), against: .insert("y", at: 2), tieBreak: .otherFirst) == .insert("x", at: 2))
    }

    @Test func insertAgainstDeleteMovesLeftUnlessStrictlyBefore() {
        #expect(functions.transform(.insert("x", at: 1), against: .delete(at: 2), tieBreak: .thisFirst) == .insert("x", at: 1))
        #expect(functions.transform(.insert("x", at: 2), against: .delete(at: 2), tieBreak: .thisFirst) == .insert("x", at: 1))
        #expect(functions.transform(.insert("x", at: 3), against: .delete(at: 2), tieBreak: .thisFirst) == .insert("x", at: 2))
    }

    @Test func deleteAgainstInsertShiftsUnlessStrictlyBefore() {
        #expect(functions.transform(.delete(at: 1), against: .insert("y", at: 2), tieBreak: .thisFirst) == .delete(at: 1))
        #expect(functions.transform(.delete(at: 2), against: .insert("y", at: 2), tieBreak: .thisFirst) == .delete(at: 3))
    }

    @Test func deleteAgainstDelete() {
        #expect(functions.transform(.delete(at: 1), against: .delete(at: 2), tieBreak: .thisFirst) == .delete(at: 1))
        #expect(functions.transform(.delete(at: 3), against: .delete(at: 2), tieBreak: .thisFirst) == .delete(at: 2))
        #expect(functions.transform(.delete(at: 2), against: .delete(at: 2), tieBreak: .thisFirst) == nil)
    }

    /// The TP1 violation of the Insert/Delete entry: on "ab", Insert(1, x) ∥ Delete(1).
    @Test func insertAndDeleteAtOnePositionBreakTP1() {
        let document = TextBuffer("ab")
        let a = engine.insertion(of: ["x"], at: 1, in: document)
        let b = engine.deletion(of: 1..<2, in: document)
        for aFirst in [true, false] {
            let (afterA, afterB) = ClassicalFixture.tp1Sides(engine, a, b, aFirst: aFirst, on: document)
            #expect(afterA?.string == "ax")
            #expect(afterB?.string == "xa")
        }
    }

    /// The smallest TP1 violation the exhaustive search finds: at position 0 the shifted
    /// insertion falls off the text.
    @Test func exhaustiveSearchFindsTheInsertDeleteViolationFirst() throws {
        let violation = try #require(ClassicalFixture.firstTP1Violation(engine, in: ClassicalFixture.freshSituations(engine)))
        #expect(violation.document.string == "a")
        #expect(engine.describe(violation.a) == #"ins(0,"a")"#)
        #expect(engine.describe(violation.b) == "del(0)")
        #expect(violation.afterA?.string == "a")
        #expect(violation.afterB == nil)
        #expect(engine.describe(engine.transform(violation.a, against: violation.b, tieBreak: .thisFirst)) == #"ins(-1,"a")"#)
    }

    /// TP2 fails through the identity: against an equal insertion the third one keeps its place
    /// or moves by priority, against the identity it does not move at all.
    @Test func equalInsertsBreakTP2() throws {
        let document = TextBuffer("")
        let a = engine.insertion(of: ["a"], at: 0, in: document)
        let b = engine.insertion(of: ["a"], at: 0, in: document)
        let c = engine.insertion(of: ["b"], at: 0, in: document)
        let results = try #require(ClassicalFixture.tp2Results(engine, a, b, c, rank: [0, 2, 1], on: document))
        #expect(results.alongA?.string == "ba")
        #expect(results.alongB?.string == "ab")
        let first = try #require(ClassicalFixture.firstTP2Violation(engine, in: ClassicalFixture.freshSituations(engine)))
        #expect(first.document.string == "" && first.rank == [0, 2, 1])
        #expect(first.a == a && first.b == b && first.c == c)
    }
}
