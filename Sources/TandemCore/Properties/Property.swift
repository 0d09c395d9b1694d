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
    /// Transformation property 2: transforming an operation against two concurrent ones gives
    /// the same result along both orders of them. A mesh without a server needs it; `tandem
    /// check` checks it exhaustively.
    case tp2
    /// An operation whose author saw it acknowledged survives every crash.
    case durability
    /// Replaying the durable log (from the initial text or a snapshot) rebuilds the server's
    /// text exactly, at the head and at every past version it can reach.
    case history
    /// Every remote cursor a client shows stays within its document and ends where its owner has it.
    case cursors
    /// No operation from a viewer, a commenter or a revoked editor lands.
    case permissions
    /// The system reaches quiescence within the run's bounds, after the last fault healed.
    case liveness
    /// The engine rejected an operation the protocol handed it (e.g. a length mismatch).
    case engineError = "engine-error"

    /// Whether an OT engine whose transformation functions break TP1 or TP2 can violate this
    /// property by that alone: everything that compares texts, edits, order, cursors or
    /// progress can; durability, history and permissions are the system's own and cannot.
    /// A campaign reports such a violation as expected from an engine that does not claim
    /// what its topology needs.
    public var followsFromBrokenTransformation: Bool {
        switch self {
        case .durability, .history, .permissions: false
        default: true
        }
    }

    public static func < (lhs: Property, rhs: Property) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }
}
