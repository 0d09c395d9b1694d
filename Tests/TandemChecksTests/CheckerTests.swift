import Testing
import TandemChecks
import TandemCore
import TandemEngines
import TandemSimulation

@Suite struct ConvergenceCheckTests {
    @Test func passesIdenticalReplicas() {
        var check = ConvergenceCheck()
        let text = PlantedBugs.text([0, 1, 2])
        #expect(check.violations(in: PlantedBugs.outcome(siteTexts: [text, text, text])).isEmpty)
    }

    @Test func catchesAReplicaThatDiffers() {
        var check = ConvergenceCheck()
        let outcome = PlantedBugs.outcome(siteTexts: [PlantedBugs.text([0, 1, 2]), PlantedBugs.text([0, 1, 2]), PlantedBugs.text([0, 2, 1])])
        let found = check.violations(in: outcome)
        #expect(found.count == 1)
        #expect(found.first?.property == .convergence)
        #expect(found.first?.detail.contains("c2 differs from the server from position 1") == true)
    }

    @Test func catchesTheDivergenceOfTheBrokenOTEngine() {
        let trace = TraceGenerator.trace(seed: 4, scenario: PlantedBugs.contendedScenario)
        let result = Simulator.runOT(BuggyOTEngine(), name: "buggy-ot", trace: trace, checkers: [ConvergenceCheck()])
        #expect(result.violatedProperties == [.convergence])
    }
}

@Suite struct EditAccountingCheckTests {
    private func properties(_ siteTexts: [TextBuffer], deleted: [Int] = []) -> [Property] {
        var check = EditAccountingCheck()
        return check.violations(in: PlantedBugs.outcome(siteTexts: siteTexts, intendedDeletions: deleted)).map(\.property)
    }

    @Test func passesAnHonestOutcome() {
        #expect(properties([PlantedBugs.text([3, 0, 4, 2])], deleted: [1]).isEmpty)
    }

    @Test func catchesALostCharacter() {
        #expect(properties([PlantedBugs.text([3, 0, 2])], deleted: [1]) == [.lostEdit])
    }

    @Test func catchesACharacterNeverInserted() {
        #expect(properties([PlantedBugs.text([3, 0, 1, 4, 2, 9])]) == [.phantomEdit])
    }

    @Test func catchesADeletedCharacterComingBack() {
        #expect(properties([PlantedBugs.text([3, 0, 1, 4, 2])], deleted: [1]) == [.phantomEdit])
    }

    @Test func catchesADuplicatedCharacter() {
        #expect(properties([PlantedBugs.text([3, 0, 1, 4, 4, 2])]) == [.duplicatedEdit])
    }

    @Test func catchesTheLossOfAServerThatDropsInserts() {
        let trace = TraceGenerator.trace(seed: 2, scenario: Scenario.default.pinning(clients: 3, operations: 60))
        let result = Simulator.runCRDT(ForgetfulReplica.self, name: "forgetful", trace: trace, checkers: [EditAccountingCheck()])
        #expect(result.violatedProperties.contains(.lostEdit))
        #expect(result.violations.contains { $0.detail.hasPrefix("server lacks") })
    }
}

@Suite struct OrderPreservationCheckTests {
    @Test func acceptsInsertionsAndDeletionsAroundStableCharacters() {
        var check = OrderPreservationCheck()
        check.textChanged(site: 1, text: PlantedBugs.text([0, 1, 2]), time: .zero)
        check.textChanged(site: 1, text: PlantedBugs.text([0, 5, 1]), time: .milliseconds(1))
        check.textChanged(site: 1, text: PlantedBugs.text([6, 0, 5, 1, 7]), time: .milliseconds(2))
        check.textChanged(site: 2, text: PlantedBugs.text([2, 1, 0]), time: .milliseconds(3))
        #expect(check.violations(in: PlantedBugs.outcome(siteTexts: [TextBuffer()])).isEmpty)
    }

    @Test func catchesTwoCharactersSwappingPlaces() {
        var check = OrderPreservationCheck()
        check.textChanged(site: 1, text: PlantedBugs.text([0, 1, 2]), time: .zero)
        check.textChanged(site: 1, text: PlantedBugs.text([0, 3, 2, 1]), time: .milliseconds(4))
        let found = check.violations(in: PlantedBugs.outcome(siteTexts: [TextBuffer()]))
        #expect(found.map(\.property) == [.orderPreservation])
        #expect(found.first?.time == .milliseconds(4))
    }

