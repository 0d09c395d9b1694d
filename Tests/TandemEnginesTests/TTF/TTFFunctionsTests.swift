import TandemCore
import TandemEngines
import Testing

/// Tombstone Transformation Functions (Oster, Urso, Molli & Imine 2006): each case of IT with
/// its visible fields, the document's two kinds of positions, apply, cursors that move exactly
/// as the documents say, the visible-field check, TP1 and TP2.
@Suite struct TTFFunctionsTests {
    let functions = TTFFunctions()
    let engine = TTFFixture.engine

    func ins(_ scalar: Unicode.Scalar, _ position: Int, v visible: Int) -> TTFPrimitive {
        .insert(scalar, at: position, visibleAt: visible)
    }

    func del(_ position: Int, v visible: Int, hides: Bool = true) -> TTFPrimitive {
        .delete(at: position, visibleAt: visible, hides: hides)
    }

    // MARK: IT, case by case

    @Test func insertAgainstInsertMovesRightOnlyWhenTheOtherLandsFirst() {
        #expect(functions.transform(ins("x", 1, v: 1), against: ins("y", 3, v: 2), tieBreak: .otherFirst) == ins("x", 1, v: 1))
        #expect(functions.transform(ins("x", 3, v: 2), against: ins("y", 1, v: 1), tieBreak: .thisFirst) == ins("x", 4, v: 3))
    }

    /// p₁ = p₂: the site with the smaller identifier, read from `tieBreak`, goes first; equal
    /// scalars are two insertions like any others.
    @Test func aTieIsDecidedBySitePriority() {
        #expect(functions.transform(ins("x", 2, v: 1), against: ins("y", 2, v: 1), tieBreak: .thisFirst) == ins("x", 2, v: 1))
        #expect(functions.transform(ins("x", 2, v: 1), against: ins("y", 2, v: 1), tieBreak: .otherFirst) == ins("x", 3, v: 2))
        #expect(functions.transform(ins("x", 2, v: 1), against: ins("x", 2, v: 1), tieBreak: .thisFirst) == ins("x", 2, v: 1))
        #expect(functions.transform(ins("x", 2, v: 1), against: ins("x", 2, v: 1), tieBreak: .otherFirst) == ins("x", 3, v: 2))
    }

    /// An insertion keeps its model position whatever is deleted; only its visible position
    /// drops when a visible scalar before it goes.
    @Test func insertAgainstDeleteKeepsItsModelPosition() {
        #expect(functions.transform(ins("x", 2, v: 2), against: del(1, v: 1), tieBreak: .thisFirst) == ins("x", 2, v: 1))
        #expect(functions.transform(ins("x", 1, v: 1), against: del(1, v: 1), tieBreak: .thisFirst) == ins("x", 1, v: 1))
        #expect(functions.transform(ins("x", 1, v: 1), against: del(2, v: 2), tieBreak: .otherFirst) == ins("x", 1, v: 1))
        #expect(functions.transform(ins("x", 3, v: 1), against: del(1, v: 1, hides: false), tieBreak: .thisFirst) == ins("x", 3, v: 1))
    }

    @Test func deleteAgainstInsertMovesRightWhenTheInsertIsAtOrBeforeIt() {
        #expect(functions.transform(del(1, v: 1), against: ins("y", 2, v: 2), tieBreak: .thisFirst) == del(1, v: 1))
        #expect(functions.transform(del(2, v: 2), against: ins("y", 2, v: 2), tieBreak: .thisFirst) == del(3, v: 3))
        #expect(functions.transform(del(2, v: 1, hides: false), against: ins("y", 0, v: 0), tieBreak: .otherFirst) == del(3, v: 2, hides: false))
    }

