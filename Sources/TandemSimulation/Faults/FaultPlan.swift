import TandemCore

/// Every fault of one run, drawn from the seed within the scenario's bounds and recorded in
/// the trace, so that a replay injects exactly the same faults and shrinking can drop them
/// one by one.
public struct FaultPlan: Sendable, Equatable, Codable {
    /// Client connections that drop, including lost acknowledgements.
    public var disconnects: [ClientDisconnect]
    /// Groups of clients cut off from the server.
    public var partitions: [NetworkPartition]
    /// Server crashes, each followed by a restart or failover.
    public var crashes: [ServerCrash]
    /// Edit access revoked mid-session.
    public var revocations: [AccessRevocation]
    /// Loss, duplication and reordering on the peer channels of a mesh.
    public var channels: ChannelFaults

    /// Creates a plan.
    public init(
        disconnects: [ClientDisconnect] = [], partitions: [NetworkPartition] = [], crashes: [ServerCrash] = [],
        revocations: [AccessRevocation] = [], channels: ChannelFaults = .none
    ) {
        self.disconnects = disconnects
        self.partitions = partitions
        self.crashes = crashes
        self.revocations = revocations
        self.channels = channels
    }

    /// No faults at all.
    public static let none = FaultPlan()

    /// The number of faults in the plan (unreliable channels count as one).
    public var count: Int {
        disconnects.count + partitions.count + crashes.count + revocations.count + (channels.isActive ? 1 : 0)
    }

    /// The time by which every fault has struck and healed: after it, the run must reach
    /// quiescence within the liveness window.
    public var healTime: VirtualTime {
        let ends = disconnects.map { $0.at.advanced(by: $0.durationMicroseconds) }
            + partitions.map { $0.at.advanced(by: $0.durationMicroseconds) }
            + crashes.map { $0.at.advanced(by: $0.downtimeMicroseconds) }
            + revocations.map(\.at)
            + (channels.isActive ? [channels.until] : [])
        return ends.max() ?? .zero
    }

    /// One line per fault, for `tandem replay`.
    public var summaries: [String] {
        disconnects.map {
            "disconnect c\($0.client) at \($0.at) for \(VirtualTime(microseconds: $0.durationMicroseconds))"
                + ($0.trigger == .nextAck ? " on its next acknowledgement (lost ack)" : "")
        }
            + partitions.map {
                "partition \($0.clients.map { "c\($0)" }.joined(separator: ",")) from the rest of the network at \($0.at) "
                    + "for \(VirtualTime(microseconds: $0.durationMicroseconds))"
            }
            + crashes.map {
                "server crash (\($0.point.rawValue)) at \($0.at), \($0.failover ? "failover" : "restart") after "
                    + "\(VirtualTime(microseconds: $0.downtimeMicroseconds))"
            }
            + revocations.map { "revoke c\($0.client)'s edit access at \($0.at)" }
            + (channels.isActive ? [channels.summary] : [])
    }

    private enum CodingKeys: String, CodingKey {
        case disconnects, partitions, crashes, revocations, channels
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        disconnects = try container.decodeIfPresent([ClientDisconnect].self, forKey: .disconnects) ?? []
        partitions = try container.decodeIfPresent([NetworkPartition].self, forKey: .partitions) ?? []
        crashes = try container.decodeIfPresent([ServerCrash].self, forKey: .crashes) ?? []
        revocations = try container.decodeIfPresent([AccessRevocation].self, forKey: .revocations) ?? []
        channels = try container.decodeIfPresent(ChannelFaults.self, forKey: .channels) ?? .none
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(disconnects, forKey: .disconnects)
        try container.encode(partitions, forKey: .partitions)
        try container.encode(crashes, forKey: .crashes)
        try container.encode(revocations, forKey: .revocations)
        if channels != .none { try container.encode(channels, forKey: .channels) }
    }
}
