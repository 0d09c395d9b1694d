import Foundation
import TandemCore

/// A run's complete input: the clients, the starting text, every edit intent with its time,
/// and the network plan from which every network choice derives.
///
/// The simulator is a pure function of (engine, trace); `tandem replay` and shrinking feed
/// it the same value that fuzzing generated from the seed.
public struct Trace: Sendable, Equatable, Codable {
    /// The JSON format version this build writes and reads.
    public static let currentFormatVersion = 1

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

    /// Creates a trace.
    public init(seed: UInt64, clients: Int, initialText: String, network: NetworkPlan, edits: [EditIntent]) {
        self.formatVersion = Trace.currentFormatVersion
        self.seed = seed
        self.clients = clients
        self.initialText = initialText
        self.network = network
        self.edits = edits
    }

    private enum CodingKeys: String, CodingKey {
        case formatVersion, seed, clients, initialText, network, edits
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