    /// A deletion against a deletion stays a deletion of the same model position; against
    /// a deletion of the same scalar it deletes a tombstone, visibly nothing.
    @Test func deleteAgainstDeleteIsNeverTheIdentity() {
        #expect(functions.transform(del(1, v: 1), against: del(2, v: 2), tieBreak: .thisFirst) == del(1, v: 1))
        #expect(functions.transform(del(3, v: 3), against: del(2, v: 2), tieBreak: .thisFirst) == del(3, v: 2))
        #expect(functions.transform(del(2, v: 2), against: del(2, v: 2), tieBreak: .thisFirst) == del(2, v: 2, hides: false))
        #expect(functions.transform(del(3, v: 2), against: del(1, v: 1, hides: false), tieBreak: .otherFirst) == del(3, v: 2))
    }

    /// The TP2 puzzle the paper opens with, which Ressel's functions fail (see
    /// `ResselFunctionsTests`): on "abc", ins(3, x) ∥ del(2) ∥ ins(2, y). The deleted c stays
    /// between y and x, so the two inserts never meet and both orders give "abyx".
    @Test func insertsAroundADeletedScalarNeverMeet() throws {
        let document = TombstoneDocument(visibleText: TextBuffer("abc"))
        let a = engine.insertion(of: ["x"], at: 3, in: document)
        let b = engine.deletion(of: 2..<3, in: document)
        let c = engine.insertion(of: ["y"], at: 2, in: document)
        for rank in ClassicalFixture.rankings {
            let results = try #require(ClassicalFixture.tp2Results(engine, a, b, c, rank: rank, on: document))
            #expect(results.alongA == TTFFixture.document("aby[c]x"), "rank \(rank)")
            #expect(results.alongA == results.alongB, "rank \(rank)")
        }
    }

    // MARK: The document and apply

    @Test func visibleAndModelPositionsConvert() {
        let document = TTFFixture.document("[a]b[cd]e[f]")
        #expect(document.visibleText.string == "be" && document.modelCount == 6 && document.visibleCount == 2)
        #expect((0...6).map(document.visiblePosition(ofModelPosition:)) == [0, 0, 1, 1, 1, 2, 2])
        #expect(document.modelPositions(ofVisibleScalarsIn: 0..<2) == [1, 4])
        #expect(document.modelPositions(ofVisibleScalarsIn: 1..<1) == [])
        #expect(document.modelPosition(forInsertionAt: 0) == 0)
        #expect(document.modelPosition(forInsertionAt: 1) == 2)
        #expect(document.modelPosition(forInsertionAt: 2) == 5)
        document.checkInvariants()
    }

    /// An insertion goes right after the visible scalar before it, ahead of the tombstones
    /// that follow; a deletion of a visible range skips the tombstones inside it.
    @Test func editsInVisiblePositionsBecomeModelPrimitives() throws {
        let document = TTFFixture.document("a[b]c[d]e")
        #expect(engine.insertion(of: ["x", "y"], at: 2, in: document) == [ins("x", 3, v: 2), ins("y", 4, v: 3)])
        #expect(engine.insertion(of: ["x"], at: 0, in: document) == [ins("x", 0, v: 0)])
        #expect(engine.insertion(of: ["x"], at: 3, in: document) == [ins("x", 5, v: 3)])
        let deletion = engine.deletion(of: 0..<3, in: document)
        #expect(deletion == [del(4, v: 2), del(2, v: 1), del(0, v: 0)])
        let emptied = try engine.applying([deletion], to: document)
        #expect(emptied == TTFFixture.document("[abcde]") && emptied.visibleText.string.isEmpty)
        #expect(try engine.applying([engine.insertion(of: ["x", "y"], at: 2, in: document)], to: document) == TTFFixture.document("a[b]cxy[d]e"))
    }

