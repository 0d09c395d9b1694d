import TandemCore
import TandemEngines
import Testing

/// Imine, Molli, Oster & Rusinowitch 2003: each case, TP1 exhaustively, and the TP2
/// counterexample found after the paper.
@Suite struct ImineFunctionsTests {
    let functions = ImineFunctions()
    let engine = CharacterwiseEngine(ImineFunctions())

    func ins(_ scalar: Unicode.Scalar, _ position: Int, ip: Int) -> IminePrimitive {
        .insert(scalar, at: position, initialPosition: ip)
    }

    @Test func insertAgainstInsertAtDifferentPositions() {
        #expect(functions.transform(ins("x", 1, ip: 5), against: ins("y", 2, ip: 0), tieBreak: .thisFirst) == ins("x", 1, ip: 5))
        #expect(functions.transform(ins("x", 3, ip: 0), against: ins("y", 2, ip: 5), tieBreak: .thisFirst) == ins("x", 4, ip: 0))
    }

    @Test func aTieIsDecidedByInitialPositionThenCharacterThenTheIdentity() {
        for tieBreak in [TieBreak.thisFirst, .otherFirst] {
            #expect(functions.transform(ins("z", 2, ip: 1), against: ins("a", 2, ip: 2), tieBreak: tieBreak) == ins("z", 2, ip: 1))
            #expect(functions.transform(ins("a", 2, ip: 3), against: ins("z", 2, ip: 2), tieBreak: tieBreak) == ins("a", 3, ip: 3))
            #expect(functions.transform(ins("x", 2, ip: 2), against: ins("y", 2, ip: 2), tieBreak: tieBreak) == ins("x", 2, ip: 2))
            #expect(functions.transform(ins("y", 2, ip: 2), against: ins("x", 2, ip: 2), tieBreak: tieBreak) == ins("y", 3, ip: 2))
            #expect(functions.transform(ins("x", 2, ip: 2), against: ins("x", 2, ip: 2), tieBreak: tieBreak) == nil)
        }
    }

    @Test func insertAgainstDeleteKeepsItsInitialPosition() {
        #expect(functions.transform(ins("x", 3, ip: 3), against: .delete(at: 2), tieBreak: .thisFirst) == ins("x", 2, ip: 3))
        #expect(functions.transform(ins("x", 2, ip: 2), against: .delete(at: 2), tieBreak: .thisFirst) == ins("x", 2, ip: 2))
    }

    @Test func deleteAgainstInsertAndDelete() {
        #expect(functions.transform(.delete(at: 1), against: ins("y", 2, ip: 2), tieBreak: .thisFirst) == .delete(at: 1))
        #expect(functions.transform(.delete(at: 2), against: ins("y", 2, ip: 2), tieBreak: .thisFirst) == .delete(at: 3))
        #expect(functions.transform(.delete(at: 1), against: .delete(at: 2), tieBreak: .thisFirst) == .delete(at: 1))
        #expect(functions.transform(.delete(at: 3), against: .delete(at: 2), tieBreak: .thisFirst) == .delete(at: 2))
        #expect(functions.transform(.delete(at: 2), against: .delete(at: 2), tieBreak: .thisFirst) == nil)
    }

    @Test func aUserInsertionStartsAtItsInitialPosition() {
        #expect(engine.insertion(of: ["x", "y"], at: 2, in: TextBuffer("abc")) == [ins("x", 2, ip: 2), ins("y", 3, ip: 3)])
    }

    @Test func tp1HoldsExhaustively() {
        let situations = ClassicalFixture.freshSituations(engine) + ClassicalFixture.situationsAfterOneTransform(engine)
        let violation = ClassicalFixture.firstTP1Violation(engine, in: situations)
        #expect(violation == nil, "\(violation.map { "\($0.document): \(engine.describe($0.a)) ∥ \(engine.describe($0.b))" } ?? "")")
    }

    /// Fresh operations on texts of up to three scalars never break TP2: their initial
    /// positions all count in the one text they were made on.
    @Test func freshOperationsKeepTP2() {
        #expect(ClassicalFixture.firstTP2Violation(engine, in: ClassicalFixture.freshSituations(engine)) == nil)
    }

    /// The TP2 counterexample once an initial position is stale: on "", a site that received
    /// ins(0, a) holds ins(1, b, ip=0), made on "", and makes del(0) and ins(0, b, ip=0) on
    /// "a". Along the deletion first, the two b's meet with equal position, initial position
    /// and character, and one becomes the identity.
    @Test func aStaleInitialPositionBreaksTP2() throws {
        let original = TextBuffer("")
        let d = engine.insertion(of: ["a"], at: 0, in: original)
        let a = engine.transform(engine.insertion(of: ["b"], at: 0, in: original), against: d, tieBreak: .otherFirst)
        let now = TextBuffer("a")
        let b = engine.deletion(of: 0..<1, in: now)
        let c = engine.insertion(of: ["b"], at: 0, in: now)
        #expect(a == [ins("b", 1, ip: 0)])
        let results = try #require(ClassicalFixture.tp2Results(engine, a, b, c, rank: [0, 1, 2], on: now))
        #expect(results.alongA?.string == "bb")
        #expect(results.alongB?.string == "b")
        let first = try #require(ClassicalFixture.firstTP2Violation(engine, in: ClassicalFixture.situationsAfterOneTransform(engine)))
        #expect(first.document.string == "a" && first.a == a && first.b == b && first.c == c)
    }
}
