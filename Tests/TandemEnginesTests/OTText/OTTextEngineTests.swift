import TandemCore
import TandemEngines
import Testing

@Test func tieBreakPairsSatisfyTP1() throws {
    let engine = OTTextEngine()
    var rng = SplitMix64(seed: 20, stream: "ot-text-engine-tp1")
    var ties = 0
    for _ in 0..<800 {
        let document = OTTextFixture.randomDocument(maxLength: 12, &rng)
        let a = OTTextFixture.randomEdit(engine, document, &rng)
        let b = OTTextFixture.randomEdit(engine, document, &rng)
        let (afterA, afterB) = try OTTextFixture.tp1Sides(engine, a, b, on: document)
        #expect(afterA == afterB, "TP1: \(a) ∥ \(b) on \(document.count) scalars")
        if let position = OTTextFixture.insertionPoint(a), position == OTTextFixture.insertionPoint(b) {
            ties += 1
        }
    }
    #expect(ties > 20)
}

@Test func sameSpotInsertsFollowTheTieBreak() throws {
    let engine = OTTextEngine()
    let document = TextBuffer("xy")
    let a = engine.insertion(of: ["A"], at: 1, in: document)
    let b = engine.insertion(of: ["B"], at: 1, in: document)
    let afterA = try OTTextFixture.applied(a, to: document, by: engine)
    let bLoses = engine.transform(b, against: a, tieBreak: .otherFirst)
    let bWins = engine.transform(b, against: a, tieBreak: .thisFirst)
    #expect(try OTTextFixture.applied(bLoses, to: afterA, by: engine).string == "xABy")
    #expect(try OTTextFixture.applied(bWins, to: afterA, by: engine).string == "xBAy")
    let (sideA, sideB) = try OTTextFixture.tp1Sides(engine, a, b, on: document)
    #expect(sideA.string == "xABy")
    #expect(sideB.string == "xABy")
}

@Test func insertionAndDeletionBuildFullLengthOperations() {
    let engine = OTTextEngine()
    let document = TextBuffer("héllo")
    #expect(engine.insertion(of: ["😀"], at: 2, in: document) == textOp(2, "😀", 3))
    #expect(engine.insertion(of: ["!"], at: 5, in: document) == textOp(5, "!"))
    #expect(engine.deletion(of: 1..<3, in: document) == textOp(1, -2, 2))
    #expect(engine.deletion(of: 0..<5, in: document) == textOp(-5))
    #expect(engine.compose(textOp(1, "a", 1), textOp(-1, 2)) == textOp(-1, "a", 1))
    #expect(engine.describe(textOp(2, "😀", 3)) == #"r2 i"\u{1F600}" r3"#)
}

@Test func encodedSizeMatchesHandComputedBytes() {
    let engine = OTTextEngine()
    // 3 components (1); retain 3: tag + 1; insert "ab": tag + length + 2; delete 2: tag + 1.
    #expect(engine.encodedSize(of: textOp(3, "ab", -2)) == 1 + 2 + 4 + 2)
    // 3 components (1); retain 200: tag + 2 (200 ≥ 128); insert "é😀": tag + length + 2 + 4; retain 16384 = 2^14: tag + 3.
    #expect(engine.encodedSize(of: textOp(200, "é😀", 16384)) == 1 + 3 + 8 + 4)
    // The empty operation is its component count alone.
    #expect(engine.encodedSize(of: TextOperation()) == 1)
    // A 130-byte insert needs a two-byte length.
    #expect(engine.encodedSize(of: textOp(.text(String(repeating: "x", count: 130)))) == 1 + 1 + 2 + 130)
}

@Test func applyThrowsOnLengthMismatch() {
    let engine = OTTextEngine()
    var document = TextBuffer("abc")
    let operation = engine.insertion(of: ["x"], at: 1, in: TextBuffer("ab"))
    #expect(throws: OTApplyError.self) { try engine.apply(operation, to: &document) }
    #expect(document.string == "abc")
}
