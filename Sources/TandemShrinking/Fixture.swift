import Foundation
import TandemCore
import TandemSimulation

/// A regression fixture: one self-contained JSON file holding a failing (or once failing)
/// run — the engine, any planted system flaws, the options the run drew, the trace, the
/// property it violates, what replaying it must give, and how it was found.
///
/// `swift test` replays every fixture under `Scenarios/Regressions/`; `tandem replay
/// FIXTURE.json` replays one.
public struct Fixture: Sendable, Equatable, Codable {
    /// The fixture format version this build reads and writes.
    public static let currentFormatVersion = 1

    /// What replaying the fixture must give.
    public enum Expectation: Sendable, Equatable, Codable, CustomStringConvertible {
        /// The run passes every check: a fixed bug that must stay fixed.
        case converges
        /// The run violates the property: a documented broken engine or planted flaw.
        case violates(Property)

        /// `converges` or `violates convergence`.
        public var description: String {
            switch self {
            case .converges: "converges"
            case .violates(let property): "violates \(property.rawValue)"
            }
        }

        /// Parses `converges` or `violates PROPERTY`.
        public init?(_ text: String) {
            if text == "converges" {
                self = .converges
            } else if text.hasPrefix("violates "), let property = Property(rawValue: String(text.dropFirst("violates ".count))) {
                self = .violates(property)
            } else {
                return nil
            }
        }

        public init(from decoder: any Decoder) throws {
            let text = try decoder.singleValueContainer().decode(String.self)
            guard let expectation = Expectation(text) else {
                throw DecodingError.dataCorrupted(.init(
                    codingPath: decoder.codingPath,
                    debugDescription: "'\(text)' is not an expectation; write 'converges' or 'violates PROPERTY' "
                        + "(properties: \(Property.allCases.map(\.rawValue).joined(separator: ", ")))"))
            }
            self = expectation
        }

        public func encode(to encoder: any Encoder) throws {
            var container = encoder.singleValueContainer()
            try container.encode(description)
        }
    }

    /// The size of a trace and of its run.
    public struct Size: Sendable, Equatable, Codable, CustomStringConvertible {
        /// Edit intents.
        public var edits: Int
        /// Clients.
        public var clients: Int
        /// Faults.
        public var faults: Int
        /// Events the run processed.
        public var events: Int

        /// Creates a size.
        public init(edits: Int, clients: Int, faults: Int, events: Int) {
            self.edits = edits
            self.clients = clients
            self.faults = faults
            self.events = events
        }

        /// `3 edits, 2 clients, 0 faults, 41 events`.
        public var description: String {
            "\(edits) edits, \(clients) clients, \(faults) faults, \(events) events"
        }
    }

    /// How the failure was found and shrunk.
    public struct Provenance: Sendable, Equatable, Codable {
        /// The seed of the fuzz run that found it, if a fuzz run did.
        public var seed: UInt64?
        /// The scenario that run drew from.
        public var scenario: String?
        /// The command that reproduces the original run.
        public var command: String?
        /// The size of the original failing run.
        public var original: Size
        /// The size after shrinking; nil when the fixture is not shrunk.
        public var shrunk: Size?
        /// Reductions the shrinker kept.
        public var shrinkSteps: Int
        /// Candidates the shrinker ran.
        public var shrinkRuns: Int

        /// Creates a provenance.
        public init(
            seed: UInt64? = nil, scenario: String? = nil, command: String? = nil, original: Size, shrunk: Size? = nil, shrinkSteps: Int = 0,
            shrinkRuns: Int = 0
        ) {
            self.seed = seed
            self.scenario = scenario
            self.command = command
            self.original = original
            self.shrunk = shrunk
            self.shrinkSteps = shrinkSteps
            self.shrinkRuns = shrinkRuns
        }

        private enum CodingKeys: String, CodingKey {
            case seed, scenario, command, original, shrunk, shrinkSteps, shrinkRuns
        }

        public init(from decoder: any Decoder) throws {
            let container = try decoder.container(keyedBy: CodingKeys.self)
            seed = try container.decodeIfPresent(SeedValue.self, forKey: .seed)?.value
            scenario = try container.decodeIfPresent(String.self, forKey: .scenario)
            command = try container.decodeIfPresent(String.self, forKey: .command)
            original = try container.decode(Size.self, forKey: .original)
            shrunk = try container.decodeIfPresent(Size.self, forKey: .shrunk)
            shrinkSteps = try container.decode(Int.self, forKey: .shrinkSteps)
            shrinkRuns = try container.decode(Int.self, forKey: .shrinkRuns)
        }

