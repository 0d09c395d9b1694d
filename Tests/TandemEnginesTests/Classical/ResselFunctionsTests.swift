import TandemCore
import TandemEngines
import Testing

/// adOPTed (Ressel et al. 1996): each case, TP1 exhaustively, and the TP2 counterexample.
@Suite struct ResselFunctionsTests {
    let functions = ResselFunctions()
    let engine = CharacterwiseEngine(ResselFunctions())

    @Test func insertAgainstInsertBreaksTiesBySitePriority() {
        #expect(functions.transform(.insert("x", at: 1), against: .insert("y", at: 2), tieBreak: .otherFirst) == .insert("x", at: 1))
        #expect(functions.transform(.insert("x", at: 3), against: .insert("y", at: 2), tieBreak: .thisFirst) == .insert("x", at: 4))
        #expect(functions.transform(.insert("x", at: 2), against: .insert("y", at: 2), tieBreak: .thisFirst) == .insert("x", at: 2))
        #expect(functions.transform(.insert("x", at: 2), against: .insert("y", at: 2), tieBreak: .otherFirst) == .insert("x", at: 3))
    }

    @Test func equalInsertsAreBothKept() {
        #expect(functions.transform(.insert("x", at: 2), against: .insert("x", at: 2), tieBreak: .thisFirst) == .insert("x", at: 2))
        #expect(functions.transform(.insert("x", at: 2), against: .insert("x", at: 2), tieBreak: .otherFirst) == .insert("x", at: 3))
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

    @Test func tp1HoldsExhaustively() {
        let situations = ClassicalFixture.freshSituations(engine) + ClassicalFixture.situationsAfterOneTransform(engine)
        let violation = ClassicalFixture.firstTP1Violation(engine, in: situations)
        #expect(violation == nil, "\(violation.map { "\($0.document): \(engine.describe($0.a)) ∥ \(engine.describe($0.b))" } ?? "")")
    }

    /// The TP2 counterexample: on "abc", ins(3, x) ∥ del(2) ∥ ins(2, y) with x's site before
    /// y's. Along x first, y lands where it was typed, before x; along the deletion first, x
    /// and y meet at one position and the site order puts x first.
    @Test func insertsThatMeetAfterADeletionBreakTP2() throws {
        let document = TextBuffer("abc")
        let a = engine.insertion(of: ["x"], at: 3, in: document)
        let b = engine.deletion(of: 2..<3, in: document)
        let c = engine.insertion(of: ["y"], at: 2, in: document)
        let results = try #require(ClassicalFixture.tp2Results(engine, a, b, c, rank: [0, 1, 2], on: document))
        #expect(results.alongA?.string == "abyx")
        #expect(results.alongB?.string == "abxy")
        let first = try #require(ClassicalFixture.firstTP2Violation(engine, in: ClassicalFixture.freshSituations(engine)))
        #expect(first.document.string == "a" && first.rank == [1, 2, 0])
        #expect(engine.describe(first.a) == #"ins(0,"a")"# && engine.describe(first.b) == "del(0)" && engine.describe(first.c) == #"ins(1,"b")"#)
        #expect(first.alongA?.string == "ab" && first.alongB?.string == "ba")
    }
}
