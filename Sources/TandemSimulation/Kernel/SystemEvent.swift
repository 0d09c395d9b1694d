import TandemCore

/// Something the simulated system did that an oracle may want to judge: commits, acks,
/// crashes, rejections, cursors, and the durable state found after the run.
///
/// Events carry no engine types, so any checker can follow them; checkers receive them
/// through `Checker.observed(_:time:)`.
public enum SystemEvent: Sendable {
    /// The server committed a client's operation (or stored its update) as `version`; author 0
    /// is the server itself, carrying out a restore, with its own counter as `clientOpID`.
    case committed(version: Int, author: Int, clientOpID: Int)
    /// The author learned that its operation was committed as `version` (an ack, or its own
    /// operation recognised in the catch-up after a reconnect).
    case acknowledged(client: Int, clientOpID: Int, version: Int)
    /// The server lost its memory and every connection.
    case serverCrashed
    /// The server serves again, rebuilt from its durable state, at version `head`.
    case serverRestarted(head: Int, failover: Bool)
    /// The server refused a client's operation, or (with `clientOpID` 0) its restore request:
    /// its role does not allow editing.
    case rejected(client: Int, clientOpID: Int)
    /// The server carries out `requester`'s "restore version": operations of its own delete
    /// `deleted` and insert again `reinserted` (scalars of earlier versions), so that its text
    /// at `version` is back as the head `asVersion`. Observed once the OT server has committed
    /// its operation, and before the CRDT relay stores its updates one by one: a crash may cut
    /// the latter short, and the restarted server's head is then below `asVersion`.
    case restored(version: Int, asVersion: Int, requester: Int, deleted: [Unicode.Scalar], reinserted: [Unicode.Scalar])
    /// A client threw its pending edits away and reloaded the document.
    case reloaded(client: Int, discardedEdits: Int, reason: String)
    /// A client's document or the cursors it shows changed: the cursors and selections of the
    /// others (indexed by client, nil where it shows none) in its document of `documentLength`
    /// scalars.
    case cursorsShown(site: Int, documentLength: Int, shown: [Selection?])
    /// After the run: each client's own selection and the selections it shows for the others.
    case cursorsAtEnd(site: Int, own: Selection, shown: [Selection?])
    /// The network's truth, not the protocol's: a client's connection to the server (star), or
    /// to its peers (mesh), went down or came up. A server crash takes every client down.
    case connectionChanged(client: Int, up: Bool)
    /// After the run: the server's text at `version`, rebuilt from durable state as `how`
    /// describes (e.g. `snapshot v100 + 7 ops`).
    case historyRebuilt(version: Int, text: TextBuffer, how: String)
    /// After the run: the server's durable state. `log` holds the identity of every entry
    /// still kept, from version `logStartsAt`; `committedThrough[c]` is the highest
    /// `client_op_id` of client `c` the durable state includes (index 0: of the server's own
    /// restore operations).
    case durableState(log: [OperationID], logStartsAt: Int, committedThrough: [Int])
}

/// An operation's identity across retries: its author and the author's `client_op_id`.
public struct OperationID: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// The authoring client, 1-based; 0 for the server's own operations (restores).
    public var client: Int
    /// The author's sequence number for the operation, from 1.
    public var clientOpID: Int

    /// Creates an identity.
    public init(client: Int, clientOpID: Int) {
        self.client = client
        self.clientOpID = clientOpID
    }

    public static func < (lhs: OperationID, rhs: OperationID) -> Bool {
        (lhs.client, lhs.clientOpID) < (rhs.client, rhs.clientOpID)
    }

    /// `c2#5`, or `server#3` for the server's own.
    public var description: String { "\(RunOutcome.siteName(client))#\(clientOpID)" }
}
