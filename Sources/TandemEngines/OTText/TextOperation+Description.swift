import TandemCore

extension TextOperation: CustomStringConvertible {
    /// A compact readable form such as `r3 i"ab" d2`, `(empty)` for the empty operation;
    /// inserted text is escaped with `TextEscaping`, like every text in timelines and reports.
    public var description: String {
        guard !components.isEmpty else { return "(empty)" }
        return components.map { component in
            switch component {
            case .retain(let count): "r\(count)"
            case .insert(let scalars): "i\"\(TextEscaping.escape(scalars))\""
            case .delete(let count): "d\(count)"
            }
        }.joined(separator: " ")
    }
}