        public func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encodeIfPresent(seed.map(SeedValue.init), forKey: .seed)
            try container.encodeIfPresent(scenario, forKey: .scenario)
            try container.encodeIfPresent(command, forKey: .command)
            try container.encode(original, forKey: .original)
            try container.encodeIfPresent(shrunk, forKey: .shrunk)
            try container.encode(shrinkSteps, forKey: .shrinkSteps)
            try container.encode(shrinkRuns, forKey: .shrinkRuns)
        }
    }

    /// The format version the file was written with.
    public var formatVersion: Int
    /// The engine's name, as `tandem engines` lists it.
    public var engine: String
    /// Planted system flaws the run needs, by name (see `SystemFlaws.named`); usually none.
    public var flaws: [String]
    /// The options the original run drew from its scenario, as `tandem replay` prints them.
    public var options: String?
    /// The property the failure violated.
    public var property: Property
    /// What replaying the fixture must give.
    public var expect: Expectation
    /// The run's complete input.
    public var trace: Trace
    /// How the failure was found and shrunk.
    public var foundBy: Provenance

    /// Creates a fixture.
    public init(
        engine: String, flaws: [String] = [], options: String? = nil, property: Property, expect: Expectation, trace: Trace,
        foundBy: Provenance
    ) {
        self.formatVersion = Self.currentFormatVersion
        self.engine = engine
        self.flaws = flaws
        self.options = options
        self.property = property
        self.expect = expect
        self.trace = trace
        self.foundBy = foundBy
    }

    /// The planted flaws as a set; nil names a flaw this build does not know.
    public var systemFlaws: SystemFlaws? {
        var result: SystemFlaws = []
        for name in flaws {
            guard let flaw = SystemFlaws(name: name) else { return nil }
            result.insert(flaw)
        }
        return result
    }

    /// The file name: engine, property and a hash of what the fixture runs, so the same
    /// failure always lands in the same file.
    public var fileName: String {
        let content = (try? trace.jsonData()).map { String(decoding: $0, as: UTF8.self) } ?? ""
        let hash = StableHash.combine([StableHash.of(engine), StableHash.of(flaws.joined(separator: ",")), StableHash.of(property.rawValue),
                                       StableHash.of(content)])
        return "\(engine)-\(property.rawValue)-\(StableHash.hex(hash)).json"
    }

    private enum CodingKeys: String, CodingKey {
        case formatVersion, engine, flaws, options, property, expect, trace, foundBy
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        formatVersion = try container.decode(Int.self, forKey: .formatVersion)
        guard formatVersion <= Self.currentFormatVersion else {
            throw DecodingError.dataCorruptedError(
                forKey: .formatVersion, in: container,
                debugDescription: "fixture format version \(formatVersion) is newer than this build reads (\(Self.currentFormatVersion)); update Tandem")
        }
        engine = try container.decode(String.self, forKey: .engine)
        flaws = try container.decodeIfPresent([String].self, forKey: .flaws) ?? []
        options = try container.decodeIfPresent(String.self, forKey: .options)
        let propertyName = try container.decode(String.self, forKey: .property)
        guard let property = Property(rawValue: propertyName) else {
            throw DecodingError.dataCorruptedError(
                forKey: .property, in: container,
                debugDescription: "unknown property '\(propertyName)' (known: \(Property.allCases.map(\.rawValue).joined(separator: ", ")))")
        }
        self.property = property
        expect = try container.decode(Expectation.self, forKey: .expect)
        trace = try container.decode(Trace.self, forKey: .trace)
        foundBy = try container.decode(Provenance.self, forKey: .foundBy)
        if let unknown = flaws.first(where: { SystemFlaws(name: $0) == nil }) {
            throw DecodingError.dataCorruptedError(
                forKey: .flaws, in: container,
                debugDescription: "unknown flaw '\(unknown)' (known: \(SystemFlaws.named.map(\.name).joined(separator: ", ")))")
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(formatVersion, forKey: .formatVersion)
        try container.encode(engine, forKey: .engine)
        if !flaws.isEmpty { try container.encode(flaws, forKey: .flaws) }
        try container.encodeIfPresent(options, forKey: .options)
        try container.encode(property.rawValue, forKey: .property)
        try container.encode(expect, forKey: .expect)
        try container.encode(trace, forKey: .trace)
        try container.encode(foundBy, forKey: .foundBy)
    }

    /// The fixture as pretty-printed JSON with sorted keys.
    public func jsonData() throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return try encoder.encode(self)
    }
}
