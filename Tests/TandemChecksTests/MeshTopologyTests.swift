import Foundation
import Testing
import TandemChecks
import TandemCore
import TandemEngines
import TandemSimulation

/// The mesh: CRDT peers with no server, over channels that lose, duplicate and reorder.
@Suite struct MeshTopologyTests {
    /// Three peers type for four seconds over channels that lose, duplicate and hold back
    /// nearly a third of the messages each, until five seconds in.
    private var unreliableMesh: Trace {
        let edits = (0..<30).map { index in
            FaultTraces.edit(index, client: index % 3 + 1, at: Int64(index) * 130, insert: "", at: index / 2)
        }.enumerated().map { offset, edit in
            var edit = edit
            edit.action = .insert(String(IdentityAlphabet.scalar(for: 100 + offset)))
            return edit
        }
        var trace = FaultTraces.trace(
            clients: 3, edits: edits,
            faults: FaultPlan(channels: ChannelFaults(lossPerMille: 300, duplicatePerMille: 300, reorderPerMille: 300, until: .milliseconds(5_000))))
        trace.topology = .mesh
        trace.network.latency = .uniform(UniformLatency(minimum: 5_000, maximum: 50_000))
        return trace
    }

    @Test func lossyDuplicatingReorderingChannelsStillConverge() {
        let result = FaultTraces.run(unreliableMesh, crdt: true)
        #expect(result.passed, "\(result.violations)")
        #expect(result.outcome.statistics.droppedMessages > 0)
        #expect(result.outcome.statistics.duplicatedMessages > 0)
        #expect(result.outcome.sites == [1, 2, 3])
        #expect(result.outcome.siteTexts[1].count == 30)
    }

    @Test func peersThatNeverRetransmitAreCaught() {
        let result = FaultTraces.run(unreliableMesh, crdt: true, flaws: .peersNeverRetransmit)
        #expect(result.violatedProperties.contains(.liveness), "\(result.violations)")
        #expect(result.violatedProperties.contains(.convergence))
    }

    /// RGA that throws away an update arriving before its causal dependencies instead of
    /// buffering it: harmless behind a relay, which forwards in causal order; fatal on a mesh.
    private struct ImpatientRGA: RGAWrapper {
        var inner: RGAReplica

        init(replicaID: ReplicaID, initialText: [Unicode.Scalar]) {
            inner = RGAReplica(replicaID: replicaID, initialText: initialText)
        }

        mutating func integrate(_ update: RGAUpdate) {
            var probe = inner
            probe.integrate(update)
            if probe.pendingUpdateCount <= inner.pendingUpdateCount { inner = probe }
        }
    }

    @Test func theMeshFindsACRDTThatCannotTakeUpdatesOutOfOrder() {
        let mesh = unreliableMesh
        let onMesh = Simulator.runCRDT(ImpatientRGA.self, name: "impatient-rga", trace: mesh, checkers: StandardCheckers.make(for: mesh))
        #expect(onMesh.violatedProperties.contains(.convergence), "\(onMesh.violations)")
        var star = mesh
        star.topology = .star
        star.faults.channels = .none
        let behindARelay = Simulator.runCRDT(ImpatientRGA.self, name: "impatient-rga", trace: star, checkers: StandardCheckers.make(for: star))
        #expect(behindARelay.passed, "\(behindARelay.violations)")
    }

    @Test func aMeshRunIsAPureFunctionOfItsTrace() {
        let trace = unreliableMesh
        let first = Simulator.runCRDT(RGAReplica.self, name: "rga", trace: trace, checkers: StandardCheckers.make(for: trace), recordTimeline: true)
        let second = Simulator.runCRDT(RGAReplica.self, name: "rga", trace: trace, checkers: StandardCheckers.make(for: trace), recordTimeline: true)
        #expect(first.timeline == second.timeline)
        #expect(first.timeline.contains { $0.contains("LOST by the channel") })
        #expect(first.timeline.contains { $0.contains("the channel duplicates") })
    }

