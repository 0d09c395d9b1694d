import Testing
import TandemChecks
import TandemCore
import TandemEngines
import TandemSimulation

/// Each new oracle catches the system flaw planted for it, and the same trace passes without
/// the flaw: the oracle is not vacuous, and the fault machinery alone does not trip it.
@Suite struct SystemFlawTests {
    /// c1 types while a crash is armed between the durable append and the broadcast; c2 types later.
    private var crashAfterAnAcknowledgedEdit: Trace {
        FaultTraces.trace(
            clients: 2,
            edits: [FaultTraces.edit(0, client: 1, at: 100, insert: "ab", at: 0), FaultTraces.edit(1, client: 2, at: 2_000, insert: "c", at: 0)],
            faults: FaultPlan(crashes: [ServerCrash(at: .milliseconds(50), point: .betweenAppendAndBroadcast, downtimeMicroseconds: 500_000)]))
    }

    @Test func durabilityCatchesABroadcastBeforeTheDurableAppend() {
        let flawed = FaultTraces.run(crashAfterAnAcknowledgedEdit, flaws: .broadcastBeforeDurableAppend)
        #expect(flawed.violatedProperties.contains(.durability))
        #expect(flawed.violations.contains { $0.property == .durability && $0.detail.hasPrefix("c1#1 was acknowledged") })
        let sound = FaultTraces.run(crashAfterAnAcknowledgedEdit)
        #expect(sound.passed, "\(sound.violations)")
        #expect(sound.outcome.statistics.crashes == 1)
    }

    /// c1's operation commits but its ack is lost; the server crashes and restarts before c1
    /// reconnects and resends it.
    private var lostAckThenCrash: Trace {
        FaultTraces.trace(
            clients: 2,
            edits: [FaultTraces.edit(0, client: 1, at: 100, insert: "xyz", at: 0), FaultTraces.edit(1, client: 2, at: 3_000, insert: "w", at: 0)],
            faults: FaultPlan(
                disconnects: [ClientDisconnect(client: 1, at: .milliseconds(10), durationMicroseconds: 1_500_000, trigger: .nextAck)],
                crashes: [ServerCrash(at: .milliseconds(400), downtimeMicroseconds: 300_000)]))
    }

    @Test func editAccountingCatchesAServerThatForgetsItsDedupTable() {
        let flawed = FaultTraces.run(lostAckThenCrash, flaws: .forgetsDedupTableOnRestart)
        #expect(flawed.violatedProperties.contains(.duplicatedEdit), "\(flawed.violations)")
        for crdt in [false, true] {
            let sound = FaultTraces.run(lostAckThenCrash, crdt: crdt)
            #expect(sound.passed, "crdt \(crdt): \(sound.violations)")
            #expect(sound.outcome.statistics.reconnects >= 1)
        }
    }

    @Test func aCRDTAbsorbsTheResendThatAForgetfulServerStoresTwice() {
        let result = FaultTraces.run(lostAckThenCrash, crdt: true, flaws: .forgetsDedupTableOnRestart)
        #expect(result.passed, "\(result.violations)")
    }

    /// c1 types at the end of a ten-letter text and shares its cursor; c2 then deletes most
    /// of the text, which c3 must apply to the cursor it shows for c1.
    private var cursorAtTheEndThenABigDelete: Trace {
        FaultTraces.trace(
            clients: 3, initialText: "abcdefghij",
            edits: [FaultTraces.edit(0, client: 1, at: 100, insert: "k", at: 10), FaultTraces.edit(1, client: 2, at: 1_000, delete: 8, at: 0)],
            cursorSharers: [1])
    }

    @Test func cursorsCatchARemoteCursorLeftUntransformed() {
        let flawed = FaultTraces.run(cursorAtTheEndThenABigDelete, flaws: .leavesRemoteCursorsUntransformed)
        #expect(flawed.violatedProperties.contains(.cursors))
        #expect(flawed.violations.contains { $0.detail.contains("shows c1's cursor at 11, outside its document of length 3") })
        let sound = FaultTraces.run(cursorAtTheEndThenABigDelete)
        #expect(sound.passed, "\(sound.violations)")
    }

    /// c2's access is revoked at 500 ms; it edits at 1 s.
    private var revokedEditorTypes: Trace {
        FaultTraces.trace(
            clients: 2,
            edits: [FaultTraces.edit(0, client: 1, at: 100, insert: "a", at: 0), FaultTraces.edit(1, client: 2, at: 1_000, insert: "b", at: 0)],
            faults: FaultPlan(revocations: [AccessRevocation(client: 2, at: .milliseconds(500))]))
    }

