import TandemCore
import TandemEngines
import Testing

/// Suleiman, Cart & Ferrié 1998: each case, TP1 exhaustively, and the TP2 counterexample.
@Suite struct SuleimanFunctionsTests {
    let functions = SuleimanFunctions()
    let engine = CharacterwiseEngine(SuleimanFunctions())

    func ins(_ scalar: Unicode.Scalar, _ position: Int, av: [UInt64] = [], ap: [UInt64] = []) -> SuleimanPrimitive {
        .insert(scalar, at: position, deletedBefore: av, deletedAfter: ap)
    }

    @Test func insertAgainstInsertAtDifferentPositions() {
        #expect(functions.transform(ins("x", 1), against: ins("y", 2), tieBreak: .thisFirst) == ins("x", 1))
        #expect(functions.transform(ins("x", 3), against: ins("y", 2), tieBreak: .thisFirst) == ins("x", 4))
    }

    @Test func aTieIsDecidedByTheDeletionSetsFirst() {
        #expect(functions.transform(ins("a", 2, av: [7]), against: ins("z", 2, ap: [7]), tieBreak: .thisFirst) == ins("a", 3, av: [7]))
        #expect(functions.transform(ins("z", 2, ap: [7]), against: ins("a", 2, av: [7]), tieBreak: .thisFirst) == ins("z", 2, ap: [7]))
        #expect(functions.transform(ins("a", 2, av: [7]), against: ins("z", 2, ap: [8]), tieBreak: .thisFirst) == ins("a", 3, av: [7]))
    }

    @Test func thenByCharacterThenTheIdentity() {
        for tieBreak in [TieBreak.thisFirst, .otherFirst] {
            #expect(functions.transform(ins("y", 2), against: ins("x", 2), tieBreak: tieBreak) == ins("y", 2))
            #expect(functions.transform(ins("x", 2), against: ins("y", 2), tieBreak: tieBreak) == ins("x", 3))
            #expect(functions.transform(ins("x", 2), against: ins("x", 2), tieBreak: tieBreak) == nil)
        }
    }

    @Test func insertAgainstDeleteRecordsTheDeletion() {
        #expect(functions.transform(ins("x", 3, av: [1]), against: .delete(at: 2, deletion: 5), tieBreak: .thisFirst) == ins("x", 2, av: [1, 5]))
        #expect(functions.transform(ins("x", 2), against: .delete(at: 2, deletion: 5), tieBreak: .thisFirst) == ins("x", 2, ap: [5]))
        #expect(functions.transform(ins("x", 1, ap: [5, 9]), against: .delete(at: 2, deletion: 5), tieBreak: .thisFirst) == ins("x", 1, ap: [5, 9]))
    }

    @Test func deleteAgainstInsertAndDeleteKeepsItsIdentity() {
        #expect(functions.transform(.delete(at: 1, deletion: 4), against: ins("y", 2), tieBreak: .thisFirst) == .delete(at: 1, deletion: 4))
        #expect(functions.transform(.delete(at: 2, deletion: 4), against: ins("y", 2), tieBreak: .thisFirst) == .delete(at: 3, deletion: 4))
        #expect(functions.transform(.delete(at: 3, deletion: 4), against: .delete(at: 2, deletion: 6), tieBreak: .thisFirst) == .delete(at: 2, deletion: 4))
        #expect(functions.transform(.delete(at: 1, deletion: 4), against: .delete(at: 2, deletion: 6), tieBreak: .thisFirst) == .delete(at: 1, deletion: 4))
        #expect(functions.transform(.delete(at: 2, deletion: 4), against: .delete(at: 2, deletion: 6), tieBreak: .thisFirst) == nil)
    }

    @Test func aDeletionIsIdentifiedByItsTextAndPosition() {
        let document = TextBuffer("abc")
        #expect(functions.deletePrimitive(at: 1, in: document) == functions.deletePrimitive(at: 1, in: TextBuffer("abc")))
        #expect(functions.deletePrimitive(at: 1, in: document) != functions.deletePrimitive(at: 2, in: document))
        #expect(functions.deletePrimitive(at: 1, in: document) != functions.deletePrimitive(at: 1, in: TextBuffer("abd")))
    }

