import TandemCore
import TandemSimulation

/// History: every version the server's durable state can rebuild (a snapshot, or a snapshot
/// plus log entries) equals the text the server held when it committed that version; and
/// every "restore version" of `v` committed as `w` rebuilds at `w` as the text of `v`, when
/// both can still be rebuilt.
///
/// The check records the server's text hash at each version as it commits; a restart that
/// rolls the server back forgets the versions beyond the restored head (a durability
/// violation, judged by `DurabilityCheck`, not a history one), and the restores meant to
/// end beyond it (rolled back, or cut short by the crash).
public struct HistoryCheck: Checker {
    private var serverHashes: [UInt64?] = []
    private var rebuilt: [(version: Int, hash: UInt64, length: Int, how: String, time: VirtualTime)] = []
    private var restores: [(version: Int, asVersion: Int, requester: Int, time: VirtualTime)] = []

    /// Creates the check.
    public init() {}

    public mutating func versionReached(site: Int, version: Int, text: TextBuffer, time: VirtualTime) {
        guard site == 0 else { return }
        while serverHashes.count <= version { serverHashes.append(nil) }
        serverHashes[version] = text.stableHash
    }

    public mutating func observed(_ event: SystemEvent, time: VirtualTime) {
        switch event {
        case .serverRestarted(let head, _):
            if serverHashes.count > head + 1 { serverHashes.removeLast(serverHashes.count - head - 1) }
            restores.removeAll { $0.asVersion > head }
        case .historyRebuilt(let version, let text, let how):
            rebuilt.append((version, text.stableHash, text.count, how, time))
        case .restored(let version, let asVersion, let requester, _, _):
            restores.append((version, asVersion, requester, time))
        default:
            break
        }
    }

    public mutating func violations(in outcome: RunOutcome) -> [Violation] {
        var expected = serverHashes
        if expected.isEmpty { expected.append(nil) }
        expected[0] = TextBuffer(outcome.trace.initialText).stableHash
        for version in rebuilt {
            guard version.version < expected.count, let hash = expected[version.version] else {
                return [Violation(.history, "\(version.how) rebuilds v\(version.version), a version the server never held", at: version.time)]
            }
            if hash != version.hash {
                return [Violation(
                    .history,
                    "\(version.how) rebuilds v\(version.version) as hash \(StableHash.hex(version.hash)) (length \(version.length)), "
                        + "but the server held hash \(StableHash.hex(hash)) at v\(version.version)",
                    at: version.time)]
            }
        }
        for restore in restores {
            guard let target = rebuilt.first(where: { $0.version == restore.version }),
                  let result = rebuilt.first(where: { $0.version == restore.asVersion }), target.hash != result.hash else { continue }
            return [Violation(
                .history,
                "c\(restore.requester)'s restore of v\(restore.version) committed as v\(restore.asVersion), which rebuilds as hash "
                    + "\(StableHash.hex(result.hash)) (length \(result.length)), but v\(restore.version) rebuilds as hash "
                    + "\(StableHash.hex(target.hash)) (length \(target.length))",
                at: restore.time)]
        }
        return []
    }
}
