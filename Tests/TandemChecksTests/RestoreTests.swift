import Foundation
import Testing
import TandemChecks
import TandemCore
import TandemEngines
import TandemSimulation

/// "Restore version" end to end: the server rebuilds the version and commits the difference
/// as operations of its own, which every client receives; the oracles accept what it removes
/// and brings back, and the history oracle checks that the version really came back.
@Suite struct RestoreTests {
    /// c1 types "abcd" (v1), c2 appends "e" (v2), c1 deletes "bc" (v3); later c2 restores the
    /// version two before the one it last saw (v3), that is v1.
    private static let quietEdits = [
        FaultTraces.edit(0, client: 1, at: 100, insert: "abcd", at: 0), FaultTraces.edit(1, client: 2, at: 1_000, insert: "e", at: 4),
        FaultTraces.edit(2, client: 1, at: 2_000, delete: 2, at: 1), FaultTraces.edit(3, client: 2, at: 3_000, restoreVersionsBack: 2),
    ]

    private static func timeline(_ trace: Trace, crdt: Bool) -> [String] {
        let checkers = StandardCheckers.make(for: trace)
        let result = crdt
            ? Simulator.runCRDT(RGAReplica.self, name: "rga", trace: trace, checkers: checkers, recordTimeline: true)
            : Simulator.runOT(OTTextEngine(), name: "ot-text", trace: trace, checkers: checkers, recordTimeline: true)
        #expect(result.passed, "crdt \(crdt): \(result.violations)")
        return result.timeline
    }

    @Test func aQuietRestoreBringsTheVersionBackEverywhere() {
        for crdt in [false, true] {
            let result = FaultTraces.run(FaultTraces.trace(clients: 3, edits: Self.quietEdits), crdt: crdt)
            #expect(result.passed, "crdt \(crdt): \(result.violations)")
            #expect(result.outcome.statistics.restores == 1)
            #expect(result.outcome.siteTexts.allSatisfy { $0 == TextBuffer("abcd") }, "crdt \(crdt): \(result.outcome.siteTexts)")
            #expect(result.outcome.restoredScalars == ["b", "c"])
            #expect(result.outcome.intendedDeletions.suffix(1) == ["e"])
        }
    }

    /// v0 is "abcdef"; c1 deletes "a" then "f". c2 restores v0 while, at the same moment, c3
    /// deletes "c" and c4 types "x" between "c" and "d", neither having seen the restore.
    @Test func aRestoreConcurrentWithEditsLeavesThemWhereTheyWere() {
        let trace = FaultTraces.trace(
            clients: 4, initialText: "abcdef",
            edits: [
                FaultTraces.edit(0, client: 1, at: 100, delete: 1, at: 0), FaultTraces.edit(1, client: 1, at: 1_000, delete: 1, at: 4),
                FaultTraces.edit(2, client: 2, at: 3_000, restoreVersionsBack: 2), FaultTraces.edit(3, client: 3, at: 3_005, delete: 1, at: 1),
                FaultTraces.edit(4, client: 4, at: 3_005, insert: "x", at: 2),
            ])
        for crdt in [false, true] {
            let result = FaultTraces.run(trace, crdt: crdt)
            #expect(result.passed, "crdt \(crdt): \(result.violations)")
            #expect(result.outcome.statistics.restores == 1)
            #expect(result.outcome.siteTexts.allSatisfy { $0 == TextBuffer("abxdef") }, "crdt \(crdt): \(result.outcome.siteTexts)")
        }
    }

    /// c2 is a viewer; it asks for v0 after c1 typed.
    private var viewerRestores: Trace {
        FaultTraces.trace(
            clients: 2,
            edits: [FaultTraces.edit(0, client: 1, at: 100, insert: "ab", at: 0), FaultTraces.edit(1, client: 2, at: 1_000, restoreVersionsBack: 1)],
            roles: [.owner, .viewer])
    }

    @Test func aViewersRestoreIsRejectedWithoutAReload() {
        for crdt in [false, true] {
            let result = FaultTraces.run(viewerRestores, crdt: crdt)
            #expect(result.passed, "crdt \(crdt): \(result.violations)")
            #expect(result.outcome.statistics.restores == 0)
            #expect(result.outcome.statistics.discardedEdits == 0)
            #expect(result.outcome.siteTexts.allSatisfy { $0 == TextBuffer("ab") })
        }
    }

    @Test func permissionsCatchAViewersRestoreCarriedOut() {
        for crdt in [false, true] {
            let flawed = FaultTraces.run(viewerRestores, crdt: crdt, flaws: .skipsPermissionCheck)
            #expect(flawed.violatedProperties == [.permissions], "crdt \(crdt): \(flawed.violations)")
            #expect(flawed.violations.first?.detail.hasPrefix("c2's restore of v0 landed as v2 although c2 is a viewer") == true)
        }
    }

