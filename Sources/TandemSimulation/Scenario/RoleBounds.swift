/// The access list a scenario allows: how many clients are viewers or commenters (the owner,
/// client 1, always edits) and how many editors lose their access mid-run.
public struct RoleBounds: Sendable, Equatable, Codable {
    /// Clients that may only read.
    public var viewers: Bounds
    /// Clients that may comment but not edit.
    public var commenters: Bounds
    /// Editors whose access is revoked during the run.
    public var revocations: Bounds

    /// Creates role bounds.
    public init(viewers: Bounds, commenters: Bounds, revocations: Bounds) {
        self.viewers = viewers
        self.commenters = commenters
        self.revocations = revocations
    }

    public init(from decoder: any Decoder) throws {
        let container = try StrictKeys.container(decoder, known: ["viewers", "commenters", "revocations"])
        func count(_ name: String) throws -> Bounds {
            let bounds = try container.decodeIfPresent(Bounds.self, forKey: StrictKeys(stringValue: name)) ?? .exactly(0)
            try Scenario.require(bounds.min >= 0, decoder, name, "must not be negative")
            return bounds
        }
        viewers = try count("viewers")
        commenters = try count("commenters")
        revocations = try count("revocations")
    }
}
