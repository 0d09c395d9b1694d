/// A mutable text measured in Unicode scalars: the document type every OT engine edits.
///
/// Positions and lengths count Unicode scalars, never `Character`s (grapheme clusters)
/// nor UTF-16 code units: `"e\u{301}"` has length 2, `"😀"` has length 1.
/// Equality compares scalars exactly; unlike `String ==` it ignores canonical equivalence.
///
/// The scalars live in a B-tree of leaf chunks (a rope, see `TextBuffer.Node`), so reading
/// one scalar, inserting and removing cost O(log n) plus the length of the text moved, even
/// on texts of hundreds of thousands of scalars. It is a value type: copies share the tree
/// and a mutation copies only the nodes on its path that another copy still references.
public struct TextBuffer: Sendable, Equatable, CustomStringConvertible {
    /// The root of the tree; shared between copies until one of them mutates.
    var root: Node

    /// An empty text.
    public init() {
        root = Node(leaf: [])
    }

    /// A text holding the given scalars.
    public init<S: Sequence>(_ scalars: S) where S.Element == Unicode.Scalar {
        root = Node.tree(of: Node.leaves(of: Array(scalars)))
    }

    /// A text holding the scalars of a string.
    public init(_ string: String) {
        self.init(string.unicodeScalars)
    }

    /// The number of Unicode scalars.
    public var count: Int { root.count }

    /// Whether the text is empty.
    public var isEmpty: Bool { root.count == 0 }

    /// The scalar at a position.
    public func scalar(at position: Int) -> Unicode.Scalar {
        precondition(position >= 0 && position < count, "TextBuffer.scalar(at:) position \(position) out of 0..<\(count)")
        return root.scalar(at: position)
    }

    /// The scalars in a range of positions.
    public func scalars(in range: Range<Int>) -> [Unicode.Scalar] {
        precondition(range.lowerBound >= 0 && range.upperBound <= count, "TextBuffer.scalars(in:) range \(range) out of 0..<\(count)")
        var result: [Unicode.Scalar] = []
        guard !range.isEmpty else { return result }
        result.reserveCapacity(range.count)
        root.appendScalars(in: range, to: &result)
        return result
    }

    /// All scalars, in order.
    public var scalars: [Unicode.Scalar] {
        var result: [Unicode.Scalar] = []
        result.reserveCapacity(count)
        root.forEachLeaf { result.append(contentsOf: $0) }
        return result
    }

    /// The text as a `String`.
    public var string: String {
        var result = String.UnicodeScalarView()
        root.forEachLeaf { result.append(contentsOf: $0) }
        return String(result)
    }

    /// Inserts scalars before the scalar at `position` (or at the end when `position == count`).
    public mutating func insert<C: Collection>(contentsOf scalars: C, at position: Int) where C.Element == Unicode.Scalar {
        precondition(position >= 0 && position <= count, "TextBuffer.insert position \(position) out of 0...\(count)")
        guard !scalars.isEmpty else { return }
        makeRootUnique()
        let overflow = root.insert(Array(scalars), at: position)
        if !overflow.isEmpty {
            root = Node.tree(of: [root] + overflow)
        }
    }

    /// Removes the scalars in a range of positions.
    public mutating func removeSubrange(_ range: Range<Int>) {
        precondition(range.lowerBound >= 0 && range.upperBound <= count, "TextBuffer.removeSubrange range \(range) out of 0..<\(count)")
        guard !range.isEmpty else { return }
        if range.count == count {
            root = Node(leaf: [])
            return
        }
        makeRootUnique()
        root.remove(range)
        while root.height > 0 && root.children.count == 1 {
            root = root.children[0]
        }
    }

    /// The stable hash of the text's UTF-8 bytes.
    public var stableHash: UInt64 {
        var hash = StableHash()
        root.forEachLeaf { hash.feed(scalars: $0) }
        return hash.value
    }

    /// The text itself, as `string`.
    public var description: String { string }

    /// Whether the two texts hold the same scalars, whatever the shapes of their trees.
    public static func == (lhs: TextBuffer, rhs: TextBuffer) -> Bool {
        if lhs.root === rhs.root { return true }
        guard lhs.count == rhs.count else { return false }
        var leftChunks: [[Unicode.Scalar]] = []
        var rightChunks: [[Unicode.Scalar]] = []
        lhs.root.forEachLeaf { leftChunks.append($0) }
        rhs.root.forEachLeaf { rightChunks.append($0) }
        var left = (chunk: 0, offset: 0)
        var right = (chunk: 0, offset: 0)
        var remaining = lhs.count
        while remaining > 0 {
            let leftChunk = leftChunks[left.chunk]
            let rightChunk = rightChunks[right.chunk]
            let span = min(leftChunk.count - left.offset, rightChunk.count - right.offset)
            if leftChunk[left.offset..<left.offset + span] != rightChunk[right.offset..<right.offset + span] {
                return false
            }
            left.offset += span
            right.offset += span
            remaining -= span
            if left.offset == leftChunk.count { left = (left.chunk + 1, 0) }
            if right.offset == rightChunk.count { right = (right.chunk + 1, 0) }
        }
        return true
    }

    /// Gives this buffer its own root before a mutation, leaving other copies untouched.
    private mutating func makeRootUnique() {
        if !isKnownUniquelyReferenced(&root) {
            root = root.copy()
        }
    }
}
