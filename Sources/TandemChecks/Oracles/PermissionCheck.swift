import TandemCore
import TandemSimulation

/// Permissions: no operation lands from a client whose role, at the moment the server commits
/// it, does not allow editing — a viewer, a commenter, or an editor whose access was revoked —
/// and the server carries out no "restore version" such a client asked for.
public struct PermissionCheck: Checker {
    private var roles: (Int, VirtualTime) -> ClientRole
    private var found: [Violation] = []

    /// Creates the check for a trace's access list (its roles and revocations).
    public init(trace: Trace) {
        roles = { trace.role(ofClient: $0, at: $1) }
    }

    public mutating func observed(_ event: SystemEvent, time: VirtualTime) {
        switch event {
        case .committed(let version, let author, let clientOpID) where author != 0:
            let role = roles(author, time)
            guard !role.canEdit else { return }
            found.append(Violation(
                .permissions, "c\(author)#\(clientOpID) landed as v\(version) although c\(author) is a \(role.rawValue)", at: time))
        case .restored(let version, let asVersion, let requester, _, _):
            let role = roles(requester, time)
            guard !role.canEdit else { return }
            found.append(Violation(
                .permissions, "c\(requester)'s restore of v\(version) landed as v\(asVersion) although c\(requester) is a \(role.rawValue)",
                at: time))
        default:
            break
        }
    }

    public mutating func violations(in outcome: RunOutcome) -> [Violation] {
        found
    }
}
