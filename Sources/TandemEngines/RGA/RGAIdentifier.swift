import TandemCore

/// The unique identity of one RGA element: a Lamport counter and the replica that made it.
///
/// Identities are totally ordered (counter first, then replica); RGA uses that order to place
/// concurrent insertions after the same origin identically on every replica.
public struct RGAIdentifier: Sendable, Hashable, Comparable, Codable, CustomStringConvertible {
    /// The Lamport timestamp the element was created with.
    public var counter: UInt64
    /// The replica that created the element.
    public var replica: ReplicaID

    /// Creates an identity from its Lamport counter and creating replica.
    public init(counter: UInt64, replica: ReplicaID) {
        self.counter = counter
        self.replica = replica
    }

    /// The identity `offset` places further along the same run: same replica, counter advanced.
    public func advanced(by offset: Int) -> RGAIdentifier {
        RGAIdentifier(counter: counter + UInt64(offset), replica: replica)
    }

    /// Orders by counter, then by replica, so that every pair of distinct identities is ordered.
    public static func < (lhs: RGAIdentifier, rhs: RGAIdentifier) -> Bool {
        (lhs.counter, lhs.replica) < (rhs.counter, rhs.replica)
    }

    /// `(counter,replica)`, e.g. `(3,2)`.
    public var description: String { "(\(counter),\(replica))" }
}
