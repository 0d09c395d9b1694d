import TandemCore

/// The options one run drew from its scenario: what `tandem replay` prints so a user sees
/// which corner of the swarm a failing seed landed in.
public struct RunOptions: Sendable, Equatable, CustomStringConvertible {
    /// The number of clients.
    public var clients: Int
    /// The number of edit intents.
    public var operations: Int
    /// The length of the initial document.
    public var initialLength: Int
    /// The latency model.
    public var latency: LatencySpec
    /// The workload with its drawn weights.
    public var workload: TypingWorkload
    /// How many faults of each kind, and how long they last.
    public var faults: FaultMix
    /// The server's snapshot, trim and reload policy.
    public var server: ServerPolicy
    /// How many clients are viewers.
    public var viewers: Int
    /// How many clients are commenters.
    public var commenters: Int
    /// How many editors lose their access mid-run.
    public var revocations: Int
    /// How many clients share their cursor.
    public var cursorSharers: Int
    /// How many of the sharers select the text they type (see `Trace.selectingClients`).
    public var selectingClients: Int
    /// How the sites are wired.
    public var topology: Topology

    /// Creates run options; by default nothing fails, everybody edits and shares a cursor.
    public init(
        clients: Int, operations: Int, initialLength: Int, latency: LatencySpec, workload: TypingWorkload,
        faults: FaultMix = FaultMix(), server: ServerPolicy = .standard, viewers: Int = 0, commenters: Int = 0, revocations: Int = 0,
        cursorSharers: Int? = nil, selectingClients: Int = 0, topology: Topology = .star
    ) {
        self.clients = clients
        self.operations = operations
        self.initialLength = initialLength
        self.latency = latency
        self.workload = workload
        self.faults = faults
        self.server = server
        self.viewers = viewers
        self.commenters = commenters
        self.revocations = revocations
        self.cursorSharers = cursorSharers ?? clients
        self.selectingClients = selectingClients
        self.topology = topology
    }

    /// One line listing every drawn option.
    public var description: String {
        "\(clients) clients, \(operations) edits, initial text \(initialLength) scalars, latency \(latency), workload \(workload); "
            + "faults: \(faults); "
            + (topology == .mesh ? "topology mesh (no server, no roles)"
                : "server: \(server.summary); roles: \(viewers) viewer(s), \(commenters) commenter(s), "
                    + "\(revocations) revocation(s)")
            + "; \(cursorSharers) cursor sharer(s), \(selectingClients) selecting"
    }
}
