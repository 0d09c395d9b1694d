import TandemCore

/// `ot-imine`: the transformation functions proposed by A. Imine, P. Molli, G. Oster and
/// M. Rusinowitch, "Proving correctness of transformation functions in real-time groupware",
/// ECSCW 2003, where an insertion `Ins(p, ip, c)` carries its initial position `ip`.
///
/// Case table, IT(o₁ against o₂):
///
/// | o₁ \ o₂ | Ins(p₂, ip₂, c₂) | Del(p₂) |
/// |---|---|---|
/// | Ins(p₁, ip₁, c₁) | p₁ < p₂: unchanged; p₁ > p₂: p₁ + 1; p₁ = p₂: by ip (ip₁ < ip₂: unchanged, ip₁ > ip₂: p₁ + 1), then by character (c₁ < c₂: unchanged, c₁ > c₂: p₁ + 1), identity if c₁ = c₂ | p₁ > p₂: p₁ − 1; else unchanged |
/// | Del(p₁) | p₁ < p₂: unchanged; else p₁ + 1 | p₁ < p₂: unchanged; p₁ > p₂: p₁ − 1; p₁ = p₂: identity |
///
/// Characters compare by Unicode scalar value. The functions compare no sites, so
/// `tieBreak` is ignored. The paper proved TP1 and TP2 with the SPIKE theorem prover; TP2 was
/// later refuted (Imine et al., "Formal design and verification of operational transformation
/// algorithms for copies convergence", TCS 2006; Oster et al., "Tombstone transformation
/// functions…", CollaborateCom 2006): after a deletion, the initial positions of two inserts
/// at one position no longer reflect their order. It claims TP1.
public struct ImineFunctions: CharacterwiseFunctions {
    /// Insertions carry their initial position.
    public typealias Primitive = IminePrimitive

    /// The functions; they hold no state.
    public init() {}

    /// `Ins(position, position, scalar)`: a user's insertion starts at its initial position.
    public func insertPrimitive(_ scalar: Unicode.Scalar, at position: Int) -> IminePrimitive {
        .insert(scalar, at: position, initialPosition: position)
    }

    /// `Del(position)`.
    public func deletePrimitive(at position: Int, in _: TextBuffer) -> IminePrimitive {
        .delete(at: position)
    }

    /// Applies the primitive's edit.
    public func apply(_ primitive: IminePrimitive, to document: inout TextBuffer) throws {
        try primitive.edit.apply(to: &document)
    }

    /// Imine et al.'s function for the pair (see the table above); `tieBreak` is not consulted.
    public func transform(_ primitive: IminePrimitive, against other: IminePrimitive, tieBreak _: TieBreak) -> IminePrimitive? {
        let p1 = primitive.edit.position
        let p2 = other.edit.position
        switch (primitive, other) {
        case (.insert(let c1, _, let ip1), .insert(let c2, _, let ip2)):
            if p1 < p2 { return primitive }
            if p1 > p2 { return primitive.moved(to: p1 + 1) }
            if ip1 != ip2 { return ip1 < ip2 ? primitive : primitive.moved(to: p1 + 1) }
            if c1 != c2 { return c1.value < c2.value ? primitive : primitive.moved(to: p1 + 1) }
            return nil
        case (.insert, .delete):
            return p1 > p2 ? primitive.moved(to: p1 - 1) : primitive
        case (.delete, .insert):
            return p1 < p2 ? primitive : primitive.moved(to: p1 + 1)
        case (.delete, .delete):
            if p1 < p2 { return primitive }
            if p1 > p2 { return primitive.moved(to: p1 - 1) }
            return nil
        }
    }
}
