import Testing
import TandemChecks
import TandemCore
import TandemEngines
import TandemSimulation

/// The fault machinery on small traces: lost messages, reconnects through a partition, the
/// forced-reload policy and the trimmed log, each on ot-text and rga where it applies.
@Suite struct FaultMachineryTests {
    private let letters = Array("abcdefghijklmnopqrstuvwxyz").map(String.init)

    @Test func aMessageInFlightWhenTheConnectionDropsIsLostAndTheEditIsResent() {
        let trace = FaultTraces.trace(
            clients: 2,
            edits: [FaultTraces.edit(0, client: 1, at: 100, insert: "a", at: 0), FaultTraces.edit(1, client: 2, at: 2_000, insert: "b", at: 0)],
            faults: FaultPlan(disconnects: [ClientDisconnect(client: 1, at: .milliseconds(105), durationMicroseconds: 1_000_000)]))
        for crdt in [false, true] {
            let result = FaultTraces.run(trace, crdt: crdt)
            #expect(result.passed, "crdt \(crdt): \(result.violations)")
            #expect(result.outcome.statistics.droppedMessages >= 1)
            #expect(result.outcome.statistics.reconnects == 1)
            #expect(result.outcome.siteTexts.allSatisfy { $0 == TextBuffer("ba") })
        }
    }

    @Test func clientsBehindAPartitionBackOffAndCatchUpOnceItHeals() {
        let edits = (0..<10).map { FaultTraces.edit($0, client: 1 + $0 % 3, at: Int64(200 + 400 * $0), insert: letters[$0], at: 0) }
        let trace = FaultTraces.trace(
            clients: 3, edits: edits,
            faults: FaultPlan(partitions: [NetworkPartition(clients: [1, 2], at: .milliseconds(500), durationMicroseconds: 3_000_000)]))
        for crdt in [false, true] {
            let result = FaultTraces.run(trace, crdt: crdt)
            #expect(result.passed, "crdt \(crdt): \(result.violations)")
            #expect(result.outcome.statistics.disconnects == 2)
            #expect(result.outcome.statistics.reconnects == 2)
            #expect(result.outcome.siteTexts[0].count == 10)
        }
    }

    /// c1 is offline from 50 ms to 5 s and makes five edits meanwhile.
    private func offlineEditing(policy: ServerPolicy) -> Trace {
        let edits = (0..<5).map { FaultTraces.edit($0, client: 1, at: Int64(200 + 100 * $0), insert: letters[$0], at: 0) }
            + [FaultTraces.edit(5, client: 2, at: 300, insert: "z", at: 0)]
        return FaultTraces.trace(
            clients: 2, edits: edits,
            faults: FaultPlan(disconnects: [ClientDisconnect(client: 1, at: .milliseconds(50), durationMicroseconds: 5_000_000)]),
            server: policy)
    }

    @Test func offlineEditsSurviveTheReconnect() {
        let result = FaultTraces.run(offlineEditing(policy: .standard))
        #expect(result.passed, "\(result.violations)")
        #expect(result.outcome.statistics.discardedEdits == 0)
        #expect(result.outcome.siteTexts[0].count == 6)
    }

    @Test func theForcedReloadPolicyDiscardsAndCountsThePendingEdits() {
        let result = FaultTraces.run(offlineEditing(policy: ServerPolicy(reloadAbovePendingEdits: 3)))
        #expect(result.passed, "\(result.violations)")
        #expect(result.outcome.statistics.discardedEdits == 5)
        #expect(result.outcome.withdrawnEdits == [0, 1, 2, 3, 4])
        #expect(result.outcome.siteTexts.allSatisfy { $0 == TextBuffer("z") })
    }

    @Test func aClientBehindTheTrimmedLogReloads() {
        let edits = [FaultTraces.edit(0, client: 1, at: 200, insert: "a", at: 0)]
            + (1..<8).map { FaultTraces.edit($0, client: 2, at: Int64(200 + 100 * $0), insert: letters[$0], at: 0) }
        let trace = FaultTraces.trace(
            clients: 2, edits: edits,
            faults: FaultPlan(disconnects: [ClientDisconnect(client: 1, at: .milliseconds(50), durationMicroseconds: 3_000_000)]),
            server: ServerPolicy(snapshotEveryOps: 2, retainedOpsBeforeSnapshot: 0))
        let result = FaultTraces.run(trace)
        #expect(result.passed, "\(result.violations)")
        #expect(result.outcome.withdrawnEdits == [0])
        #expect(result.outcome.siteTexts[0].count == 7)
    }

    @Test func aCrashAtEveryPointRecoversToTheSameText() {
        let edits = (0..<12).map { FaultTraces.edit($0, client: 1 + $0 % 2, at: Int64(100 + 150 * $0), insert: letters[$0], at: 0) }
        for point in ServerCrash.Point.allCases {
            for failover in [false, true] {
                let trace = FaultTraces.trace(
                    clients: 2, edits: edits,
                    faults: FaultPlan(crashes: [ServerCrash(at: .milliseconds(600), point: point, downtimeMicroseconds: 700_000, failover: failover)]),
                    server: ServerPolicy(snapshotEveryOps: 3, retainedOpsBeforeSnapshot: 100))
                for crdt in [false, true] {
                    let result = FaultTraces.run(trace, crdt: crdt)
                    #expect(result.passed, "\(point) failover \(failover) crdt \(crdt): \(result.violations)")
                    #expect(result.outcome.statistics.crashes == (crdt && point == .duringSnapshot ? 0 : 1))
                    #expect(result.outcome.siteTexts[0].count == 12)
                }
            }
        }
    }
}
