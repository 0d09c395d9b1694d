/// Coding keys that accept any name, used to reject the names a type does not know, so that a
/// misspelt field in a scenario file is an error rather than silently ignored.
public struct StrictKeys: CodingKey, Sendable {
    public var stringValue: String
    public var intValue: Int? { nil }

    public init(stringValue: String) {
        self.stringValue = stringValue
    }

    public init?(intValue: Int) {
        nil
    }

    /// A keyed container that throws if the object has a key outside `known`.
    public static func container(_ decoder: any Decoder, known: [String]) throws -> KeyedDecodingContainer<StrictKeys> {
        let container = try decoder.container(keyedBy: StrictKeys.self)
        let unknown = container.allKeys.map(\.stringValue).filter { !known.contains($0) }.sorted()
        if let first = unknown.first {
            throw DecodingError.dataCorrupted(.init(
                codingPath: decoder.codingPath + [StrictKeys(stringValue: first)],
                debugDescription: "unknown field (known fields: \(known.joined(separator: ", ")))"))
        }
        return container
    }
}
