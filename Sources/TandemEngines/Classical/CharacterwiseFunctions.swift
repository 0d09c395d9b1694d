import TandemCore

/// A set of classical character-wise transformation functions: transformation functions
/// (`TransformationFunctions`) on the visible text itself, whose primitives insert one scalar
/// before a position or delete the scalar at a position, positions counting what the user sees.
///
/// A user's edit becomes one primitive per scalar: an insertion of k scalars is k insert
/// primitives at consecutive positions, a deletion of a range one delete primitive per scalar,
/// back to front (from the range's last scalar to its first), so each applies in sequence and
/// each one's position is that of its scalar in the document the deletion was made on.
/// Conformers say only how one scalar's primitive is made.
///
/// Conformers implement the functions exactly as published, including their known TP1/TP2
/// violations: they are kept to study those violations, not to be fixed. How each reads
/// `tieBreak` as site priority is described on `TransformationFunctions`.
public protocol CharacterwiseFunctions: TransformationFunctions where Document == TextBuffer {
    /// A primitive inserting `scalar` before position `position`, as a user's edit.
    func insertPrimitive(_ scalar: Unicode.Scalar, at position: Int) -> Primitive

    /// A primitive deleting the scalar at `position` of `document`, as a user's edit;
    /// `document` is the text the primitive applies to, or one that agrees with it up to
    /// and including `position`.
    func deletePrimitive(at position: Int, in document: TextBuffer) -> Primitive
}

extension CharacterwiseFunctions {
    /// One insert primitive per scalar, at `position`, `position + 1`, ….
    public func insertionPrimitives(of text: [Unicode.Scalar], at position: Int, in _: TextBuffer) -> [Primitive] {
        text.enumerated().map { offset, scalar in insertPrimitive(scalar, at: position + offset) }
    }

    /// One delete primitive per scalar of `range`, back to front.
    public func deletionPrimitives(of range: Range<Int>, in document: TextBuffer) -> [Primitive] {
        range.reversed().map { deletePrimitive(at: $0, in: document) }
    }
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

}

extension CharacterwiseFunctions where Primitive: CharacterEditCarrying {
    /// The cursor moved through the primitive's plain edit.
    public func transformCursor(_ position: Int, against primitive: Primitive) -> Int {
        primitive.edit.transformCursor(position)
    }

    /// The primitive's own wire size.
    public func encodedSize(of primitive: Primitive) -> Int {
        primitive.encodedSize
    }

    /// The primitive's own description.
    public func describe(_ primitive: Primitive) -> String {
        primitive.description
    }
}
