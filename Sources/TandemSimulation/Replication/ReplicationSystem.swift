import TandemCore

/// What the sites of one replication protocol do on a local edit, a message, a timer and a
/// fault; the kernel drives it. Jupiter OT and CRDT relaying are the two implementations.
protocol ReplicationSystem {
    associatedtype Payload

    /// A user's edit at its client, already clamped to the client's document (never a no-op),
    /// or a "restore version" request at a connected client.
    mutating func perform(_ edit: EditIntent, kernel: inout SimulationKernel<Payload>)

    /// The length of a client's document, in scalars.
    func documentLength(ofClient site: Int) -> Int

    /// The scalars in a range of a client's document.
    func scalars(ofClient site: Int, in range: Range<Int>) -> [Unicode.Scalar]

    /// A message arrives at its destination.
    mutating func deliver(_ envelope: Envelope<Payload>, kernel: inout SimulationKernel<Payload>)

    /// A timer the system set fires.
    mutating func timerFired(site: Int, tag: Int, kernel: inout SimulationKernel<Payload>)

    /// A client's new connection to the server is open.
    mutating func connectionOpened(client: Int, kernel: inout SimulationKernel<Payload>)

    /// A client left (its connection closed, not in a crash): the server, or in a mesh every
    /// peer, stops showing its presence and tells whoever must know.
    mutating func clientDeparted(_ client: Int, kernel: inout SimulationKernel<Payload>)

    /// The server process died (the kernel has already dropped every connection).
    mutating func serverCrashed(kernel: inout SimulationKernel<Payload>)

    /// The server serves again and rebuilds its memory from durable state.
    mutating func serverRestarted(failover: Bool, kernel: inout SimulationKernel<Payload>)

    /// Every site's text: the server first, then clients 1...n.
    var siteTexts: [TextBuffer] { get }

    /// Nil when nothing is left to do; otherwise a description of what is unfinished.
    var unfinishedWork: String? { get }

    /// Runs after the last event: hands deferred observations (transforms, durable state) to the checkers.
    mutating func finish(kernel: inout SimulationKernel<Payload>)
}
