/// A mutable text measured in Unicode scalars: the document type every OT engine edits.
///
/// Positions and lengths count Unicode scalars, never `Character`s (grapheme clusters)
/// nor UTF-16 code units: `"e\u{301}"` has length 2, `"😀"` has length 1.
/// Equality compares scalars exactly; unlike `String ==` it ignores canonical equivalence.
public struct TextBuffer: Sendable, Equatable, CustomStringConvertible {
    private var storage: [Unicode.Scalar]

    /// An empty text.
    public init() {
        storage = []
    }

    /// A text holding the given scalars.
    public init<S: Sequence>(_ scalars: S) where S.Element == Unicode.Scalar {
        storage = Array(scalars)
    }

    /// A text holding the scalars of a string.
    public init(_ string: String) {
        storage = Array(string.unicodeScalars)
    }

    /// The number of Unicode scalars.
    public var count: Int { storage.count }

    /// Whether the text is empty.
    public var isEmpty: Bool { storage.isEmpty }

    /// The scalar at a position.
    public func scalar(at position: Int) -> Unicode.Scalar {
        storage[position]
    }

    /// The scalars in a range of positions.
    public func scalars(in range: Range<Int>) -> [Unicode.Scalar] {
        Array(storage[range])
    }

    /// All scalars, in order.
    public var scalars: [Unicode.Scalar] { storage }

    /// The text as a `String`.
    public var string: String {
        var result = String.UnicodeScalarView()
        result.append(contentsOf: storage)
        return String(result)
    }

    /// Inserts scalars before the scalar at `position` (or at the end when `position == count`).
    public mutating func insert<C: Collection>(contentsOf scalars: C, at position: Int) where C.Element == Unicode.Scalar {
        storage.insert(contentsOf: scalars, at: position)
    }

    /// Removes the scalars in a range of positions.
    public mutating func removeSubrange(_ range: Range<Int>) {
        storage.removeSubrange(range)
    }

    /// The stable hash of the text's UTF-8 bytes.
    public var stableHash: UInt64 { StableHash.of(scalars: storage) }

    public var description: String { string }
}
