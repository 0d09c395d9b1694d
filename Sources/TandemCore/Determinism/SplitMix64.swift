/// The harness's only source of randomness: SplitMix64 (Steele, Lea & Flood 2014).
///
/// The algorithm is fixed and part of Tandem's compatibility promise: the same seed gives
/// the same stream on every platform and Swift version. Bounded draws, choices and shuffles
/// are written here on top of `next()` rather than borrowed from the standard library,
/// whose `random(in:using:)` and `shuffle(using:)` algorithms may change between releases.
public struct SplitMix64: Sendable, Equatable {
    /// The generator's whole state; the next output is a function of it alone.
    public private(set) var state: UInt64

    /// Creates a generator whose stream is fixed by `seed`.
    public init(seed: UInt64) {
        state = seed
    }

    /// Creates a generator for one named subsystem of a run, so that subsystems draw from
    /// independent streams and adding draws to one never shifts another's.
    public init(seed: UInt64, stream: String) {
        state = StableHash.combine(seed, StableHash.of(stream))
    }

    /// Returns the next 64 uniformly distributed bits.
    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// Returns a uniform integer in `0..<bound` (Lemire's multiply-and-reject method).
    /// - Precondition: `bound > 0`.
    public mutating func below(_ bound: UInt64) -> UInt64 {
        precondition(bound > 0, "SplitMix64.below needs a positive bound")
        var product = next().multipliedFullWidth(by: bound)
        if product.low < bound {
            let threshold = (0 &- bound) % bound
            while product.low < threshold {
                product = next().multipliedFullWidth(by: bound)
            }
        }
        return product.high
    }

    /// Returns a uniform integer in the closed range.
    public mutating func int(in range: ClosedRange<Int>) -> Int {
        let span = UInt64(bitPattern: Int64(range.upperBound &- range.lowerBound)) &+ 1
        if span == 0 { return Int(bitPattern: UInt(next())) }
        return range.lowerBound &+ Int(bitPattern: UInt(below(span)))
    }

    /// Returns true with probability `numerator / denominator`, using integers only so the
    /// outcome is the same on every platform.
    public mutating func chance(_ numerator: UInt64, in denominator: UInt64) -> Bool {
        below(denominator) < numerator
    }

    /// Returns true with the given probability in per-mille (0...1000).
    public mutating func chance(perMille: Int) -> Bool {
        chance(UInt64(max(0, min(1000, perMille))), in: 1000)
    }

    /// Returns one element of a non-empty array, uniformly.
    public mutating func pick<T>(_ elements: [T]) -> T {
        elements[Int(below(UInt64(elements.count)))]
    }

    /// Returns an index drawn with probability proportional to its weight.
    /// - Precondition: the weights are non-negative and not all zero.
    public mutating func weightedIndex(_ weights: [Int]) -> Int {
        let total = weights.reduce(0, +)
        precondition(total > 0, "SplitMix64.weightedIndex needs a positive total weight")
        var roll = Int(below(UInt64(total)))
        for (index, weight) in weights.enumerated() {
            if roll < weight { return index }
            roll -= weight
        }
        return weights.count - 1
    }

    /// Shuffles an array in place with Fisher–Yates driven by this generator.
    public mutating func shuffle<T>(_ elements: inout [T]) {
        guard elements.count > 1 else { return }
        for index in stride(from: elements.count - 1, to: 0, by: -1) {
            let other = Int(below(UInt64(index + 1)))
            elements.swapAt(index, other)
        }
    }
}
