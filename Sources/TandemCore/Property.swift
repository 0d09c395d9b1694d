/// A correctness property Tandem checks after (or during) every run.
///
/// The raw value is the stable name printed in reports and accepted on the command line.
public enum Property: String, Sendable, Codable, CaseIterable, Comparable {
    /// Every replica and the server hold byte-identical text at quiescence.
    case convergence
    /// A replica synchronized at a server version holds exactly the server's text at that
    /// version: names the first step where replicas disagree.
    case earlyDivergence = "early-divergence"
    /// Every inserted character survives unless a delete intended to remove it.
    case lostEdit = "lost-edit"
    /// No character appears that was never inserted, or comes back after its deletion.
    case phantomEdit = "phantom-edit"
    /// No character appears more than once.
    case duplicatedEdit = "duplicated-edit"
    /// Two characters a replica once saw in one order never end in the other order.
    case orderPreservation = "order-preservation"
    /// Transformation property 1 on every transform the OT engine performed.
    case tp1
    /// The system reaches quiescence within the run's bounds.
    case liveness
    /// The engine rejected an operation the protocol handed it (e.g. a length mismatch).
    case engineError = "engine-error"

    public static func < (lhs: Property, rhs: Property) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }
}
