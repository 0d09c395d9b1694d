import TandemCore

/// A set of classical character-wise transformation functions: the primitives insert one
/// scalar or delete one scalar, and the inclusion transformation IT rewrites one primitive
/// to take effect after another concurrent one defined on the same state.
///
/// `CharacterwiseEngine` turns a conformer into an `OTEngine` whose operations are sequences
/// of primitives. Conformers implement the functions exactly as published, including their
/// known TP1/TP2 violations: they are kept to study those violations, not to be fixed.
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
public protocol CharacterwiseFunctions: Sendable {
    /// One primitive: an insertion or a deletion of one scalar, with the metadata the
    /// functions carry (initial positions, sets of deletions…).
    associatedtype Primitive: Sendable, Equatable

    /// A primitive inserting `scalar` before position `position`, as a user's edit.
    func insertPrimitive(_ scalar: Unicode.Scalar, at position: Int) -> Primitive

    /// A primitive deleting the scalar at `position` of `document`, as a user's edit;
    /// `document` is the text the primitive applies to, or one that agrees with it up to
    /// and including `position`.
    func deletePrimitive(at position: Int, in document: TextBuffer) -> Primitive

    /// Applies a primitive; throws `OTApplyError` when its position is outside the document.
    func apply(_ primitive: Primitive, to document: inout TextBuffer) throws

    /// The inclusion transformation IT: `primitive` rewritten to take effect after `other`,
    /// both defined on the same state; nil when the function returns the identity (no-op).
    func transform(_ primitive: Primitive, against other: Primitive, tieBreak: TieBreak) -> Primitive?

    /// Where a cursor at `position` ends up after `primitive` (see `OTEngine.transformCursor`).
    func transformCursor(_ position: Int, against primitive: Primitive) -> Int

    /// The primitive's size in bytes in the functions' wire encoding.
    func encodedSize(of primitive: Primitive) -> Int

    /// A short readable form, such as `ins(3,"x")` or `del(2)`.
    func describe(_ primitive: Primitive) -> String
}

extension CharacterwiseFunctions where Primitive == CharacterEdit {
    /// A plain insertion of the scalar at the position.
    public func insertPrimitive(_ scalar: Unicode.Scalar, at position: Int) -> CharacterEdit {
        .insert(scalar, at: position)
    }

    /// A plain deletion at the position; the document is not consulted.
    public func deletePrimitive(at position: Int, in _: TextBuffer) -> CharacterEdit {
        .delete(at: position)
    }

    /// Applies the plain edit.
    public func apply(_ primitive: CharacterEdit, to document: inout TextBuffer) throws {
        try primitive.apply(to: &document)
    }

    /// The cursor moved through the plain edit.
    public func transformCursor(_ position: Int, against primitive: CharacterEdit) -> Int {
        primitive.transformCursor(position)
    }

    /// The plain edit's wire size.
    public func encodedSize(of primitive: CharacterEdit) -> Int {
        primitive.encodedSize
    }

    /// The plain edit's description.
    public func describe(_ primitive: CharacterEdit) -> String {
        primitive.description
    }
}
