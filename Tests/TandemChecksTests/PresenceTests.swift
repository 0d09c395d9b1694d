import Testing
import TandemChecks
import TandemCore
import TandemEngines
import TandemSimulation

/// Presence: selections moved through concurrent edits on OT and CRDT clients (relay and
/// mesh), presence leave, and the planted flaws the cursors oracle must catch.
@Suite struct PresenceTests {
    /// Records what each client shows, at every change and at the end.
    private final class Recorder: Checker {
        var atEnd: [Int: (own: Selection, shown: [Selection?])] = [:]
        var shownOverTime: [(time: VirtualTime, site: Int, shown: [Selection?])] = []

        func observed(_ event: SystemEvent, time: VirtualTime) {
            switch event {
            case .cursorsAtEnd(let site, let own, let shown): atEnd[site] = (own, shown)
            case .cursorsShown(let site, _, let shown): shownOverTime.append((time, site, shown))
            default: break
            }
        }

        func violations(in outcome: RunOutcome) -> [Violation] { [] }
    }

    enum Setup: CaseIterable, Sendable {
        case ot, relay, mesh
    }

    private func run(_ trace: Trace, _ setup: Setup, flaws: SystemFlaws = []) -> (result: RunResult, recorder: Recorder) {
        var trace = trace
        if setup == .mesh { trace.topology = .mesh }
        let recorder = Recorder()
        let checkers: [any Checker] = StandardCheckers.make(for: trace) + [recorder]
        let result = setup == .ot
            ? Simulator.runOT(OTTextEngine(), name: "ot-text", trace: trace, checkers: checkers, flaws: flaws)
            : Simulator.runCRDT(RGAReplica.self, name: "rga", trace: trace, checkers: checkers, flaws: flaws)
        return (result, recorder)
    }

    /// c1 selects the three scalars it types at the end of a ten-letter text; c2 then inserts
    /// two at the start and deletes one inside the selection, which every client must apply to
    /// both ends of the selection it shows for c1.
    private var selectionThenEditsAroundIt: Trace {
        var trace = FaultTraces.trace(
            clients: 3, initialText: "abcdefghij",
            edits: [
                FaultTraces.edit(0, client: 1, at: 100, insert: "klm", at: 10), FaultTraces.edit(1, client: 2, at: 1_000, insert: "xy", at: 0),
                FaultTraces.edit(2, client: 2, at: 1_500, delete: 1, at: 13),
            ])
        trace.selectingClients = [1]
        return trace
    }

    @Test(arguments: Setup.allCases) func bothEndsOfASelectionFollowTheEdits(setup: Setup) {
        let (result, recorder) = run(selectionThenEditsAroundIt, setup)
        #expect(result.passed, "\(result.violations)")
        #expect(recorder.atEnd[1]?.own == Selection(anchor: 12, head: 14))
        for site in [2, 3] {
            #expect(recorder.atEnd[site]?.shown[1] == Selection(anchor: 12, head: 14), "c\(site)")
        }
    }

    /// c1 selects the scalar it types at the end of a ten-letter text; c2 then deletes most of
    /// the text, which c3 must apply to both ends of the selection it shows for c1.
    @Test(arguments: Setup.allCases) func selectionAnchorsLeftUntransformedAreCaught(setup: Setup) {
        var trace = cursorAtTheEndThenABigDelete
        trace.selectingClients = [1]
        let flawed = run(trace, setup, flaws: .leavesSelectionAnchorsUntransformed).result
        #expect(flawed.violations.contains { $0.detail.contains("shows c1's cursor at 10–3, outside its document of length 3") }, "\(flawed.violations)")
        let (sound, recorder) = run(trace, setup)
        #expect(sound.passed, "\(sound.violations)")
        #expect(recorder.atEnd[3]?.shown[1] == Selection(anchor: 2, head: 3))
    }

    /// c1 types at the end of a ten-letter text and shares its cursor; c2 then deletes most
    /// of the text, which c3 must apply to the cursor it shows for c1.
    private var cursorAtTheEndThenABigDelete: Trace {
        FaultTraces.trace(
            clients: 3, initialText: "abcdefghij",
            edits: [FaultTraces.edit(0, client: 1, at: 100, insert: "k", at: 10), FaultTraces.edit(1, client: 2, at: 1_000, delete: 8, at: 0)],
            cursorSharers: [1])
    }

    @Test(arguments: [Setup.relay, .mesh]) func crdtCursorsKeptAsRawPositionsAreCaught(setup: Setup) {
        let flawed = run(cursorAtTheEndThenABigDelete, setup, flaws: .keepsRawCursorPositions).result
        #expect(flawed.violations.contains { $0.detail.contains("shows c1's cursor at 11, outside its document of length 3") }, "\(flawed.violations)")
        let (sound, recorder) = run(cursorAtTheEndThenABigDelete, setup)
        #expect(sound.passed, "\(sound.violations)")
        #expect(recorder.atEnd[3]?.shown[1] == .caret(3))
    }

