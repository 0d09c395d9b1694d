import TandemCore

/// A group of clients cut off from the server for a while, then healed. Their connections
/// drop when the partition starts; reconnect attempts fail, backing off, until it heals.
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
