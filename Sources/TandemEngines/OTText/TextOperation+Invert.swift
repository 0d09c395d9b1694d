import TandemCore

extension TextOperation {
    /// The operation that undoes this one once it has been applied to `document`: inserts
    /// become deletes and deletes re-insert the scalars read from `document`.
    /// - Precondition: `document.count == baseLength`.
    public func invert(on document: TextBuffer) -> TextOperation {
        precondition(document.count == baseLength, "TextOperation.invert: document length \(document.count) ≠ base length \(baseLength)")
        var inverse = TextOperation()
        var position = 0
        for component in components {
            switch component {
            case .retain(let count):
                inverse.retain(count)
                position += count
            case .insert(let scalars):
                inverse.delete(scalars.count)
            case .delete(let count):
                inverse.insert(document.scalars(in: position..<position + count))
                position += count
            }
        }
        return inverse
    }
}