    @Test func applyInsertsAndMarksAtModelPositionsWhateverTheVisibleFieldsSay() throws {
        var document = TTFFixture.document("a[b]c")
        try functions.apply(ins("x", 2, v: 1), to: &document)
        #expect(document == TTFFixture.document("a[b]xc") && document.visibleText.string == "axc")
        var ignoringVisible = TTFFixture.document("a[b]c")
        try functions.apply(ins("x", 2, v: 7), to: &ignoringVisible)
        #expect(ignoringVisible == document)
        try functions.apply(del(3, v: 2), to: &document)
        #expect(document == TTFFixture.document("a[b]x[c]"))
        try functions.apply(del(1, v: 1, hides: false), to: &document)
        #expect(document == TTFFixture.document("a[b]x[c]"))
        document.checkInvariants()
        #expect(throws: OTApplyError.self) { try functions.apply(ins("x", 5, v: 2), to: &document) }
        #expect(throws: OTApplyError.self) { try functions.apply(del(4, v: 2), to: &document) }
        #expect(throws: OTApplyError.self) { try engine.apply([del(0, v: 0), del(-1, v: 0)], to: &document) }
        #expect(document == TTFFixture.document("a[b]x[c]"))
    }

    /// On models of hundreds of scalars, whose visibility spans many 64-bit words, random
    /// insertions and deletions at model positions agree with a plain list of flags.
    @Test func longModelsAgreeWithAPlainListOfFlags() {
        var rng = SplitMix64(seed: 13, stream: "ttf-long-model")
        var document = TombstoneDocument(visibleText: TextBuffer(OTTextFixture.randomScalars(150, &rng)))
        var plain = document.scalars.map { (scalar: $0, visible: true) }
        for step in 0..<2_000 {
            if plain.isEmpty || rng.chance(1, in: 2) {
                let position = rng.int(in: 0...plain.count)
                let scalar = rng.pick(OTTextFixture.alphabet)
                document.insert(scalar, at: position)
                plain.insert((scalar, true), at: position)
            } else {
                let position = rng.int(in: 0...plain.count - 1)
                document.delete(at: position)
                plain[position].visible = false
            }
            let probe = rng.int(in: 0...plain.count)
            #expect(document.visiblePosition(ofModelPosition: probe) == plain[..<probe].filter(\.visible).count)
            if step % 100 == 0 {
                document.checkInvariants()
                #expect(document == TombstoneDocument(scalars: plain.map(\.scalar), isVisible: plain.map(\.visible)))
                #expect(document.modelPositions(ofVisibleScalarsIn: 0..<document.visibleCount) == plain.indices.filter { plain[$0].visible })
                #expect(plain.indices.allSatisfy { document.isVisible(at: $0) == plain[$0].visible })
            }
        }
        #expect(document.modelCount > 600 && document.visibleCount > 0)
    }

    /// Equality is the model's: the same visible text with different tombstones differs.
    @Test func readableFormSizeAndEqualityCountTombstones() {
        let document = TTFFixture.document("a[b]c[de]")
        #expect(document.readableForm == #""a[b]c[de]""#)
        #expect(TTFFixture.document("[ab]").readableForm == #""[ab]""#)
        #expect(TombstoneDocument(scalars: ["[", "x", "\n"], isVisible: [false, true, true]).readableForm == #""[\u{5B}]x\u{A}""#)
        #expect(document.encodedSize == 5 * 4 + 1)
        #expect(TombstoneDocument(visibleText: TextBuffer("")).encodedSize == 0)
        let long = TombstoneDocument(visibleText: TextBuffer(String(repeating: "a", count: 41)))
        #expect(long.readableForm.hasPrefix("41 scalars (41 visible), hash "))
        #expect(TTFFixture.document("a[b]c") != TombstoneDocument(visibleText: TextBuffer("ac")))
        #expect(TTFFixture.document("a[b]c").visibleText == TombstoneDocument(visibleText: TextBuffer("ac")).visibleText)
    }

    @Test func primitivesDescribeAndMeasureThemselves() {
        #expect(engine.describe([ins("x", 1, v: 0), del(2, v: 1), del(0, v: 0, hides: false)]) == #"ins(1,"x",v=0) del(2,v=1) del(0,v=0,tomb)"#)
        #expect(engine.encodedSize(of: [ins("é", 1, v: 0), del(200, v: 3, hides: false)]) == 1 + (1 + 1 + 1 + 2) + (1 + 2 + 1))
    }

