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

    /// The engines plain `tandem fuzz` runs: those marked for the default campaign.
    public var defaultFuzzTargets: [EngineDescriptor] {
        engines.filter(\.inDefaultCampaign)
    }

    /// The names, comma-separated, for error messages.
    public var names: String {
        engines.map(\.name).joined(separator: ", ")
    }
}
