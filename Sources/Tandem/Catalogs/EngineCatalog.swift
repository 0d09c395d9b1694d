/// The engines a command can name: the built-in ones, plus any a user adds.
public struct EngineCatalog: Sendable {
    /// The engines, in the order `tandem engines` lists them.
    public var engines: [EngineDescriptor]

    /// A catalog of the given engines.
    public init(engines: [EngineDescriptor]) {
        self.engines = engines
    }

    /// Every engine that ships with Tandem.
    public static let builtIn = EngineCatalog(engines: BuiltinEngines.all)

    /// The engine with this name, if any.
    public func engine(named name: String) -> EngineDescriptor? {
        engines.first { $0.name == name }
    }

    /// The engines plain `tandem fuzz` runs on a topology: those marked for the default
    /// campaign that claim what the topology needs of them (`suits(_:topology:)`).
    public func defaultFuzzTargets(on topology: Topology) -> [EngineDescriptor] {
        engines.filter { $0.inDefaultCampaign && Self.suits($0, topology: topology) }
    }

    /// Whether an engine claims what a topology needs to converge (`missingClaims` is empty).
    public static func suits(_ engine: EngineDescriptor, topology: Topology) -> Bool {
        missingClaims(of: engine, topology: topology).isEmpty
    }

    /// The properties a topology needs that the engine does not claim: none for a CRDT; for
    /// an OT engine, TP1 under the star's server (Jupiter), TP1 and TP2 on a mesh (adOPTed).
    public static func missingClaims(of engine: EngineDescriptor, topology: Topology) -> [Property] {
        guard case .ot = engine.family else { return [] }
        let needed: [Property] = topology == .star ? [.tp1] : [.tp1, .tp2]
        return needed.filter { !engine.claims($0) }
    }

    /// The missing claims (`missingClaims`) that explain a failing run's violations, when
    /// every violation could follow from breaking them (`Property.followsFromBrokenTransformation`);
    /// empty when the engine claims what the topology needs or some violation is the system's own.
    public static func missingClaims(explaining violations: [Violation], of engine: EngineDescriptor, topology: Topology) -> [Property] {
        guard violations.allSatisfy(\.property.followsFromBrokenTransformation) else { return [] }
        return missingClaims(of: engine, topology: topology)
    }

    /// The names, comma-separated, for error messages.
    public var names: String {
        engines.map(\.name).joined(separator: ", ")
    }
}
