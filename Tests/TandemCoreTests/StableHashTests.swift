import Testing
import TandemCore

@Suite struct StableHashTests {
    @Test func matchesFNV1a64ReferenceValues() {
        #expect(StableHash.of("") == 0xCBF2_9CE4_8422_2325)
        #expect(StableHash.of("a") == 0xAF63_DC4C_8601_EC8C)
        #expect(StableHash.of("foobar") == 0x8594_4171_F739_67E8)
    }

    @Test func hashesScalarsAsTheirUTF8Bytes() {
        let text = "é😀"
        #expect(StableHash.of(scalars: text.unicodeScalars) == StableHash.of(text))
        #expect(StableHash.of(text) == 0x52DA_6EBD_CE68_376C)
    }

    @Test func distinguishesCanonicallyEquivalentTexts() {
        #expect("e\u{301}" == "\u{E9}")
        #expect(StableHash.of("e\u{301}") != StableHash.of("\u{E9}"))
    }

    @Test func formatsHashesAsSixteenHexDigits() {
        #expect(StableHash.hex(0xAB) == "00000000000000ab")
    }
}
