import Testing
import Tandem

@Suite struct CampaignTests {
    private func failures(_ campaign: Campaign) -> (lines: [String], summary: Campaign.Summary) {
        var lines: [String] = []
        let summary = campaign.run { failure in
            lines.append("\(failure.engine) \(failure.seed) \(failure.violations)")
        }
        return (lines, summary)
    }

    @Test func givesIdenticalResultsWithOneOrManyJobs() {
        let engines = [EngineCatalog.builtIn.engine(named: "buggy-ot")!, EngineCatalog.builtIn.engine(named: "rga")!]
        let scenario = Scenario.default.pinning(clients: 3, operations: 60)
        let serial = failures(Campaign(engines: engines, seed: 2024, runs: 40, scenario: scenario, jobs: 1))
        let parallel = failures(Campaign(engines: engines, seed: 2024, runs: 40, scenario: scenario, jobs: 4))
        #expect(serial.lines == parallel.lines)
        #expect(serial.summary.statistics == parallel.summary.statistics)
        #expect(serial.summary.runs == 80)
        #expect(!serial.lines.isEmpty)
    }

    @Test func givesIdenticalResultsWithOneOrManyJobsOnAMesh() throws {
        let engines = ["ot-ressel", "ot-ttf", "rga"].compactMap { EngineCatalog.builtIn.engine(named: $0) }
        let scenario = try ScenarioLibrary.load("mesh-lossy").pinning(clients: 4, operations: 50)
        let serial = failures(Campaign(engines: engines, seed: 77, runs: 12, scenario: scenario, jobs: 1))
        let parallel = failures(Campaign(engines: engines, seed: 77, runs: 12, scenario: scenario, jobs: 3))
        #expect(serial.lines == parallel.lines)
        #expect(serial.summary.statistics == parallel.summary.statistics)
        #expect(serial.summary.expectedFailures == parallel.summary.expectedFailures)
    }

    @Test func findsTheBrokenEngineAndItsSeedReplaysTheSameFailure() {
        let buggy = EngineCatalog.builtIn.engine(named: "buggy-ot")!
        let scenario = Scenario.default.pinning(clients: 4, operations: 200)
        var found: [Campaign.Failure] = []
        let summary = Campaign(engines: [buggy], seed: 1, runs: 20, scenario: scenario, jobs: 2).run { found.append($0) }
        #expect(summary.failures > 0)
        let first = try! #require(found.first)
        #expect(first.violations.contains { $0.property == .tp1 })
        let replay = SeededRun.run(engine: buggy, seed: first.seed, scenario: scenario)
        #expect(replay.violations == first.violations)
    }

    @Test func builtInEnginesPassAShortCampaign() {
        let summary = Campaign(
            engines: EngineCatalog.builtIn.defaultFuzzTargets(on: .star), seed: 99, runs: 25,
            scenario: Scenario.default.pinning(clients: 5, operations: 150), jobs: 2
        ).run { failure in Issue.record("\(failure.engine) seed \(failure.seed): \(failure.violations)") }
        #expect(summary.failures == 0)
        #expect(summary.runs == 25 * EngineCatalog.builtIn.defaultFuzzTargets(on: .star).count)
    }

    @Test func theCatalogMarksOnlyTheBrokenEngine() {
        #expect(
            EngineCatalog.builtIn.engines.map(\.name)
                == ["ot-text", "rga", "buggy-ot", "ot-dopt", "ot-ressel", "ot-sun", "ot-suleiman", "ot-imine", "ot-ttf"])
        #expect(EngineCatalog.builtIn.engines.filter(\.isDeliberatelyBroken).map(\.name) == ["buggy-ot"])
        #expect(EngineCatalog.builtIn.defaultFuzzTargets(on: .star).map(\.name) == ["ot-text", "rga"])
        #expect(EngineCatalog.builtIn.defaultFuzzTargets(on: .mesh).map(\.name) == ["rga"])
    }

    @Test func failuresOfAnEngineThatDoesNotClaimWhatTheTopologyNeedsAreExpected() {
        let dopt = EngineCatalog.builtIn.engine(named: "ot-dopt")!
        let buggy = EngineCatalog.builtIn.engine(named: "buggy-ot")!
        var found: [Campaign.Failure] = []
        let summary = Campaign(
            engines: [dopt, buggy], seed: 1, runs: 20, scenario: Scenario.default.pinning(clients: 4, operations: 120), jobs: 2
        ).run { found.append($0) }
        let dopts = found.filter { $0.engine == "ot-dopt" }
        let buggys = found.filter { $0.engine == "buggy-ot" }
        #expect(!dopts.isEmpty && !buggys.isEmpty)
        #expect(dopts.allSatisfy { $0.isExpected && $0.expectedFromMissingClaims == [.tp1] })
        #expect(buggys.allSatisfy { !$0.isExpected }, "buggy-ot claims TP1: its failures are real")
        #expect(summary.expectedFailures == dopts.count)
        #expect(summary.failures == buggys.count)
    }

    @Test func whatATopologyNeedsThatAnEngineDoesNotClaim() {
        func missing(_ name: String, _ topology: Topology) -> [Property] {
            EngineCatalog.missingClaims(of: EngineCatalog.builtIn.engine(named: name)!, topology: topology)
        }
        #expect(missing("ot-dopt", .star) == [.tp1])
        #expect(missing("ot-dopt", .mesh) == [.tp1, .tp2])
        #expect(missing("ot-text", .star).isEmpty)
        #expect(missing("ot-ressel", .mesh) == [.tp2])
        #expect(missing("ot-ttf", .mesh).isEmpty)
        #expect(missing("rga", .mesh).isEmpty)
        #expect(!Property.durability.followsFromBrokenTransformation && !Property.permissions.followsFromBrokenTransformation)
        #expect(Property.convergence.followsFromBrokenTransformation && Property.tp1.followsFromBrokenTransformation)
    }
}
