import TandemCore

/// How the simulated server keeps its durable state and treats far-behind clients, drawn per
/// run from the scenario and recorded in the trace.
public struct ServerPolicy: Sendable, Equatable, Codable {
    /// A snapshot is taken once this many operations were committed since the last one.
    public var snapshotEveryOps: Int
    /// A snapshot is taken at the first commit this many microseconds after the last one.
    public var snapshotEveryMicroseconds: Int64
    /// After a snapshot, the log keeps this many operations before it; older ones are trimmed.
    /// A client that reconnects from a trimmed version must reload the document.
    public var retainedOpsBeforeSnapshot: Int
    /// When set, a client that reconnects with more pending edits than this discards them
    /// and reloads the document (the seeds' "force full reload if more than 1K pending
    /// ops"); the discarded edits are counted and reported.
    public var reloadAbovePendingEdits: Int?

    /// Creates a policy.
    public init(
        snapshotEveryOps: Int = 100, snapshotEveryMicroseconds: Int64 = 60_000_000, retainedOpsBeforeSnapshot: Int = 1_000_000,
        reloadAbovePendingEdits: Int? = nil
    ) {
        self.snapshotEveryOps = snapshotEveryOps
        self.snapshotEveryMicroseconds = snapshotEveryMicroseconds
        self.retainedOpsBeforeSnapshot = retainedOpsBeforeSnapshot
        self.reloadAbovePendingEdits = reloadAbovePendingEdits
    }

    /// The seeds' defaults: a snapshot every 100 operations or every minute, nothing trimmed
    /// that a client could still need, no forced reload.
    public static let standard = ServerPolicy()

    /// One line for `tandem replay`.
    public var summary: String {
        "snapshot every \(snapshotEveryOps) ops or \(VirtualTime(microseconds: snapshotEveryMicroseconds)), "
            + "keep \(retainedOpsBeforeSnapshot) ops before it, "
            + (reloadAbovePendingEdits.map { "reload above \($0) pending edits" } ?? "never force a reload")
    }
}
