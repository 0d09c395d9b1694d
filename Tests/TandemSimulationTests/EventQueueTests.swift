import Testing
import TandemCore
import TandemSimulation

@Suite struct EventQueueTests {
    @Test func popsByTimeThenByInsertionOrder() {
        var queue = EventQueue<String>()
        queue.push("late", at: .milliseconds(5))
        queue.push("first-tie", at: .milliseconds(1))
        queue.push("early", at: .zero)
        queue.push("second-tie", at: .milliseconds(1))
        queue.push("third-tie", at: .milliseconds(1))
        var order: [String] = []
        while let (_, event) = queue.pop() { order.append(event) }
        #expect(order == ["early", "first-tie", "second-tie", "third-tie", "late"])
    }

    @Test func agreesWithASortOnRandomSchedules() {
        var generator = SplitMix64(seed: 3)
        var queue = EventQueue<Int>()
        var expected: [(Int64, Int)] = []
        for index in 0..<2_000 {
            let time = Int64(generator.below(100))
            queue.push(index, at: VirtualTime(microseconds: time))
            expected.append((time, index))
        }
        expected.sort { $0 < $1 }
        var popped: [Int] = []
        while let (_, event) = queue.pop() { popped.append(event) }
        #expect(popped == expected.map(\.1))
    }
}
