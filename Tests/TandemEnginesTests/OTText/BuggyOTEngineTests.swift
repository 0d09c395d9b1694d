import TandemCore
import TandemEngines
import Testing

@Test func buggyEngineSatisfiesTP1WithoutSameSpotInserts() throws {
    let engine = BuggyOTEngine()
    var rng = SplitMix64(seed: 30, stream: "buggy-ot-untied")
    var checked = 0
    while checked < 500 {
        let document = OTTextFixture.randomDocument(maxLength: 12, &rng)
        let a = OTTextFixture.randomEdit(engine, document, &rng)
        let b = OTTextFixture.randomEdit(engine, document, &rng)
        if let position = OTTextFixture.insertionPoint(a), position == OTTextFixture.insertionPoint(b) { continue }
        let (afterA, afterB) = try OTTextFixture.tp1Sides(engine, a, b, on: document)
        #expect(afterA == afterB, "TP1: \(a) ∥ \(b) on \(document.count) scalars")
        checked += 1
    }
}

@Test func buggyEngineBreaksTP1OnSameSpotInserts() throws {
    let engine = BuggyOTEngine()
    let document = TextBuffer("xy")
    let a = engine.insertion(of: ["A"], at: 1, in: document)
    let b = engine.insertion(of: ["B"], at: 1, in: document)
    let (afterA, afterB) = try OTTextFixture.tp1Sides(engine, a, b, on: document)
    #expect(afterA.string == "xBAy")
    #expect(afterB.string == "xABy")
    #expect(afterA != afterB)
}
