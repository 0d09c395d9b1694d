import Foundation
import Testing
import Tandem

/// Clean campaigns never trip the cursors oracle: selections, CRDT anchors, held anchors on
/// lossy mesh channels and presence leave raise no false alarm on correct engines.
@Suite struct PresenceCampaignTests {
    private static let directory = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Scenarios")

    private func cursorFailures(_ engines: [String], scenario: Scenario, runs: Int) -> (failures: [String], runs: Int) {
        let campaign = Campaign(
            engines: engines.map { EngineCatalog.builtIn.engine(named: $0)! }, seed: 11, runs: runs, scenario: scenario, jobs: 2)
        var found: [String] = []
        let summary = campaign.run { failure in found.append("\(failure.engine) \(failure.seed): \(failure.violations)") }
        return (found, summary.runs)
    }

    @Test func aCleanStarCampaignTripsNoOracle() {
        let (failures, runs) = cursorFailures(["ot-text", "rga"], scenario: Scenario.default.pinning(clients: 4, operations: 120), runs: 40)
        #expect(failures.isEmpty, "\(failures)")
        #expect(runs == 80)
    }

    @Test func aCleanLossyMeshCampaignTripsNoOracle() throws {
        let scenario = try ScenarioLibrary.load("mesh-lossy", searchDirectories: [Self.directory])
        let (failures, runs) = cursorFailures(["rga"], scenario: scenario, runs: 30)
        #expect(failures.isEmpty, "\(failures)")
        #expect(runs == 30)
    }
}
