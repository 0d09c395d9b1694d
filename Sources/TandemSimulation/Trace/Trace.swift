import Foundation
import TandemCore

/// A run's complete input: the clients, the starting text, every edit intent with its time,
/// and the network plan from which every network choice derives.
///
/// The simulator is a pure function of (engine, trace); `tandem replay` and shrinking feed
/// it the same value that fuzzing generated from the seed.
public struct Trace: Sendable, Equatable, Codable {
    /// The JSON format version this build writes and reads.
    public static let currentFormatVersion = 2

    /// The format version the trace was written with.
    public var formatVersion: Int
    /// The seed the trace was generated from (informational once the trace exists).
    public var seed: UInt64
    /// The number of clients; they are numbered 1...clients, the server is site 0.
    public var clients: Int
    /// The document every replica starts from.
    public var initialText: String
    /// How messages travel.
    public var network: NetworkPlan
    /// What users do, in any order (the simulator schedules them by time, then by position here).
    public var edits: [EditIntent]
    /// Each client's role, indexed by client - 1.
    public var roles: [ClientRole]
    /// The faults injected into the run.
    public var faults: FaultPlan
    /// How the server keeps its durable state.
    public var server: ServerPolicy
    /// The clients that share their cursor with the others (presence).
    public var cursorSharers: [Int]
    /// The sharing clients whose user selects the text each of their inserts typed (from its
    /// start to its end), where the others leave a caret after it; their deletes leave a
    /// caret. Absent from the JSON when empty.
    public var selectingClients: [Int]
    /// How the sites are wired: a central server (`star`) or peer to peer (`mesh`).
    public var topology: Topology

    /// Creates a trace; by default every client may edit, nothing fails and the server uses
    /// the standard policy.
    public init(
        seed: UInt64, clients: Int, initialText: String, network: NetworkPlan, edits: [EditIntent],
        roles: [ClientRole]? = nil, faults: FaultPlan = .none, server: ServerPolicy = .standard, cursorSharers: [Int]? = nil,
        selectingClients: [Int] = [], topology: Topology = .star
    ) {
        self.formatVersion = Trace.currentFormatVersion
        self.seed = seed
        self.clients = clients
        self.initialText = initialText
        self.network = network
        self.edits = edits
        self.roles = roles ?? Array(repeating: .editor, count: clients)
        self.faults = faults
        self.server = server
        self.cursorSharers = cursorSharers ?? (clients >= 1 ? Array(1...clients) : [])
        self.selectingClients = selectingClients
        self.topology = topology
    }

    /// Why the trace cannot run on its topology, or nil when it can: a mesh has no server to
    /// crash, to enforce roles or to revoke access, and a star has no peer channels.
    public var topologyConflict: String? {
        switch topology {
        case .mesh:
            if !faults.crashes.isEmpty { return "a mesh has no server to crash; remove the crashes or use topology star" }
            if !faults.revocations.isEmpty { return "a mesh has no server to revoke access; remove the revocations or use topology star" }
            if edits.contains(where: \.isRestore) {
                return "a mesh has no server to restore a version; remove the restore edits or use topology star"
            }
            if let role = roles.first(where: { !$0.canEdit }) {
                return "a mesh has no server to enforce the \(role.rawValue) role; give every client an editing role or use topology star"
            }
        case .star:
            if faults.channels.isActive { return "channel faults apply to a mesh; remove 'channels' or use topology mesh" }
        }
        return nil
    }

    /// The role of a client at a time: its role in `roles`, or `viewer` once its access was revoked.
    public func role(ofClient client: Int, at time: VirtualTime) -> ClientRole {
        if faults.revocations.contains(where: { $0.client == client && $0.at <= time }) { return .viewer }
        return roles.indices.contains(client - 1) ? roles[client - 1] : .editor
    }

    private enum CodingKeys: String, CodingKey {
        case formatVersion, seed, clients, initialText, network, edits, roles, faults, server, cursorSharers, selectingClients, topology
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        formatVersion = try container.decode(Int.self, forKey: .formatVersion)
        guard formatVersion <= Trace.currentFormatVersion else {
            throw DecodingError.dataCorruptedError(
                forKey: .formatVersion, in: container,
                debugDescription: "trace format version \(formatVersion) is newer than this build reads "
                    + "(\(Trace.currentFormatVersion)); update Tandem")
        }
        seed = try container.decode(SeedValue.self, forKey: .seed).value
        clients = try container.decode(Int.self, forKey: .clients)
        initialText = try container.decode(String.self, forKey: .initialText)
        network = try container.decode(NetworkPlan.self, forKey: .network)
        edits = try container.decode([EditIntent].self, forKey: .edits)
        roles = try container.decodeIfPresent([ClientRole].self, forKey: .roles) ?? Array(repeating: .editor, count: clients)
        faults = try container.decodeIfPresent(FaultPlan.self, forKey: .faults) ?? .none
        server = try container.decodeIfPresent(ServerPolicy.self, forKey: .server) ?? .standard
        cursorSharers = try container.decodeIfPresent([Int].self, forKey: .cursorSharers) ?? (clients >= 1 ? Array(1...clients) : [])
        selectingClients = try container.decodeIfPresent([Int].self, forKey: .selectingClients) ?? []
        topology = try container.decodeIfPresent(Topology.self, forKey: .topology) ?? .star
        if let conflict = topologyConflict {
            throw DecodingError.dataCorruptedError(forKey: .topology, in: container, debugDescription: conflict)
        }
        guard roles.count == clients else {
            throw DecodingError.dataCorruptedError(
                forKey: .roles, in: container, debugDescription: "\(roles.count) roles for \(clients) clients; give one role per client")
        }
        if faults.partitions.contains(where: \.clients.isEmpty) {
            throw DecodingError.dataCorruptedError(
                forKey: .faults, in: container, debugDescription: "a partition names no clients; give it at least one")
        }
        let named = cursorSharers + selectingClients + faults.disconnects.map(\.client) + faults.partitions.flatMap(\.clients) + faults.revocations.map(\.client)
        if let bad = named.first(where: { $0 < 1 || $0 > clients }) {
            throw DecodingError.dataCorruptedError(
                forKey: .faults, in: container, debugDescription: "a fault names client \(bad), but the trace has clients 1...\(clients)")
        }
        if let bad = edits.first(where: { $0.client < 1 || $0.client > clients }) {
            throw DecodingError.dataCorruptedError(
                forKey: .edits, in: container,
                debugDescription: "edit \(bad.id) names client \(bad.client), but the trace has clients 1...\(clients)")
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(formatVersion, forKey: .formatVersion)
        try container.encode(SeedValue(seed), forKey: .seed)
        try container.encode(clients, forKey: .clients)
        try container.encode(initialText, forKey: .initialText)
        try container.encode(network, forKey: .network)
        try container.encode(edits, forKey: .edits)
        try container.encode(roles, forKey: .roles)
        try container.encode(faults, forKey: .faults)
        try container.encode(server, forKey: .server)
        try container.encode(cursorSharers, forKey: .cursorSharers)
        if !selectingClients.isEmpty { try container.encode(selectingClients, forKey: .selectingClients) }
        try container.encode(topology, forKey: .topology)
    }

    /// The trace as pretty-printed JSON with sorted keys: the same trace always gives the same bytes.
    public func jsonData() throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return try encoder.encode(self)
    }

    /// Reads a trace from JSON, rejecting newer format versions.
    public static func fromJSON(_ data: Data) throws -> Trace {
        try JSONDecoder().decode(Trace.self, from: data)
    }
}