    /// c1 and c3 share their cursors; c1 goes offline from 1 s to 4 s; c2 types at 2 s and
    /// 3 s, c1 at 5 s.
    private var aSharerLeavesAndComesBack: Trace {
        FaultTraces.trace(
            clients: 3, initialText: "abcdefghij",
            edits: [
                FaultTraces.edit(0, client: 1, at: 100, insert: "k", at: 5), FaultTraces.edit(1, client: 3, at: 500, insert: "w", at: 0),
                FaultTraces.edit(2, client: 2, at: 2_000, insert: "x", at: 0), FaultTraces.edit(3, client: 2, at: 3_000, insert: "y", at: 0),
                FaultTraces.edit(4, client: 1, at: 5_000, insert: "z", at: 1),
            ],
            faults: FaultPlan(disconnects: [ClientDisconnect(client: 1, at: .milliseconds(1_000), durationMicroseconds: 3_000_000)]),
            cursorSharers: [1, 3])
    }

    @Test(arguments: Setup.allCases) func othersStopShowingACursorWhoseOwnerLeftAndShowItAgainOnReturn(setup: Setup) {
        let (result, recorder) = run(aSharerLeavesAndComesBack, setup)
        #expect(result.passed, "\(result.violations)")
        let whileAway = recorder.shownOverTime.filter { $0.site == 2 && $0.time > .milliseconds(1_100) && $0.time < .milliseconds(4_000) }
        #expect(!whileAway.isEmpty)
        #expect(whileAway.allSatisfy { $0.shown[1] == nil && $0.shown[3] != nil }, "\(whileAway)")
        #expect(recorder.atEnd[1]?.own == .caret(2))
        #expect(recorder.atEnd[2]?.shown[1] == .caret(2))
        #expect(recorder.atEnd[3]?.shown[1] == .caret(2))
    }

    @Test(arguments: Setup.allCases) func aPresenceLeaveNobodyActsOnIsCaught(setup: Setup) {
        let (result, _) = run(aSharerLeavesAndComesBack, setup, flaws: .ignoresPresenceLeave)
        #expect(result.violations.contains { $0.property == .cursors && $0.detail.contains("still shows c1's cursor") }, "\(result.violations)")
    }

    /// Three peers type over a mesh whose channels hold back and lose messages: cursors often
    /// name elements whose updates have not arrived yet, and must be held until they do.
    @Test func aMeshHoldsCursorsThatOvertakeTheirElements() {
        let edits = (0..<40).map { index in
            EditIntent(id: index, client: index % 3 + 1, time: .milliseconds(Int64(index) * 90), position: index / 3,
                       action: .insert(String(IdentityAlphabet.scalar(for: 200 + index))))
        }
        var trace = FaultTraces.trace(
            clients: 3, edits: edits,
            faults: FaultPlan(channels: ChannelFaults(lossPerMille: 250, duplicatePerMille: 200, reorderPerMille: 400, until: .milliseconds(4_000))))
        trace.selectingClients = [2]
        trace.network.latency = .uniform(UniformLatency(minimum: 5_000, maximum: 60_000))
        trace.topology = .mesh
        let result = Simulator.runCRDT(RGAReplica.self, name: "rga", trace: trace, checkers: StandardCheckers.make(for: trace), recordTimeline: true)
        #expect(result.passed, "\(result.violations)")
        #expect(result.timeline.contains { $0.contains("holds c") })
    }

    @Test func rgaAnchorsFollowTheirElementsAndResolveDeletedOnesToTheGap() {
        var replica = RGAReplica(replicaID: 1, initialText: Array("abcdef".unicodeScalars))
        var other = RGAReplica(replicaID: 2, initialText: Array("abcdef".unicodeScalars))
        let atD = replica.anchor(at: 3)
        let end = replica.anchor(at: 6)
        #expect(replica.position(of: atD) == 3 && replica.position(of: end) == 6)
        let typed = replica.insert(Array("XY".unicodeScalars), at: 0)
        #expect(replica.position(of: atD) == 5 && replica.position(of: end) == 8)
        let anchorOnTyped = replica.anchor(at: 1)
        #expect(other.position(of: anchorOnTyped) == nil, "an element not integrated yet does not resolve")
        other.integrate(typed)
        #expect(other.position(of: anchorOnTyped) == 1)
        _ = replica.delete(4..<6)
        #expect(replica.position(of: atD) == 4, "a deleted element's anchor resolves to the gap it left")
        #expect(RGAReplica.encodedSize(of: nil) == 1 && RGAReplica.encodedSize(of: atD) > 1)
    }
}
