import TandemCore

/// The presence anchoring of a CRDT engine that conforms to `CRDTAnchoring`, with its
/// `Anchor` type erased, so that the CRDT protocols (generic over any `CRDTReplica`) can pin
/// selections to elements. Nil for an engine that does not conform: its clients share no
/// presence.
struct AnchorWitness<Replica: CRDTReplica> {
    private let makeAnchor: (Replica, Int) -> any Sendable
    private let resolve: (Replica, any Sendable) -> Int?
    private let size: (any Sendable) -> Int

    /// The witness of `Replica`'s anchoring, or nil when it does not conform to `CRDTAnchoring`.
    init?() {
        guard let anchoring = Replica.self as? any CRDTAnchoring.Type else { return nil }
        self = Self.opening(anchoring)
    }

    private init(
        makeAnchor: @escaping (Replica, Int) -> any Sendable, resolve: @escaping (Replica, any Sendable) -> Int?,
        size: @escaping (any Sendable) -> Int
    ) {
        self.makeAnchor = makeAnchor
        self.resolve = resolve
        self.size = size
    }

    /// The witness for a conforming type, which is `Replica` itself.
    private static func opening<Anchoring: CRDTAnchoring>(_: Anchoring.Type) -> Self {
        Self(
            makeAnchor: { replica, position in (replica as! Anchoring).anchor(at: position) },
            resolve: { replica, anchor in (replica as! Anchoring).position(of: anchor as! Anchoring.Anchor) },
            size: { Anchoring.encodedSize(of: $0 as! Anchoring.Anchor) })
    }

    /// The anchor of a position in the replica (see `CRDTAnchoring.anchor(at:)`).
    func anchor(at position: Int, in replica: Replica) -> any Sendable {
        makeAnchor(replica, position)
    }

    /// Where an anchor lies in the replica, or nil before it has its element.
    func position(of anchor: any Sendable, in replica: Replica) -> Int? {
        resolve(replica, anchor)
    }

    /// The anchor's size in the engine's wire encoding.
    func encodedSize(of anchor: any Sendable) -> Int {
        size(anchor)
    }
}