    // MARK: Cursors

    @Test func cursorsMoveByTheVisibleEffect() {
        let document = TTFFixture.document("ab[c]d")
        #expect(engine.transformCursor(2, against: engine.insertion(of: ["x", "y"], at: 2, in: document)) == 4)
        #expect(engine.transformCursor(1, against: engine.insertion(of: ["x"], at: 2, in: document)) == 1)
        #expect(engine.transformCursor(3, against: engine.deletion(of: 1..<3, in: document)) == 1)
        let twice = engine.transform(engine.deletion(of: 1..<2, in: document), against: engine.deletion(of: 1..<2, in: document), tieBreak: .thisFirst)
        #expect(twice == [del(1, v: 1, hides: false)])
        #expect(engine.transformCursor(2, against: twice) == 2)
    }

    /// For random operations, fresh and transformed, on documents with tombstones, every
    /// cursor moves where the documents say, though `transformCursor` never sees one.
    @Test func cursorsMoveExactlyAsTheDocumentsSay() throws {
        var rng = SplitMix64(seed: 11, stream: "ttf-cursor")
        for _ in 0..<300 {
            let document = try TTFFixture.randomDocument(&rng)
            let a = TTFFixture.randomEdit(on: document, &rng)
            let b = TTFFixture.randomEdit(on: document, &rng)
            let tieBreak: TieBreak = rng.chance(1, in: 2) ? .thisFirst : .otherFirst
            let afterB = try engine.applying([b], to: document)
            for (operation, state) in [(a, document), (engine.transform(a, against: b, tieBreak: tieBreak), afterB)] {
                for cursor in 0...state.visibleCount {
                    let expected = try TTFFixture.cursorFromDocuments(cursor, through: operation, on: state)
                    #expect(engine.transformCursor(cursor, against: operation) == expected, "\(state) \(engine.describe(operation)) cursor \(cursor)")
                }
            }
        }
    }

    // MARK: The visible-field check

    @Test func theVisibleFieldCheckCatchesAPlantedBadField() {
        let document = TTFFixture.document("a[b]c")
        #expect(functions.visibleFieldMismatch(in: engine.insertion(of: ["x"], at: 2, in: document), on: document) == nil)
        #expect(functions.visibleFieldMismatch(in: [ins("x", 3, v: 1)], on: document)?.contains("claims visible position 1, the document says 2") == true)
        #expect(functions.visibleFieldMismatch(in: [del(2, v: 1, hides: false)], on: document) != nil)
        #expect(functions.visibleFieldMismatch(in: [del(1, v: 1, hides: true)], on: document)?.contains("of a tombstone") == true)
        #expect(functions.visibleFieldMismatch(in: [ins("x", 0, v: 0), ins("y", 1, v: 0)], on: document)?.hasPrefix("primitive 1") == true)
        #expect(functions.visibleFieldMismatch(in: [del(1, v: 1, hides: false), ins("x", 9, v: 2)], on: document)?.contains("does not apply") == true)
        // A transform that moved only the model position would leave this behind: on "abc",
        // ins(3, x) against del(1) must show at 2 once b is gone, not at 3.
        let forgetful = [ins("x", 3, v: 3)]
        #expect(functions.visibleFieldMismatch(in: forgetful, on: TTFFixture.document("a[b]c")) != nil)
        #expect(functions.transform(forgetful[0], against: del(1, v: 1), tieBreak: .thisFirst) == ins("x", 3, v: 2))
    }

