import Foundation
import TandemCore

/// The bounds a family of runs is drawn from: a JSON file under `Scenarios/`.
///
/// Each run of a campaign draws its own options within these bounds (swarm testing): client
/// count, edit count, initial text length, latency model and its parameters, and the weights
/// of the workload mix, each kind of edit switched off entirely with some probability. A
/// campaign thereby reaches corners that any single fixed mix would miss.
public struct Scenario: Sendable, Equatable, Codable {
    /// The scenario format version this build reads and writes.
    public static let currentFormatVersion = 2

    /// The weights of the kinds of edits the workload mixes (see `TypingWorkload`).
    public struct WorkloadBounds: Sendable, Equatable, Codable {
        /// Typing bursts.
        public var burst: Bounds
        /// Single inserts of one to four scalars.
        public var insert: Bounds
        /// Single-scalar deletes.
        public var delete: Bounds
        /// Deletes of two to six scalars.
        public var rangeDelete: Bounds
        /// Several clients editing one position within a few milliseconds.
        public var hotSpot: Bounds
        /// When present, all edits fall within a window of this many scalars (one paragraph).
        public var focusWidth: Bounds?
        /// The longest pause, in milliseconds, between two groups of edits (400 when absent).
        public var gapMilliseconds: Bounds?
        /// When present, the chance per mille that a group of edits is client 1's, so that one
        /// client can make most of the edits (the traveller of `transatlantic-flight`).
        public var leadClientPerMille: Bounds?
        /// When present, the weight of "restore version" requests (none when absent).
        public var restore: Bounds?

        /// Creates workload bounds.
        public init(
            burst: Bounds, insert: Bounds, delete: Bounds, rangeDelete: Bounds, hotSpot: Bounds, focusWidth: Bounds? = nil,
            gapMilliseconds: Bounds? = nil, leadClientPerMille: Bounds? = nil, restore: Bounds? = nil
        ) {
            self.burst = burst
            self.insert = insert
            self.delete = delete
            self.rangeDelete = rangeDelete
            self.hotSpot = hotSpot
            self.focusWidth = focusWidth
            self.gapMilliseconds = gapMilliseconds
            self.leadClientPerMille = leadClientPerMille
            self.restore = restore
        }

        private static let fields = [
            "burst", "insert", "delete", "rangeDelete", "hotSpot", "focusWidth", "gapMilliseconds", "leadClientPerMille", "restore",
        ]

        public init(from decoder: any Decoder) throws {
            let container = try StrictKeys.container(decoder, known: Self.fields)
            func weight(_ name: String) throws -> Bounds {
                let bounds = try container.decode(Bounds.self, forKey: StrictKeys(stringValue: name))
                try Scenario.require(bounds.min >= 0, decoder, name, "weights must not be negative")
                return bounds
            }
            burst = try weight("burst")
            insert = try weight("insert")
            delete = try weight("delete")
            rangeDelete = try weight("rangeDelete")
            hotSpot = try weight("hotSpot")
            focusWidth = try container.decodeIfPresent(Bounds.self, forKey: StrictKeys(stringValue: "focusWidth"))
            try Scenario.require(focusWidth.map { $0.min >= 1 } ?? true, decoder, "focusWidth", "min must be at least 1")
            gapMilliseconds = try container.decodeIfPresent(Bounds.self, forKey: StrictKeys(stringValue: "gapMilliseconds"))
            try Scenario.require(gapMilliseconds.map { $0.min >= 1 && $0.max <= 3_600_000 } ?? true, decoder, "gapMilliseconds",
                                 "must lie within 1…3600000")
            leadClientPerMille = try container.decodeIfPresent(Bounds.self, forKey: StrictKeys(stringValue: "leadClientPerMille"))
            try Scenario.require(leadClientPerMille.map { $0.min >= 0 && $0.max <= 1_000 } ?? true, decoder, "leadClientPerMille",
                                 "must lie within 0…1000")
            restore = try container.decodeIfPresent(Bounds.self, forKey: StrictKeys(stringValue: "restore"))
            try Scenario.require((restore?.min ?? 0) >= 0, decoder, "restore", "weights must not be negative")
            try Scenario.require([burst, insert, delete, rangeDelete, hotSpot].contains { $0.max > 0 }, decoder, "burst",
                                 "at least one kind of edit needs a positive weight")
        }
    }

