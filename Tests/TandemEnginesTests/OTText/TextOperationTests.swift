import Foundation
import TandemCore
import TandemEngines
import Testing

private let iterations = 600

@Test func builderKeepsOTJSCanonicalForm() {
    var operation = TextOperation()
    operation.retain(0)
    operation.insert("")
    operation.delete(0)
    #expect(operation.components.isEmpty)
    #expect(operation.isNoop)
    operation.retain(2)
    operation.retain(3)
    operation.delete(1)
    operation.insert("a")
    operation.delete(2)
    operation.insert("b")
    operation.checkInvariants()
    #expect(operation.components == [.retain(5), .insert(Array("ab".unicodeScalars)), .delete(3)])
    #expect(operation.baseLength == 8)
    #expect(operation.targetLength == 7)
    #expect(!operation.isNoop)
    #expect(TextOperation([.retain(5), .delete(1), .insert(Array("a".unicodeScalars)), .delete(2), .insert(Array("b".unicodeScalars))]) == operation)
    #expect(textOp(4).isNoop)
}

@Test func randomOperationsAreCanonical() {
    var rng = SplitMix64(seed: 10, stream: "ot-text-canonical")
    for _ in 0..<iterations {
        let operation = OTTextFixture.randomOperation(baseLength: rng.int(in: 0...40), &rng)
        operation.checkInvariants()
        #expect(TextOperation(operation.components) == operation)
    }
}

@Test func applyComposeEqualsApplyingInTurn() throws {
    var rng = SplitMix64(seed: 11, stream: "ot-text-compose")
    for _ in 0..<iterations {
        let document = OTTextFixture.randomDocument(maxLength: 40, &rng)
        let a = OTTextFixture.randomOperation(baseLength: document.count, &rng)
        let afterA = try OTTextFixture.applied(a, to: document)
        let b = OTTextFixture.randomOperation(baseLength: afterA.count, &rng)
        let composed = a.compose(b)
        composed.checkInvariants()
        #expect(composed.baseLength == a.baseLength)
        #expect(composed.targetLength == b.targetLength)
        #expect(try OTTextFixture.applied(composed, to: document) == OTTextFixture.applied(b, to: afterA))
    }
}

@Test func transformSatisfiesTP1InBothOrders() throws {
    var rng = SplitMix64(seed: 12, stream: "ot-text-tp1")
    for _ in 0..<iterations {
        let document = OTTextFixture.randomDocument(maxLength: 30, &rng)
        let a = OTTextFixture.randomOperation(baseLength: document.count, &rng)
        let b = OTTextFixture.randomOperation(baseLength: document.count, &rng)
        for (first, second) in [(a, b), (b, a)] {
            let (firstPrime, secondPrime) = TextOperation.transform(first, second)
            firstPrime.checkInvariants()
            secondPrime.checkInvariants()
            #expect(first.compose(secondPrime) == second.compose(firstPrime))
            let viaFirst = try OTTextFixture.applied(secondPrime, to: OTTextFixture.applied(first, to: document))
            let viaSecond = try OTTextFixture.applied(firstPrime, to: OTTextFixture.applied(second, to: document))
            #expect(viaFirst == viaSecond)
        }
    }
}

@Test func invertRestoresTheDocument() throws {
    var rng = SplitMix64(seed: 13, stream: "ot-text-invert")
    for _ in 0..<iterations {
        let document = OTTextFixture.randomDocument(maxLength: 40, &rng)
        let operation = OTTextFixture.randomOperation(baseLength: document.count, &rng)
        let inverse = operation.invert(on: document)
        inverse.checkInvariants()
        #expect(inverse.baseLength == operation.targetLength)
        #expect(inverse.targetLength == operation.baseLength)
        #expect(try OTTextFixture.applied(inverse, to: OTTextFixture.applied(operation, to: document)) == document)
        #expect(try OTTextFixture.applied(operation.compose(inverse), to: document) == document)
    }
}

