import TandemCore
import Testing

/// Draws scalars for the random texts: each `fresh` scalar is new (distinct texts make the
/// naive diff below exact), `repetitive` ones come from a three-letter alphabet.
private struct ScalarSource {
    private var next: UInt32 = 0

    mutating func fresh(_ count: Int) -> [Unicode.Scalar] {
        defer { next += UInt32(count) }
        return (next..<next + UInt32(count)).map { Unicode.Scalar(0x1_0000 + $0)! }
    }

    func repetitive(_ count: Int, _ rng: inout SplitMix64) -> [Unicode.Scalar] {
        (0..<count).map { _ in rng.pick(["a", "b", "\u{E9}"]) }
    }
}

/// Applies one random edit (an insertion, or a removal of a range) to a buffer and its model;
/// runs and ranges up to `maxRun` scalars.
private func randomEdit(
    _ buffer: inout TextBuffer, _ model: inout [Unicode.Scalar], maxRun: Int,
    distinct: Bool, _ source: inout ScalarSource, _ rng: inout SplitMix64
) {
    if model.isEmpty || rng.chance(1, in: 2) {
        let count = rng.int(in: 1...maxRun)
        let scalars = distinct ? source.fresh(count) : source.repetitive(count, &rng)
        let position = rng.int(in: 0...model.count)
        buffer.insert(contentsOf: scalars, at: position)
        model.insert(contentsOf: scalars, at: position)
    } else {
        let lower = rng.int(in: 0...model.count - 1)
        let upper = rng.int(in: lower + 1...min(model.count, lower + maxRun))
        buffer.removeSubrange(lower..<upper)
        model.removeSubrange(lower..<upper)
    }
}

/// The changed regions between two texts of distinct scalars where the scalars in both are in
/// the same order: the maximal runs of scalars found on one side only, paired up between the
/// same shared neighbours. This is the finest correct answer, read off in O(n).
private func naiveRegions(old: [Unicode.Scalar], new: [Unicode.Scalar]) -> [TextBuffer.ChangedRegion] {
    let inOld = Set(old)
    let inNew = Set(new)
    var regions: [TextBuffer.ChangedRegion] = []
    var oldIndex = 0
    var newIndex = 0
    while oldIndex < old.count || newIndex < new.count {
        if oldIndex < old.count && newIndex < new.count && old[oldIndex] == new[newIndex] {
            oldIndex += 1
            newIndex += 1
            continue
        }
        let oldStart = oldIndex
        let newStart = newIndex
        while oldIndex < old.count && !inNew.contains(old[oldIndex]) { oldIndex += 1 }
        while newIndex < new.count && !inOld.contains(new[newIndex]) { newIndex += 1 }
        precondition(oldIndex > oldStart || newIndex > newStart, "naiveRegions: the shared scalars were reordered")
        regions.append(TextBuffer.ChangedRegion(old: oldStart..<oldIndex, new: newStart..<newIndex))
    }
    return regions
}

/// The single region between the common prefix and the common suffix of two texts: what the
/// diff must answer for trees that share nothing.
private func contentRegion(old: [Unicode.Scalar], new: [Unicode.Scalar]) -> [TextBuffer.ChangedRegion] {
    var prefix = 0
    while prefix < min(old.count, new.count) && old[prefix] == new[prefix] { prefix += 1 }
    var suffix = 0
    while suffix < min(old.count, new.count) - prefix && old[old.count - 1 - suffix] == new[new.count - 1 - suffix] {
        suffix += 1
    }
    guard prefix + suffix < max(old.count, new.count) else { return [] }
    return [TextBuffer.ChangedRegion(old: prefix..<old.count - suffix, new: prefix..<new.count - suffix)]
}

/// Expects the regions to describe the change from `old` to `new` as documented: increasing,
/// never touching, each with a non-empty range, and equal text everywhere else.
private func expectSound(_ regions: [TextBuffer.ChangedRegion], old: [Unicode.Scalar], new: [Unicode.Scalar]) {
    var oldEnd = 0
    var newEnd = 0
    for (index, region) in regions.enumerated() {
        #expect(!region.old.isEmpty || !region.new.isEmpty, "empty region \(region)")
        #expect(region.old.lowerBound >= oldEnd && region.new.lowerBound >= newEnd, "regions out of order: \(regions)")
        if index > 0 {
            #expect(region.old.lowerBound > oldEnd, "regions touch: \(regions)")
        }
        #expect(region.old.upperBound <= old.count && region.new.upperBound <= new.count, "region \(region) out of bounds")
        #expect(old[oldEnd..<region.old.lowerBound] == new[newEnd..<region.new.lowerBound], "text differs before \(region)")
        oldEnd = region.old.upperBound
        newEnd = region.new.upperBound
    }
    #expect(old[oldEnd...] == new[newEnd...], "text differs after the last region of \(regions)")
}

