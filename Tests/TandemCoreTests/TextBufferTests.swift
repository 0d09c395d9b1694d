import TandemCore
import Testing

/// Scalars the random texts are drawn from: ASCII, a precomposed and a combining accent,
/// an emoji, CJK, a newline and a private-use identity scalar.
private let alphabet: [Unicode.Scalar] = ["a", "b", "z", " ", "\n", "\u{E9}", "\u{301}", "😀", "中", "文", "\u{E000}"]

private func randomScalars(_ count: Int, _ rng: inout SplitMix64) -> [Unicode.Scalar] {
    (0..<count).map { _ in rng.pick(alphabet) }
}

/// Applies one random edit to both the buffer and the model; large edits when `large`.
private func randomEdit(_ buffer: inout TextBuffer, _ model: inout [Unicode.Scalar], large: Bool, _ rng: inout SplitMix64) {
    let maxRun = large ? 3000 : 40
    if model.isEmpty || rng.chance(11, in: 20) {
        let position = rng.int(in: 0...model.count)
        let text = randomScalars(rng.int(in: 1...maxRun), &rng)
        buffer.insert(contentsOf: text, at: position)
        model.insert(contentsOf: text, at: position)
    } else {
        let lower = rng.int(in: 0...model.count - 1)
        let upper = rng.int(in: lower + 1...min(model.count, lower + maxRun))
        buffer.removeSubrange(lower..<upper)
        model.removeSubrange(lower..<upper)
    }
}

/// Checks reads at random places against the model.
private func expectReads(_ buffer: TextBuffer, _ model: [Unicode.Scalar], _ rng: inout SplitMix64) {
    #expect(buffer.count == model.count)
    #expect(buffer.isEmpty == model.isEmpty)
    guard !model.isEmpty else { return }
    let position = rng.int(in: 0...model.count - 1)
    #expect(buffer.scalar(at: position) == model[position])
    let lower = rng.int(in: 0...model.count)
    let upper = rng.int(in: lower...min(model.count, lower + 700))
    #expect(buffer.scalars(in: lower..<upper) == Array(model[lower..<upper]))
}

@Test func randomSmallEditsMatchAnArrayModel() {
    var rng = SplitMix64(seed: 1, stream: "text-buffer-small")
    var buffer = TextBuffer()
    var model: [Unicode.Scalar] = []
    for step in 0..<3000 {
        randomEdit(&buffer, &model, large: false, &rng)
        buffer.checkInvariants()
        expectReads(buffer, model, &rng)
        if step % 50 == 0 {
            #expect(buffer.scalars == model)
        }
    }
    #expect(buffer.scalars == model)
    #expect(buffer == TextBuffer(model))
}

@Test func randomLargeEditsOnADeepTreeMatchAnArrayModel() {
    var rng = SplitMix64(seed: 2, stream: "text-buffer-large")
    var model = randomScalars(60_000, &rng)
    var buffer = TextBuffer(model)
    buffer.checkInvariants()
    #expect(buffer.treeHeight >= 2)
    for step in 0..<600 {
        randomEdit(&buffer, &model, large: true, &rng)
        buffer.checkInvariants()
        expectReads(buffer, model, &rng)
        if step % 25 == 0 {
            #expect(buffer.scalars == model)
            #expect(buffer.treeHeight >= 1)
        }
    }
    #expect(buffer.scalars == model)
    #expect(buffer.stableHash == StableHash.of(scalars: model))
}

@Test func typingOneScalarAtATimeGrowsABalancedTree() {
    var rng = SplitMix64(seed: 3, stream: "text-buffer-typing")
    var buffer = TextBuffer()
    var model: [Unicode.Scalar] = []
    for _ in 0..<20_000 {
        let position = rng.int(in: 0...model.count)
        let scalar = rng.pick(alphabet)
        buffer.insert(contentsOf: [scalar], at: position)
        model.insert(scalar, at: position)
    }
    buffer.checkInvariants()
    #expect(buffer.treeHeight >= 2)
    #expect(buffer.scalars == model)
    while !model.isEmpty {
        let position = rng.int(in: 0...model.count - 1)
        buffer.removeSubrange(position..<position + 1)
        model.remove(at: position)
        if model.count % 1000 == 0 {
            buffer.checkInvariants()
            #expect(buffer.scalars == model)
        }
    }
    buffer.checkInvariants()
    #expect(buffer.isEmpty)
    #expect(buffer.treeHeight == 0)
}

