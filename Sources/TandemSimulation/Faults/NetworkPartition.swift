import TandemCore

/// A group of clients cut off for a while, then healed. In a star, the group loses the
/// server: its connections drop when the partition starts and reconnect attempts fail,
/// backing off, until it heals. In a mesh, the group's members still reach each other but
/// no message crosses between the group and the other clients.
public struct NetworkPartition: Sendable, Equatable, Codable {
    /// The clients on the far side of the cut, 1-based.
    public var clients: [Int]
    /// When the partition starts.
    public var at: VirtualTime
    /// How long it lasts, in microseconds.
    public var durationMicroseconds: Int64

    /// Creates a partition.
    public init(clients: [Int], at: VirtualTime, durationMicroseconds: Int64) {
        self.clients = clients
        self.at = at
        self.durationMicroseconds = durationMicroseconds
    }
}
