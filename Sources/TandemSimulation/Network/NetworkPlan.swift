import TandemCore

/// Every choice the network makes in a run, as a pure function of a seed and a message key.
public struct NetworkPlan: Sendable, Equatable, Codable {
    /// The seed all per-message draws derive from.
    public var seed: UInt64
    /// The distribution of one-way latencies.
    public var latency: LatencySpec

    /// Creates a network plan.
    public init(seed: UInt64, latency: LatencySpec) {
        self.seed = seed
        self.latency = latency
    }

    /// The one-way latency of a message, in microseconds.
    public func latency(of key: MessageKey) -> Int64 {
        var generator = SplitMix64(seed: StableHash.combine(seed, key.stableValue))
        return latency.model.draw(using: &generator)
    }

    private enum CodingKeys: String, CodingKey {
        case seed, latency
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        seed = try container.decode(SeedValue.self, forKey: .seed).value
        latency = try container.decode(LatencySpec.self, forKey: .latency)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(SeedValue(seed), forKey: .seed)
        try container.encode(latency, forKey: .latency)
    }
}
