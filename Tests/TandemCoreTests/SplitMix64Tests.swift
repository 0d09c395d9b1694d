import Testing
import TandemCore

@Suite struct SplitMix64Tests {
    @Test func matchesTheReferenceStream() {
        var generator = SplitMix64(seed: 1_234_567)
        let outputs = (0..<5).map { _ in generator.next() }
        #expect(outputs == [6457827717110365317, 3203168211198807973, 9817491932198370423, 4593380528125082431, 16408922859458223821])
        var zero = SplitMix64(seed: 0)
        #expect(zero.next() == 0xE220_A839_7B1D_CDAF)
    }

    @Test func boundedDrawsStayInRangeAndCoverIt() {
        var generator = SplitMix64(seed: 99)
        var seen = [Int](repeating: 0, count: 7)
        for _ in 0..<7_000 {
            let value = generator.int(in: 3...9)
            #expect((3...9).contains(value))
            seen[value - 3] += 1
        }
        #expect(seen.allSatisfy { $0 > 800 && $0 < 1_200 })
    }

    @Test func shuffleIsAPermutationAndDeterministic() {
        var first = SplitMix64(seed: 5)
        var second = SplitMix64(seed: 5)
        var a = Array(0..<50)
        var b = Array(0..<50)
        first.shuffle(&a)
        second.shuffle(&b)
        #expect(a == b)
        #expect(a.sorted() == Array(0..<50))
        #expect(a != Array(0..<50))
    }

    @Test func namedStreamsAreIndependentOfEachOther() {
        var network = SplitMix64(seed: 7, stream: "network")
        var workload = SplitMix64(seed: 7, stream: "workload")
        #expect(network.next() != workload.next())
        var again = SplitMix64(seed: 7, stream: "network")
        var reference = SplitMix64(seed: 7, stream: "network")
        #expect(again.next() == reference.next())
    }

    @Test func weightedIndexNeverPicksAZeroWeight() {
        var generator = SplitMix64(seed: 11)
        for _ in 0..<1_000 {
            #expect(generator.weightedIndex([0, 3, 0, 1]) != 0)
        }
    }
}