    @Test func tp1HoldsExhaustively() {
        let situations = ClassicalFixture.freshSituations(engine) + ClassicalFixture.situationsAfterOneTransform(engine)
        let violation = ClassicalFixture.firstTP1Violation(engine, in: situations)
        #expect(violation == nil, "\(violation.map { "\($0.document): \(engine.describe($0.a)) ∥ \(engine.describe($0.b))" } ?? "")")
    }

    /// A recurring text gives two distinct deletions one identifier: on "a", x and y are typed
    /// after the a, which is deleted, typed again and deleted again. Both inserts then hold
    /// the identifier in av and in ap, each moves right of the other, and TP1 fails.
    @Test func aRecurringTextMergesTwoDeletionsAndBreaksTP1() throws {
        let text = TextBuffer("a")
        let firstDeletion = engine.deletion(of: 0..<1, in: text)
        let retyped = engine.insertion(of: ["a"], at: 0, in: TextBuffer(""))
        let secondDeletion = engine.deletion(of: 0..<1, in: text)
        #expect(firstDeletion == secondDeletion)
        let history = [firstDeletion, retyped, secondDeletion]
        let x = history.reduce(engine.insertion(of: ["x"], at: 1, in: text)) { engine.transform($0, against: $1, tieBreak: .thisFirst) }
        let y = history.reduce(engine.insertion(of: ["y"], at: 1, in: text)) { engine.transform($0, against: $1, tieBreak: .thisFirst) }
        guard case .delete(_, let id)? = firstDeletion.first else {
            Issue.record("the deletion is not one delete primitive: \(firstDeletion)")
            return
        }
        #expect(x == [ins("x", 0, av: [id], ap: [id])] && y == [ins("y", 0, av: [id], ap: [id])])
        let (afterX, afterY) = ClassicalFixture.tp1Sides(engine, x, y, aFirst: true, on: TextBuffer(""))
        #expect(afterX?.string == "xy")
        #expect(afterY?.string == "yx")
    }

    /// Fresh operations on texts of up to three scalars never break TP2: the sets are empty
    /// until a deletion has been seen.
    @Test func freshOperationsKeepTP2() {
        #expect(ClassicalFixture.firstTP2Violation(engine, in: ClassicalFixture.freshSituations(engine)) == nil)
    }

    /// The TP2 counterexample once the sets are filled: on "a", a site that received del(0)
    /// holds ins(0, a, ap={del}) and ins(0, b, av={del}) from "a", and a fresh ins(0, a) of its
    /// own. Along the first, the equal fresh insert becomes the identity; along the second
    /// it is ordered by character and both a's survive.
    @Test func equalInsertsAfterADeletionBreakTP2() throws {
        let original = TextBuffer("a")
        let deletion = engine.deletion(of: 0..<1, in: original)
        let a = engine.transform(engine.insertion(of: ["a"], at: 0, in: original), against: deletion, tieBreak: .thisFirst)
        let b = engine.transform(engine.insertion(of: ["b"], at: 1, in: original), against: deletion, tieBreak: .thisFirst)
        let c = engine.insertion(of: ["a"], at: 0, in: TextBuffer(""))
        guard case .delete(_, let id)? = deletion.first else {
            Issue.record("the deletion is not one delete primitive: \(deletion)")
            return
        }
        #expect(a == [ins("a", 0, ap: [id])] && b == [ins("b", 0, av: [id])])
        let results = try #require(ClassicalFixture.tp2Results(engine, a, b, c, rank: [0, 1, 2], on: TextBuffer("")))
        #expect(results.alongA?.string == "ab")
        #expect(results.alongB?.string == "aba")
        let first = try #require(ClassicalFixture.firstTP2Violation(engine, in: ClassicalFixture.situationsAfterOneTransform(engine)))
        #expect(first.document.string == "" && first.a == a && first.b == b && first.c == c)
    }
}
