import TandemCore

/// Presence anchors on RGA elements: a position is pinned to the identity of the element
/// after it (nil for the end of the document). A deleted element keeps its place as a
/// tombstone, so its anchor resolves to the gap it left.
extension RGAReplica: CRDTAnchoring {
    /// The identity of the element after the position, or nil for the end of the document.
    public typealias Anchor = RGAIdentifier?

    /// The identity of the visible element at `position`, or nil when `position == count`.
    /// - Precondition: `0 <= position <= count`.
    public func anchor(at position: Int) -> RGAIdentifier? {
        precondition(position >= 0 && position <= count, "anchor position \(position) outside 0...\(count)")
        return position == count ? nil : sequence.element(sequence.element(atVisible: position)).id
    }

    /// The visible position of the anchor's element (of its gap, when deleted), `count` for
    /// the end, or nil when the element has not been integrated here yet.
    public func position(of anchor: RGAIdentifier?) -> Int? {
        guard let anchor else { return count }
        return visiblePosition(of: anchor)
    }

    /// A tag byte, then the identity as two LEB128 varints (counter, replica) when there is one.
    public static func encodedSize(of anchor: RGAIdentifier?) -> Int {
        1 + (anchor.map(RGAEncoding.size) ?? 0)
    }
}
