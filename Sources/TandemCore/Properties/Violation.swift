/// One observed breach of a property, with enough detail to start debugging.
public struct Violation: Sendable, Equatable, Codable, CustomStringConvertible {
    /// The property that does not hold.
    public var property: Property
    /// Where and what, in one line (sites, positions, hashes, operations).
    public var detail: String
    /// The virtual time at which it was observed, when it has one.
    public var time: VirtualTime?

    /// Creates a violation.
    public init(_ property: Property, _ detail: String, at time: VirtualTime? = nil) {
        self.property = property
        self.detail = detail
        self.time = time
    }

    /// `property: detail` with the time when known.
    public var description: String {
        if let time { return "\(property.rawValue) at \(time): \(detail)" }
        return "\(property.rawValue): \(detail)"
    }
}
