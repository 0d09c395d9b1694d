import TandemCore
import TandemEngines
import Testing

/// Concurrent RGA edits delivered in every order, duplicated, and out of causal order.
@Suite struct RGAConvergenceTests {
    /// Three replicas' concurrent edits of `abcd`, with the replicas as they are after making them.
    struct Scenario {
        var replicas: [RGAReplica]
        var updates: [RGAUpdate]
    }

    /// Six updates: concurrent insertions after `b` by replicas 1 and 2, replica 3 deleting
    /// replica 2's insertion together with `c`, replica 1 deleting `c` too, replica 2 inserting
    /// after the concurrently deleted `c`, and replica 1 extending its own run.
    static func scenario() -> Scenario {
        let initial = Array("abcd".unicodeScalars)
        var one = RGAReplica(replicaID: 1, initialText: initial)
        var two = RGAReplica(replicaID: 2, initialText: initial)
        var three = RGAReplica(replicaID: 3, initialText: initial)
        let u1 = one.insert(Array("XY".unicodeScalars), at: 2)
        let u2 = two.insert(["Q"], at: 2)
        three.integrate(u2)
        let u3 = three.delete(2..<4)
        let u4 = one.delete(4..<5)
        let u5 = two.insert(["Z"], at: 4)
        let u6 = one.insert(["W"], at: 4)
        return Scenario(replicas: [one, two, three], updates: [u1, u2, u3, u4, u5, u6])
    }

    /// The scenario's replicas plus a fresh observer, after integrating `deliveries` in order.
    /// Also returns the largest buffer any of them held on the way.
    static func deliver(_ deliveries: [RGAUpdate], in scenario: Scenario) -> (replicas: [RGAReplica], maxPending: Int) {
        var replicas = scenario.replicas + [RGAReplica(replicaID: 4, initialText: Array("abcd".unicodeScalars))]
        var maxPending = 0
        for index in replicas.indices {
            for update in deliveries {
                replicas[index].integrate(update)
                maxPending = max(maxPending, replicas[index].pendingUpdateCount)
            }
        }
        return (replicas, maxPending)
    }

    /// Expects every replica to hold `expected` with an empty buffer and identical state size.
    static func expectConverged(_ replicas: [RGAReplica], to expected: String, checkInvariants: Bool = false) {
        for replica in replicas {
            #expect(replica.text.scalars == Array(expected.unicodeScalars))
            #expect(replica.pendingUpdateCount == 0)
            #expect(replica.encodedSize == replicas[0].encodedSize)
            if checkInvariants { replica.checkInvariants() }
        }
    }

    /// Every ordering of `0..<count`, in lexicographic order.
    static func permutations(of count: Int) -> [[Int]] {
        guard count > 0 else { return [[]] }
        var result: [[Int]] = []
        for shorter in permutations(of: count - 1) {
            for slot in 0...shorter.count {
                var longer = shorter
                longer.insert(count - 1, at: slot)
                result.append(longer)
            }
        }
        return result.sorted { $0.lexicographicallyPrecedes($1) }
    }