    /// The format version the file was written with.
    public var formatVersion: Int
    /// The scenario's name, as given to `--scenario`.
    public var name: String
    /// One line saying what the scenario simulates.
    public var summary: String
    /// Clients per run.
    public var clients: Bounds
    /// Edit intents per run.
    public var operations: Bounds
    /// Scalars in the document every replica starts from.
    public var initialLength: Bounds
    /// The latency models a run may draw, among `fixed`, `uniform` and `long-tailed`.
    public var latencyModels: [LatencyKind]
    /// The range, in milliseconds, that latencies are drawn in (the body of a long tail).
    public var latencyMilliseconds: Bounds
    /// The workload mix.
    public var workload: WorkloadBounds
    /// The chance, in per-mille, that a run switches each kind of edit, and each kind of
    /// fault, off entirely.
    public var switchOffPerMille: Int
    /// The faults runs may draw.
    public var faults: FaultBounds
    /// The server policies runs may draw.
    public var server: ServerBounds
    /// The access list runs may draw.
    public var roles: RoleBounds
    /// How many clients share their cursor (all of them when absent).
    public var cursorSharers: Bounds?
    /// How the sites are wired (`star` when absent). A mesh draws no crashes, lost acks or
    /// roles (it has no server), and draws channel faults from `faults.channels`.
    public var topology: Topology

    /// The kinds of latency model a scenario may allow.
    public enum LatencyKind: String, Sendable, Codable, CaseIterable {
        /// `FixedLatency`.
        case fixed
        /// `UniformLatency`.
        case uniform
        /// `LongTailedLatency`.
        case longTailed = "long-tailed"
    }

    /// Creates a scenario.
    public init(
        name: String, summary: String, clients: Bounds, operations: Bounds, initialLength: Bounds,
        latencyModels: [LatencyKind], latencyMilliseconds: Bounds, workload: WorkloadBounds, switchOffPerMille: Int,
        faults: FaultBounds = .none, server: ServerBounds = .standard,
        roles: RoleBounds = RoleBounds(viewers: .exactly(0), commenters: .exactly(0), revocations: .exactly(0)), cursorSharers: Bounds? = nil,
        topology: Topology = .star
    ) {
        self.formatVersion = Scenario.currentFormatVersion
        self.name = name
        self.summary = summary
        self.clients = clients
        self.operations = operations
        self.initialLength = initialLength
        self.latencyModels = latencyModels
        self.latencyMilliseconds = latencyMilliseconds
        self.workload = workload
        self.switchOffPerMille = switchOffPerMille
        self.faults = faults
        self.server = server
        self.roles = roles
        self.cursorSharers = cursorSharers
        self.topology = topology
    }

    /// The swarm mix plain `tandem fuzz` uses; `Scenarios/default.json` holds the same values.
    public static let `default` = Scenario(
        name: "default",
        summary: "the swarm mix plain 'tandem fuzz' uses: 2–6 clients, every kind of edit, every latency model, every kind of fault",
        clients: Bounds(2, 6), operations: Bounds(20, 300), initialLength: Bounds(0, 40),
        latencyModels: LatencyKind.allCases, latencyMilliseconds: Bounds(1, 200),
        workload: WorkloadBounds(
            burst: Bounds(0, 40), insert: Bounds(0, 30), delete: Bounds(0, 20), rangeDelete: Bounds(0, 15),
            hotSpot: Bounds(0, 25), restore: Bounds(0, 2)),
        switchOffPerMille: 200,
        faults: FaultBounds(
            disconnects: .init(count: Bounds(0, 3), milliseconds: Bounds(200, 20_000)),
            lostAcks: .init(count: Bounds(0, 2), milliseconds: Bounds(100, 5_000)),
            partitions: .init(count: Bounds(0, 1), milliseconds: Bounds(1_000, 30_000)),
            crashes: .init(count: Bounds(0, 2), milliseconds: Bounds(100, 10_000))),
        server: ServerBounds(snapshotEveryOps: Bounds(5, 100), snapshotEverySeconds: Bounds(5, 60), retainedOps: Bounds(0, 200)),
        roles: RoleBounds(viewers: Bounds(0, 1), commenters: Bounds(0, 1), revocations: Bounds(0, 1)))

