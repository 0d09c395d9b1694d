import TandemCore

/// `ot-sun`: the inclusion transformation functions of GOT, from C. Sun, X. Jia, Y. Zhang,
/// Y. Yang and D. Chen, "Achieving convergence, causality preservation, and intention
/// preservation in real-time cooperative editing systems", ACM TOCHI 1998, specialised from
/// strings to single characters as Imine, Molli, Oster and Rusinowitch did (ECSCW 2003):
/// `Insert[S, P]` with |S| = 1 and `Delete[N, P]` with N = 1.
///
/// Case table, IT(o₁ against o₂):
///
/// | o₁ \ o₂ | Insert(p₂, c₂) | Delete(p₂) |
/// |---|---|---|
/// | Insert(p₁, c₁) | p₁ < p₂: unchanged; else p₁ + 1 | p₁ ≤ p₂: unchanged; else p₁ − 1 |
/// | Delete(p₁) | p₁ < p₂: unchanged; else p₁ + 1 | p₁ < p₂: unchanged; p₁ > p₂: p₁ − 1; p₁ = p₂: identity |
///
/// The paper's IT_II has no tie rule: two inserts at one position both move right. Its IT_DI
/// and IT_DD split or shrink a multi-character deletion that overlaps the other operation;
/// for one character those cases reduce to the table's (a fully overlapped deletion becomes
/// the empty deletion, the identity). The functions compare no sites, so `tieBreak` is
/// ignored.
///
/// Known flaws, kept on purpose: TP1 fails on two inserts of different characters at one
/// position (on "abc", Insert(3, d) ∥ Insert(3, e) gives "abcde" one way and "abced" the
/// other), and TP2 fails too. It claims neither property.
public struct SunFunctions: CharacterwiseFunctions {
    /// Sun's character-wise primitives carry no metadata.
    public typealias Primitive = CharacterEdit

    /// The functions; they hold no state.
    public init() {}

    /// GOT's IT for the pair (see the table above); `tieBreak` is not consulted.
    public func transform(_ primitive: CharacterEdit, against other: CharacterEdit, tieBreak _: TieBreak) -> CharacterEdit? {
        let p1 = primitive.position
        let p2 = other.position
        switch (primitive, other) {
        case (.insert, .insert):
            return p1 < p2 ? primitive : primitive.moved(to: p1 + 1)
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
