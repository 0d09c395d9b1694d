import Foundation
import Tandem

/// `tandem fuzz`: a campaign over one or more engines; prints the seed first, one line per
/// failing run with the command that replays it, and a summary. A failing run is `FAIL`, or
/// `EXPECTED` when the engine does not claim what the topology needs and the violations could
/// follow from that (`Campaign.Failure.isExpected`). Exit 1 if any run failed unexpectedly.
enum FuzzCommand {
    static let help = """
        Usage: tandem fuzz [--engine NAME[,NAME…]] [--scenario NAME|FILE] [--runs N] [--seed S] [--jobs J] [--clients C] [--ops K]
                           [--topology star|mesh] [--no-shrink] [--fixtures DIR] [--flaw NAME[,NAME…]]

        Fuzzes engines with seeded simulated runs and checks every property after each run.
          --engine    engines to fuzz (default: every built-in engine not broken on purpose
                      that runs on the scenario's topology)
          --scenario  a scenario name from Scenarios/ or a .json file (default: default);
                      each run draws its own options within the scenario's bounds
          --runs      runs per engine (default 500)
          --seed      campaign seed, decimal or 0x-hex (default: a fresh one, printed first)
          --jobs      worker threads (default: all cores); results are identical for any value
          --clients   pin the clients per run (default: drawn from the scenario)
          --ops       pin the edit intents per run (default: drawn from the scenario)
          --topology  star (a server: Jupiter for OT, a relay for CRDTs) or mesh (peer to peer over
                      lossy channels: adOPTed for OT) instead of the scenario's topology
          --no-shrink keep each failure as found instead of shrinking it
          --fixtures  where failures are written as regression fixtures
                      (default: Scenarios/Regressions)
          --flaw      plant a bug in the simulated system (a harness self-test), e.g.
                      broadcast-before-durable-append; see the README for the list
        Every failure is written as a fixture the moment it is found, then shrunk to a
        minimal trace that violates the same property, and the fixture is rewritten.
        A failure is printed as EXPECTED instead of FAIL when the OT engine does not claim
        what the topology needs (TP1 on a star, TP1 and TP2 on a mesh) and every violation
        could follow from that; the line shows the evidence.
        Exit status: 0 nothing violated, or only as expected; 1 a property was violated; 2 bad input.
        """

    static func run(_ arguments: [String], catalog: EngineCatalog) throws -> Int32 {
        let options = try CommandLineOptions(
            arguments, command: "fuzz", valued: ["engine", "scenario", "runs", "seed", "jobs", "clients", "ops", "topology", "fixtures", "flaw"],
            switches: ["no-shrink"])
        let scenario = try options.scenario()
        let engines = try options.engines("engine", catalog: catalog)
            ?? catalog.defaultFuzzTargets(on: scenario.topology)
        let runs = try options.integer("runs", default: 500, in: 1...100_000_000)
        let jobs = try options.integer("jobs", default: ProcessInfo.processInfo.activeProcessorCount, in: 1...1_024)
        let flaws = try options.flaws()
        let directory = options.string("fixtures") ?? FixtureStore.defaultDirectory
        // The only system randomness in Tandem: a fresh campaign seed when none is given. It is
        // printed first, and every run derives from it, so the campaign can be repeated exactly.
        var systemGenerator = SystemRandomNumberGenerator()
        let seed = try options.seed("seed") ?? systemGenerator.next()

        emit("seed: \(seed)")
        emit("tandem fuzz: \(engines.map(\.name).joined(separator: ", ")); \(runs) runs each; scenario \(scenario.name) "
              + "(\(scenario.clients) clients, \(scenario.operations) edits per run, topology \(scenario.topology)); \(jobs) jobs")
        let campaign = Campaign(engines: engines, seed: seed, runs: runs, scenario: scenario, jobs: jobs, flaws: flaws)
        var filingError: (any Error)?
        let clock = ContinuousClock()
        let started = clock.now
        let summary = campaign.run { failure in
            let properties = Property.allCases.filter { property in failure.violations.contains { $0.property == property } }
            let evidence = failure.violations.first { failure.expectedFromMissingClaims.contains($0.property) } ?? failure.violations.first
            let described = evidence.map { String(describing: $0) } ?? ""
            let first = described.count > 200 ? described.prefix(199) + "…" : described
            let replay = "swift run -c release tandem replay --engine \(failure.engine) --seed \(failure.seed)\(options.scenarioFlags)"
            let verdict = failure.isExpected ? "EXPECTED" : "FAIL"
            let explanation = failure.isExpected
                ? "(\(failure.engine) does not claim \(failure.expectedFromMissingClaims.map(\.rawValue).joined(separator: " or ")), "
                    + "which a \(scenario.topology) needs) "
                : ""
            emit("\(verdict) \(failure.engine) seed=\(failure.seed) \(properties.map(\.rawValue).joined(separator: ",")) "
                  + "\(explanation)[\(first)] replay: \(replay)")
            guard filingError == nil, let property = properties.first, let engine = engines.first(where: { $0.name == failure.engine }) else {
                return
            }
            let trace = TraceGenerator.trace(seed: failure.seed, scenario: scenario)
            let fixture = Fixture(
                engine: failure.engine, flaws: flaws.names, options: "\(scenario.drawOptions(seed: failure.seed))", property: property,
                expect: .violates(property), trace: trace,
                foundBy: Fixture.Provenance(
                    seed: failure.seed, scenario: scenario.name, command: replay,
                    original: Regression.size(of: trace, events: failure.statistics.events)))
            do {
                let filed = try Regression.file(fixture, engine: engine, in: directory, shrinking: !options.has("no-shrink"))
                FailureReport.lines(for: filed.fixture, at: filed.path).forEach(emit)
            } catch {
                filingError = error
                FileHandle.standardError.write(Data("tandem: \(error); later failures are printed but not filed\n".utf8))
            }
        }
        let elapsed = started.duration(to: clock.now)
        let seconds = max(Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18, 1e-9)
        let expected = summary.expectedFailures > 0 ? ", \(summary.expectedFailures) expected" : ""
        emit("summary: \(summary.runs) runs, \(summary.failures) failures\(expected), \(summary.statistics.events) simulated events; "
              + String(format: "%.1f runs/s, %.0f simulated events/s", Double(summary.runs) / seconds,
                       Double(summary.statistics.events) / seconds))
        return summary.failures == 0 ? 0 : 1
    }

    /// Prints a line and flushes it at once, so that a campaign killed midway (a CI timeout)
    /// has already shown its seed and every failure found so far, even when output is a file.
    private static func emit(_ line: String) {
        print(line)
        fflush(nil)
    }
}
