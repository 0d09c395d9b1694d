import TandemCore

extension TombstoneDocument {
    /// Traps unless the document is consistent: as many visibility words as the model needs,
    /// no bit set past its end, and the visible text kept beside the model equal to the
    /// model's visible scalars. Tests call it after edits; it costs O(n).
    public func checkInvariants() {
        precondition(visibility.count == Self.wordCount(modelCount), "TombstoneDocument: \(visibility.count) visibility words for \(modelCount) scalars")
        if modelCount % 64 != 0, let last = visibility.last {
            precondition(last >> UInt64(modelCount % 64) == 0, "TombstoneDocument: a visibility bit is set past the model's end")
        }
        let shown = scalars.indices.filter(isVisible(at:)).map { scalars[$0] }
        precondition(visibleText == TextBuffer(shown), "TombstoneDocument: visible text \(visibleText) differs from the model's \(TextBuffer(shown))")
        visibleText.checkInvariants()
    }
}
