import TandemCore

/// A client's presence bookkeeping: whether it shares its cursor (or selection), and what it
/// still owes the others. Every protocol throttles the same way.
///
/// A sharing client sends its selection when the user moves it (at most one message per
/// `throttleMicroseconds`, the last one always sent), and once more when its document has
/// been quiet for `settleMicroseconds` after any change, so that every view of its cursor
/// ends exact even where concurrent edits left a position ambiguous.
struct PresenceState {
    /// At most one cursor message per 200 ms per client, as the seeds say.
    static var throttleMicroseconds: Int64 { 200_000 }
    /// After this much quiet following a change, the client re-sends its cursor once.
    static var settleMicroseconds: Int64 { 2_000_000 }
    /// The timer tag of the throttle; protocols keep their own tags non-negative or below -2.
    static var throttleTag: Int { -1 }
    /// The timer tag of the settle timer.
    static var settleTag: Int { -2 }

    var shares = false
    /// The user selects what each insert typed (`Trace.selectingClients`).
    var selects = false
    /// Something changed that the others have not been told.
    var owed = false
    var lastSent: VirtualTime?
    var throttleArmed = false
    /// The settle timer that counts; earlier ones were superseded by later changes.
    var settleDue: VirtualTime?
    /// Counts presence messages: each message's sequence number and network key.
    var sent = 0

    /// Whether an owed message may go out at `now`. When it may, the message counts as sent
    /// (`sent` is its sequence number); when the throttle holds it back, `armTimer` is called
    /// (once per throttle period) with the delay after which to try again under `throttleTag`.
    mutating func maySend(at now: VirtualTime, armTimer: (Int64) -> Void) -> Bool {
        if let last = lastSent, now.microseconds - last.microseconds < Self.throttleMicroseconds {
            if !throttleArmed {
                throttleArmed = true
                armTimer(Self.throttleMicroseconds - (now.microseconds - last.microseconds))
            }
            return false
        }
        owed = false
        lastSent = now
        sent += 1
        return true
    }

    /// The document changed at `now`: the client owes a message, and the settle timer (to set
    /// under `settleTag` after `settleMicroseconds`) supersedes any earlier one.
    mutating func documentChanged(at now: VirtualTime) {
        owed = true
        settleDue = now.advanced(by: Self.settleMicroseconds)
    }

    /// A presence timer fired at `now`: whether the client should try to send what it owes.
    mutating func timerFired(tag: Int, at now: VirtualTime) -> Bool {
        if tag == Self.throttleTag {
            throttleArmed = false
            return owed
        }
        guard tag == Self.settleTag, settleDue == now else { return false }
        settleDue = nil
        return owed
    }
}
