import TandemCore

/// How unreliable the peer-to-peer channels of a mesh are until `until`: each message sent
/// before then is lost, delivered late (overtaking later messages) or delivered twice with
/// these chances, decided per message from the network seed and the message's key. After
/// `until` the channels still reorder through latency alone, but lose and duplicate nothing,
/// so the run can reach quiescence. Star topologies have no such channels.
public struct ChannelFaults: Sendable, Equatable, Codable {
    /// The chance, per mille, that a message is lost.
    public var lossPerMille: Int
    /// The chance, per mille, that a message arrives twice.
    public var duplicatePerMille: Int
    /// The chance, per mille, that a message is held back long enough to arrive after later ones.
    public var reorderPerMille: Int
    /// When the channels become reliable.
    public var until: VirtualTime

    /// Creates channel faults.
    public init(lossPerMille: Int, duplicatePerMille: Int, reorderPerMille: Int, until: VirtualTime) {
        self.lossPerMille = lossPerMille
        self.duplicatePerMille = duplicatePerMille
        self.reorderPerMille = reorderPerMille
        self.until = until
    }

    /// Reliable channels.
    public static let none = ChannelFaults(lossPerMille: 0, duplicatePerMille: 0, reorderPerMille: 0, until: .zero)

    /// Whether any message can be lost, duplicated or held back.
    public var isActive: Bool {
        until > .zero && (lossPerMille > 0 || duplicatePerMille > 0 || reorderPerMille > 0)
    }

    /// `lose 50‰, duplicate 20‰, hold back 100‰ of peer messages until 12.000000s`.
    public var summary: String {
        "lose \(lossPerMille)‰, duplicate \(duplicatePerMille)‰, hold back \(reorderPerMille)‰ of peer messages until \(until)"
    }

    private enum CodingKeys: String, CodingKey {
        case lossPerMille, duplicatePerMille, reorderPerMille, until
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        lossPerMille = try container.decode(Int.self, forKey: .lossPerMille)
        duplicatePerMille = try container.decode(Int.self, forKey: .duplicatePerMille)
        reorderPerMille = try container.decode(Int.self, forKey: .reorderPerMille)
        until = try container.decode(VirtualTime.self, forKey: .until)
        for (key, value) in [(CodingKeys.lossPerMille, lossPerMille), (.duplicatePerMille, duplicatePerMille), (.reorderPerMille, reorderPerMille)]
        where !(0...1_000).contains(value) {
            throw DecodingError.dataCorruptedError(forKey: key, in: container, debugDescription: "\(value) must lie within 0…1000")
        }
    }
}
