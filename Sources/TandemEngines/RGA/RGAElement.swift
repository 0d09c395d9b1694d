/// One scalar of an RGA document, visible or a tombstone, with where it sits in the tree.
struct RGAElement: Sendable {
    /// The element's unique identity.
    var id: RGAIdentifier
    /// The index of the element it was inserted after, or -1 for the document start.
    var origin: Int32
    /// The scalar, kept in tombstones too.
    var scalar: Unicode.Scalar
    /// Whether the element has been deleted (tombstones are never removed).
    var isDeleted: Bool
    /// The leaf of `RGASequence` that holds the element.
    var leaf: Int32
}
