import Testing
@testable import TandemSimulation

@Suite struct DurableStoreTests {
    @Test func versionsCountEntriesAcrossTrims() {
        var store = DurableStore<Int, String>(initial: "v0")
        for value in 0..<10 { store.append(value) }
        #expect(store.head == 10)
        store.takeSnapshot("v10", retaining: 3)
        #expect(store.trimmedBefore == 7)
        #expect(store.entry(at: 6) == nil)
        #expect(store.entry(at: 7) == 7)
        #expect(store.entries(from: 6) == nil)
        #expect(store.entries(from: 8).map(Array.init) == [8, 9])
        #expect(store.entries(from: 10).map(Array.init) == [])
        #expect(store.entries(from: 11) == nil)
        #expect(store.snapshots.map(\.version) == [0, 10])
        #expect(store.latestSnapshot.state == "v10")
    }

    @Test func keepingMoreThanTheLogTrimsNothing() {
        var store = DurableStore<Int, String>(initial: "v0")
        for value in 0..<5 { store.append(value) }
        store.takeSnapshot("v5", retaining: 100)
        #expect(store.trimmedBefore == 0)
        #expect(store.entries(from: 0).map(Array.init) == [0, 1, 2, 3, 4])
    }

    @Test func findsTheOldestVersionItCanStillRebuild() {
        var store = DurableStore<Int, String>(initial: "v0")
        for value in 0..<4 { store.append(value) }
        store.takeSnapshot("v4", retaining: 4)
        for value in 4..<8 { store.append(value) }
        store.takeSnapshot("v8", retaining: 1)
        #expect(store.trimmedBefore == 7)
        #expect(store.snapshot(atOrBefore: 6).state == "v4")
        #expect(store.snapshot(atOrBefore: 8).state == "v8")
        #expect(store.oldestRebuildableVersion(atOrAfter: 0) == 0)
        #expect(store.oldestRebuildableVersion(atOrAfter: 2) == 4)
        #expect(store.oldestRebuildableVersion(atOrAfter: 4) == 4)
        #expect(store.oldestRebuildableVersion(atOrAfter: 7) == 8)
        store.append(8)
        #expect(store.oldestRebuildableVersion(atOrAfter: 9) == 9)
    }
}
