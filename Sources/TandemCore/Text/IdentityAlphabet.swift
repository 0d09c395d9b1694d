/// A one-to-one map between character identities (0, 1, 2, …) and Unicode scalars, so that
/// every character a run inserts is a distinct scalar the oracles can follow.
///
/// Consecutive identities cycle through pools of very different encodings — ASCII letters,
/// accented Latin letters, combining marks, emoji, CJK ideographs and private-use code
/// points in and beyond the Basic Multilingual Plane — so every run mixes 1-, 2-, 3- and
/// 4-byte UTF-8, surrogate pairs in UTF-16, and scalars that join a previous one into a
/// single grapheme cluster. An engine that counts anything but Unicode scalars goes wrong
/// at once. When a pool is used up the cycle continues through the others.
public enum IdentityAlphabet {
    private static let pools: [ClosedRange<UInt32>] = [
        0x61...0x7A,         // a–z
        0xC0...0x24F,        // Latin-1 Supplement and Latin Extended-A/B letters
        0x300...0x36F,       // combining diacritical marks
        0x1F300...0x1F64F,   // emoji
        0x4E00...0x9FFF,     // CJK unified ideographs
        0xE000...0xF8FF,     // private use, BMP
        0xF0000...0xFFFFD,   // supplementary private use A
        0x100000...0x10FFFD, // supplementary private use B
    ]

    /// One stretch of identities during which the same pools take turns.
    private struct Stage {
        var start: Int
        var length: Int
        var activePools: [Int]
        var usedBefore: [Int]
    }

    private static let stages: [Stage] = {
        var used = [Int](repeating: 0, count: pools.count)
        var start = 0
        var result: [Stage] = []
        while true {
            let active = pools.indices.filter { used[$0] < pools[$0].count }
            guard let rounds = active.map({ pools[$0].count - used[$0] }).min() else { break }
            result.append(Stage(start: start, length: rounds * active.count, activePools: active, usedBefore: used))
            for pool in active { used[pool] += rounds }
            start += rounds * active.count
        }
        return result
    }()

    /// How many distinct identities there are.
    public static let capacity: Int = pools.reduce(0) { $0 + $1.count }

    /// The scalar for an identity.
    /// - Precondition: `0 <= identity < capacity`.
    public static func scalar(for identity: Int) -> Unicode.Scalar {
        precondition(identity >= 0 && identity < capacity, "identity \(identity) is outside the alphabet")
        let stage = stages.last { $0.start <= identity }!
        let offset = identity - stage.start
        let pool = stage.activePools[offset % stage.activePools.count]
        let value = pools[pool].lowerBound + UInt32(stage.usedBefore[pool] + offset / stage.activePools.count)
        return Unicode.Scalar(value)!
    }

    /// Where a pool's scalars sit among the identities during one stage: the pool's scalars
    /// from `usedBefore` on are identities `start + k * period + slot`.
    private struct Segment {
        var usedBefore: Int
        var start: Int
        var period: Int
        var slot: Int
    }

    /// For each pool, its segments in stage order; the inverse of `scalar(for:)` in a few steps.
    private static let segments: [[Segment]] = pools.indices.map { pool in
        stages.compactMap { stage in
            stage.activePools.firstIndex(of: pool).map {
                Segment(usedBefore: stage.usedBefore[pool], start: stage.start, period: stage.activePools.count, slot: $0)
            }
        }
    }

    /// The identity a scalar stands for, or nil for a scalar outside the alphabet.
    public static func identity(of scalar: Unicode.Scalar) -> Int? {
        let value = scalar.value
        for pool in pools.indices where pools[pool].contains(value) {
            let indexInPool = Int(value - pools[pool].lowerBound)
            let poolSegments = segments[pool]
            var segment = poolSegments[0]
            for candidate in poolSegments.dropFirst() where candidate.usedBefore <= indexInPool {
                segment = candidate
            }
            return segment.start + (indexInPool - segment.usedBefore) * segment.period + segment.slot
        }
        return nil
    }
}