@Test func removingLargeRangesKeepsTheTreeBalanced() {
    var rng = SplitMix64(seed: 4, stream: "text-buffer-ranges")
    for _ in 0..<40 {
        var model = randomScalars(rng.int(in: 5_000...80_000), &rng)
        var buffer = TextBuffer(model)
        let lower = rng.int(in: 0...model.count - 1)
        let upper = rng.int(in: lower + 1...model.count)
        buffer.removeSubrange(lower..<upper)
        model.removeSubrange(lower..<upper)
        buffer.checkInvariants()
        #expect(buffer.scalars == model)
        let insertion = randomScalars(rng.int(in: 0...20_000), &rng)
        let position = rng.int(in: 0...model.count)
        buffer.insert(contentsOf: insertion, at: position)
        model.insert(contentsOf: insertion, at: position)
        buffer.checkInvariants()
        #expect(buffer.scalars == model)
    }
}

@Test func copiesAreIndependentValues() {
    var rng = SplitMix64(seed: 5, stream: "text-buffer-cow")
    for size in [10, 100_000] {
        let model = randomScalars(size, &rng)
        let original = TextBuffer(model)
        var copy = original
        copy.insert(contentsOf: Array("😀x".unicodeScalars), at: size / 2)
        copy.removeSubrange(0..<3)
        copy.checkInvariants()
        original.checkInvariants()
        #expect(original.scalars == model)
        #expect(copy.count == size - 1)
        #expect(copy != original)

        var mutatedOriginal = original
        let snapshot = mutatedOriginal
        mutatedOriginal.removeSubrange(1..<size - 1)
        #expect(snapshot.scalars == model)
        #expect(mutatedOriginal.scalars == [model[0], model[size - 1]])
    }
}

@Test func equalityComparesContentNotTreeShape() {
    var rng = SplitMix64(seed: 6, stream: "text-buffer-equality")
    let model = randomScalars(30_000, &rng)
    let built = TextBuffer(model)
    var typed = TextBuffer()
    var position = 0
    while position < model.count {
        let run = rng.int(in: 1...300)
        let end = min(model.count, position + run)
        typed.insert(contentsOf: model[position..<end], at: position)
        position = end
    }
    var edited = TextBuffer(model + randomScalars(5000, &rng))
    edited.removeSubrange(model.count..<model.count + 5000)
    #expect(typed == built)
    #expect(edited == built)
    #expect(typed.stableHash == built.stableHash)
    var different = built
    different.removeSubrange(29_999..<30_000)
    different.insert(contentsOf: ["\u{E001}"], at: 29_999)
    #expect(different != built)
    #expect(different.count == built.count)
}

@Test func scalarsAreNotCanonicallyNormalized() {
    let precomposed = TextBuffer("\u{E9}")
    let decomposed = TextBuffer("e\u{301}")
    #expect(decomposed.count == 2)
    #expect(TextBuffer("😀中").count == 2)
    #expect(precomposed != decomposed)
    #expect(decomposed.string.unicodeScalars.elementsEqual("e\u{301}".unicodeScalars))
    #expect(decomposed.description.unicodeScalars.count == 2)
    #expect(decomposed.stableHash == StableHash.of("e\u{301}"))
}

@Test func edgeCasesAtTheEnds() {
    var buffer = TextBuffer("abc")
    buffer.insert(contentsOf: [Unicode.Scalar](), at: 1)
    buffer.removeSubrange(2..<2)
    buffer.insert(contentsOf: "de".unicodeScalars, at: 3)
    buffer.insert(contentsOf: "_".unicodeScalars, at: 0)
    #expect(buffer.string == "_abcde")
    buffer.removeSubrange(0..<6)
    #expect(buffer.isEmpty)
    #expect(buffer == TextBuffer())
    #expect(buffer.string.isEmpty)
    #expect(buffer.scalars(in: 0..<0).isEmpty)
    #expect(TextBuffer().stableHash == StableHash.offsetBasis)
    buffer.checkInvariants()
}
