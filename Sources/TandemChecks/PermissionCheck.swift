import TandemCore
import TandemSimulation

/// Permissions: no operation lands from a client whose role, at the moment the server commits
/// it, does not allow editing — a viewer, a commenter, or an editor whose access was revoked.
public struct PermissionCheck: Checker {
    private var roles: (Int, VirtualTime) -> ClientRole
    private var found: [Violation] = []

    /// Creates the check for a trace's access list (its roles and revocations).
    public init(trace: Trace) {
        roles = { trace.role(ofClient: $0, at: $1) }
    }

    public mutating func observed(_ event: SystemEvent, time: VirtualTime) {
        guard case .committed(let version, let author, let clientOpID) = event else { return }
        let role = roles(author, time)
        guard !role.canEdit else { return }
        found.append(Violation(
            .permissions, "c\(author)#\(clientOpID) landed as v\(version) although c\(author) is a \(role.rawValue)", at: time))
    }

    public mutating func violations(in outcome: RunOutcome) -> [Violation] {
        found
    }
}
