import Testing
import TandemCore

@Suite struct IdentityAlphabetTests {
    @Test func roundTripsAcrossTheWholeAlphabet() {
        var seen = Set<UInt32>()
        for identity in stride(from: 0, to: IdentityAlphabet.capacity, by: 1) {
            let scalar = IdentityAlphabet.scalar(for: identity)
            #expect(IdentityAlphabet.identity(of: scalar) == identity)
            seen.insert(scalar.value)
        }
        #expect(seen.count == IdentityAlphabet.capacity)
    }

    @Test func theFirstIdentitiesMixEveryEncodingWidth() {
        let scalars = (0..<8).map(IdentityAlphabet.scalar(for:))
        let utf8Widths = Set(scalars.map { String($0).utf8.count })
        #expect(utf8Widths == [1, 2, 3, 4])
        #expect(scalars.contains { $0.properties.generalCategory == .nonspacingMark })
        #expect(scalars.contains { $0.utf16.count == 2 })
    }

    @Test func scalarsOutsideTheAlphabetHaveNoIdentity() {
        #expect(IdentityAlphabet.identity(of: " ") == nil)
        #expect(IdentityAlphabet.identity(of: "A") == nil)
    }
}
