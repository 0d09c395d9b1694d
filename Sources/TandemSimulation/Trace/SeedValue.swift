import TandemCore

/// A 64-bit seed written in JSON as a decimal string, because JSON numbers beyond 2^53 are
/// not exact in many readers.
public struct SeedValue: Sendable, Equatable, Codable {
    /// The seed.
    public var value: UInt64

    /// Wraps a seed.
    public init(_ value: UInt64) {
        self.value = value
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        guard let value = UInt64(text) else {
            throw DecodingError.dataCorruptedError(
                in: container, debugDescription: "seed '\(text)' is not a decimal 64-bit unsigned integer")
        }
        self.value = value
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(String(value))
    }
}
