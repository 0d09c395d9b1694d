import Testing
import TandemCore
import TandemSimulation

@Suite struct ScenarioTests {
    @Test func everyRunDrawsOptionsWithinTheBounds() {
        let scenario = Scenario.default
        for seed in UInt64(0)..<300 {
            let options = scenario.drawOptions(seed: seed)
            #expect((scenario.clients.min...scenario.clients.max).contains(options.clients))
            #expect((scenario.operations.min...scenario.operations.max).contains(options.operations))
            #expect((scenario.initialLength.min...scenario.initialLength.max).contains(options.initialLength))
            #expect(options.workload.totalWeight > 0)
            #expect(options.workload.burstWeight <= scenario.workload.burst.max)
        }
    }

    @Test func theSwarmSwitchesKindsOfEditsOffAndVariesTheMix() {
        let draws = (UInt64(0)..<300).map { Scenario.default.drawOptions(seed: $0) }
        #expect(draws.contains { $0.workload.hotSpotWeight == 0 })
        #expect(draws.contains { $0.workload.deleteWeight == 0 })
        #expect(Set(draws.map(\.clients)).count == 5)
        #expect(draws.contains { if case .fixed = $0.latency { true } else { false } })
        #expect(draws.contains { if case .longTailed = $0.latency { true } else { false } })
        #expect(Scenario.default.drawOptions(seed: 9) == Scenario.default.drawOptions(seed: 9))
    }

    @Test func pinsOverrideTheBounds() {
        let pinned = Scenario.default.pinning(clients: 7, operations: 33)
        for seed in UInt64(0)..<20 {
            let options = pinned.drawOptions(seed: seed)
            #expect(options.clients == 7 && options.operations == 33)
        }
    }

    @Test func aFocusWidthKeepsEditsInOneParagraph() {
        var scenario = Scenario.default.pinning(clients: 5, operations: 300)
        scenario.initialLength = .exactly(2_000)
        scenario.workload.focusWidth = .exactly(50)
        scenario.workload.rangeDelete = .exactly(0)
        scenario.workload.delete = .exactly(0)
        let trace = TraceGenerator.trace(seed: 4, scenario: scenario)
        let positions = trace.edits.map(\.position)
        #expect(positions.max()! - positions.min()! < 400)
    }

    @Test func restoresAreDrawnOnlyFromScenariosThatAllowThem() {
        let draws = (UInt64(0)..<300).map { Scenario.default.drawOptions(seed: $0) }
        #expect(draws.contains { $0.workload.restoreWeight > 0 })
        #expect(draws.allSatisfy { $0.workload.restoreWeight <= 2 })
        var without = Scenario.default
        without.workload.restore = nil
        #expect((UInt64(0)..<300).allSatisfy { without.drawOptions(seed: $0).workload.restoreWeight == 0 })
        #expect(!without.drawOptions(seed: 1).workload.description.contains("restore"))

        var scenario = Scenario.default.pinning(clients: 3, operations: 300)
        scenario.workload.restore = .exactly(30)
        scenario.switchOffPerMille = 0
        let restores = TraceGenerator.trace(seed: 5, scenario: scenario).edits.compactMap {
            if case .restore(let versionsBack) = $0.action { versionsBack } else { nil }
        }
        #expect(!restores.isEmpty)
        #expect(restores.allSatisfy { (1...50).contains($0) })
        #expect(scenario.drawOptions(seed: 5).workload.description.contains(", restore 30"))
    }
}
