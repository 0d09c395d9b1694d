import Tandem

/// The flags of one subcommand: `--name value`, `--name=value` and boolean `--name`.
/// Every flag must be known to the subcommand, and each is read at most once.
struct CommandLineOptions {
    private var values: [(name: String, value: String?)] = []

    /// Parses `arguments` given which flags take a value and which are switches.
    init(_ arguments: [String], command: String, valued: [String], switches: [String]) throws {
        var index = 0
        while index < arguments.count {
            let argument = arguments[index]
            guard argument.hasPrefix("--") else {
                throw UsageError("unexpected argument '\(argument)' for 'tandem \(command)'; see 'tandem \(command) --help'")
            }
            var name = String(argument.dropFirst(2))
            var value: String?
            if let equals = name.firstIndex(of: "=") {
                value = String(name[name.index(after: equals)...])
                name = String(name[..<equals])
            }
            if valued.contains(name) {
                if value == nil {
                    index += 1
                    guard index < arguments.count else {
                        throw UsageError("--\(name) needs a value; see 'tandem \(command) --help'")
                    }
                    value = arguments[index]
                }
            } else if switches.contains(name) {
                if value != nil { throw UsageError("--\(name) takes no value; see 'tandem \(command) --help'") }
            } else {
                throw UsageError("unknown option '--\(name)' for 'tandem \(command)'; see 'tandem \(command) --help'")
            }
            if values.contains(where: { $0.name == name }) {
                throw UsageError("--\(name) is given twice; give it once")
            }
            values.append((name, value))
            index += 1
        }
    }

    /// Whether a switch (or any flag) was given.
    func has(_ name: String) -> Bool {
        values.contains { $0.name == name }
    }

    /// The raw value of a flag, if given.
    func string(_ name: String) -> String? {
        values.first { $0.name == name }?.value
    }

    /// An integer flag within bounds, or the default when absent.
    func integer(_ name: String, default defaultValue: Int, in bounds: ClosedRange<Int>) throws -> Int {
        guard let text = string(name) else { return defaultValue }
        guard let value = Int(text), bounds.contains(value) else {
            throw UsageError("--\(name) must be a whole number from \(bounds.lowerBound) to \(bounds.upperBound), not '\(text)'")
        }
        return value
    }

    /// A 64-bit seed (decimal, or hexadecimal with 0x), if given.
    func seed(_ name: String) throws -> UInt64? {
        guard let text = string(name) else { return nil }
        let value = text.lowercased().hasPrefix("0x") ? UInt64(text.dropFirst(2), radix: 16) : UInt64(text)
        guard let value else {
            throw UsageError("--\(name) must be an unsigned 64-bit integer (decimal or 0x-hex), not '\(text)'")
        }
        return value
    }

    /// The scenario named by `--scenario` (or the default), with `--clients`, `--ops` and
    /// `--topology` pinned when given.
    func scenario() throws -> Scenario {
        let clients = has("clients") ? try integer("clients", default: 0, in: 1...1_000) : nil
        let operations = has("ops") ? try integer("ops", default: 0, in: 0...1_000_000) : nil
        let topology = try string("topology").map { name in
            guard let topology = Topology(rawValue: name) else {
                throw UsageError("--topology must be star or mesh, not '\(name)'")
            }
            return topology
        }
        let base: Scenario
        do {
            base = try string("scenario").map { try ScenarioLibrary.load($0) } ?? .default
        } catch let error as ScenarioError {
            throw UsageError(error.description)
        }
        return base.pinning(clients: clients, operations: operations, topology: topology)
    }

    /// The planted system flaws named by `--flaw` (comma-separated); none when absent.
    func flaws() throws -> SystemFlaws {
        guard let text = string("flaw") else { return [] }
        var result: SystemFlaws = []
        for name in text.split(separator: ",").map(String.init) {
            guard let flaw = SystemFlaws(name: name) else {
                throw UsageError("unknown flaw '\(name)' (known: \(SystemFlaws.named.map(\.name).joined(separator: ", ")))")
            }
            result.insert(flaw)
        }
        return result
    }

    /// The flags that choose a run's scenario and planted flaws, as given, for printing a replay command.
    var scenarioFlags: String {
        ["scenario", "clients", "ops", "topology", "flaw"].compactMap { name in string(name).map { " --\(name) \($0)" } }.joined()
    }

    /// Engines named in a comma-separated flag, each checked against the catalog.
    func engines(_ name: String, catalog: EngineCatalog) throws -> [EngineDescriptor]? {
        guard let text = string(name) else { return nil }
        var result: [EngineDescriptor] = []
        for engineName in text.split(separator: ",", omittingEmptySubsequences: false).map(String.init) {
            guard let engine = catalog.engine(named: engineName) else {
                throw UsageError("unknown engine '\(engineName)' (known: \(catalog.names)); 'tandem engines' lists them")
            }
            if !result.contains(where: { $0.name == engine.name }) { result.append(engine) }
        }
        return result
    }
}
