/// A selection as a CRDT client holds and sends it: each end pinned to an element with the
/// engine's anchor (`CRDTAnchoring`), or, under a planted flaw, a plain position that no
/// edit moves.
struct AnchoredSelection {
    /// One end of the selection.
    enum End {
        /// An engine anchor, type-erased (see `AnchorWitness`).
        case anchored(any Sendable)
        /// A plain position, left where it was (planted flaws only).
        case fixed(Int)
    }

    var anchor: End
    var head: End

    /// Both ends pinned to the replica's elements at the selection's positions.
    init<Replica>(_ selection: Selection, in replica: Replica, witness: AnchorWitness<Replica>) {
        anchor = .anchored(witness.anchor(at: selection.anchor, in: replica))
        head = .anchored(witness.anchor(at: selection.head, in: replica))
    }

    init(anchor: End, head: End) {
        self.anchor = anchor
        self.head = head
    }

    /// The selection in the replica, or nil while an end names an element it has not integrated.
    func resolved<Replica>(in replica: Replica, witness: AnchorWitness<Replica>) -> Selection? {
        guard let anchor = Self.position(of: anchor, in: replica, witness: witness),
              let head = Self.position(of: head, in: replica, witness: witness) else { return nil }
        return Selection(anchor: anchor, head: head)
    }

    /// The wire size of both ends: the engine's anchors, or 8-byte positions.
    func encodedSize<Replica>(witness: AnchorWitness<Replica>) -> Int {
        [anchor, head].reduce(0) { total, end in
            switch end {
            case .anchored(let value): total + witness.encodedSize(of: value)
            case .fixed: total + 8
            }
        }
    }

    private static func position<Replica>(of end: End, in replica: Replica, witness: AnchorWitness<Replica>) -> Int? {
        switch end {
        case .anchored(let value): witness.position(of: value, in: replica)
        case .fixed(let position): position
        }
    }
}
