/// An inclusive range of whole numbers a scenario allows, written `{"min": 1, "max": 8}`.
public struct Bounds: Sendable, Equatable, Codable, CustomStringConvertible {
    /// The smallest value a run may draw.
    public var min: Int
    /// The largest value a run may draw.
    public var max: Int

    /// Creates bounds; `min` must not exceed `max` (decoding checks it).
    public init(_ min: Int, _ max: Int) {
        self.min = min
        self.max = max
    }

    /// A single value.
    public static func exactly(_ value: Int) -> Bounds {
        Bounds(value, value)
    }

    public init(from decoder: any Decoder) throws {
        let container = try StrictKeys.container(decoder, known: ["min", "max"])
        min = try container.decode(Int.self, forKey: StrictKeys(stringValue: "min"))
        max = try container.decode(Int.self, forKey: StrictKeys(stringValue: "max"))
        guard min <= max else {
            throw DecodingError.dataCorrupted(.init(
                codingPath: decoder.codingPath, debugDescription: "min (\(min)) is greater than max (\(max))"))
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: StrictKeys.self)
        try container.encode(min, forKey: StrictKeys(stringValue: "min"))
        try container.encode(max, forKey: StrictKeys(stringValue: "max"))
    }

    /// `3` or `3…8`.
    public var description: String {
        min == max ? "\(min)" : "\(min)…\(max)"
    }
}
