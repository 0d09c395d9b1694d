import TandemCore

/// `ot-dopt`: the transformation matrix of dOPT, from C. A. Ellis and S. J. Gibbs,
/// "Concurrency control in groupware systems", SIGMOD 1989, for character-wise
/// `Insert[X; P]` and `Delete[P]`, as restated by Imine, Molli, Oster and Rusinowitch,
/// "Proving correctness of transformation functions in real-time groupware" (ECSCW 2003).
///
/// Case table, IT(o₁ against o₂), positions p₁ and p₂, characters c₁ and c₂, priorities pr₁, pr₂:
///
/// | o₁ \ o₂ | Insert(p₂, c₂) | Delete(p₂) |
/// |---|---|---|
/// | Insert(p₁, c₁) | p₁ < p₂: unchanged; p₁ > p₂: p₁ + 1; p₁ = p₂: identity if c₁ = c₂, else p₁ + 1 if pr₁ > pr₂, else unchanged | p₁ < p₂: unchanged; else p₁ − 1 |
/// | Delete(p₁) | p₁ < p₂: unchanged; else p₁ + 1 | p₁ < p₂: unchanged; p₁ > p₂: p₁ − 1; p₁ = p₂: identity |
///
/// Priority: `tieBreak == .thisFirst` reads as pr₁ > pr₂ (the transformed primitive's site has
/// the higher priority), `.otherFirst` as pr₁ < pr₂. As in the matrix, the site with the
/// higher priority moves right, so its character lands *after* the other's.
///
/// Known flaws, kept on purpose: Insert against Delete at the same position moves the insert
/// left (`p₁ < p₂` is strict), which breaks TP1 (on "ab", Insert(1, x) ∥ Delete(1) gives
/// "ax" one way and "xa" the other); the identity for equal inserts and the priority rule
/// break TP2. It claims neither property.
public struct DOPTFunctions: CharacterwiseFunctions {
    /// dOPT's primitives carry no metadata: the priority comes from `tieBreak`.
    public typealias Primitive = CharacterEdit

    /// The functions; they hold no state.
    public init() {}

    /// The dOPT matrix entry for the pair (see the table above).
    public func transform(_ primitive: CharacterEdit, against other: CharacterEdit, tieBreak: TieBreak) -> CharacterEdit? {
        let p1 = primitive.position
        let p2 = other.position
        switch (primitive, other) {
        case (.insert(let c1, _), .insert(let c2, _)):
            if p1 < p2 { return primitive }
            if p1 > p2 { return primitive.moved(to: p1 + 1) }
            if c1 == c2 { return nil }
            return tieBreak == .thisFirst ? primitive.moved(to: p1 + 1) : primitive
        case (.insert, .delete):
            return p1 < p2 ? primitive : primitive.moved(to: p1 - 1)
        case (.delete, .insert):
            return p1 < p2 ? primitive : primitive.moved(to: p1 + 1)
        case (.delete, .delete):
            if p1 < p2 { return primitive }
            if p1 > p2 { return primitive.moved(to: p1 - 1) }
            return nil
        }
    }
}
