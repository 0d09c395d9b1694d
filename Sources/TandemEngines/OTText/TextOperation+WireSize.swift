extension TextOperation {
    /// The operation's exact size in bytes in ot-text's binary wire encoding, which is: the
    /// number of components as an unsigned LEB128 varint, then per component one tag byte
    /// (0 retain, 1 insert, 2 delete) followed, for a retain or a delete, by its length as a
    /// varint and, for an insert, by the byte length of its UTF-8 text as a varint and the bytes.
    public var encodedSize: Int {
        var size = Self.varintSize(components.count)
        for component in components {
            switch component {
            case .retain(let count), .delete(let count):
                size += 1 + Self.varintSize(count)
            case .insert(let scalars):
                let bytes = scalars.reduce(0) { $0 + $1.utf8.count }
                size += 1 + Self.varintSize(bytes) + bytes
            }
        }
        return size
    }

    /// The number of bytes of a non-negative integer as an unsigned LEB128 varint (7 bits a byte).
    static func varintSize(_ value: Int) -> Int {
        var rest = UInt(value) >> 7
        var size = 1
        while rest > 0 {
            rest >>= 7
            size += 1
        }
        return size
    }
}
