import TandemCore

/// The faults a scenario allows, as bounds per kind: how many of each a run may draw and how
/// long each lasts. Every kind is optional; a scenario without `faults` runs fault-free.
public struct FaultBounds: Sendable, Equatable, Codable {
    /// A kind of fault that strikes some number of times for some duration.
    public struct Kind: Sendable, Equatable, Codable {
        /// How many per run.
        public var count: Bounds
        /// How long each lasts, in milliseconds.
        public var milliseconds: Bounds

        /// Creates bounds for a kind of fault.
        public init(count: Bounds, milliseconds: Bounds) {
            self.count = count
            self.milliseconds = milliseconds
        }

        public init(from decoder: any Decoder) throws {
            let container = try StrictKeys.container(decoder, known: ["count", "milliseconds"])
            count = try container.decode(Bounds.self, forKey: StrictKeys(stringValue: "count"))
            milliseconds = try container.decode(Bounds.self, forKey: StrictKeys(stringValue: "milliseconds"))
            try Scenario.require(count.min >= 0 && count.max <= 10_000, decoder, "count", "must lie within 0…10000")
            try Scenario.require(milliseconds.min >= 0 && milliseconds.max <= 86_400_000, decoder, "milliseconds",
                                 "must lie within 0…86400000 (one day)")
        }
    }

    /// Client connections dropping for a while (tunnels, flaky phones).
    public var disconnects: Kind?
    /// Connections reset right after the server acknowledged an operation.
    public var lostAcks: Kind?
    /// Groups of clients cut off from the server.
    public var partitions: Kind?
    /// Server crashes; `milliseconds` is the downtime before the restart or failover.
    public var crashes: Kind?
    /// Clients offline from near the start for a long time (a flight), editing all along.
    public var offline: Kind?
    /// The chance, per mille, that a crash is followed by a failover rather than a restart.
    public var failoverPerMille: Int
    /// Loss, duplication and reordering on a mesh's peer channels (ignored by star scenarios).
    public var channels: ChannelBounds?

    /// Creates fault bounds.
    public init(
        disconnects: Kind? = nil, lostAcks: Kind? = nil, partitions: Kind? = nil, crashes: Kind? = nil, offline: Kind? = nil,
        failoverPerMille: Int = 500, channels: ChannelBounds? = nil
    ) {
        self.disconnects = disconnects
        self.lostAcks = lostAcks
        self.partitions = partitions
        self.crashes = crashes
        self.offline = offline
        self.failoverPerMille = failoverPerMille
        self.channels = channels
    }

    /// No faults.
    public static let none = FaultBounds()

    private static let fields = ["disconnects", "lostAcks", "partitions", "crashes", "offline", "failoverPerMille", "channels"]

    public init(from decoder: any Decoder) throws {
        let container = try StrictKeys.container(decoder, known: Self.fields)
        func kind(_ name: String) throws -> Kind? {
            try container.decodeIfPresent(Kind.self, forKey: StrictKeys(stringValue: name))
        }
        disconnects = try kind("disconnects")
        lostAcks = try kind("lostAcks")
        partitions = try kind("partitions")
        crashes = try kind("crashes")
        offline = try kind("offline")
        failoverPerMille = try container.decodeIfPresent(Int.self, forKey: StrictKeys(stringValue: "failoverPerMille")) ?? 500
        try Scenario.require((0...1_000).contains(failoverPerMille), decoder, "failoverPerMille", "must lie within 0…1000")
        channels = try container.decodeIfPresent(ChannelBounds.self, forKey: StrictKeys(stringValue: "channels"))
    }
}

/// The fault mix one run drew: a count and a duration range per kind of fault.
public struct FaultMix: Sendable, Equatable, CustomStringConvertible {
    /// A drawn count with the durations each fault of the kind draws from, in milliseconds.
    public struct Drawn: Sendable, Equatable {
        /// How many faults of the kind.
        public var count: Int
        /// The durations, in milliseconds, each of them draws from.
        public var milliseconds: Bounds
    }

    /// Connection drops.
    public var disconnects = Drawn(count: 0, milliseconds: .exactly(0))
    /// Resets right after an acknowledgement.
    public var lostAcks = Drawn(count: 0, milliseconds: .exactly(0))
    /// Partitions from the server.
    public var partitions = Drawn(count: 0, milliseconds: .exactly(0))
    /// Server crashes (durations are downtimes).
    public var crashes = Drawn(count: 0, milliseconds: .exactly(0))
    /// Long offline stretches from near the start.
    public var offline = Drawn(count: 0, milliseconds: .exactly(0))
    /// The chance, per mille, that a crash fails over.
    public var failoverPerMille = 0
    /// The chance, per mille, that a mesh's peer channel loses a message (zero in a star).
    public var channelLossPerMille = 0
    /// The chance, per mille, that a mesh's peer channel delivers a message twice.
    public var channelDuplicatePerMille = 0
    /// The chance, per mille, that a mesh's peer channel holds a message back behind later ones.
    public var channelReorderPerMille = 0

    /// No faults.
    public init() {}

    /// `2 disconnects (100…5000 ms), 1 crash (…)`, or `none`.
    public var description: String {
        let parts = [
            ("disconnect", disconnects), ("lost ack", lostAcks), ("partition", partitions), ("crash", crashes), ("offline client", offline),
        ].filter { $0.1.count > 0 }.map { "\($0.1.count) \($0.0)\($0.1.count == 1 ? "" : "s") (\($0.1.milliseconds) ms)" }
            + (channelLossPerMille + channelDuplicatePerMille + channelReorderPerMille > 0
                ? ["peer channels lose \(channelLossPerMille)‰, duplicate \(channelDuplicatePerMille)‰, hold back \(channelReorderPerMille)‰"]
                : [])
        return parts.isEmpty ? "none" : parts.joined(separator: ", ")
    }
}