/// Expects each region to be a run of consecutive naive regions with the text between them:
/// it starts where a naive region starts, ends where one ends, and every naive region lies in one.
private func expectCoarsening(_ regions: [TextBuffer.ChangedRegion], of naive: [TextBuffer.ChangedRegion]) {
    for region in regions {
        #expect(naive.contains { $0.old.lowerBound == region.old.lowerBound && $0.new.lowerBound == region.new.lowerBound },
                "region \(region) starts inside unchanged text; naive: \(naive)")
        #expect(naive.contains { $0.old.upperBound == region.old.upperBound && $0.new.upperBound == region.new.upperBound },
                "region \(region) ends inside unchanged text; naive: \(naive)")
    }
    for piece in naive {
        #expect(regions.contains { region in
            region.old.lowerBound <= piece.old.lowerBound && piece.old.upperBound <= region.old.upperBound
                && region.new.lowerBound <= piece.new.lowerBound && piece.new.upperBound <= region.new.upperBound
        }, "naive region \(piece) is missing from \(regions)")
    }
}

@Suite struct TextBufferDifferenceTests {
    @Test(arguments: [
        (seed: 1, length: 0, maxRun: 40, steps: 300), (seed: 2, length: 3_000, maxRun: 300, steps: 300),
        (seed: 3, length: 60_000, maxRun: 3_000, steps: 100),
    ])
    func editsOfASharedTreeMatchTheNaiveDiff(seed: UInt64, length: Int, maxRun: Int, steps: Int) {
        var rng = SplitMix64(seed: seed, stream: "text-buffer-difference-shared")
        var source = ScalarSource()
        var model = source.fresh(length)
        var buffer = TextBuffer(model)
        for _ in 0..<steps {
            let old = buffer
            let oldModel = model
            let edits = rng.int(in: 1...4)
            for _ in 0..<edits {
                randomEdit(&buffer, &model, maxRun: maxRun, distinct: true, &source, &rng)
            }
            let regions = buffer.changedRegions(from: old)
            let naive = naiveRegions(old: oldModel, new: model)
            expectSound(regions, old: oldModel, new: model)
            expectCoarsening(regions, of: naive)
            if edits == 1 {
                #expect(regions == naive)
            }
        }
    }

    @Test func farApartEditsComeOutAsSeparateRegions() {
        var rng = SplitMix64(seed: 4, stream: "text-buffer-difference-spread")
        var source = ScalarSource()
        var model = source.fresh(200_000)
        var buffer = TextBuffer(model)
        #expect(buffer.treeHeight >= 2)
        for _ in 0..<10 {
            let old = buffer
            let oldModel = model
            for slot in stride(from: 39, through: 0, by: -1) {
                let position = slot * 5_000 + rng.int(in: 0...1_000)
                if rng.chance(1, in: 2) {
                    let scalars = source.fresh(rng.int(in: 1...20))
                    buffer.insert(contentsOf: scalars, at: position)
                    model.insert(contentsOf: scalars, at: position)
                } else {
                    let range = position..<position + rng.int(in: 1...20)
                    buffer.removeSubrange(range)
                    model.removeSubrange(range)
                }
            }
            let regions = buffer.changedRegions(from: old)
            #expect(regions.count == 40)
            #expect(regions == naiveRegions(old: oldModel, new: model))
        }
    }

