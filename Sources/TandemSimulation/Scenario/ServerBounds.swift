/// The server policies a scenario allows (see `ServerPolicy`); each run draws one.
public struct ServerBounds: Sendable, Equatable, Codable {
    /// Operations between snapshots.
    public var snapshotEveryOps: Bounds
    /// Seconds between snapshots.
    public var snapshotEverySeconds: Bounds
    /// Operations the log keeps before the latest snapshot.
    public var retainedOps: Bounds
    /// When set, clients reconnecting with more pending edits than this reload instead.
    public var reloadAbovePendingEdits: Int?

    /// Creates server bounds.
    public init(snapshotEveryOps: Bounds, snapshotEverySeconds: Bounds, retainedOps: Bounds, reloadAbovePendingEdits: Int? = nil) {
        self.snapshotEveryOps = snapshotEveryOps
        self.snapshotEverySeconds = snapshotEverySeconds
        self.retainedOps = retainedOps
        self.reloadAbovePendingEdits = reloadAbovePendingEdits
    }

    /// The seeds' policy: a snapshot every 100 operations or minute, a generous log, no forced reload.
    public static let standard = ServerBounds(
        snapshotEveryOps: .exactly(100), snapshotEverySeconds: .exactly(60), retainedOps: .exactly(1_000_000))

    private static let fields = ["snapshotEveryOps", "snapshotEverySeconds", "retainedOps", "reloadAbovePendingEdits"]

    public init(from decoder: any Decoder) throws {
        let container = try StrictKeys.container(decoder, known: Self.fields)
        snapshotEveryOps = try container.decode(Bounds.self, forKey: StrictKeys(stringValue: "snapshotEveryOps"))
        try Scenario.require(snapshotEveryOps.min >= 1, decoder, "snapshotEveryOps", "min must be at least 1")
        snapshotEverySeconds = try container.decode(Bounds.self, forKey: StrictKeys(stringValue: "snapshotEverySeconds"))
        try Scenario.require(snapshotEverySeconds.min >= 1, decoder, "snapshotEverySeconds", "min must be at least 1")
        retainedOps = try container.decode(Bounds.self, forKey: StrictKeys(stringValue: "retainedOps"))
        try Scenario.require(retainedOps.min >= 0, decoder, "retainedOps", "must not be negative")
        reloadAbovePendingEdits = try container.decodeIfPresent(Int.self, forKey: StrictKeys(stringValue: "reloadAbovePendingEdits"))
        try Scenario.require((reloadAbovePendingEdits ?? 0) >= 0, decoder, "reloadAbovePendingEdits", "must not be negative")
    }
}
