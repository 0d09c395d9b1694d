import TandemCore
import TandemSimulation

/// Order preservation: two characters a replica once saw in one order are never, later, in
/// the other order.
///
/// The check watches each replica step by step: the characters present both before and after
/// a change must keep their relative order. With convergence and no resurrection, this
/// implies the global property (a pair seen in some order by a replica stays so at that
/// replica until the end, and all replicas end equal), at O(n) per change instead of O(n²).
public struct OrderPreservationCheck: Checker {
    private var previous: [[Int]] = []
    private var positions: [Int] = []
    private var found: [Violation] = []
    private var reportedSites: [Int] = []

    /// Creates the check.
    public init() {}

    public mutating func textChanged(site: Int, text: TextBuffer, time: VirtualTime) {
        let current = text.scalars.compactMap { IdentityAlphabet.identity(of: $0) }
        while previous.count <= site { previous.append([]) }
        defer { previous[site] = current }
        guard !reportedSites.contains(site) else { return }

        let needed = (current.max() ?? -1) + 1
        if positions.count < needed { positions += [Int](repeating: -1, count: needed - positions.count) }
        for (index, identity) in current.enumerated() where positions[identity] == -1 {
            positions[identity] = index
        }
        defer { for identity in current { positions[identity] = -1 } }

        var lastPosition = -1
        var lastIdentity = -1
        for identity in previous[site] where identity < positions.count && positions[identity] >= 0 {
            let position = positions[identity]
            if position < lastPosition {
                let before = TextEscaping.quoted(String(IdentityAlphabet.scalar(for: lastIdentity)))
                let after = TextEscaping.quoted(String(IdentityAlphabet.scalar(for: identity)))
                found.append(Violation(
                    .orderPreservation,
                    "\(RunOutcome.siteName(site)) had \(before) before \(after); now \(after) is at \(position), \(before) at \(lastPosition)",
                    at: time))
                reportedSites.append(site)
                return
            }
            lastPosition = position
            lastIdentity = identity
        }
    }

    public mutating func violations(in outcome: RunOutcome) -> [Violation] {
        found
    }
}
