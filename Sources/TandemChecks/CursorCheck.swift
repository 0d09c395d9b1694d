import TandemCore
import TandemSimulation

/// Cursors: every remote cursor a client shows lies within its document at every moment, and
/// at the end sits where its owner has its own caret.
public struct CursorCheck: Checker {
    private var outOfBounds: Violation?
    private var carets: [Int: Int] = [:]
    private var shown: [(site: Int, cursors: [Int?])] = []

    /// Creates the check.
    public init() {}

    public mutating func observed(_ event: SystemEvent, time: VirtualTime) {
        switch event {
        case .cursorsShown(let site, let length, let cursors):
            guard outOfBounds == nil else { return }
            for (owner, position) in cursors.enumerated() {
                guard let position, position < 0 || position > length else { continue }
                outOfBounds = Violation(
                    .cursors, "c\(site) shows c\(owner)'s cursor at \(position), outside its document of length \(length)", at: time)
                return
            }
        case .cursorsAtEnd(let site, let caret, let cursors):
            carets[site] = caret
            shown.append((site, cursors))
        default:
            break
        }
    }

    public mutating func violations(in outcome: RunOutcome) -> [Violation] {
        var found = outOfBounds.map { [$0] } ?? []
        guard outcome.unfinishedWork == nil else { return found }
        for (site, cursors) in shown {
            for (owner, position) in cursors.enumerated() {
                guard let position, let caret = carets[owner], position != caret else { continue }
                found.append(Violation(
                    .cursors, "c\(site) shows c\(owner)'s cursor at \(position), but c\(owner)'s caret is at \(caret)", at: outcome.endTime))
                return found
            }
        }
        return found
    }
}
