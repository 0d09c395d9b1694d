import TandemSimulation

/// Removals that keep the rest of the trace pointing at the same text.
extension ShrinkRun {
    /// Removes each insertion in turn, last first, moving the later edits that point past its
    /// position back by its length, so that they still land where they did: first the later
    /// edits of every client, then only those of the insertion's own client (the others may
    /// not have seen it yet when they edited).
    ///
    /// Plain removal often fails for a divergence: the edits that set up the conflict are
    /// aimed at positions that earlier insertions (typing at the start of the document, say)
    /// pushed along, and without them they point elsewhere. Every candidate has one edit
    /// fewer and no larger position, so shrinking still ends.
    mutating func removeInsertionsShiftingLaterEdits() -> Bool {
        var progress = false
        var index = current.edits.count - 1
        while index >= 0 {
            if index < current.edits.count,
               accept(current.removingInsertionShiftingLaterEdits(at: index, ofItsClientOnly: false))
                || accept(current.removingInsertionShiftingLaterEdits(at: index, ofItsClientOnly: true)) {
                progress = true
            }
            index -= 1
        }
        return progress
    }
}
