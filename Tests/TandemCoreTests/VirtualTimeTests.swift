import Testing
import TandemCore

@Suite struct VirtualTimeTests {
    @Test func printsSecondsWithSixDecimals() {
        #expect(VirtualTime(microseconds: 12_000_345).description == "12.000345s")
        #expect(VirtualTime.zero.description == "0.000000s")
        #expect(VirtualTime.milliseconds(1_500).description == "1.500000s")
    }

    @Test func ordersByMicroseconds() {
        #expect(VirtualTime.milliseconds(1) < VirtualTime.milliseconds(2))
        #expect(VirtualTime.seconds(1).advanced(by: 5).microseconds == 1_000_005)
    }
}
