import TandemCore

extension EditIntent {
    /// The edit clamped to a document of the given length: an insert's position to the end
    /// of the document, a delete's position to the last scalar and its count to what follows;
    /// a restore is left as it is (the server clamps the version). Nil for a delete on an
    /// empty document (or of nothing).
    func clamped(toDocumentLength documentLength: Int) -> EditIntent? {
        var result = self
        switch action {
        case .insert:
            result.position = max(0, min(position, documentLength))
        case .delete(let count):
            guard documentLength > 0, count > 0 else { return nil }
            result.position = max(0, min(position, documentLength - 1))
            result.action = .delete(count: min(count, documentLength - result.position))
        case .restore:
            break
        }
        return result
    }
}
