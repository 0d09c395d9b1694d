/// Sizes of the primitives of RGA's binary encodings: unsigned LEB128 varints and UTF-8.
enum RGAEncoding {
    /// The number of bytes of `value` as an unsigned LEB128 varint (7 bits per byte).
    static func varintSize(_ value: UInt64) -> Int {
        max(1, (64 - value.leadingZeroBitCount + 6) / 7)
    }

    /// The number of bytes of `value` as an unsigned LEB128 varint.
    static func varintSize(_ value: Int) -> Int {
        varintSize(UInt64(value))
    }

    /// The number of bytes of an identity: its counter then its replica, both as varints.
    static func size(of id: RGAIdentifier) -> Int {
        varintSize(id.counter) + varintSize(UInt64(id.replica))
    }

    /// The number of UTF-8 bytes of one scalar.
    static func utf8Size(_ scalar: Unicode.Scalar) -> Int {
        switch scalar.value {
        case ..<0x80: 1
        case ..<0x800: 2
        case ..<0x10000: 3
        default: 4
        }
    }

    /// Calls `body` with each maximal span of identities that follow one another in `ids`
    /// with the same replica and counters increasing by one: its first identity and length.
    static func forEachSpan(of ids: [RGAIdentifier], _ body: (RGAIdentifier, Int) -> Void) {
        var index = 0
        while index < ids.count {
            var length = 1
            while index + length < ids.count, ids[index + length] == ids[index].advanced(by: length) {
                length += 1
            }
            body(ids[index], length)
            index += length
        }
    }
}
