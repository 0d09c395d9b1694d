import TandemCore

/// The latency model of a run, as recorded in its trace: one of the built-in models with
/// its parameters, serializable so that a trace replays with exactly the same network.
public enum LatencySpec: Sendable, Equatable, Codable, CustomStringConvertible {
    /// See `FixedLatency`.
    case fixed(FixedLatency)
    /// See `UniformLatency`.
    case uniform(UniformLatency)
    /// See `LongTailedLatency`.
    case longTailed(LongTailedLatency)

    /// The model that draws the latencies.
    public var model: any LatencyModel {
        switch self {
        case .fixed(let model): model
        case .uniform(let model): model
        case .longTailed(let model): model
        }
    }

    /// The longest latency the model can draw, in microseconds.
    public var maximumMicroseconds: Int64 {
        switch self {
        case .fixed(let model): model.microseconds
        case .uniform(let model): model.maximum
        case .longTailed(let model): model.body.maximum << Int64(min(max(model.maximumDoublings, 0), 20))
        }
    }

    /// A short form for headers, e.g. `uniform 5–80ms`.
    public var description: String {
        switch self {
        case .fixed(let model):
            "fixed \(Self.milliseconds(model.microseconds))"
        case .uniform(let model):
            "uniform \(Self.milliseconds(model.minimum))–\(Self.milliseconds(model.maximum))"
        case .longTailed(let model):
            "long-tailed \(Self.milliseconds(model.body.minimum))–\(Self.milliseconds(model.body.maximum)), "
                + "tail \(model.tailPerMille)‰ ×2 up to \(model.maximumDoublings) times"
        }
    }

    private static func milliseconds(_ microseconds: Int64) -> String {
        microseconds % 1_000 == 0 ? "\(microseconds / 1_000)ms" : "\(microseconds)µs"
    }

    private enum CodingKeys: String, CodingKey {
        case model, micros, minMicros, maxMicros, tailPerMille, maxDoublings
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let name = try container.decode(String.self, forKey: .model)
        switch name {
        case "fixed":
            self = .fixed(FixedLatency(microseconds: try container.decode(Int64.self, forKey: .micros)))
        case "uniform":
            self = .uniform(UniformLatency(
                minimum: try container.decode(Int64.self, forKey: .minMicros),
                maximum: try container.decode(Int64.self, forKey: .maxMicros)))
        case "long-tailed":
            self = .longTailed(LongTailedLatency(
                body: UniformLatency(
                    minimum: try container.decode(Int64.self, forKey: .minMicros),
                    maximum: try container.decode(Int64.self, forKey: .maxMicros)),
                tailPerMille: try container.decode(Int.self, forKey: .tailPerMille),
                maximumDoublings: try container.decode(Int.self, forKey: .maxDoublings)))
        default:
            throw DecodingError.dataCorruptedError(
                forKey: .model, in: container,
                debugDescription: "unknown latency model '\(name)' (use fixed, uniform or long-tailed)")
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        switch self {
        case .fixed(let model):
            try container.encode("fixed", forKey: .model)
            try container.encode(model.microseconds, forKey: .micros)
        case .uniform(let model):
            try container.encode("uniform", forKey: .model)
            try container.encode(model.minimum, forKey: .minMicros)
            try container.encode(model.maximum, forKey: .maxMicros)
        case .longTailed(let model):
            try container.encode("long-tailed", forKey: .model)
            try container.encode(model.body.minimum, forKey: .minMicros)
            try container.encode(model.body.maximum, forKey: .maxMicros)
            try container.encode(model.tailPerMille, forKey: .tailPerMille)
            try container.encode(model.maximumDoublings, forKey: .maxDoublings)
        }
    }
}
