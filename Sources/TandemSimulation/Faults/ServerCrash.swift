import TandemCore

/// The server process dies: its memory is gone, every connection drops and every message in
/// flight is lost. After the downtime it restarts (or a standby takes over) and rebuilds its
/// state from the durable snapshot and log tail.
public struct ServerCrash: Sendable, Equatable, Codable {
    /// Where in the server's work the crash strikes.
    public enum Point: String, Sendable, Codable, CaseIterable {
        /// At `at`, whatever the server is doing.
        case idle
        /// During the first commit at or after `at`, between the durable log append and the
        /// acknowledgement and broadcast (whichever order the server does them in).
        case betweenAppendAndBroadcast = "between-append-and-broadcast"
        /// During the first snapshot at or after `at`, before the snapshot is durable.
        case duringSnapshot = "during-snapshot"
    }

    /// When the crash strikes (or, for the other points, from when it is armed).
    public var at: VirtualTime
    /// Where in the server's work it strikes.
    public var point: Point
    /// How long until the server serves again, in microseconds.
    public var downtimeMicroseconds: Int64
    /// Whether a fresh standby instance takes over instead of the same process restarting.
    public var failover: Bool

    /// Creates a crash.
    public init(at: VirtualTime, point: Point = .idle, downtimeMicroseconds: Int64, failover: Bool = false) {
        self.at = at
        self.point = point
        self.downtimeMicroseconds = downtimeMicroseconds
        self.failover = failover
    }
}