    /// Every transformed pair of the exhaustive material, on the state it applies to, has
    /// visible fields that agree with the document.
    @Test func transformsKeepTheVisibleFieldsExact() throws {
        let situations = ClassicalFixture.freshSituations(engine) + ClassicalFixture.situationsAfterOneTransform(engine)
        for situation in situations {
            situation.document.checkInvariants()
            for a in situation.edits {
                #expect(functions.visibleFieldMismatch(in: a, on: situation.document) == nil)
                for b in situation.edits {
                    let afterB = try engine.applying([b], to: situation.document)
                    afterB.checkInvariants()
                    for tieBreak in [TieBreak.thisFirst, .otherFirst] {
                        let moved = engine.transform(a, against: b, tieBreak: tieBreak)
                        let mismatch = functions.visibleFieldMismatch(in: moved, on: afterB)
                        #expect(mismatch == nil, "\(situation.document): \(engine.describe(a)) against \(engine.describe(b)): \(mismatch ?? "")")
                    }
                }
            }
        }
    }

    // MARK: TP1 and TP2

    @Test func tp1HoldsExhaustively() {
        let situations = ClassicalFixture.freshSituations(engine) + ClassicalFixture.situationsAfterOneTransform(engine)
        let violation = ClassicalFixture.firstTP1Violation(engine, in: situations)
        #expect(violation == nil, "\(violation.map { "\($0.document): \(engine.describe($0.a)) ∥ \(engine.describe($0.b))" } ?? "")")
    }

    @Test func tp2HoldsExhaustivelyOnFreshOperations() {
        let violation = ClassicalFixture.firstTP2Violation(engine, in: ClassicalFixture.freshSituations(engine))
        #expect(violation == nil, "\(violation.map { "\($0.document): \(engine.describe($0.a)) ∥ \(engine.describe($0.b)) ∥ \(engine.describe($0.c))" } ?? "")")
    }

    /// Random multi-scalar and composed operations on documents with tombstones, through the
    /// grid under random site rankings: both orders reach one model (TP1), `c` transformed
    /// along either order is the same operation in effect (TP2), and every transformed
    /// operation's visible fields agree with its document.
    @Test func theGridKeepsTP1TP2AndVisibleFieldsOnRandomOperations() throws {
        var rng = SplitMix64(seed: 12, stream: "ttf-grid")
        for _ in 0..<300 {
            let document = try TTFFixture.randomDocument(&rng)
            var operations: [[TTFPrimitive]] = []
            for _ in 0..<3 {
                var state = document
                var operation: [TTFPrimitive] = []
                for _ in 0..<rng.int(in: 1...3) {
                    let edit = TTFFixture.randomEdit(on: state, &rng)
                    try engine.apply(edit, to: &state)
                    operation = engine.compose(operation, edit)
                }
                operations.append(operation)
            }
            let (a, b, c) = (operations[0], operations[1], operations[2])
            var rank = [0, 1, 2]
            rng.shuffle(&rank)
            let label = "\(document): a \(engine.describe(a)), b \(engine.describe(b)), c \(engine.describe(c)), rank \(rank)"
            let results = try #require(ClassicalFixture.tp2Results(engine, a, b, c, rank: rank, on: document), "TP1: \(label)")
            #expect(results.alongA != nil && results.alongA == results.alongB, "TP2: \(label)")
            func tieBreak(_ this: Int, _ other: Int) -> TieBreak { rank[this] < rank[other] ? .thisFirst : .otherFirst }
            let bAfterA = engine.transform(b, against: a, tieBreak: tieBreak(1, 0))
            let afterA = try engine.applying([a], to: document)
            let cAfterA = engine.transform(c, against: a, tieBreak: tieBreak(2, 0))
            #expect(functions.visibleFieldMismatch(in: bAfterA, on: afterA) == nil, "\(label)")
            #expect(functions.visibleFieldMismatch(in: cAfterA, on: afterA) == nil, "\(label)")
            let cAlongA = engine.transform(cAfterA, against: bAfterA, tieBreak: tieBreak(2, 1))
            let reached = try engine.applying([bAfterA], to: afterA)
            #expect(functions.visibleFieldMismatch(in: cAlongA, on: reached) == nil, "\(label)")
        }
    }
}