    @Test func aPartitionCutsTheGroupOffFromTheRestButNotFromItself() {
        var trace = FaultTraces.trace(
            clients: 3, edits: [FaultTraces.edit(0, client: 1, at: 100, insert: "a", at: 0)],
            faults: FaultPlan(partitions: [NetworkPartition(clients: [1, 2], at: .zero, durationMicroseconds: 5_000_000)]))
        trace.topology = .mesh
        let result = Simulator.runCRDT(RGAReplica.self, name: "rga", trace: trace, checkers: StandardCheckers.make(for: trace), recordTimeline: true)
        #expect(result.passed, "\(result.violations)")
        /// The time of the first timeline line where `site` receives c1's update.
        func arrival(at site: String) -> Double? {
            result.timeline.first { $0.contains("  \(site) ") && $0.contains("deliver peer#0") }
                .flatMap { Double($0.trimmingCharacters(in: .whitespaces).prefix { $0 != "s" }) }
        }
        #expect((arrival(at: "c2") ?? 99) < 1)
        #expect((arrival(at: "c3") ?? 0) >= 5)
    }

    @Test(arguments: [
        (#"{"crashes": [{"at": 1000, "point": "idle", "downtimeMicroseconds": 5, "failover": false}]}"#, "a mesh has no server to crash"),
        (#"{"revocations": [{"client": 2, "at": 1000}]}"#, "a mesh has no server to revoke access"),
    ])
    func meshTracesRefuseWhatOnlyAServerCanDo(faults: String, message: String) throws {
        var json = String(decoding: try unreliableMesh.jsonData(), as: UTF8.self)
        json = json.replacingOccurrences(of: #""faults" : {"#, with: #""faults" : \#(faults.dropLast()), "#)
        #expect {
            _ = try Trace.fromJSON(Data(json.utf8))
        } throws: { error in
            "\(error)".contains(message)
        }
    }

    @Test func aStarTraceRefusesChannelFaults() throws {
        var trace = unreliableMesh
        trace.topology = .star
        #expect(trace.topologyConflict?.contains("channel faults apply to a mesh") == true)
        var mesh = unreliableMesh
        #expect(mesh.topologyConflict == nil)
        mesh.roles = [.owner, .viewer, .editor]
        #expect(mesh.topologyConflict?.contains("viewer") == true)
        var restoring = unreliableMesh
        restoring.edits.append(EditIntent(id: restoring.edits.count, client: 1, time: .seconds(1), position: 0, action: .restore(versionsBack: 2)))
        #expect(restoring.topologyConflict?.contains("no server to restore a version") == true)
        let roundTripped = try Trace.fromJSON(try unreliableMesh.jsonData())
        #expect(roundTripped == unreliableMesh)
    }

    /// ot-text's TP2 counterexample from `tandem check` (on "a": insert before the character,
    /// delete it, insert after it, all at once on three peers whose site numbers order them as
    /// the counterexample's priorities).
    private static let tp2CounterexampleEdits = [
        FaultTraces.edit(0, client: 2, at: 10, insert: "x", at: 0),
        FaultTraces.edit(1, client: 3, at: 10, delete: 1, at: 0),
        FaultTraces.edit(2, client: 1, at: 10, insert: "y", at: 1),
    ]

    /// ot-text's TP2 counterexample played out on a mesh, where adOPTed integrates along
    /// different paths at different peers and needs TP2; behind Jupiter's server, which needs
    /// only TP1, the same edits converge.
    @Test func anOTEngineThatViolatesTP2DivergesOnAMeshButNotBehindAServer() {
        var mesh = FaultTraces.trace(clients: 3, initialText: "a", edits: Self.tp2CounterexampleEdits)
        mesh.topology = .mesh
        let star = FaultTraces.trace(clients: 3, initialText: "a", edits: Self.tp2CounterexampleEdits)
        let diverged = FaultTraces.run(mesh)
        #expect(diverged.violatedProperties.contains(.convergence), "\(diverged.violations)")
        #expect(diverged.outcome.statistics.transforms > 0)
        #expect(FaultTraces.run(star).passed)
    }

    /// The same edits on the same mesh with ot-ttf, which satisfies TP2: the deleted "a" stays
    /// as a tombstone between the two insertions, so they never meet and every path of
    /// adOPTed's gives every peer "xy".
    @Test func tombstoneTransformationFunctionsConvergeOnThatMesh() {
        var mesh = FaultTraces.trace(clients: 3, initialText: "a", edits: Self.tp2CounterexampleEdits)
        mesh.topology = .mesh
        let result = Simulator.runOT(CharacterwiseEngine(TTFFunctions()), name: "ot-ttf", trace: mesh, checkers: StandardCheckers.make(for: mesh))
        #expect(result.passed, "\(result.violations)")
        #expect(result.outcome.statistics.transforms > 0)
        #expect(result.outcome.sites.map { result.outcome.siteTexts[$0].string } == ["xy", "xy", "xy"])
    }
}
