import TandemCore

/// A stable name for one message of a run, from which the network derives its choices
/// (latency today; loss and duplication later) so that those choices survive the removal
/// of other messages from the trace.
public struct MessageKey: Sendable, Equatable, CustomStringConvertible {
    /// What the message carries.
    public enum Kind: UInt64, Sendable {
        /// A client's operation or update on its way to the server.
        case submit = 1
        /// The server's acknowledgement of a client's operation.
        case ack = 2
        /// An operation or update the server forwards to another client.
        case broadcast = 3
        /// A client's first message on a new connection: what it has seen, what it still holds.
        case hello = 4
        /// The server's answer to a hello: the operations the client missed.
        case welcome = 5
        /// The server tells a client to replace its document (too far behind, or rejected).
        case reload = 6
        /// The server's answer to an operation it had already committed.
        case duplicate = 7
        /// A client's cursor, on its way to the server or relayed to another client.
        case cursor = 8
        /// A message between two peers on a mesh channel.
        case peer = 9
        /// A client's "restore version" request to the server (sent once, never resent).
        case restore = 10
        /// The server tells a client that another one left (`presence_leave`).
        case leave = 11
        /// A peer acknowledges another's cursor on a mesh channel.
        case cursorAck = 12
    }

    /// What the message carries.
    public var kind: Kind
    /// The edit the message stems from (for a composed operation, its first edit).
    public var edit: Int
    /// The sending site (0 is the server).
    public var from: Int
    /// The receiving site.
    public var to: Int
    /// Tells apart messages that would otherwise share a key: resends, successive connections,
    /// successive cursor updates.
    public var attempt: Int

    /// Creates a message key.
    public init(kind: Kind, edit: Int, from: Int, to: Int, attempt: Int = 0) {
        self.kind = kind
        self.edit = edit
        self.from = from
        self.to = to
        self.attempt = attempt
    }

    /// The key as one 64-bit value, combined from its fields with `StableHash`.
    public var stableValue: UInt64 {
        var fields = [kind.rawValue, UInt64(bitPattern: Int64(edit)), UInt64(from), UInt64(to)]
        if attempt != 0 { fields.append(UInt64(bitPattern: Int64(attempt))) }
        return StableHash.combine(fields)
    }

    public var description: String { attempt == 0 ? "\(kind)#\(edit)" : "\(kind)#\(edit).\(attempt)" }
}
