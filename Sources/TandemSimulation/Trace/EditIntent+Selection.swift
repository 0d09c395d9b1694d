/// Where an edit leaves its author's selection, the same rule for every protocol.
extension EditIntent {
    /// The author's selection right after this (clamped) edit: after an insert, the inserted
    /// text selected when the author is one of `Trace.selectingClients`, else a caret after it;
    /// after a delete, a caret where the text was. Nil for a restore, which leaves it alone.
    func selectionAfter(selecting: Bool) -> Selection? {
        switch action {
        case .insert(let text):
            let end = position + text.unicodeScalars.count
            return selecting ? Selection(anchor: position, head: end) : .caret(end)
        case .delete:
            return .caret(position)
        case .restore:
            return nil
        }
    }
}
