import TandemCore
import TandemSimulation

/// Cursors and selections: both ends of every remote cursor a client shows lie within its
/// document at every moment; a client stops showing the cursor of a client that left (judged
/// on the network's truth: once the owner has been gone, and the client itself connected,
/// for longer than two worst-case latencies — the server's `presence_leave`, or the new
/// session's catch-up, has arrived by then); and at the end every cursor shown sits where
/// its owner has its own selection, both ends.
public struct CursorCheck: Checker {
    /// How long a client may keep showing a departed owner's cursor; nil skips that check.
    private let leaveGraceMicroseconds: Int64?
    private var outOfBounds: Violation?
    private var ghost: Violation?
    private var own: [Int: Selection] = [:]
    private var shown: [(site: Int, cursors: [Selection?])] = []
    /// Per client, since when its connection has been down (absent while it is up).
    private var downSince: [Int: VirtualTime] = [:]
    /// Per client, since when its connection has been up (absent: since the start).
    private var upSince: [Int: VirtualTime] = [:]

    /// Creates the check without the presence-leave part (it needs the trace's latencies).
    public init() {
        leaveGraceMicroseconds = nil
    }

    /// Creates the check for one run of `trace`, presence leave included.
    public init(trace: Trace) {
        leaveGraceMicroseconds = 2 * trace.network.latency.maximumMicroseconds + 1
    }

    public mutating func observed(_ event: SystemEvent, time: VirtualTime) {
        switch event {
        case .cursorsShown(let site, let length, let cursors):
            for (owner, selection) in cursors.enumerated() {
                guard let selection else { continue }
                if outOfBounds == nil, !selection.fits(length: length) {
                    outOfBounds = Violation(
                        .cursors, "c\(site) shows c\(owner)'s cursor at \(selection), outside its document of length \(length)", at: time)
                }
                if ghost == nil, let grace = leaveGraceMicroseconds, let left = downSince[owner], downSince[site] == nil {
                    let since = max(left, upSince[site] ?? .zero)
                    if time.microseconds - since.microseconds > grace {
                        ghost = Violation(
                            .cursors, "c\(site) still shows c\(owner)'s cursor at \(selection) \(VirtualTime(microseconds: time.microseconds - left.microseconds)) "
                                + "after c\(owner) left", at: time)
                    }
                }
            }
        case .connectionChanged(let client, let up):
            downSince[client] = up ? nil : time
            upSince[client] = up ? time : nil
        case .cursorsAtEnd(let site, let selection, let cursors):
            own[site] = selection
            shown.append((site, cursors))
        default:
            break
        }
    }

    public mutating func violations(in outcome: RunOutcome) -> [Violation] {
        var found = [outOfBounds, ghost].compactMap { $0 }
        guard outcome.unfinishedWork == nil else { return found }
        for (site, cursors) in shown {
            for (owner, selection) in cursors.enumerated() {
                guard let selection, let owned = own[owner], selection != owned else { continue }
                found.append(Violation(
                    .cursors, "c\(site) shows c\(owner)'s cursor at \(selection), but c\(owner)'s \(owned.isCaret ? "caret" : "selection") is at \(owned)",
                    at: outcome.endTime))
                return found
            }
        }
        return found
    }
}
