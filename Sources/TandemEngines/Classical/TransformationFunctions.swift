import TandemCore

/// A set of character-wise transformation functions over a document of the conformer's
/// choosing: primitives that insert or delete one scalar, how a user's edit becomes
/// primitives, and the inclusion transformation IT that rewrites one primitive to take effect
/// after another concurrent one defined on the same state.
///
/// `CharacterwiseEngine` turns a conformer into an `OTEngine` whose operations are sequences
/// of primitives and whose `Document` is the conformer's. The classical functions work on the
/// visible text itself: they conform through `CharacterwiseFunctions`, which fixes `Document`
/// to `TextBuffer` and makes a user's edit one primitive per scalar at visible positions.
/// Functions that keep more than the visible text (the tombstone transformation functions keep
/// every deleted scalar in place) choose their own `Document` and say themselves how an edit,
/// made in visible positions, becomes primitives in theirs.
///
/// Site priority. Where a published function compares the priorities or identifiers of the
/// two primitives' sites, the conformer reads that comparison from `tieBreak`:
/// `transform(a, against: b, tieBreak: .thisFirst)` means a's site has priority over b's,
/// `.otherFirst` that b's has. Each conformer documents how its paper's comparison (such as
/// `pr1 > pr2` or `u1 < u2`) maps onto that, so the outcome is a function of the two sites'
/// relative priority only. Functions that compare no sites ignore `tieBreak`. Where a
/// paper's priority puts the prioritised site's scalar second (dOPT does), `.thisFirst`
/// does not make the transformed operation's insertion land first, unlike `TieBreak`'s
/// reading in ot-text.
public protocol TransformationFunctions: Sendable {
    /// One primitive: an insertion or a deletion of one scalar, with the metadata the
    /// functions carry (initial positions, sets of deletions, visible positions…).
    associatedtype Primitive: Sendable, Equatable
    /// The state primitives apply to: the visible text unless the functions keep more.
    associatedtype Document: OTDocument = TextBuffer

    /// The primitives, in the order they apply, of a user's insertion of `text` before
    /// visible position `position` of `document`.
    func insertionPrimitives(of text: [Unicode.Scalar], at position: Int, in document: Document) -> [Primitive]

    /// The primitives, in the order they apply, of a user's deletion of the visible scalars
    /// in `range` of `document`.
    func deletionPrimitives(of range: Range<Int>, in document: Document) -> [Primitive]

    /// Applies a primitive; throws `OTApplyError` when its position is outside the document.
    func apply(_ primitive: Primitive, to document: inout Document) throws

    /// The inclusion transformation IT: `primitive` rewritten to take effect after `other`,
    /// both defined on the same state; nil when the function returns the identity (no-op).
    func transform(_ primitive: Primitive, against other: Primitive, tieBreak: TieBreak) -> Primitive?

    /// Where a cursor at visible position `position` ends up after `primitive` (see
    /// `OTEngine.transformCursor`); it reads the primitive alone, never a document.
    func transformCursor(_ position: Int, against primitive: Primitive) -> Int

    /// The primitive's size in bytes in the functions' wire encoding.
    func encodedSize(of primitive: Primitive) -> Int

    /// A short readable form, such as `ins(3,"x")` or `del(2)`.
    func describe(_ primitive: Primitive) -> String
}