    /// c1 types seven letters; the server snapshots every two operations and keeps no log
    /// before the latest snapshot (v6). c1 asks for v3, which only the log could rebuild, then
    /// c2 for the version twenty before the one it saw: v0, the initial snapshot.
    @Test func aRestoreOfATrimmedVersionTakesTheNextSnapshot() {
        let letters = Array("abcdefg").map(String.init)
        let edits = letters.indices.map { FaultTraces.edit($0, client: 1, at: Int64(100 + 300 * $0), insert: letters[$0], at: $0) }
            + [FaultTraces.edit(7, client: 1, at: 3_000, restoreVersionsBack: 4), FaultTraces.edit(8, client: 2, at: 4_000, restoreVersionsBack: 20)]
        let trace = FaultTraces.trace(clients: 2, edits: edits, server: ServerPolicy(snapshotEveryOps: 2, retainedOpsBeforeSnapshot: 0))
        let timeline = Self.timeline(trace, crdt: false)
        #expect(timeline.contains { $0.contains("v3 cannot be rebuilt (head v7, log kept from v6): restoring v4") })
        #expect(timeline.contains { $0.contains("restored v4 as v8 for c1: 3 scalar(s) removed, 0 inserted again") })
        #expect(timeline.contains { $0.contains("restored v0 as v9 for c2: 4 scalar(s) removed, 0 inserted again") })
        #expect(FaultTraces.run(trace).outcome.siteTexts.allSatisfy { $0.isEmpty })
    }

    @Test func aDisconnectedClientsRestoreIsSkipped() {
        let trace = FaultTraces.trace(
            clients: 2, edits: Array(Self.quietEdits.prefix(3)) + [FaultTraces.edit(3, client: 2, at: 3_000, restoreVersionsBack: 2)],
            faults: FaultPlan(disconnects: [ClientDisconnect(client: 2, at: .milliseconds(2_500), durationMicroseconds: 1_000_000)]))
        for crdt in [false, true] {
            let result = FaultTraces.run(trace, crdt: crdt)
            #expect(result.passed, "crdt \(crdt): \(result.violations)")
            #expect(result.outcome.statistics.skippedRestores == 1)
            #expect(result.outcome.statistics.restores == 0)
            #expect(result.outcome.siteTexts.allSatisfy { $0 == TextBuffer("ade") })
        }
    }

    /// The server crashes right after the durable append of the restore's first operation;
    /// after the restart c1 asks for the version before the one it saw.
    private var crashDuringTheRestore: Trace {
        FaultTraces.trace(
            clients: 3, edits: Self.quietEdits + [FaultTraces.edit(4, client: 1, at: 8_000, restoreVersionsBack: 1)],
            faults: FaultPlan(crashes: [ServerCrash(at: .milliseconds(2_900), point: .betweenAppendAndBroadcast, downtimeMicroseconds: 2_000_000)]))
    }

    @Test func aRestoreDurableBeforeACrashReachesEveryClientAfterIt() {
        let result = FaultTraces.run(crashDuringTheRestore)
        #expect(result.passed, "\(result.violations)")
        #expect(result.outcome.statistics.crashes == 1)
        #expect(result.outcome.siteTexts.allSatisfy { $0 == TextBuffer("ade") }, "\(result.outcome.siteTexts)")
        let timeline = Self.timeline(crashDuringTheRestore, crdt: false)
        #expect(timeline.contains { $0.contains("restored v1 as v4 for c2: 1 scalar(s) removed, 2 inserted again") })
        #expect(timeline.contains { $0.contains("rebuilt at v4") })
        #expect(timeline.contains { $0.contains("commit v5 server#2") })
    }

    /// The relay's restore of "ade" to "abcd" is two updates (delete "e", insert "bc"); the
    /// crash strikes after the first is durable, so only that part happens: every client
    /// ends with "ad" until c1's restore brings "ade" back.
    @Test func aCrashCutsTheRelaysRestoreShort() {
        let result = FaultTraces.run(crashDuringTheRestore, crdt: true)
        #expect(result.passed, "\(result.violations)")
        #expect(result.outcome.restoredScalars == ["e"])
        #expect(result.outcome.siteTexts.allSatisfy { $0 == TextBuffer("ade") }, "\(result.outcome.siteTexts)")
        let timeline = Self.timeline(crashDuringTheRestore, crdt: true)
        #expect(timeline.contains { $0.contains("restore v1 as v5 for c2: 1 scalar(s) to remove, 2 to insert again, in 2 update(s)") })
        #expect(timeline.contains { $0.contains("rebuilt from 4 stored update(s) → length 2") })
        #expect(timeline.contains { $0.contains("restore v3 as v5 for c1: 0 scalar(s) to remove, 1 to insert again, in 1 update(s)") })
    }

    @Test func aRestoreIntentRoundTripsThroughJSON() throws {
        let trace = FaultTraces.trace(clients: 3, edits: Self.quietEdits)
        let data = try trace.jsonData()
        #expect(String(decoding: data, as: UTF8.self).contains("\"restore\" : 2"))
        #expect(try Trace.fromJSON(data) == trace)
        #expect(Self.quietEdits[3].summary == "restore 2 versions back")
        #expect(FaultTraces.edit(0, client: 1, at: 0, restoreVersionsBack: 1).summary == "restore 1 version back")
        let broken = Data(#"{"id": 4, "client": 1, "time": 0, "position": 0}"#.utf8)
        let error = #expect(throws: DecodingError.self) { try JSONDecoder().decode(EditIntent.self, from: broken) }
        #expect(error.map { "\($0)" }?.contains("edit 4 has neither 'insert', 'delete' nor 'restore'") == true)
    }
}
