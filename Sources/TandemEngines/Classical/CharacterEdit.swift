import TandemCore

/// The effect of one classical primitive on a text: insert one scalar before a position, or
/// delete the scalar at a position. It is the whole primitive of the functions that carry no
/// metadata (dOPT, Ressel, Sun) and the effect of those that do (Imine, Suleiman).
public enum CharacterEdit: Sendable, Hashable, CustomStringConvertible {
    /// Inserts the scalar before position `at` (at the end when `at` is the text's length).
    case insert(Unicode.Scalar, at: Int)
    /// Deletes the scalar at position `at`.
    case delete(at: Int)

    /// The position the edit acts at.
    public var position: Int {
        switch self {
        case .insert(_, let position), .delete(let position): position
        }
    }

    /// The same edit moved to `position`.
    public func moved(to position: Int) -> CharacterEdit {
        switch self {
        case .insert(let scalar, _): .insert(scalar, at: position)
        case .delete: .delete(at: position)
        }
    }

    /// Applies the edit; throws `OTApplyError` when the position is outside the document.
    public func apply(to document: inout TextBuffer) throws {
        switch self {
        case .insert(let scalar, let position):
            guard position >= 0 && position <= document.count else {
                throw OTApplyError("insert at \(position) in a text of length \(document.count)")
            }
            document.insert(contentsOf: [scalar], at: position)
        case .delete(let position):
            guard position >= 0 && position < document.count else {
                throw OTApplyError("delete at \(position) in a text of length \(document.count)")
            }
            document.removeSubrange(position..<position + 1)
        }
    }

    /// Where a cursor at `cursor` ends up: an insertion at or before it pushes it right by one,
    /// a deletion before it pulls it left by one.
    public func transformCursor(_ cursor: Int) -> Int {
        switch self {
        case .insert(_, let position): cursor >= position ? cursor + 1 : cursor
        case .delete(let position): cursor > position ? cursor - 1 : cursor
        }
    }

    /// Bytes on the wire: a tag byte (0 insert, 1 delete), the position as a zigzag LEB128
    /// varint and, for an insertion, the scalar's UTF-8 bytes. Positions are signed on the
    /// wire because a flawed function can move one below zero (dOPT does), and such an
    /// operation must still travel to the replica that rejects it.
    public var encodedSize: Int {
        switch self {
        case .insert(let scalar, let position): 1 + Self.zigzagVarintSize(position) + scalar.utf8.count
        case .delete(let position): 1 + Self.zigzagVarintSize(position)
        }
    }

    /// The number of bytes of an integer as a zigzag LEB128 varint (0, -1, 1, -2… map to
    /// 0, 1, 2, 3…, then 7 bits a byte).
    static func zigzagVarintSize(_ value: Int) -> Int {
        var rest = UInt(bitPattern: (value << 1) ^ (value >> (Int.bitWidth - 1))) >> 7
        var size = 1
        while rest > 0 {
            rest >>= 7
            size += 1
        }
        return size
    }

    /// `ins(3,"x")` or `del(3)`, the scalar escaped with `TextEscaping`.
    public var description: String {
        switch self {
        case .insert(let scalar, let position): "ins(\(position),\"\(TextEscaping.escape([scalar]))\")"
        case .delete(let position): "del(\(position))"
        }
    }
}
