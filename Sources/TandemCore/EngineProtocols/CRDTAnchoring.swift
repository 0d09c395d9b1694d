/// A text CRDT whose positions can be pinned to element identities, so that presence (the
/// cursors and selections users share) survives concurrent edits: a position is sent as an
/// anchor on the element after it, and every replica resolves the anchor against its own
/// state, wherever concurrent edits have moved that element.
///
/// A refinement, not a requirement of `CRDTReplica`: an engine that does not conform still
/// replicates text; its clients share no presence.
public protocol CRDTAnchoring: CRDTReplica {
    /// A position relative to the elements: the element right after it, or the end of the document.
    associatedtype Anchor: Sendable, Equatable

    /// The anchor of the gap before the visible scalar at `position` (the end when
    /// `position == count`).
    /// - Precondition: `0 <= position <= count`.
    func anchor(at position: Int) -> Anchor

    /// Where the anchor lies in this replica's visible text: the position of its element, or,
    /// when that element is deleted, of the gap it left (the position of the next visible
    /// element, or the end). Nil when this replica has not integrated the element yet: the
    /// caller holds the anchor until an update brings the element.
    func position(of anchor: Anchor) -> Int?

    /// The anchor's size in bytes in the engine's wire encoding.
    static func encodedSize(of anchor: Anchor) -> Int
}
