/// Counts from one run, for throughput figures and for comparing engines.
public struct SimulationStatistics: Sendable, Equatable, Codable {
    /// Events the simulator processed (edits and message deliveries).
    public var events = 0
    /// Messages sent.
    public var messages = 0
    /// Bytes sent, as the engines' wire encodings count them.
    public var bytes = 0
    /// Transforms performed (OT only).
    public var transforms = 0
    /// Edits that were no-ops after clamping (a delete on an empty document).
    public var skippedEdits = 0
    /// "Restore version" requests not sent: their client was not connected.
    public var skippedRestores = 0
    /// "Restore version" requests the server carried out (the CRDT relay's counted when begun:
    /// a crash may cut one short).
    public var restores = 0
    /// Messages lost because their connection dropped (or was down when they were sent).
    public var droppedMessages = 0
    /// Messages a mesh's peer channel delivered twice.
    public var duplicatedMessages = 0
    /// Edits their authors threw away uncommitted (rejected, or a forced reload).
    public var discardedEdits = 0
    /// Connections dropped by faults.
    public var disconnects = 0
    /// Connections re-established.
    public var reconnects = 0
    /// Server crashes.
    public var crashes = 0
    /// Snapshots the server took.
    public var snapshots = 0

    /// All zero.
    public init() {}

    /// Adds another run's counts.
    public mutating func add(_ other: SimulationStatistics) {
        events += other.events
        messages += other.messages
        bytes += other.bytes
        transforms += other.transforms
        skippedEdits += other.skippedEdits
        skippedRestores += other.skippedRestores
        restores += other.restores
        droppedMessages += other.droppedMessages
        duplicatedMessages += other.duplicatedMessages
        discardedEdits += other.discardedEdits
        disconnects += other.disconnects
        reconnects += other.reconnects
        crashes += other.crashes
        snapshots += other.snapshots
    }
}
