/// A named engine the harness can run: what it is, which family, and how to make it.
///
/// Built-in engines and users' own engines are described the same way, so everything the
/// CLI does with `--engine NAME` a user's test can do with a descriptor of their own.
public struct EngineDescriptor: Sendable {
    /// How the engine replicates text.
    public enum Family: Sendable {
        /// An OT engine, run under the Jupiter client/server protocol.
        case ot(any OTEngine)
        /// A CRDT, run with the server as relay and store of updates.
        case crdt(any CRDTReplica.Type)
    }

    /// The name used on the command line, e.g. `ot-text`.
    public var name: String
    /// One line saying what the engine is.
    public var summary: String
    /// The engine itself.
    public var family: Family
    /// True for engines broken on purpose so that the harness's own tests can catch them.
    public var isDeliberatelyBroken: Bool
    /// The transformation properties (`tp1`, `tp2`) an OT engine claims to satisfy, in
    /// `Property` order. A violation of a claimed property is a failure; a violation of one
    /// it does not claim is a known non-property, reported as expected. CRDTs claim none.
    public var claims: [Property]
    /// Whether plain `tandem fuzz` runs the engine. Engines kept to study them (the
    /// classical transformation functions) or broken on purpose are run only when named.
    public var inDefaultCampaign: Bool

    /// Describes an engine; unless told, it is in the default campaign when not broken on purpose.
    public init(
        name: String, summary: String, family: Family, isDeliberatelyBroken: Bool = false, claims: [Property] = [],
        inDefaultCampaign: Bool? = nil
    ) {
        self.name = name
        self.summary = summary
        self.family = family
        self.isDeliberatelyBroken = isDeliberatelyBroken
        self.claims = claims.sorted()
        self.inDefaultCampaign = inDefaultCampaign ?? !isDeliberatelyBroken
    }

    /// Whether the engine claims `property`.
    public func claims(_ property: Property) -> Bool {
        claims.contains(property)
    }

    /// `OT` or `CRDT`.
    public var familyName: String {
        switch family {
        case .ot: "OT"
        case .crdt: "CRDT"
        }
    }
}
