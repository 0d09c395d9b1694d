import Tandem

/// `tandem engines`: one line per engine — name, family, summary.
enum EnginesCommand {
    static let help = """
        Usage: tandem engines

        Lists the engines, one per line: name, family (OT or CRDT), and what it is.
        Engines marked BROKEN ON PURPOSE exist so the harness can prove it catches bugs.
        """

    static func run(_ arguments: [String], catalog: EngineCatalog) throws -> Int32 {
        _ = try CommandLineOptions(arguments, command: "engines", valued: [], switches: [])
        let width = catalog.engines.map(\.name.count).max() ?? 0
        for engine in catalog.engines {
            let name = engine.name + String(repeating: " ", count: width - engine.name.count)
            let family = engine.familyName + String(repeating: " ", count: 4 - engine.familyName.count)
            print("\(name)  \(family)  \(engine.isDeliberatelyBroken ? "BROKEN ON PURPOSE: " : "")\(engine.summary)")
        }
        return 0
    }
}
