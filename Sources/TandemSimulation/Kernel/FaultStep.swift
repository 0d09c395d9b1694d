import TandemCore

/// A scheduled step of the fault plan, or of the connection machinery it sets off.
enum FaultStep {
    /// `faults.disconnects[index]` strikes (or, for a lost ack, is armed).
    case disconnect(Int)
    /// A client tries to (re)connect; `token` tells a current attempt from a superseded one.
    case reconnect(client: Int, token: Int)
    /// `faults.partitions[index]` starts.
    case partitionStarts(Int)
    /// `faults.partitions[index]` heals.
    case partitionHeals(Int)
    /// `faults.crashes[index]` strikes (or, for a crash at a point of the server's work, is armed).
    case crash(Int)
    /// The server crashed by `faults.crashes[index]` serves again.
    case restart(Int)
    /// `faults.revocations[index]` takes effect.
    case revoke(Int)
    /// Every fault has healed: armed faults that did not strike are disarmed.
    case faultsHealed
    /// A client's connection `connection` closed without a crash: the server (or, in a mesh,
    /// the peers) learn that the client left.
    case departed(client: Int, connection: Int)
}

/// What a fault step means for the replication protocol.
enum FaultEffect {
    /// A client's new connection is open; it should say hello.
    case connected(client: Int)
    /// The server lost its memory.
    case serverCrashed
    /// The server serves again and must rebuild from durable state.
    case serverRestarted(failover: Bool)
    /// A client left (its connection closed, not in a crash): the others should stop showing
    /// its presence.
    case departed(client: Int)
}
