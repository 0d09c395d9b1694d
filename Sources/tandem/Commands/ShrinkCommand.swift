import Foundation
import Tandem

/// `tandem shrink`: shrinks a fixture again, or the failing run of a seed, into a minimal
/// regression fixture.
enum ShrinkCommand {
    static let help = """
        Usage: tandem shrink FIXTURE.json [--fixtures DIR]
               tandem shrink --engine NAME --seed S [--scenario NAME|FILE] [--clients C] [--ops K] [--topology star|mesh]
                             [--flaw NAME[,NAME…]] [--fixtures DIR]

        Shrinks a failure to a 1-minimal trace that still violates the same property (the
        first one the run violates) and writes it as a regression fixture, named from its
        content, in DIR (default: Scenarios/Regressions). Prints the sizes before and
        after and the command that replays the fixture.
        Exit status: 0 shrunk, 1 the run does not fail (nothing to shrink), 2 bad input.
        """

    static func run(_ arguments: [String], catalog: EngineCatalog) throws -> Int32 {
        if let path = arguments.first, !path.hasPrefix("--") {
            let options = try CommandLineOptions(Array(arguments.dropFirst()), command: "shrink", valued: ["fixtures"], switches: [])
            let fixture = try FixtureStore.read(path)
            let engine = try Regression.engine(of: fixture, in: catalog, path: path)
            return try shrink(fixture, engine: engine, into: options.string("fixtures") ?? FixtureStore.defaultDirectory)
        }
        let options = try CommandLineOptions(
            arguments, command: "shrink", valued: ["engine", "seed", "scenario", "clients", "ops", "topology", "flaw", "fixtures"], switches: [])
        guard let engines = try options.engines("engine", catalog: catalog), engines.count == 1 else {
            throw UsageError("'tandem shrink' needs a FIXTURE.json or exactly one --engine NAME (known: \(catalog.names))")
        }
        guard let seed = try options.seed("seed") else {
            throw UsageError("'tandem shrink --engine' needs --seed S, as printed by 'tandem fuzz'")
        }
        let engine = engines[0]
        let scenario = try options.scenario()
        let flaws = try options.flaws()
        let trace = TraceGenerator.trace(seed: seed, scenario: scenario)
        let result = Regression.run(engine: engine, trace: trace, flaws: flaws)
        guard let property = Regression.property(of: result) else {
            print("seed \(seed) passes on \(engine.name): nothing to shrink")
            return 1
        }
        let fixture = Fixture(
            engine: engine.name, flaws: flaws.names, options: "\(scenario.drawOptions(seed: seed))", property: property,
            expect: .violates(property), trace: trace,
            foundBy: Fixture.Provenance(
                seed: seed, scenario: scenario.name,
                command: "swift run -c release tandem replay --engine \(engine.name) --seed \(seed)\(options.scenarioFlags)",
                original: Regression.size(of: trace, events: result.outcome.statistics.events)))
        return try shrink(fixture, engine: engine, into: options.string("fixtures") ?? FixtureStore.defaultDirectory)
    }

    private static func shrink(_ fixture: Fixture, engine: EngineDescriptor, into directory: String) throws -> Int32 {
        let result = Regression.run(engine: engine, trace: fixture.trace, flaws: fixture.systemFlaws ?? [])
        guard result.violatedProperties.contains(fixture.property) else {
            print("the fixture no longer violates \(fixture.property.rawValue) on \(engine.name): nothing to shrink")
            return 1
        }
        print("shrinking a \(fixture.property.rawValue) failure of \(engine.name): \(Regression.size(of: fixture.trace, events: result.outcome.statistics.events))")
        let clock = ContinuousClock()
        let started = clock.now
        let filed = try Regression.file(fixture, engine: engine, in: directory, shrinking: true)
        let elapsed = started.duration(to: clock.now)
        FailureReport.lines(for: filed.fixture, at: filed.path).forEach { print($0) }
        print(String(format: "  shrink time: %.2f s", Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18))
        return 0
    }
}
