import Tandem

/// The lines `tandem fuzz` and `tandem shrink` print about a filed fixture.
enum FailureReport {
    /// `shrunk to …, from …` (when shrunk) and the fixture's path with the command that replays it.
    static func lines(for fixture: Fixture, at path: String) -> [String] {
        var lines: [String] = []
        if let shrunk = fixture.foundBy.shrunk {
            lines.append("  shrunk to \(shrunk) (from \(fixture.foundBy.original); "
                         + "\(fixture.foundBy.shrinkSteps) steps, \(fixture.foundBy.shrinkRuns) runs)")
        }
        lines.append("  fixture: \(path); replay: swift run -c release tandem replay \(path)")
        return lines
    }
}