    @Test func theScenarioMakesTheExpectedUpdates() {
        let updates = Self.scenario().updates
        let id = { (counter: UInt64, replica: ReplicaID) in RGAIdentifier(counter: counter, replica: replica) }
        #expect(updates == [
            .insert(origin: id(2, 0), first: id(5, 1), scalars: ["X", "Y"]),
            .insert(origin: id(2, 0), first: id(5, 2), scalars: ["Q"]),
            .delete([id(5, 2), id(3, 0)]),
            .delete([id(3, 0)]),
            .insert(origin: id(3, 0), first: id(6, 2), scalars: ["Z"]),
            .insert(origin: id(6, 1), first: id(7, 1), scalars: ["W"]),
        ])
    }

    @Test func everyDeliveryOrderConverges() {
        let scenario = Self.scenario()
        let orders = Self.permutations(of: scenario.updates.count)
        #expect(orders.count == 720)
        var buffered = 0
        for order in orders {
            let outcome = Self.deliver(order.map { scenario.updates[$0] }, in: scenario)
            // After b: Q (5,2) sorts before X (5,1), which sorts before c (3,0); Z (6,2) before d (4,0).
            Self.expectConverged(outcome.replicas, to: "abXYWZd", checkInvariants: order.first == 5)
            if outcome.maxPending > 0 { buffered += 1 }
        }
        #expect(buffered > 0)
    }

    @Test func duplicatedDeliveriesChangeNothing() {
        let scenario = Self.scenario()
        let updates = scenario.updates
        let twiceInARow = updates.flatMap { [$0, $0] }
        let twiceOver = updates + updates
        let backwardsTwice = updates.reversed() + updates.reversed()
        for deliveries in [twiceInARow, twiceOver, Array(backwardsTwice)] {
            Self.expectConverged(Self.deliver(deliveries, in: scenario).replicas, to: "abXYWZd", checkInvariants: true)
        }
        var rng = SplitMix64(seed: 0xD0_0B1E)
        for _ in 0..<200 {
            var shuffled = twiceOver + updates
            rng.shuffle(&shuffled)
            Self.expectConverged(Self.deliver(shuffled, in: scenario).replicas, to: "abXYWZd")
        }
    }

    @Test func buffersADeleteUntilItsElementsArrive() {
        let scenario = Self.scenario()
        var observer = RGAReplica(replicaID: 4, initialText: Array("abcd".unicodeScalars))
        observer.integrate(scenario.updates[2])
        #expect(observer.text.scalars == Array("abd".unicodeScalars))
        #expect(observer.pendingUpdateCount == 1)
        observer.integrate(scenario.updates[2])
        #expect(observer.pendingUpdateCount == 2)
        observer.checkInvariants()
        observer.integrate(scenario.updates[1])
        #expect(observer.text.scalars == Array("abd".unicodeScalars))
        #expect(observer.pendingUpdateCount == 0)
        observer.checkInvariants()
    }

    @Test func buffersChainsOfInsertsUntilTheirOriginArrives() {
        var author = RGAReplica(replicaID: 1, initialText: [])
        var updates: [RGAUpdate] = []
        for (offset, scalar) in "héllo😀".unicodeScalars.enumerated() {
            updates.append(author.insert([scalar], at: offset))
        }
        var reader = RGAReplica(replicaID: 2, initialText: [])
        for update in updates.reversed() { reader.integrate(update) }
        #expect(reader.text == author.text)
        #expect(reader.pendingUpdateCount == 0)
        #expect(reader.lamportClock == author.lamportClock)
        reader.checkInvariants()
    }

    @Test(arguments: 1...24 as ClosedRange<UInt64>)
    func randomConcurrentSessionsConverge(seed: UInt64) {
        var rng = SplitMix64(seed: seed, stream: "rga-convergence")
        let replicaCount = 4
        var nextIdentity = 0
        func freshScalars(_ count: Int) -> [Unicode.Scalar] {
            defer { nextIdentity += count }
            return (nextIdentity..<(nextIdentity + count)).map { IdentityAlphabet.scalar(for: $0) }
        }
        let initial = freshScalars(12)
        var replicas = (1...replicaCount).map { RGAReplica(replicaID: ReplicaID($0), initialText: initial) }
        var inboxes = [[RGAUpdate]](repeating: [], count: replicaCount)
        var everything: [RGAUpdate] = []
        var inserted: [Unicode.Scalar] = initial
        var deleted: Set<Unicode.Scalar> = []
        for _ in 0..<160 {
            let actor = rng.int(in: 0...(replicaCount - 1))
            var update: RGAUpdate?
            switch rng.int(in: 0...9) {
            case 0...2:
                let run = freshScalars(rng.int(in: 1...4))
                inserted += run
                update = replicas[actor].insert(run, at: rng.int(in: 0...replicas[actor].count))
            case 3...4 where replicas[actor].count > 0:
                let start = rng.int(in: 0...(replicas[actor].count - 1))
                let range = start..<min(replicas[actor].count, start + rng.int(in: 1...3))
                deleted.formUnion(replicas[actor].text.scalars(in: range))
                update = replicas[actor].delete(range)
            default:
                guard !inboxes[actor].isEmpty else { break }
                let pick = rng.int(in: 0...(inboxes[actor].count - 1))
                replicas[actor].integrate(inboxes[actor][pick])
                if !rng.chance(perMille: 150) { inboxes[actor].remove(at: pick) }
            }
            if let update {
                everything.append(update)
                for other in 0..<replicaCount where other != actor { inboxes[other].append(update) }
            }
        }
        for index in 0..<replicaCount {
            var rest = inboxes[index] + inboxes[index].prefix(3)
            rng.shuffle(&rest)
            for update in rest { replicas[index].integrate(update) }
        }
        var observer = RGAReplica(replicaID: 9, initialText: initial)
        var shuffled = everything
        rng.shuffle(&shuffled)
        for update in shuffled { observer.integrate(update) }
        replicas.append(observer)

        let expected = replicas[0].text.scalars
        let survivors = inserted.filter { !deleted.contains($0) }.map(\.value).sorted()
        #expect(expected.map(\.value).sorted() == survivors, "every surviving scalar exactly once, nothing deleted")
        for replica in replicas {
            #expect(replica.text.scalars == expected)
            #expect(replica.pendingUpdateCount == 0)
            #expect(replica.encodedSize == replicas[0].encodedSize)
            replica.checkInvariants()
        }
    }
}
