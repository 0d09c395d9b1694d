import TandemCore

/// The document of the tombstone transformation functions (`ot-ttf`): every scalar ever
/// inserted, in order, each either visible or a tombstone, a deleted scalar that keeps its
/// place so that positions never shift under a concurrent deletion.
///
/// Positions come in two kinds. A *model* position counts every scalar, tombstones included;
/// TTF's primitives use these. A *visible* position counts only what the user sees; edits and
/// cursors use these. The visible text is kept beside the model and updated with each edit,
/// so reading it costs nothing, while converting a position from one kind to the other walks
/// the model (O(n)).
///
/// Equality compares the model: under TTF two sites that converge hold the same scalars and
/// the same tombstones, not only the same visible text, and TP1 and TP2 are checked on that.
public struct TombstoneDocument: OTDocument, CustomStringConvertible {
    /// Every scalar ever inserted, tombstones included, in model order.
    public private(set) var scalars: [Unicode.Scalar]
    /// The visible scalars, in order: what the user sees.
    public private(set) var visibleText: TextBuffer
    /// One bit per model position, set when the scalar there is visible: bit `i % 64` of
    /// word `i / 64`. There are exactly as many words as the model needs, and the bits past
    /// its end are clear, so equal models have equal words. Counting visible scalars is a
    /// population count per 64 scalars, which keeps position conversion cheap on long models.
    private(set) var visibility: [UInt64]

    /// A document showing `visibleText`, without tombstones, as every site starts it.
    public init(visibleText: TextBuffer) {
        self.init(scalars: visibleText.scalars, isVisible: Array(repeating: true, count: visibleText.count))
    }

    /// A document holding `scalars` in model order, those whose flag in `isVisible` is false
    /// as tombstones: a state some history of edits leads to, for tests and counterexamples.
    public init(scalars: [Unicode.Scalar], isVisible: [Bool]) {
        precondition(scalars.count == isVisible.count, "TombstoneDocument: \(scalars.count) scalars, \(isVisible.count) flags")
        self.scalars = scalars
        visibility = Array(repeating: 0, count: Self.wordCount(scalars.count))
        for (position, visible) in isVisible.enumerated() where visible {
            visibility[position >> 6] |= 1 << UInt64(position & 63)
        }
        visibleText = TextBuffer(zip(scalars, isVisible).filter(\.1).map(\.0))
    }

    /// The number of scalars in the model, tombstones included.
    public var modelCount: Int { scalars.count }

    /// The number of visible scalars.
    public var visibleCount: Int { visibleText.count }

    /// Whether the scalar at model position `position` (0..<`modelCount`) is visible; false
    /// for a tombstone.
    public func isVisible(at position: Int) -> Bool {
        precondition(position >= 0 && position < modelCount, "TombstoneDocument: model position \(position) out of 0..<\(modelCount)")
        return visibility[position >> 6] >> UInt64(position & 63) & 1 == 1
    }

    /// The number of visible scalars before model position `position` (0…`modelCount`): the
    /// visible position of the scalar there, or of a scalar inserted there.
    public func visiblePosition(ofModelPosition position: Int) -> Int {
        precondition(position >= 0 && position <= modelCount, "TombstoneDocument: model position \(position) out of 0...\(modelCount)")
        let word = position >> 6
        var visible = 0
        for index in 0..<word { visible += visibility[index].nonzeroBitCount }
        let bits = UInt64(position & 63)
        if bits > 0 { visible += (visibility[word] & (1 << bits &- 1)).nonzeroBitCount }
        return visible
    }

    /// The model positions of the visible scalars at visible positions `range`, in order.
    public func modelPositions(ofVisibleScalarsIn range: Range<Int>) -> [Int] {
        precondition(range.lowerBound >= 0 && range.upperBound <= visibleCount, "TombstoneDocument: visible range \(range) out of 0..<\(visibleCount)")
        var positions: [Int] = []
        positions.reserveCapacity(range.count)
        var visible = 0
        for (index, word) in visibility.enumerated() where visible < range.upperBound {
            let count = word.nonzeroBitCount
            guard visible + count > range.lowerBound else {
                visible += count
                continue
            }
            var bits = word
            while bits != 0 && visible < range.upperBound {
                if visible >= range.lowerBound { positions.append(index << 6 + bits.trailingZeroBitCount) }
                visible += 1
                bits &= bits &- 1
            }
        }
        return positions
    }