    /// This scenario with the client count, edit count or topology pinned, for `--clients`,
    /// `--ops` and `--topology`.
    public func pinning(clients: Int?, operations: Int?, topology: Topology? = nil) -> Scenario {
        var result = self
        if let clients { result.clients = .exactly(clients) }
        if let operations { result.operations = .exactly(operations) }
        if let topology { result.topology = topology }
        return result
    }

    private static let fields = [
        "formatVersion", "name", "summary", "clients", "operations", "initialLength", "latencyModels",
        "latencyMilliseconds", "workload", "switchOffPerMille", "faults", "server", "roles", "cursorSharers", "topology",
    ]

    public init(from decoder: any Decoder) throws {
        let container = try StrictKeys.container(decoder, known: Self.fields)
        func key(_ name: String) -> StrictKeys { StrictKeys(stringValue: name) }
        formatVersion = try container.decode(Int.self, forKey: key("formatVersion"))
        try Self.require(formatVersion <= Self.currentFormatVersion, decoder, "formatVersion",
                         "version \(formatVersion) is newer than this build reads (\(Self.currentFormatVersion)); update Tandem")
        name = try container.decode(String.self, forKey: key("name"))
        summary = try container.decode(String.self, forKey: key("summary"))
        clients = try container.decode(Bounds.self, forKey: key("clients"))
        try Self.require(clients.min >= 1 && clients.max <= 1_000, decoder, "clients", "must lie within 1…1000")
        operations = try container.decode(Bounds.self, forKey: key("operations"))
        try Self.require(operations.min >= 0 && operations.max <= 1_000_000, decoder, "operations", "must lie within 0…1000000")
        initialLength = try container.decode(Bounds.self, forKey: key("initialLength"))
        try Self.require(initialLength.min >= 0 && initialLength.max <= 100_000, decoder, "initialLength", "must lie within 0…100000")
        latencyModels = try container.decode([LatencyKind].self, forKey: key("latencyModels"))
        try Self.require(!latencyModels.isEmpty, decoder, "latencyModels", "name at least one of fixed, uniform, long-tailed")
        latencyMilliseconds = try container.decode(Bounds.self, forKey: key("latencyMilliseconds"))
        try Self.require(latencyMilliseconds.min >= 0 && latencyMilliseconds.max <= 600_000, decoder, "latencyMilliseconds",
                         "must lie within 0…600000")
        workload = try container.decode(WorkloadBounds.self, forKey: key("workload"))
        switchOffPerMille = try container.decode(Int.self, forKey: key("switchOffPerMille"))
        try Self.require((0...1_000).contains(switchOffPerMille), decoder, "switchOffPerMille", "must lie within 0…1000")
        faults = try container.decodeIfPresent(FaultBounds.self, forKey: key("faults")) ?? .none
        server = try container.decodeIfPresent(ServerBounds.self, forKey: key("server")) ?? .standard
        roles = try container.decodeIfPresent(RoleBounds.self, forKey: key("roles"))
            ?? RoleBounds(viewers: .exactly(0), commenters: .exactly(0), revocations: .exactly(0))
        cursorSharers = try container.decodeIfPresent(Bounds.self, forKey: key("cursorSharers"))
        try Self.require((cursorSharers?.min ?? 0) >= 0, decoder, "cursorSharers", "must not be negative")
        let topologyName = try container.decodeIfPresent(String.self, forKey: key("topology")) ?? Topology.star.rawValue
        try Self.require(Topology(rawValue: topologyName) != nil, decoder, "topology",
                         "'\(topologyName)' is not a topology; use star or mesh")
        topology = Topology(rawValue: topologyName) ?? .star
    }

    /// Throws a decoding error naming `field` unless `condition` holds.
    static func require(_ condition: Bool, _ decoder: any Decoder, _ field: String, _ message: String) throws {
        guard !condition else { return }
        throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath + [StrictKeys(stringValue: field)], debugDescription: message))
    }

    /// The scenario as pretty-printed JSON with sorted keys.
    public func jsonData() throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return try encoder.encode(self)
    }
}
