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
    }

    /// What the message carries.
    public var kind: Kind
    /// The edit the message stems from (for a composed operation, its first edit).
    public var edit: Int
    /// The sending site (0 is the server).
    public var from: Int
    /// The receiving site.
    public var to: Int

    /// Creates a message key.
    public init(kind: Kind, edit: Int, from: Int, to: Int) {
        self.kind = kind
        self.edit = edit
        self.from = from
        self.to = to
    }

    /// The key as one 64-bit value, combined from its fields with `StableHash`.
    public var stableValue: UInt64 {
        StableHash.combine([kind.rawValue, UInt64(bitPattern: Int64(edit)), UInt64(from), UInt64(to)])
    }

    public var description: String { "\(kind)#\(edit)" }
}