    @Test(arguments: [(seed: 5, distinct: true), (seed: 6, distinct: false)])
    func treesSharingNoNodeAreComparedByContent(seed: UInt64, distinct: Bool) {
        var rng = SplitMix64(seed: seed, stream: "text-buffer-difference-unshared")
        var source = ScalarSource()
        var model = distinct ? source.fresh(20_000) : source.repetitive(20_000, &rng)
        var buffer = TextBuffer(model)
        for step in 0..<150 {
            let old = buffer
            let oldModel = model
            for _ in 0..<rng.int(in: 0...3) {
                randomEdit(&buffer, &model, maxRun: 2_000, distinct: distinct, &source, &rng)
            }
            let rebuilt = TextBuffer(model)
            let rebuiltOld = TextBuffer(oldModel)
            let expected = contentRegion(old: oldModel, new: model)
            #expect(rebuilt.changedRegions(from: old) == expected)
            #expect(buffer.changedRegions(from: rebuiltOld) == expected)
            #expect(rebuilt.changedRegions(from: rebuiltOld) == expected)
            expectSound(buffer.changedRegions(from: old), old: oldModel, new: model)
            if step % 3 == 0 { buffer = rebuilt }
        }
    }

    @Test func repetitiveTextsOfASharedTreeDiffSoundly() {
        var rng = SplitMix64(seed: 7, stream: "text-buffer-difference-repetitive")
        var source = ScalarSource()
        var model = source.repetitive(10_000, &rng)
        var buffer = TextBuffer(model)
        for _ in 0..<400 {
            let old = buffer
            let oldModel = model
            for _ in 0..<rng.int(in: 1...3) {
                randomEdit(&buffer, &model, maxRun: rng.pick([3, 600]), distinct: false, &source, &rng)
            }
            expectSound(buffer.changedRegions(from: old), old: oldModel, new: model)
        }
    }

    @Test func rootsThatSplitOrCollapseAreFollowed() {
        var source = ScalarSource()
        let leafModel = source.fresh(500)
        let leaf = TextBuffer(leafModel)
        var grown = leaf
        let insertion = source.fresh(100)
        grown.insert(contentsOf: insertion, at: 250)
        #expect(leaf.treeHeight == 0 && grown.treeHeight == 1)
        let grownModel = Array(leafModel[..<250] + insertion + leafModel[250...])
        #expect(grown.changedRegions(from: leaf) == naiveRegions(old: leafModel, new: grownModel))
        #expect(leaf.changedRegions(from: grown) == naiveRegions(old: grownModel, new: leafModel))

        let deepModel = source.fresh(20_000)
        let deep = TextBuffer(deepModel)
        var shrunk = deep
        shrunk.removeSubrange(700..<19_000)
        #expect(deep.treeHeight == 2 && shrunk.treeHeight < 2)
        let shrunkModel = Array(deepModel[..<700] + deepModel[19_000...])
        #expect(shrunk.changedRegions(from: deep) == naiveRegions(old: deepModel, new: shrunkModel))
        #expect(deep.changedRegions(from: shrunk) == naiveRegions(old: shrunkModel, new: deepModel))
    }

    @Test func editsThatRestoreTheTextLeaveNoRegion() {
        var source = ScalarSource()
        let model = source.fresh(5_000)
        let original = TextBuffer(model)
        #expect(original.changedRegions(from: original).isEmpty)
        #expect(original.changedRegions(from: TextBuffer(model)).isEmpty)
        var restored = original
        restored.removeSubrange(1_000..<1_010)
        restored.insert(contentsOf: model[1_000..<1_010], at: 1_000)
        #expect(restored.changedRegions(from: original).isEmpty)
    }

    @Test func emptyTextsAndTheEnds() {
        var source = ScalarSource()
        let model = source.fresh(1_500)
        let text = TextBuffer(model)
        let region = TextBuffer.ChangedRegion.init(old:new:)
        #expect(TextBuffer().changedRegions(from: TextBuffer()).isEmpty)
        #expect(text.changedRegions(from: TextBuffer()) == [region(0..<0, 0..<1_500)])
        #expect(TextBuffer().changedRegions(from: text) == [region(0..<1_500, 0..<0)])
        var cleared = text
        cleared.removeSubrange(0..<1_500)
        #expect(cleared.changedRegions(from: text) == [region(0..<1_500, 0..<0)])
        var framed = text
        framed.insert(contentsOf: source.fresh(2), at: 1_500)
        framed.insert(contentsOf: source.fresh(1), at: 0)
        #expect(framed.changedRegions(from: text) == [region(0..<0, 0..<1), region(1_500..<1_500, 1_501..<1_503)])
        #expect(text.changedRegions(from: framed) == [region(0..<1, 0..<0), region(1_501..<1_503, 1_500..<1_500)])
        #expect(region(3..<5, 3..<4).description == "3..<5 → 3..<4")
    }
}