    @Test func catchesAReplicaThatReordersItsText() {
        let trace = TraceGenerator.trace(seed: 6, scenario: Scenario.default.pinning(clients: 3, operations: 40))
        let result = Simulator.runCRDT(SwappingReplica.self, name: "swapping", trace: trace, checkers: [OrderPreservationCheck()])
        #expect(result.violatedProperties == [.orderPreservation])
    }
}

@Suite struct TP1CheckTests {
    private let tieState = TextBuffer("ab")

    private func tieEvent<Engine: OTEngine>(_ engine: Engine) -> TransformEvent<Engine.Operation, Engine.Document> where Engine.Document == TextBuffer {
        TransformEvent(
            site: 0, time: .zero, state: tieState,
            operation: engine.insertion(of: ["x"], at: 1, in: tieState),
            against: engine.insertion(of: ["y"], at: 1, in: tieState), tieBreak: .thisFirst)
    }

    @Test func passesTheCorrectEngineOnATie() {
        #expect(TP1Check.counterexample(OTTextEngine(), tieEvent(OTTextEngine())) == nil)
    }

    @Test func catchesTheBrokenEngineOnATie() {
        let message = TP1Check.counterexample(BuggyOTEngine(), tieEvent(BuggyOTEngine()))
        #expect(message?.contains("\"axyb\"") == true)
        #expect(message?.contains("\"ayxb\"") == true)
    }

    @Test func catchesTheBrokenEngineDuringARun() {
        let trace = TraceGenerator.trace(seed: 4, scenario: PlantedBugs.contendedScenario)
        let result = Simulator.runOT(BuggyOTEngine(), name: "buggy-ot", trace: trace, checkers: [TP1Check()])
        #expect(result.violatedProperties == [.tp1])
        let clean = Simulator.runOT(OTTextEngine(), name: "ot-text", trace: trace, checkers: [TP1Check()])
        #expect(clean.violations.isEmpty)
        #expect(clean.outcome.statistics.transforms > 0)
    }
}

@Suite struct QuiescenceCheckTests {
    @Test func catchesUnfinishedWork() {
        var check = QuiescenceCheck()
        let stuck = PlantedBugs.outcome(siteTexts: [TextBuffer()], unfinished: "c1 still waiting")
        #expect(check.violations(in: stuck).map(\.property) == [.liveness])
        #expect(check.violations(in: PlantedBugs.outcome(siteTexts: [TextBuffer()])).isEmpty)
    }

    @Test func catchesAReplicaThatNeverDrainsItsBuffer() {
        let trace = TraceGenerator.trace(seed: 1, scenario: Scenario.default.pinning(clients: 2, operations: 10))
        let result = Simulator.runCRDT(StuckReplica.self, name: "stuck", trace: trace, checkers: [QuiescenceCheck()])
        #expect(result.violatedProperties == [.liveness])
    }
}

@Suite struct EarlyDivergenceCheckTests {
    @Test func namesTheFirstVersionAtWhichAClientDisagrees() {
        var check = EarlyDivergenceCheck()
        check.versionReached(site: 0, version: 1, text: TextBuffer("ab"), time: .milliseconds(1))
        check.versionReached(site: 1, version: 1, text: TextBuffer("ab"), time: .milliseconds(2))
        check.versionReached(site: 0, version: 2, text: TextBuffer("abc"), time: .milliseconds(3))
        check.versionReached(site: 2, version: 2, text: TextBuffer("acb"), time: .milliseconds(4))
        check.versionReached(site: 1, version: 2, text: TextBuffer("cab"), time: .milliseconds(5))
        let found = check.violations(in: PlantedBugs.outcome(siteTexts: [TextBuffer()]))
        #expect(found.count == 1)
        #expect(found.first?.detail.hasPrefix("c2 first disagrees with the server at v2") == true)
        #expect(found.first?.time == .milliseconds(4))
    }

    @Test func catchesTheBrokenEngineBeforeTheRunEnds() {
        let trace = TraceGenerator.trace(seed: 4, scenario: PlantedBugs.contendedScenario)
        let result = Simulator.runOT(BuggyOTEngine(), name: "buggy-ot", trace: trace, checkers: [EarlyDivergenceCheck()])
        let found = try! #require(result.violations.first)
        #expect(found.property == .earlyDivergence)
        #expect(found.time! < result.outcome.endTime)
        let clean = Simulator.runOT(OTTextEngine(), name: "ot-text", trace: trace, checkers: [EarlyDivergenceCheck()])
        #expect(clean.violations.isEmpty)
    }
}