    @Test func permissionsCatchARevokedEditorsOperationLanding() {
        for crdt in [false, true] {
            let flawed = FaultTraces.run(revokedEditorTypes, crdt: crdt, flaws: .skipsPermissionCheck)
            #expect(flawed.violatedProperties == [.permissions], "crdt \(crdt): \(flawed.violations)")
            let sound = FaultTraces.run(revokedEditorTypes, crdt: crdt)
            #expect(sound.passed, "crdt \(crdt): \(sound.violations)")
            #expect(sound.outcome.withdrawnEdits == [1])
            #expect(sound.outcome.siteTexts.allSatisfy { $0 == TextBuffer("a") })
        }
    }

    @Test func aViewersEditIsRejectedAndDiscarded() {
        let trace = FaultTraces.trace(
            clients: 2, edits: [FaultTraces.edit(0, client: 2, at: 100, insert: "v", at: 0)], roles: [.owner, .viewer])
        for crdt in [false, true] {
            let result = FaultTraces.run(trace, crdt: crdt)
            #expect(result.passed, "crdt \(crdt): \(result.violations)")
            #expect(result.outcome.statistics.discardedEdits == 1)
            #expect(result.outcome.siteTexts.allSatisfy { $0.isEmpty })
        }
    }

    @Test func livenessCatchesAResendLoopThatNeverStops() {
        let trace = FaultTraces.trace(clients: 2, edits: [FaultTraces.edit(0, client: 1, at: 100, insert: "a", at: 0)])
        for crdt in [false, true] {
            let flawed = FaultTraces.run(trace, crdt: crdt, flaws: .resendTimerNeverStops)
            #expect(flawed.violatedProperties == [.liveness], "crdt \(crdt): \(flawed.violations)")
            #expect(flawed.violations.first?.detail.hasPrefix("still busy at") == true)
            #expect(FaultTraces.run(trace, crdt: crdt).passed)
        }
    }

    @Test func historyCatchesASnapshotOfTheWrongText() {
        let letters = Array("abcdefghijkl").map(String.init)
        let edits = (0..<12).map { FaultTraces.edit($0, client: 1 + $0 % 2, at: Int64(100 + 300 * $0), insert: letters[$0], at: 0) }
        let trace = FaultTraces.trace(clients: 2, edits: edits, server: ServerPolicy(snapshotEveryOps: 4, retainedOpsBeforeSnapshot: 2))
        let flawed = FaultTraces.run(trace, flaws: .snapshotsStaleText)
        #expect(flawed.violatedProperties.contains(.history))
        #expect(flawed.violations.contains { $0.detail.hasPrefix("snapshot v4") })
        let sound = FaultTraces.run(trace)
        #expect(sound.passed, "\(sound.violations)")
        #expect(sound.outcome.statistics.snapshots == 3)
    }

    /// c1 types "ab" (v1), then "c" (v2), then "d" (v3); c2 restores the version two before
    /// the one it saw, v1.
    private var restoreTwoVersionsBack: Trace {
        FaultTraces.trace(
            clients: 2,
            edits: [
                FaultTraces.edit(0, client: 1, at: 100, insert: "ab", at: 0), FaultTraces.edit(1, client: 1, at: 500, insert: "c", at: 2),
                FaultTraces.edit(2, client: 1, at: 900, insert: "d", at: 3), FaultTraces.edit(3, client: 2, at: 2_000, restoreVersionsBack: 2),
            ])
    }

    @Test func historyCatchesARestoreOfTheWrongVersion() {
        for crdt in [false, true] {
            let flawed = FaultTraces.run(restoreTwoVersionsBack, crdt: crdt, flaws: .restoresOffByOneVersion)
            #expect(flawed.violatedProperties == [.history], "crdt \(crdt): \(flawed.violations)")
            #expect(flawed.violations.first?.detail.hasPrefix("c2's restore of v1 committed as v4, which rebuilds as hash") == true,
                    "crdt \(crdt): \(flawed.violations)")
            #expect(flawed.outcome.siteTexts.allSatisfy { $0.isEmpty })
            let sound = FaultTraces.run(restoreTwoVersionsBack, crdt: crdt)
            #expect(sound.passed, "crdt \(crdt): \(sound.violations)")
            #expect(sound.outcome.siteTexts.allSatisfy { $0 == TextBuffer("ab") })
        }
    }
}
