import TandemCore

/// A client's connection to the server drops and stays down for a while: a tunnel, a flaky
/// phone, a laptop lid, or a whole flight. The client keeps editing into its local queue and
/// reconnects with exponential backoff once the window is over.
public struct ClientDisconnect: Sendable, Equatable, Codable {
    /// What makes the connection drop.
    public enum Trigger: String, Sendable, Codable {
        /// The connection drops at `at`.
        case time
        /// From `at` on, the connection resets right after the server sends its next
        /// acknowledgement to the client: the operation is committed but its author never
        /// sees the ack (a lost acknowledgement).
        case nextAck = "next-ack"
    }

    /// The client, 1-based.
    public var client: Int
    /// When the connection drops (or, for `nextAck`, from when the reset is armed).
    public var at: VirtualTime
    /// How long the client stays offline after the drop, in microseconds.
    public var durationMicroseconds: Int64
    /// What makes the connection drop.
    public var trigger: Trigger

    /// Creates a disconnect.
    public init(client: Int, at: VirtualTime, durationMicroseconds: Int64, trigger: Trigger = .time) {
        self.client = client
        self.at = at
        self.durationMicroseconds = durationMicroseconds
        self.trigger = trigger
    }
}
