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

    /// Creates run options.
    public init(clients: Int, operations: Int, initialLength: Int, latency: LatencySpec, workload: TypingWorkload) {
        self.clients = clients
        self.operations = operations
        self.initialLength = initialLength
        self.latency = latency
        self.workload = workload
    }

    /// One line listing every drawn option.
    public var description: String {
        "\(clients) clients, \(operations) edits, initial text \(initialLength) scalars, latency \(latency), workload \(workload)"
    }
}
