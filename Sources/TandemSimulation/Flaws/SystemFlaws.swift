/// Deliberate bugs in the simulated system (not in the engine), each switched on by a test to
/// prove that an oracle catches it. Campaigns always run with none.
public struct SystemFlaws: OptionSet, Sendable, Hashable {
    public let rawValue: Int

    /// Creates a set of flaws from its raw value.
    public init(rawValue: Int) {
        self.rawValue = rawValue
    }

    /// The server acknowledges and broadcasts an operation before appending it to the durable
    /// log, so a crash in between loses an operation its author saw acknowledged.
    public static let broadcastBeforeDurableAppend = SystemFlaws(rawValue: 1 << 0)
    /// A restarted server does not rebuild its `(client, client_op_id)` table from the log,
    /// so a resent operation is committed twice.
    public static let forgetsDedupTableOnRestart = SystemFlaws(rawValue: 1 << 1)
    /// The server commits operations without checking the author's role.
    public static let skipsPermissionCheck = SystemFlaws(rawValue: 1 << 2)
    /// Clients leave the remote cursors they show where they were when an operation lands.
    public static let leavesRemoteCursorsUntransformed = SystemFlaws(rawValue: 1 << 3)
    /// The server writes the previous snapshot's text under each new snapshot's version, so
    /// the history rebuilt from it is wrong.
    public static let snapshotsStaleText = SystemFlaws(rawValue: 1 << 5)
    /// A client's resend timer is never cancelled, so it resends its last operation forever.
    public static let resendTimerNeverStops = SystemFlaws(rawValue: 1 << 4)
    /// Mesh peers send each update once and never retransmit it, so a message the channel
    /// loses is lost for good.
    public static let peersNeverRetransmit = SystemFlaws(rawValue: 1 << 6)
    /// The server carries out "restore version v" with the text of version v − 1, so the head
    /// it commits is not the text of the version it reports restored.
    public static let restoresOffByOneVersion = SystemFlaws(rawValue: 1 << 7)
    /// CRDT clients turn the anchors of a cursor they receive into plain positions and keep
    /// those, so the cursors they show drift as concurrent edits land.
    public static let keepsRawCursorPositions = SystemFlaws(rawValue: 1 << 8)
    /// Clients move only the head of a remote selection as edits land, leaving its anchor end
    /// where it was.
    public static let leavesSelectionAnchorsUntransformed = SystemFlaws(rawValue: 1 << 9)
    /// The server (or, in a mesh, each peer) never acts on a client leaving: the others keep
    /// showing its cursor until it comes back.
    public static let ignoresPresenceLeave = SystemFlaws(rawValue: 1 << 10)
}
