import TandemCore

/// A primitive of the tombstone transformation functions: `ins(p, c)` or `del(p)` at a model
/// position `p` (tombstones counted), plus what the primitive does to the visible text of the
/// document it applies to.
///
/// The visible fields exist for cursors: `OTEngine.transformCursor` gets visible positions
/// and no document, so each primitive says where it shows. They never change what `apply`
/// does to the model, and IT keeps them exact (see `TTFFunctions`);
/// `TTFFunctions.visibleFieldMismatch` checks them against a document.
public enum TTFPrimitive: Sendable, Hashable, CustomStringConvertible {
    /// `ins(p, c)`: inserts `c` before model position `p`; it appears at visible position
    /// `visibleAt`, the number of visible scalars before model position `p`.
    case insert(Unicode.Scalar, at: Int, visibleAt: Int)
    /// `del(p)`: makes the scalar at model position `p` a tombstone. `visibleAt` is the number
    /// of visible scalars before it; `hides` says whether it is visible in the document the
    /// primitive applies to. When it is not (a concurrent deletion of the same scalar came
    /// first), the deletion still marks it, and nothing a user sees changes.
    case delete(at: Int, visibleAt: Int, hides: Bool)

    /// The model position the primitive acts at.
    public var position: Int {
        switch self {
        case .insert(_, let position, _), .delete(let position, _, _): position
        }
    }

    /// The visible position the primitive acts at.
    public var visiblePosition: Int {
        switch self {
        case .insert(_, _, let visible), .delete(_, let visible, _): visible
        }
    }

    /// The primitive's effect on the visible text: an insertion or a deletion at its visible
    /// position, nil for a deletion of a tombstone.
    public var visibleEdit: CharacterEdit? {
        switch self {
        case .insert(let scalar, _, let visible): .insert(scalar, at: visible)
        case .delete(_, let visible, let hides): hides ? .delete(at: visible) : nil
        }
    }

    /// Bytes on the wire: a tag byte (0 insert, 1 delete of a visible scalar, 2 delete of a
    /// tombstone), the model and the visible position as zigzag LEB128 varints and, for an
    /// insertion, the scalar's UTF-8 bytes.
    public var encodedSize: Int {
        let positions = CharacterEdit.zigzagVarintSize(position) + CharacterEdit.zigzagVarintSize(visiblePosition)
        switch self {
        case .insert(let scalar, _, _): return 1 + positions + scalar.utf8.count
        case .delete: return 1 + positions
        }
    }

    /// `ins(3,"x",v=2)`, `del(3,v=2)`, or `del(3,v=2,tomb)` for a deletion of a tombstone:
    /// the model position first, the visible one after `v=`.
    public var description: String {
        switch self {
        case .insert(let scalar, let position, let visible): "ins(\(position),\"\(TextEscaping.escape([scalar]))\",v=\(visible))"
        case .delete(let position, let visible, let hides): "del(\(position),v=\(visible)\(hides ? "" : ",tomb"))"
        }
    }
}
