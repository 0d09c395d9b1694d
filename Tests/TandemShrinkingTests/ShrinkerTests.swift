import Testing
import TandemChecks
import TandemCore
import TandemEngines
import TandemShrinking
import TandemSimulation

@Suite struct ShrinkerTests {
    /// Four clients, 200 edits with hot spots always on: the broken OT engine fails every run.
    private static let contended: Scenario = {
        var scenario = Scenario.default.pinning(clients: 4, operations: 200)
        scenario.switchOffPerMille = 0
        scenario.workload.hotSpot = Bounds(20, 25)
        return scenario
    }()

    private static func violations(_ trace: Trace, flaws: SystemFlaws = []) -> [Property] {
        Simulator.runOT(BuggyOTEngine(), name: "buggy-ot", trace: trace, checkers: StandardCheckers.make(for: trace), flaws: flaws)
            .violatedProperties
    }

    private static func stillDiverges(_ trace: Trace) -> Bool {
        violations(trace).contains(.convergence)
    }

    @Test func aDivergingRunShrinksToAHandfulOfEditsThatIsOneMinimal() {
        let original = TraceGenerator.trace(seed: 4, scenario: Self.contended)
        #expect(Self.stillDiverges(original))
        let shrunk = Shrinker(stillFails: Self.stillDiverges).shrink(original)
        #expect(Self.stillDiverges(shrunk.trace))
        #expect(shrunk.trace.edits.count <= 4, "\(shrunk.trace.edits.map(\.summary))")
        #expect(shrunk.trace.clients <= 3)
        #expect(shrunk.trace.faults.count == 0)
        #expect(shrunk.steps > 0 && shrunk.attempts >= shrunk.steps)
        for (what, candidate) in Shrinker.singleRemovals(of: shrunk.trace) {
            #expect(!Self.stillDiverges(candidate), "still diverges \(what): not 1-minimal")
        }
    }

    @Test func shrinkingIsDeterministic() {
        let original = TraceGenerator.trace(seed: 7, scenario: Self.contended)
        let first = Shrinker(stillFails: Self.stillDiverges).shrink(original)
        let second = Shrinker(stillFails: Self.stillDiverges).shrink(original)
        #expect(first.trace == second.trace)
        #expect(first.steps == second.steps && first.attempts == second.attempts)
    }

    /// c1 types while a crash is armed between the durable append and the broadcast, among
    /// three other clients typing after the restart and a disconnect: noise for the shrinker.
    private static var crashAmongNoise: Trace {
        var edits = [EditIntent(id: 0, client: 1, time: .milliseconds(100), position: 0, action: .insert("ab"))]
        for index in 1...24 {
            let text = String(IdentityAlphabet.scalar(for: 10 + index))
            edits.append(EditIntent(
                id: index, client: index % 3 + 2, time: .milliseconds(3_000 + Int64(index) * 97), position: index % 5,
                action: index % 4 == 0 ? .delete(count: 2) : .insert(text)))
        }
        return Trace(
            seed: 1, clients: 4, initialText: "xyz", network: NetworkPlan(seed: 1, latency: .uniform(UniformLatency(minimum: 5_000, maximum: 40_000))),
            edits: edits,
            faults: FaultPlan(
                disconnects: [ClientDisconnect(client: 3, at: .milliseconds(3_500), durationMicroseconds: 1_000_000)],
                crashes: [ServerCrash(at: .milliseconds(50), point: .betweenAppendAndBroadcast, downtimeMicroseconds: 500_000)]))
    }

    @Test func aLostAcknowledgedOperationShrinksToOneEditAndTheCrash() {
        func losesAnAcknowledgedEdit(_ trace: Trace) -> Bool {
            let checkers = StandardCheckers.make(for: trace)
            return Simulator.runOT(OTTextEngine(), name: "ot-text", trace: trace, checkers: checkers, flaws: .broadcastBeforeDurableAppend)
                .violatedProperties.contains(.durability)
        }
        let original = Self.crashAmongNoise
        #expect(losesAnAcknowledgedEdit(original))
        let shrunk = Shrinker(stillFails: losesAnAcknowledgedEdit).shrink(original)
        #expect(shrunk.trace.edits.count == 1, "\(shrunk.trace.edits.map(\.summary))")
        #expect(shrunk.trace.faults.crashes.count == 1)
        #expect(shrunk.trace.faults.count <= 2, "\(shrunk.trace.faults.summaries)")
        #expect(shrunk.trace.initialText.isEmpty)
        for (what, candidate) in Shrinker.singleRemovals(of: shrunk.trace) {
            #expect(!losesAnAcknowledgedEdit(candidate), "still loses an acknowledged edit \(what): not 1-minimal")
        }
    }

    /// c1 types ten scalars at the start of "a" and then deletes the "a", now at position 10.
    /// Removing any of the typing alone leaves the deletion aimed past the text or at an "x".
    @Test func anInsertionGoesWithTheLaterEditsMovedBackToWhereTheyPointed() {
        var edits = (0..<10).map { EditIntent(id: $0, client: 1, time: .milliseconds(100 * Int64($0 + 1)), position: 0, action: .insert("x")) }
        edits.append(EditIntent(id: 10, client: 1, time: .milliseconds(5_000), position: 10, action: .delete(count: 1)))
        let original = Trace(
            seed: 1, clients: 2, initialText: "a", network: NetworkPlan(seed: 1, latency: .fixed(FixedLatency(microseconds: 20_000))),
            edits: edits, faults: FaultPlan())
        func deletesTheA(_ trace: Trace) -> Bool {
            let result = Simulator.runOT(OTTextEngine(), name: "ot-text", trace: trace, checkers: StandardCheckers.make(for: trace))
            return result.outcome.intendedDeletions.contains("a") && !result.outcome.siteTexts[1].string.contains("a")
        }
        #expect(deletesTheA(original))
        let shrunk = Shrinker(stillFails: deletesTheA).shrink(original)
        #expect(shrunk.trace.edits.map(\.summary) == ["delete 1@0"])
        #expect(shrunk.trace.clients == 1)
    }
}
