import TandemCore

/// The size of the runs a campaign generates.
public struct RunConfiguration: Sendable, Equatable {
    /// The number of clients.
    public var clients: Int
    /// The number of edit intents per run.
    public var operations: Int

    /// Creates a configuration; the defaults are the bounded ones plain `tandem fuzz` uses.
    public init(clients: Int = 4, operations: Int = 200) {
        self.clients = clients
        self.operations = operations
    }
}
