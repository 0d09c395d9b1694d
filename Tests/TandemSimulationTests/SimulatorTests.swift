import Testing
import TandemCore
import TandemEngines
import TandemSimulation

@Suite struct SimulatorTests {
    private func tie(_ latency: Int64 = 50_000) -> Trace {
        Trace(
            seed: 0, clients: 2, initialText: "ab",
            network: NetworkPlan(seed: 1, latency: .fixed(FixedLatency(microseconds: latency))),
            edits: [
                EditIntent(id: 0, client: 1, time: .milliseconds(10), position: 1, action: .insert("x")),
                EditIntent(id: 1, client: 2, time: .milliseconds(10), position: 1, action: .insert("y")),
                EditIntent(id: 2, client: 2, time: .milliseconds(11), position: 0, action: .delete(count: 1)),
            ])
    }

    @Test func jupiterConvergesOnConcurrentInsertsAtOnePosition() {
        let result = Simulator.runOT(OTTextEngine(), name: "ot-text", trace: tie(), checkers: [], recordTimeline: true)
        let texts = result.outcome.siteTexts.map(\.string)
        #expect(Set(texts).count == 1)
        #expect(texts[0].unicodeScalars.count == 3)
        #expect(result.outcome.unfinishedWork == nil)
        #expect(result.outcome.statistics.transforms > 0)
        #expect(result.timeline.contains { $0.contains("transform") })
        #expect(result.timeline.contains { $0.contains("acknowledged as v") })
    }

    @Test func relayConvergesOnConcurrentInsertsAtOnePosition() {
        let result = Simulator.runCRDT(RGAReplica.self, name: "rga", trace: tie(), checkers: [])
        #expect(Set(result.outcome.siteTexts.map(\.string)).count == 1)
        #expect(result.outcome.siteTexts[0].count == 3)
    }

    @Test func clampsPositionsSoAnySubsequenceOfATraceRuns() {
        let full = TraceGenerator.trace(seed: 5, scenario: Scenario.default.pinning(clients: 3, operations: 150))
        var generator = SplitMix64(seed: 9)
        for _ in 0..<10 {
            var partial = full
            partial.edits = full.edits.filter { _ in generator.chance(perMille: 400) }
            partial.initialText = ""
            for engine in [OTTextEngine()] {
                let result = Simulator.runOT(engine, name: "ot-text", trace: partial, checkers: [])
                #expect(result.outcome.unfinishedWork == nil)
                #expect(Set(result.outcome.siteTexts.map(\.scalars)).count == 1)
            }
        }
    }

    @Test func theSameTraceGivesTheSameTimelineAndOutcome() {
        let trace = TraceGenerator.trace(seed: 123, scenario: Scenario.default.pinning(clients: 4, operations: 200))
        let first = Simulator.runOT(OTTextEngine(), name: "ot-text", trace: trace, checkers: [], recordTimeline: true)
        let second = Simulator.runOT(OTTextEngine(), name: "ot-text", trace: trace, checkers: [], recordTimeline: true)
        #expect(first.timeline == second.timeline)
        #expect(first.timeline.count > 400)
        #expect(first.outcome.statistics == second.outcome.statistics)
        let crdtFirst = Simulator.runCRDT(RGAReplica.self, name: "rga", trace: trace, checkers: [], recordTimeline: true)
        let crdtSecond = Simulator.runCRDT(RGAReplica.self, name: "rga", trace: trace, checkers: [], recordTimeline: true)
        #expect(crdtFirst.timeline == crdtSecond.timeline)
    }

    @Test func jupiterStaysCorrectUnderLongTailedLatencyBecauseLinksAreFIFO() {
        let trace = TraceGenerator.trace(seed: 31, scenario: Scenario.default.pinning(clients: 3, operations: 200))
        var longTailed = trace
        longTailed.network.latency = .longTailed(LongTailedLatency(
            body: UniformLatency(minimum: 1_000, maximum: 90_000), tailPerMille: 500, maximumDoublings: 6))
        let result = Simulator.runOT(OTTextEngine(), name: "ot-text", trace: longTailed, checkers: [])
        #expect(result.outcome.unfinishedWork == nil)
        #expect(Set(result.outcome.siteTexts.map(\.scalars)).count == 1)
    }
}
