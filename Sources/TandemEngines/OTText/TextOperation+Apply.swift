import TandemCore

extension TextOperation {
    /// Applies the operation to `document` in place, edit by edit, in O(components × log n)
    /// plus the scalars inserted and deleted; the text is never rebuilt as a whole.
    /// - Throws: `OTApplyError` when `baseLength` differs from the document's length; the
    ///   document is then left unchanged.
    public func apply(to document: inout TextBuffer) throws {
        guard document.count == baseLength else {
            throw OTApplyError("operation of base length \(baseLength) applied to a text of length \(document.count)")
        }
        var cursor = 0
        for component in components {
            switch component {
            case .retain(let count):
                cursor += count
            case .insert(let scalars):
                document.insert(contentsOf: scalars, at: cursor)
                cursor += scalars.count
            case .delete(let count):
                document.removeSubrange(cursor..<cursor + count)
            }
        }
    }
}
