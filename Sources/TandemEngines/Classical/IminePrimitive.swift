import TandemCore

/// A primitive of Imine et al.'s functions: an insertion carries, besides its current
/// position, the position it was generated at (its initial position, `ip`).
public enum IminePrimitive: Sendable, Hashable, CharacterEditCarrying {
    /// `Ins(p, ip, c)`: inserts `c` before `p`; `ip` is where the user inserted it.
    case insert(Unicode.Scalar, at: Int, initialPosition: Int)
    /// `Del(p)`: deletes the scalar at `p`.
    case delete(at: Int)

    /// The primitive's effect on a text.
    public var edit: CharacterEdit {
        switch self {
        case .insert(let scalar, let position, _): .insert(scalar, at: position)
        case .delete(let position): .delete(at: position)
        }
    }

    /// The same primitive moved to `position`; an insertion keeps its initial position.
    public func moved(to position: Int) -> IminePrimitive {
        switch self {
        case .insert(let scalar, _, let initial): .insert(scalar, at: position, initialPosition: initial)
        case .delete: .delete(at: position)
        }
    }

    /// The plain edit's bytes, plus the initial position of an insertion as a zigzag varint.
    public var encodedSize: Int {
        switch self {
        case .insert(_, _, let initial): edit.encodedSize + CharacterEdit.zigzagVarintSize(initial)
        case .delete: edit.encodedSize
        }
    }

    /// `ins(3,"x",ip=2)` or `del(3)`.
    public var description: String {
        switch self {
        case .insert(let scalar, let position, let initial): "ins(\(position),\"\(TextEscaping.escape([scalar]))\",ip=\(initial))"
        case .delete: edit.description
        }
    }
}
