import TandemCore

/// The observable end state of a run, which checkers judge.
public struct RunOutcome: Sendable {
    /// The engine's name.
    public var engineName: String
    /// The input of the run.
    public var trace: Trace
    /// Each site's final text: index 0 is the server, then clients 1...n. In a mesh, which
    /// has no server, index 0 means nothing: read the sites in `sites`.
    public var siteTexts: [TextBuffer]
    /// Every scalar some author's delete meant to remove, as seen in the author's document,
    /// and every scalar a "restore version" removed.
    public var intendedDeletions: [Unicode.Scalar]
    /// Every scalar a "restore version" inserted again: each may be present at the end or
    /// not (a later delete may remove it again), but never more than once.
    public var restoredScalars: [Unicode.Scalar]
    /// The ids of edits their authors threw away uncommitted (a rejection or a forced
    /// reload): their characters are not expected anywhere, and their deletes did not happen.
    public var withdrawnEdits: [Int]
    /// Nil when the run reached quiescence; otherwise what was still unfinished.
    public var unfinishedWork: String?
    /// The virtual time of the last event.
    public var endTime: VirtualTime
    /// Counts from the run.
    public var statistics: SimulationStatistics

    /// Creates an outcome.
    public init(
        engineName: String, trace: Trace, siteTexts: [TextBuffer], intendedDeletions: [Unicode.Scalar],
        withdrawnEdits: [Int] = [], restoredScalars: [Unicode.Scalar] = [], unfinishedWork: String?, endTime: VirtualTime,
        statistics: SimulationStatistics
    ) {
        self.engineName = engineName
        self.trace = trace
        self.siteTexts = siteTexts
        self.intendedDeletions = intendedDeletions
        self.withdrawnEdits = withdrawnEdits
        self.restoredScalars = restoredScalars
        self.unfinishedWork = unfinishedWork
        self.endTime = endTime
        self.statistics = statistics
    }

    /// The sites that hold a replica: the server and every client in a star, the clients in a mesh.
    public var sites: [Int] {
        Array((trace.topology == .mesh ? 1 : 0)..<siteTexts.count)
    }

    /// The name of a site in reports: `server`, `c1`, `c2`, …
    public static func siteName(_ site: Int) -> String {
        site == 0 ? "server" : "c\(site)"
    }
}
