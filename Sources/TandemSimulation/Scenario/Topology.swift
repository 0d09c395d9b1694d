/// How the sites of a run are wired together.
public enum Topology: String, Sendable, Equatable, Codable, CaseIterable, CustomStringConvertible {
    /// Clients talk only to a central server over connections that drop but never lose,
    /// duplicate or reorder a message while they are up (WebSockets over TCP).
    case star
    /// No server: every client sends its own updates to every other client directly, over
    /// channels that may lose, duplicate and reorder messages (`ChannelFaults`), with
    /// acknowledgements and retransmission per peer.
    case mesh

    public var description: String { rawValue }
}
