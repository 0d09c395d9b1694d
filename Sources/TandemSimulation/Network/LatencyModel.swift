import TandemCore

/// A distribution of one-way message latencies on a link.
///
/// Each message draws with its own generator, seeded from a stable key of the message, so
/// removing a message from a trace never changes another message's latency.
public protocol LatencyModel: Sendable {
    /// Draws one latency in microseconds (never negative).
    func draw(using generator: inout SplitMix64) -> Int64
}

/// Every message takes the same time.
public struct FixedLatency: LatencyModel, Equatable {
    /// The latency in microseconds.
    public var microseconds: Int64

    /// Creates a fixed latency.
    public init(microseconds: Int64) {
        self.microseconds = microseconds
    }

    public func draw(using generator: inout SplitMix64) -> Int64 {
        microseconds
    }
}

/// Latencies spread evenly between two bounds.
public struct UniformLatency: LatencyModel, Equatable {
    /// The smallest latency in microseconds.
    public var minimum: Int64
    /// The largest latency in microseconds.
    public var maximum: Int64

    /// Creates a uniform latency between `minimum` and `maximum` microseconds, inclusive.
    public init(minimum: Int64, maximum: Int64) {
        self.minimum = minimum
        self.maximum = max(minimum, maximum)
    }

    public func draw(using generator: inout SplitMix64) -> Int64 {
        minimum + Int64(generator.below(UInt64(maximum - minimum) + 1))
    }
}

/// Mostly uniform latencies with a heavy tail: with probability `tailPerMille` a draw
/// doubles, and may keep doubling (each time with the same probability) up to
/// `maximumDoublings` times — a geometric tail computed with integers only.
public struct LongTailedLatency: LatencyModel, Equatable {
    /// The body of the distribution.
    public var body: UniformLatency
    /// Chance per doubling step, in per-mille.
    public var tailPerMille: Int
    /// How many times a draw may double at most.
    public var maximumDoublings: Int

    /// Creates a long-tailed latency.
    public init(body: UniformLatency, tailPerMille: Int, maximumDoublings: Int) {
        self.body = body
        self.tailPerMille = tailPerMille
        self.maximumDoublings = maximumDoublings
    }

    public func draw(using generator: inout SplitMix64) -> Int64 {
        var latency = body.draw(using: &generator)
        var doublings = 0
        while doublings < maximumDoublings && generator.chance(perMille: tailPerMille) {
            latency *= 2
            doublings += 1
        }
        return latency
    }
}
