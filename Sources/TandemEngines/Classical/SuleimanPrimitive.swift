import TandemCore

/// A primitive of Suleiman, Cart and Ferrié's functions: an insertion carries the sets `av`
/// and `ap` of the concurrent deletions it has been transformed against that removed a
/// character before ("avant") or after ("après") its position; a deletion carries the
/// identifier those sets hold.
///
/// The sets are kept as ascending arrays without duplicates, so that equality, descriptions
/// and wire sizes never depend on hashing order.
public enum SuleimanPrimitive: Sendable, Hashable, CharacterEditCarrying {
    /// `Ins(p, c, av, ap)`.
    case insert(Unicode.Scalar, at: Int, deletedBefore: [UInt64], deletedAfter: [UInt64])
    /// `Del(p)`, identified by `deletion`.
    case delete(at: Int, deletion: UInt64)

    /// The primitive's effect on a text.
    public var edit: CharacterEdit {
        switch self {
        case .insert(let scalar, let position, _, _): .insert(scalar, at: position)
        case .delete(let position, _): .delete(at: position)
        }
    }

    /// The same primitive moved to `position`, its sets or identifier unchanged.
    public func moved(to position: Int) -> SuleimanPrimitive {
        switch self {
        case .insert(let scalar, _, let before, let after): .insert(scalar, at: position, deletedBefore: before, deletedAfter: after)
        case .delete(_, let deletion): .delete(at: position, deletion: deletion)
        }
    }

    /// The plain edit's bytes, then for an insertion each set as a varint count followed by
    /// 8 bytes per identifier, for a deletion its 8-byte identifier.
    public var encodedSize: Int {
        switch self {
        case .insert(_, _, let before, let after):
            edit.encodedSize + TextOperation.varintSize(before.count) + TextOperation.varintSize(after.count) + 8 * (before.count + after.count)
        case .delete:
            edit.encodedSize + 8
        }
    }

    /// `ins(3,"x",av={1a2b},ap={})` or `del(3)#1a2b`: identifiers by their low 16 bits in hex.
    public var description: String {
        switch self {
        case .insert(let scalar, let position, let before, let after):
            "ins(\(position),\"\(TextEscaping.escape([scalar]))\",av={\(Self.short(before))},ap={\(Self.short(after))})"
        case .delete(_, let deletion):
            "\(edit.description)#\(Self.short([deletion]))"
        }
    }

    /// `set` with `element` added, still ascending and without duplicates.
    static func adding(_ element: UInt64, to set: [UInt64]) -> [UInt64] {
        var result = set
        let index = result.firstIndex { $0 >= element } ?? result.endIndex
        if index == result.endIndex || result[index] != element {
            result.insert(element, at: index)
        }
        return result
    }

    /// Whether two ascending sets share an element.
    static func intersect(_ first: [UInt64], _ second: [UInt64]) -> Bool {
        var i = 0
        var j = 0
        while i < first.count && j < second.count {
            if first[i] == second[j] { return true }
            if first[i] < second[j] { i += 1 } else { j += 1 }
        }
        return false
    }

    /// Identifiers by their low 16 bits, four hex digits each, comma-separated.
    private static func short(_ identifiers: [UInt64]) -> String {
        identifiers.map { identifier in
            let digits = String(identifier & 0xFFFF, radix: 16)
            return String(repeating: "0", count: 4 - digits.count) + digits
        }.joined(separator: ",")
    }
}
