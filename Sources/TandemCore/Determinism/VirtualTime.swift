/// A point on the simulator's virtual clock, in microseconds since the run began.
///
/// Tandem never reads the wall clock while simulating; every time a run sees is one of these.
public struct VirtualTime: Sendable, Hashable, Comparable, Codable, CustomStringConvertible {
    /// Microseconds since the start of the run.
    public var microseconds: Int64

    /// Creates a time from microseconds since the start of the run.
    public init(microseconds: Int64) {
        self.microseconds = microseconds
    }

    /// The start of every run.
    public static let zero = VirtualTime(microseconds: 0)

    /// A time given in milliseconds.
    public static func milliseconds(_ value: Int64) -> VirtualTime {
        VirtualTime(microseconds: value * 1_000)
    }

    /// A time given in seconds.
    public static func seconds(_ value: Int64) -> VirtualTime {
        VirtualTime(microseconds: value * 1_000_000)
    }

    /// This time moved later by a duration in microseconds.
    public func advanced(by microseconds: Int64) -> VirtualTime {
        VirtualTime(microseconds: self.microseconds + microseconds)
    }

    public static func < (lhs: VirtualTime, rhs: VirtualTime) -> Bool {
        lhs.microseconds < rhs.microseconds
    }

    /// Seconds with six decimals, e.g. `12.000345s`, computed with integers only.
    public var description: String {
        let sign = microseconds < 0 ? "-" : ""
        let magnitude = microseconds.magnitude
        let fraction = String(magnitude % 1_000_000)
        return "\(sign)\(magnitude / 1_000_000).\(String(repeating: "0", count: 6 - fraction.count))\(fraction)s"
    }

    public init(from decoder: any Decoder) throws {
        microseconds = try decoder.singleValueContainer().decode(Int64.self)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(microseconds)
    }
}
