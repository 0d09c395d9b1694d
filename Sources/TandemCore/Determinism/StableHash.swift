/// A 64-bit FNV-1a hash whose value never depends on the process, the platform or the day.
///
/// Swift's `Hasher` is seeded per process, so it must never shape a run or a report; state
/// hashes, derived seeds and stable keys all go through this type instead.
public struct StableHash: Sendable, Equatable {
    /// The FNV-1a 64-bit offset basis.
    public static let offsetBasis: UInt64 = 0xCBF2_9CE4_8422_2325
    /// The FNV-1a 64-bit prime.
    public static let prime: UInt64 = 0x0000_0100_0000_01B3

    /// The hash of everything fed so far.
    public private(set) var value: UInt64 = StableHash.offsetBasis

    /// Creates an empty hash.
    public init() {}

    /// Feeds one byte.
    public mutating func feed(_ byte: UInt8) {
        value = (value ^ UInt64(byte)) &* StableHash.prime
    }

    /// Feeds a 64-bit integer, little-endian.
    public mutating func feed(_ word: UInt64) {
        for shift in stride(from: 0, to: 64, by: 8) {
            feed(UInt8(truncatingIfNeeded: word >> UInt64(shift)))
        }
    }

    /// Feeds the UTF-8 encoding of a sequence of Unicode scalars.
    public mutating func feed<S: Sequence>(scalars: S) where S.Element == Unicode.Scalar {
        for scalar in scalars {
            for byte in scalar.utf8 { feed(byte) }
        }
    }

    /// Feeds the UTF-8 bytes of a string (no normalization: bytes, not characters).
    public mutating func feed(_ string: String) {
        for byte in string.utf8 { feed(byte) }
    }

    /// The hash of a string's UTF-8 bytes.
    public static func of(_ string: String) -> UInt64 {
        var hash = StableHash()
        hash.feed(string)
        return hash.value
    }

    /// The hash of a text given as Unicode scalars (equal to the hash of its UTF-8 bytes).
    public static func of<S: Sequence>(scalars: S) -> UInt64 where S.Element == Unicode.Scalar {
        var hash = StableHash()
        hash.feed(scalars: scalars)
        return hash.value
    }

    /// Mixes two 64-bit values into one; used to derive child seeds and stable keys.
    public static func combine(_ first: UInt64, _ second: UInt64) -> UInt64 {
        var hash = StableHash()
        hash.feed(first)
        hash.feed(second)
        var mixer = SplitMix64(seed: hash.value)
        return mixer.next()
    }

    /// Mixes any number of 64-bit values, in order.
    public static func combine(_ values: [UInt64]) -> UInt64 {
        values.dropFirst().reduce(values.first ?? 0) { combine($0, $1) }
    }

    /// A 64-bit value as 16 lower-case hex digits, the form hashes take in reports.
    public static func hex(_ value: UInt64) -> String {
        let digits = String(value, radix: 16)
        return String(repeating: "0", count: 16 - digits.count) + digits
    }
}
