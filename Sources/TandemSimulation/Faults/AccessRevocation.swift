import TandemCore

/// The document's owner revokes a client's edit access mid-session: from `at` on, the server
/// must reject every operation the client sends.
public struct AccessRevocation: Sendable, Equatable, Codable {
    /// The client losing access, 1-based.
    public var client: Int
    /// When the server's access list changes.
    public var at: VirtualTime

    /// Creates a revocation.
    public init(client: Int, at: VirtualTime) {
        self.client = client
        self.at = at
    }
}
