/// A primitive that is a plain one-scalar edit (`CharacterEdit`) plus whatever metadata its
/// functions carry: the edit decides where cursors go, and the primitive knows its own wire
/// size and readable form. Functions over such primitives get `transformCursor`,
/// `encodedSize(of:)` and `describe` from `CharacterwiseFunctions` without writing them.
public protocol CharacterEditCarrying: CustomStringConvertible {
    /// The plain insertion or deletion the primitive performs.
    var edit: CharacterEdit { get }
    /// The primitive's size in bytes in its functions' wire encoding.
    var encodedSize: Int { get }
}

extension CharacterEdit: CharacterEditCarrying {
    /// The edit itself.
    public var edit: CharacterEdit { self }
}
