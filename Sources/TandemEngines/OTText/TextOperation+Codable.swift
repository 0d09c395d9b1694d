extension TextOperation: Codable {
    /// Encodes the operation in ot.js's JSON form: an array holding a positive integer per
    /// retain, a negative integer per delete and a string per insert, e.g. `[3, "ab", -2]`.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.unkeyedContainer()
        for component in components {
            switch component {
            case .retain(let count): try container.encode(count)
            case .insert(let scalars): try container.encode(String(String.UnicodeScalarView(scalars)))
            case .delete(let count): try container.encode(-count)
            }
        }
    }

    /// Decodes ot.js's JSON form, bringing it into canonical form; a zero is an error, as in ot.js.
    public init(from decoder: any Decoder) throws {
        self.init()
        var container = try decoder.unkeyedContainer()
        while !container.isAtEnd {
            switch try container.decode(JSONComponent.self) {
            case .count(let count) where count > 0:
                retain(count)
            case .count(let count) where count < 0:
                delete(-count)
            case .count:
                throw DecodingError.dataCorruptedError(in: container, debugDescription: "TextOperation component 0 is neither a retain nor a delete")
            case .text(let text):
                insert(text)
            }
        }
    }
}

/// One element of ot.js's JSON form: a signed count or an inserted string.
private enum JSONComponent: Decodable {
    case count(Int)
    case text(String)

    init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if let count = try? container.decode(Int.self) {
            self = .count(count)
        } else {
            self = .text(try container.decode(String.self))
        }
    }
}
