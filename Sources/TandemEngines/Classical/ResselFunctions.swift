import TandemCore

/// `ot-ressel`: the transformation functions of adOPTed, from M. Ressel, D. Nitsche-Ruhland
/// and R. Gunzenhäuser, "An integrating, transformation-oriented approach to concurrency
/// control and undo in group editors", CSCW 1996, for character-wise `ins(p, c, u)` and
/// `del(p, u)` where u identifies the user (site) who generated the operation, as restated by
/// Imine, Molli, Oster and Rusinowitch (ECSCW 2003).
///
/// Case table, IT(o₁ against o₂):
///
/// | o₁ \ o₂ | ins(p₂, c₂, u₂) | del(p₂, u₂) |
/// |---|---|---|
/// | ins(p₁, c₁, u₁) | p₁ < p₂, or p₁ = p₂ and u₁ < u₂: unchanged; else p₁ + 1 | p₁ ≤ p₂: unchanged; else p₁ − 1 |
/// | del(p₁, u₁) | p₁ < p₂: unchanged; else p₁ + 1 | p₁ < p₂: unchanged; p₁ > p₂: p₁ − 1; p₁ = p₂: identity |
///
/// Site comparison: `tieBreak == .thisFirst` reads as u₁ < u₂ (the transformed primitive's site
/// has priority, and priority means the smaller identifier), so its character lands first;
/// `.otherFirst` reads as u₁ > u₂. Two different sites never compare equal.
///
/// The user identifier is not carried in the primitive: Jupiter knows the two sites of every
/// pair it transforms, which is what `tieBreak` conveys. TP1 holds; TP2 does not (on "abc",
/// ins(3, x) ∥ del(2) ∥ ins(2, y) with x's site before y's: "abyx" along one order, "abxy"
/// along the other). It claims TP1.
public struct ResselFunctions: CharacterwiseFunctions {
    /// Ressel's primitives carry no metadata here: the site comparison comes from `tieBreak`.
    public typealias Primitive = CharacterEdit

    /// The functions; they hold no state.
    public init() {}

    /// Ressel's function for the pair (see the table above).
    public func transform(_ primitive: CharacterEdit, against other: CharacterEdit, tieBreak: TieBreak) -> CharacterEdit? {
        let p1 = primitive.position
        let p2 = other.position
        switch (primitive, other) {
        case (.insert, .insert):
            return p1 < p2 || (p1 == p2 && tieBreak == .thisFirst) ? primitive : primitive.moved(to: p1 + 1)
        case (.insert, .delete):
            return p1 <= p2 ? primitive : primitive.moved(to: p1 - 1)
        case (.delete, .insert):
            return p1 < p2 ? primitive : primitive.moved(to: p1 + 1)
        case (.delete, .delete):
            if p1 < p2 { return primitive }
            if p1 > p2 { return primitive.moved(to: p1 - 1) }
            return nil
        }
    }
}
