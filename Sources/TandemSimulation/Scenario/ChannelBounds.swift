/// How unreliable a mesh's peer channels may be, per mille per message: the bounds a run
/// draws its `ChannelFaults` from (scenario field `faults.channels`).
public struct ChannelBounds: Sendable, Equatable, Codable {
    /// The chance that a message is lost.
    public var lossPerMille: Bounds
    /// The chance that a message arrives twice.
    public var duplicatePerMille: Bounds
    /// The chance that a message is held back behind later ones.
    public var reorderPerMille: Bounds

    /// Creates channel bounds.
    public init(lossPerMille: Bounds, duplicatePerMille: Bounds, reorderPerMille: Bounds) {
        self.lossPerMille = lossPerMille
        self.duplicatePerMille = duplicatePerMille
        self.reorderPerMille = reorderPerMille
    }

    private static let fields = ["lossPerMille", "duplicatePerMille", "reorderPerMille"]

    public init(from decoder: any Decoder) throws {
        let container = try StrictKeys.container(decoder, known: Self.fields)
        func chance(_ name: String) throws -> Bounds {
            let bounds = try container.decode(Bounds.self, forKey: StrictKeys(stringValue: name))
            try Scenario.require(bounds.min >= 0 && bounds.max <= 1_000, decoder, name, "must lie within 0…1000")
            return bounds
        }
        lossPerMille = try chance("lossPerMille")
        duplicatePerMille = try chance("duplicatePerMille")
        reorderPerMille = try chance("reorderPerMille")
    }
}