    /// The model position where a scalar inserted before visible position `position` goes:
    /// right after the visible scalar before it (0 when there is none), ahead of any
    /// tombstones that follow that scalar, so new text stays attached to the text on its left
    /// as typing does.
    public func modelPosition(forInsertionAt position: Int) -> Int {
        precondition(position >= 0 && position <= visibleCount, "TombstoneDocument: visible position \(position) out of 0...\(visibleCount)")
        guard position > 0 else { return 0 }
        return modelPositions(ofVisibleScalarsIn: position - 1..<position)[0] + 1
    }

    /// Inserts a visible `scalar` before model position `position` (0…`modelCount`).
    public mutating func insert(_ scalar: Unicode.Scalar, at position: Int) {
        let visible = visiblePosition(ofModelPosition: position)
        if modelCount % 64 == 0 { visibility.append(0) }
        let word = position >> 6
        let below: UInt64 = 1 << UInt64(position & 63) &- 1
        var carry = visibility[word] >> 63
        visibility[word] = visibility[word] & below | (visibility[word] & ~below) << 1 | (below &+ 1)
        for index in word + 1..<visibility.count {
            let next = visibility[index] >> 63
            visibility[index] = visibility[index] << 1 | carry
            carry = next
        }
        scalars.insert(scalar, at: position)
        visibleText.insert(contentsOf: [scalar], at: visible)
    }

    /// Makes the scalar at model position `position` (0..<`modelCount`) a tombstone; a
    /// tombstone stays one.
    public mutating func delete(at position: Int) {
        guard isVisible(at: position) else { return }
        let visible = visiblePosition(ofModelPosition: position)
        visibility[position >> 6] &= ~(1 << UInt64(position & 63))
        visibleText.removeSubrange(visible..<visible + 1)
    }

    /// Four bytes per scalar, tombstones included (as UTF-32), then one bit per scalar saying
    /// whether it is visible: a reload ships the whole model.
    public var encodedSize: Int {
        modelCount * 4 + (modelCount + 7) / 8
    }

    /// The quoted model with each run of tombstones in brackets (`"a[bc]d"`: b and c are
    /// deleted) when it holds at most 40 scalars; literal brackets are escaped like other
    /// special scalars (`\u{5B}`). Longer models give their counts and stable hash.
    public var readableForm: String {
        guard modelCount <= 40 else {
            var hash = StableHash()
            hash.feed(scalars: scalars)
            for word in visibility { hash.feed(word) }
            return "\(modelCount) scalars (\(visibleCount) visible), hash \(StableHash.hex(hash.value))"
        }
        var result = "\""
        var inTombstones = false
        for (position, scalar) in scalars.enumerated() {
            let visible = isVisible(at: position)
            if visible == inTombstones {
                result += visible ? "]" : "["
                inTombstones = !visible
            }
            result += scalar == "[" || scalar == "]" ? "\\u{\(String(scalar.value, radix: 16, uppercase: true))}" : TextEscaping.escape([scalar])
        }
        return result + (inTombstones ? "]\"" : "\"")
    }

    /// The readable form.
    public var description: String { readableForm }

    /// Whether the two models hold the same scalars with the same tombstones; the visible
    /// text follows from them.
    public static func == (lhs: TombstoneDocument, rhs: TombstoneDocument) -> Bool {
        lhs.scalars == rhs.scalars && lhs.visibility == rhs.visibility
    }

    /// The number of 64-bit words that hold one bit per scalar of a model of `count` scalars.
    static func wordCount(_ count: Int) -> Int {
        (count + 63) / 64
    }
}
