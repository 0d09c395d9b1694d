/// What one RGA edit sends to the other replicas: a run of inserted scalars or a set of deletions.
///
/// Wire encoding (integers are unsigned LEB128 varints, an identity is its counter then its replica):
/// - insert at the document start: byte `0x00`, `first`, scalar count, the scalars' UTF-8 bytes;
/// - insert after an element: byte `0x01`, `origin`, `first`, scalar count, the scalars' UTF-8 bytes;
/// - delete: byte `0x02`, span count, then per span its first identity and its length, where a span
///   is a maximal stretch of the listed identities with one replica and consecutive counters.
public enum RGAUpdate: Sendable, Hashable, CustomStringConvertible {
    /// A run of scalars: scalar `i` has identity `first.advanced(by: i)`; scalar 0 goes after
    /// `origin` (nil for the document start), scalar `i > 0` right after scalar `i - 1`.
    case insert(origin: RGAIdentifier?, first: RGAIdentifier, scalars: [Unicode.Scalar])
    /// Turns the elements with these identities into tombstones.
    case delete([RGAIdentifier])

    /// The update's size in bytes in the wire encoding described on the type.
    public var encodedSize: Int {
        switch self {
        case let .insert(origin, first, scalars):
            var size = 1 + RGAEncoding.size(of: first) + RGAEncoding.varintSize(scalars.count)
            if let origin { size += RGAEncoding.size(of: origin) }
            for scalar in scalars { size += RGAEncoding.utf8Size(scalar) }
            return size
        case let .delete(ids):
            var spans = 0
            var size = 1
            RGAEncoding.forEachSpan(of: ids) { first, length in
                spans += 1
                size += RGAEncoding.size(of: first) + RGAEncoding.varintSize(length)
            }
            return size + RGAEncoding.varintSize(spans)
        }
    }

    /// A short form for timelines, e.g. `ins@(3,2) after (1,1) "ab"` or `del (3,2),(4,2)`;
    /// three or more consecutive identities print as a span like `(3,2)-(5,2)`, and long texts
    /// are cut after 24 scalars.
    public var description: String {
        switch self {
        case let .insert(origin, first, scalars):
            let place = origin.map { "after \($0)" } ?? "at start"
            let shown = String(String.UnicodeScalarView(scalars.prefix(24)))
            let cut = scalars.count > 24 ? "…(\(scalars.count) scalars)" : ""
            return "ins@\(first) \(place) \(String(reflecting: shown))\(cut)"
        case let .delete(ids):
            var spans: [String] = []
            RGAEncoding.forEachSpan(of: ids) { first, length in
                switch length {
                case 1: spans.append("\(first)")
                case 2: spans.append("\(first),\(first.advanced(by: 1))")
                default: spans.append("\(first)-\(first.advanced(by: length - 1))")
                }
            }
            return spans.isEmpty ? "del nothing" : "del " + spans.joined(separator: ",")
        }
    }
}