@Test func concurrentInsertsAtTheSamePositionPutTheFirstOperandFirst() throws {
    let document = TextBuffer("xy")
    let a = textOp(1, "A", 1)
    let b = textOp(1, "B", 1)
    let (aPrime, bPrime) = TextOperation.transform(a, b)
    #expect(aPrime == textOp(1, "A", 2))
    #expect(bPrime == textOp(2, "B", 1))
    #expect(try OTTextFixture.applied(bPrime, to: OTTextFixture.applied(a, to: document)).string == "xABy")
    #expect(try OTTextFixture.applied(aPrime, to: OTTextFixture.applied(b, to: document)).string == "xABy")
    let (bFirst, aSecond) = TextOperation.transform(b, a)
    #expect(try OTTextFixture.applied(aSecond, to: OTTextFixture.applied(b, to: document)).string == "xBAy")
    #expect(bFirst == textOp(1, "B", 2))
}

@Test func overlappingDeletesDeleteOnce() throws {
    let document = TextBuffer("abcdef")
    let a = textOp(1, -3, 2)
    let b = textOp(2, -3, 1)
    let (aPrime, bPrime) = TextOperation.transform(a, b)
    #expect(aPrime == textOp(1, -1, 1))
    #expect(bPrime == textOp(1, -1, 1))
    #expect(try OTTextFixture.applied(bPrime, to: OTTextFixture.applied(a, to: document)).string == "af")
    #expect(try OTTextFixture.applied(aPrime, to: OTTextFixture.applied(b, to: document)).string == "af")
}

@Test func insertInsideADeletedRangeSurvives() throws {
    let document = TextBuffer("abcdef")
    let insert = textOp(3, "X", 3)
    let delete = textOp(1, -4, 1)
    let (insertPrime, deletePrime) = TextOperation.transform(insert, delete)
    #expect(insertPrime == textOp(1, "X", 1))
    #expect(deletePrime == textOp(1, -2, 1, -2, 1))
    #expect(try OTTextFixture.applied(deletePrime, to: OTTextFixture.applied(insert, to: document)).string == "aXf")
    #expect(try OTTextFixture.applied(insertPrime, to: OTTextFixture.applied(delete, to: document)).string == "aXf")
}

@Test func composeHandWrittenCases() throws {
    #expect(textOp(3, "ab", 2).compose(textOp(1, -3, 3)) == textOp(1, "b", -2, 2))
    #expect(textOp(3, "ab", 2).compose(textOp(1, -4, 2)) == textOp(1, -2, 2))
    #expect(textOp("hello").compose(textOp(-5)) == TextOperation())
    #expect(textOp(-2, 3).compose(textOp("x", 3)) == textOp("x", -2, 3))
    let document = TextBuffer("e\u{301}😀中")
    let operation = textOp(1, -1, "\u{E9}", 2)
    #expect(try OTTextFixture.applied(operation, to: document).scalars == Array("e\u{E9}😀中".unicodeScalars))
    #expect(operation.invert(on: document) == textOp(1, "\u{301}", -1, 2))
}

@Test func applyThrowsOnLengthMismatchAndLeavesTheDocument() {
    var document = TextBuffer("abc")
    #expect(throws: OTApplyError.self) { try textOp(2, "x").apply(to: &document) }
    #expect(document.string == "abc")
}

@Test func jsonUsesOTJSForm() throws {
    let operation = textOp(3, "a\"é😀", -2, 1)
    let data = try JSONEncoder().encode(operation)
    #expect(String(decoding: data, as: UTF8.self) == #"[3,"a\"é😀",-2,1]"#)
    #expect(try JSONDecoder().decode(TextOperation.self, from: data) == operation)
    let decomposed = textOp("e\u{301}")
    #expect(try JSONDecoder().decode(TextOperation.self, from: JSONEncoder().encode(decomposed)) == decomposed)
    #expect(try JSONDecoder().decode(TextOperation.self, from: Data(#"[1,-1,"a",-1]"#.utf8)) == textOp(1, "a", -2))
    #expect(throws: DecodingError.self) { try JSONDecoder().decode(TextOperation.self, from: Data("[0]".utf8)) }
}

@Test func descriptionIsCompactAndEscaped() {
    #expect(textOp(3, "ab", -2).description == #"r3 i"ab" d2"#)
    #expect(textOp("\n\"\\e\u{301}😀\u{E000}").description == #"i"\u{A}\u{22}\u{5C}e\u{301}\u{1F600}\u{E000}""#)
    #expect(TextOperation().description == "(empty)")
}
