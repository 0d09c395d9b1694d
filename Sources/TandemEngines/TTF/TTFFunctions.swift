import TandemCore

/// `ot-ttf`: the Tombstone Transformation Functions of G. Oster, P. Urso, P. Molli and
/// A. Imine, "Tombstone Transformation Functions for Ensuring Consistency in Collaborative
/// Editing Systems", CollaborateCom 2006. A deleted scalar stays in the document as an
/// invisible tombstone (`TombstoneDocument`), so a deletion never shifts a position: the
/// false ties that break TP2 for the classical functions, two inserts brought to one position
/// by a concurrent deletion, cannot happen. The functions satisfy TP1 and TP2.
///
/// Case table, IT(o₁ against o₂), model positions p₁ and p₂, site identifiers sid₁ and sid₂:
///
/// | o₁ \ o₂ | ins(p₂, c₂, sid₂) | del(p₂, sid₂) |
/// |---|---|---|
/// | ins(p₁, c₁, sid₁) | p₁ < p₂, or p₁ = p₂ and sid₁ < sid₂: unchanged; else p₁ + 1 | unchanged |
/// | del(p₁, sid₁) | p₁ < p₂: unchanged; else p₁ + 1 | unchanged |
///
/// Site comparison: `tieBreak == .thisFirst` reads as sid₁ < sid₂ (the transformed
/// primitive's site has priority, priority meaning the smaller identifier), so its scalar
/// lands first; `.otherFirst` reads as sid₁ > sid₂. Two different sites never compare equal,
/// and the site identifier is not carried in the primitive: Jupiter and adOPTed know the two
/// sites of every pair they transform, which is what `tieBreak` conveys. No function returns
/// the identity: a deletion of a scalar another site deleted too stays a deletion of that
/// tombstone, which changes nothing.
///
/// Visible fields. Each primitive also says where it shows in the visible text of its
/// document (`TTFPrimitive`), and IT moves that alongside the model position, so a cursor
/// moves without a document:
///
/// | o₁ \ o₂ | ins(p₂, v₂) | del(p₂, v₂, hides₂) |
/// |---|---|---|
/// | ins(p₁, v₁) | v₁ + 1 when o₁ moves to p₁ + 1 (o₂'s scalar lands before it); else v₁ | v₁ − 1 when hides₂ and p₂ < p₁; else v₁ |
/// | del(p₁, v₁, hides₁) | v₁ + 1 when p₁ ≥ p₂; else v₁ | p₁ = p₂: hides₁ becomes false; v₁ − 1 when hides₂ and p₂ < p₁; else v₁ |
///
/// A user's edit arrives in visible positions and becomes model primitives: an insertion of
/// k scalars is k insertions at consecutive model positions from where the document puts an
/// insertion at that visible position (`TombstoneDocument.modelPosition(forInsertionAt:)`),
/// a deletion of a visible range one deletion per visible scalar in it, back to front, at the
/// scalar's model position (tombstones in between are skipped). It claims TP1 and TP2.
public struct TTFFunctions: TransformationFunctions {
    /// Model positions with their visible effect.
    public typealias Primitive = TTFPrimitive
    /// The model: every scalar ever inserted, deleted ones as tombstones.
    public typealias Document = TombstoneDocument

    /// The functions; they hold no state.
    public init() {}

    /// One insertion per scalar, at consecutive model positions from where the document puts
    /// an insertion before visible position `position`, and consecutive visible positions.
    public func insertionPrimitives(of text: [Unicode.Scalar], at position: Int, in document: TombstoneDocument) -> [TTFPrimitive] {
        let model = document.modelPosition(forInsertionAt: position)
        return text.enumerated().map { offset, scalar in .insert(scalar, at: model + offset, visibleAt: position + offset) }
    }

    /// One deletion per visible scalar of `range`, back to front, each at its scalar's model
    /// position; each scalar is visible when its deletion applies, at its visible position in
    /// `document`, since only scalars after it have gone.
    public func deletionPrimitives(of range: Range<Int>, in document: TombstoneDocument) -> [TTFPrimitive] {
        zip(range, document.modelPositions(ofVisibleScalarsIn: range)).reversed().map { visible, model in
            .delete(at: model, visibleAt: visible, hides: true)
        }
    }

    /// Inserts or marks at the model position; the visible fields are not consulted.
    public func apply(_ primitive: TTFPrimitive, to document: inout TombstoneDocument) throws {
        switch primitive {
        case .insert(let scalar, let position, _):
            guard position >= 0 && position <= document.modelCount else {
                throw OTApplyError("insert at model position \(position) in a model of \(document.modelCount) scalars")
            }
            document.insert(scalar, at: position)
        case .delete(let position, _, _):
            guard position >= 0 && position < document.modelCount else {
                throw OTApplyError("delete at model position \(position) in a model of \(document.modelCount) scalars")
            }
            document.delete(at: position)
        }
    }

    /// The tombstone transformation function for the pair, with the visible fields moved
    /// along (see the tables above); never the identity.
    public func transform(_ primitive: TTFPrimitive, against other: TTFPrimitive, tieBreak: TieBreak) -> TTFPrimitive? {
        let p2 = other.position
        let otherHidesBefore: Bool = {
            guard case .delete(_, _, true) = other else { return false }
            return p2 < primitive.position
        }()
        switch (primitive, other) {
        case (.insert(let scalar, let p1, let v1), .insert):
            let staysAhead = p1 < p2 || (p1 == p2 && tieBreak == .thisFirst)
            return staysAhead ? primitive : .insert(scalar, at: p1 + 1, visibleAt: v1 + 1)
        case (.insert(let scalar, let p1, let v1), .delete):
            return .insert(scalar, at: p1, visibleAt: otherHidesBefore ? v1 - 1 : v1)
        case (.delete(let p1, let v1, let hides), .insert):
            return p1 < p2 ? primitive : .delete(at: p1 + 1, visibleAt: v1 + 1, hides: hides)
        case (.delete(let p1, let v1, let hides), .delete):
            return .delete(at: p1, visibleAt: otherHidesBefore ? v1 - 1 : v1, hides: hides && p1 != p2)
        }
    }

    /// The cursor moved through the primitive's visible edit; a deletion of a tombstone
    /// leaves it where it is.
    public func transformCursor(_ position: Int, against primitive: TTFPrimitive) -> Int {
        primitive.visibleEdit?.transformCursor(position) ?? position
    }

    /// See `TTFPrimitive.encodedSize`.
    public func encodedSize(of primitive: TTFPrimitive) -> Int {
        primitive.encodedSize
    }

    /// See `TTFPrimitive.description`.
    public func describe(_ primitive: TTFPrimitive) -> String {
        primitive.description
    }
}
