import TandemCore

/// A client's cursor-sharing bookkeeping: whether it shares its cursor, and what it still
/// owes the others.
///
/// A sharing client sends its caret when the user moves it (at most one message per
/// `throttleMicroseconds`, the last one always sent), and once more when its document has
/// been quiet for `settleMicroseconds` after any change, so that every view of its cursor
/// ends exact even where concurrent edits left a position ambiguous. It sends only when it
/// has nothing pending, so the position is defined on a server version.
struct PresenceState {
    /// At most one cursor message per 200 ms per client, as the seeds say.
    static var throttleMicroseconds: Int64 { 200_000 }
    /// After this much quiet following a change, the client re-sends its cursor once.
    static var settleMicroseconds: Int64 { 2_000_000 }

    var shares = false
    /// Something changed that the others have not been told.
    var owed = false
    var lastSent: VirtualTime?
    var throttleArmed = false
    /// The settle timer that counts; earlier ones were superseded by later changes.
    var settleDue: VirtualTime?
    /// Counts cursor messages, to give each its own network key.
    var sent = 0
}
