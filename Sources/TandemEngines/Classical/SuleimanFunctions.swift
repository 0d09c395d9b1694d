import TandemCore

/// `ot-suleiman`: the transformation functions of M. Suleiman, M. Cart and J. Ferrié,
/// "Concurrent operations in a distributed and mobile collaborative environment", ICDE 1998,
/// where an insertion `Ins(p, c, av, ap)` carries the sets of concurrent deletions that
/// removed a character before (`av`) or after (`ap`) it, as restated by Imine, Molli, Oster
/// and Rusinowitch (ECSCW 2003).
///
/// Case table, IT(o₁ against o₂):
///
/// | o₁ \ o₂ | Ins(p₂, c₂, av₂, ap₂) | Del(p₂) |
/// |---|---|---|
/// | Ins(p₁, c₁, av₁, ap₁) | p₁ < p₂: unchanged; p₁ > p₂: p₁ + 1; p₁ = p₂: av₁ ∩ ap₂ ≠ ∅: p₁ + 1; else ap₁ ∩ av₂ ≠ ∅: unchanged; else c₁ > c₂: unchanged; c₁ < c₂: p₁ + 1; c₁ = c₂: identity | p₁ > p₂: p₁ − 1 and av₁ ∪ {Del(p₂)}; else unchanged position and ap₁ ∪ {Del(p₂)} |
/// | Del(p₁) | p₁ < p₂: unchanged; else p₁ + 1 | p₁ < p₂: unchanged; p₁ > p₂: p₁ − 1; p₁ = p₂: identity |
///
/// Characters compare by Unicode scalar value. The functions compare no sites, so
/// `tieBreak` is ignored.
///
/// Ambiguity, and the reading chosen: the sets hold *deletion operations*. A theorem-prover
/// model that writes a deletion as its position term Del(p₂) makes the same deletion, seen
/// at two positions, count as two, and one position, used by two deletions, count as one,
/// so one deletion can sit in both av and ap; that reading breaks TP1 (Randolph, Boucheneb,
/// Imine and Quintero, IEEE Transactions on Computers 2015). Here a deletion keeps one
/// identifier through every transformation, as an operation does in the paper. A stateless
/// engine knows no site or sequence number, so the identifier is the stable hash of the text
/// the deletion was made on combined with the position of the scalar it removes
/// (`deletePrimitive`): two deletions of the same scalar of the same state are one deletion.
/// When a text recurs (a restore, or typing then deleting), two distinct deletions get one
/// identifier, one insertion can then hold it in both av and ap, and TP1 fails exactly as in
/// the positional reading; `tandem fuzz --engine ot-suleiman` finds such runs. On operations
/// that never see a recurring text, TP1 holds, as Imine et al. (2003) report; TP2 does not.
/// It claims neither property.
public struct SuleimanFunctions: CharacterwiseFunctions {
    /// Insertions carry their `av` and `ap` sets, deletions their identifier.
    public typealias Primitive = SuleimanPrimitive

    /// The functions; they hold no state.
    public init() {}

    /// `Ins(position, scalar, ∅, ∅)`.
    public func insertPrimitive(_ scalar: Unicode.Scalar, at position: Int) -> SuleimanPrimitive {
        .insert(scalar, at: position, deletedBefore: [], deletedAfter: [])
    }

    /// `Del(position)`, identified by the stable hash of `document` combined with `position`.
    public func deletePrimitive(at position: Int, in document: TextBuffer) -> SuleimanPrimitive {
        .delete(at: position, deletion: StableHash.combine(document.stableHash, UInt64(position)))
    }

    /// Applies the primitive's edit.
    public func apply(_ primitive: SuleimanPrimitive, to document: inout TextBuffer) throws {
        try primitive.edit.apply(to: &document)
    }

    /// Suleiman et al.'s function for the pair (see the table above); `tieBreak` is not consulted.
    public func transform(_ primitive: SuleimanPrimitive, against other: SuleimanPrimitive, tieBreak _: TieBreak) -> SuleimanPrimitive? {
        let p1 = primitive.edit.position
        let p2 = other.edit.position
        switch (primitive, other) {
        case (.insert(let c1, _, let before1, let after1), .insert(let c2, _, let before2, let after2)):
            if p1 < p2 { return primitive }
            if p1 > p2 { return primitive.moved(to: p1 + 1) }
            if SuleimanPrimitive.intersect(before1, after2) { return primitive.moved(to: p1 + 1) }
            if SuleimanPrimitive.intersect(after1, before2) { return primitive }
            if c1 != c2 { return c1.value > c2.value ? primitive : primitive.moved(to: p1 + 1) }
            return nil
        case (.insert(let scalar, _, let before, let after), .delete(_, let deletion)):
            return p1 > p2
                ? .insert(scalar, at: p1 - 1, deletedBefore: SuleimanPrimitive.adding(deletion, to: before), deletedAfter: after)
                : .insert(scalar, at: p1, deletedBefore: before, deletedAfter: SuleimanPrimitive.adding(deletion, to: after))
        case (.delete, .insert):
            return p1 < p2 ? primitive : primitive.moved(to: p1 + 1)
        case (.delete, .delete):
            if p1 < p2 { return primitive }
            if p1 > p2 { return primitive.moved(to: p1 - 1) }
            return nil
        }
    }
}
