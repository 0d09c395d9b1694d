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

    /// All zero.
    public init() {}

    /// Adds another run's counts.
    public mutating func add(_ other: SimulationStatistics) {
        events += other.events
        messages += other.messages
        bytes += other.bytes
        transforms += other.transforms
        skippedEdits += other.skippedEdits
    }
}
