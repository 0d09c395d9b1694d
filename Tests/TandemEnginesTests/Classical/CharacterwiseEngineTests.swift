import TandemCore
import TandemEngines
import Testing

/// The adapter from character-wise functions to `OTEngine`: how edits become primitives, and
/// that the grid transform keeps TP1 on multi-scalar operations when the function has it.
@Suite struct CharacterwiseEngineTests {
    let engine = CharacterwiseEngine(ResselFunctions())

    @Test func anInsertionIsOnePrimitivePerScalarAtConsecutivePositions() {
        let document = TextBuffer("abc")
        let operation = engine.insertion(of: ["x", "y", "z"], at: 1, in: document)
        #expect(operation == [.insert("x", at: 1), .insert("y", at: 2), .insert("z", at: 3)])
        #expect(ClassicalFixture.applied(engine, operation, to: document)?.string == "axyzbc")
    }

    @Test func aDeletionIsOnePrimitivePerScalarBackToFront() {
        let document = TextBuffer("abcde")
        let operation = engine.deletion(of: 1..<4, in: document)
        #expect(operation == [.delete(at: 3), .delete(at: 2), .delete(at: 1)])
        #expect(ClassicalFixture.applied(engine, operation, to: document)?.string == "ae")
    }

    @Test func applyLeavesTheDocumentUnchangedWhenAPrimitiveDoesNotFit() {
        var document = TextBuffer("ab")
        #expect(throws: OTApplyError.self) { try engine.apply([.insert("x", at: 0), .delete(at: 5)], to: &document) }
        #expect(document.string == "ab")
    }

    @Test func composeConcatenatesAndTheEmptySequenceIsTheNoOp() {
        let first: [CharacterEdit] = [.insert("x", at: 0)]
        let second: [CharacterEdit] = [.delete(at: 1)]
        #expect(engine.compose(first, second) == [.insert("x", at: 0), .delete(at: 1)])
        #expect(engine.describe([]) == "(no-op)")
        #expect(engine.describe(engine.compose(first, second)) == #"ins(0,"x") del(1)"#)
    }

    @Test func cursorsMoveThroughEveryPrimitive() {
        let document = TextBuffer("abcdef")
        #expect(engine.transformCursor(2, against: engine.insertion(of: ["x", "y"], at: 2, in: document)) == 4)
        #expect(engine.transformCursor(1, against: engine.insertion(of: ["x", "y"], at: 2, in: document)) == 1)
        #expect(engine.transformCursor(3, against: engine.deletion(of: 1..<4, in: document)) == 1)
        #expect(engine.transformCursor(5, against: engine.deletion(of: 1..<4, in: document)) == 2)
    }

    @Test func wireSizeCountsThePrimitives() {
        #expect(engine.encodedSize(of: []) == 1)
        #expect(engine.encodedSize(of: [.insert("x", at: 1), .delete(at: 200)]) == 1 + (1 + 1 + 1) + (1 + 2))
        #expect(engine.encodedSize(of: [.insert("x", at: -1), .delete(at: -64), .delete(at: -65)]) == 1 + (1 + 1 + 1) + (1 + 1) + (1 + 2))
        #expect(CharacterwiseEngine(ImineFunctions()).encodedSize(of: [.insert("é", at: 1, initialPosition: 2)]) == 1 + 1 + 1 + 2 + 1)
    }

    /// A primitive turned into the identity drops out of its row, and the primitive it met
    /// carries on unchanged.
    @Test func theGridDropsIdentities() {
        let dopt = CharacterwiseEngine(DOPTFunctions())
        let document = TextBuffer("ab")
        let a = dopt.insertion(of: ["x", "y"], at: 1, in: document)
        let b = dopt.insertion(of: ["x"], at: 1, in: document)
        #expect(dopt.transform(a, against: b, tieBreak: .thisFirst) == [.insert("y", at: 2)])
        #expect(dopt.transform(b, against: a, tieBreak: .otherFirst) == [])
    }

    /// Random multi-scalar insertions and deletions, transformed through the grid with both
    /// tie-breaks, keep TP1 under a function that has it.
    @Test func theGridKeepsTP1ForMultiScalarOperations() {
        var rng = SplitMix64(seed: 5, stream: "classical-grid-tp1")
        for _ in 0..<400 {
            let document = OTTextFixture.randomDocument(maxLength: 8, &rng)
            let a = OTTextFixture.randomEdit(engine, document, &rng)
            let b = OTTextFixture.randomEdit(engine, document, &rng)
            let aFirst = rng.chance(1, in: 2)
            let (afterA, afterB) = ClassicalFixture.tp1Sides(engine, a, b, aFirst: aFirst, on: document)
            #expect(afterA != nil && afterA == afterB, "\(document): \(engine.describe(a)) ∥ \(engine.describe(b))")
        }
    }

    /// Operations composed from several edits, as Jupiter's buffers hold them, keep TP1 too.
    @Test func theGridKeepsTP1ForComposedOperations() throws {
        var rng = SplitMix64(seed: 6, stream: "classical-grid-composed")
        for _ in 0..<200 {
            let document = OTTextFixture.randomDocument(maxLength: 8, &rng)
            var composed: [[CharacterEdit]] = []
            for _ in 0..<2 {
                var state = document
                var operation: [CharacterEdit] = []
                for _ in 0..<rng.int(in: 1...3) {
                    let edit = OTTextFixture.randomEdit(engine, state, &rng)
                    try engine.apply(edit, to: &state)
                    operation = engine.compose(operation, edit)
                }
                composed.append(operation)
            }
            let (afterA, afterB) = ClassicalFixture.tp1Sides(engine, composed[0], composed[1], aFirst: true, on: document)
            #expect(afterA != nil && afterA == afterB, "\(document): \(engine.describe(composed[0])) ∥ \(engine.describe(composed[1]))")
        }
    }
}
