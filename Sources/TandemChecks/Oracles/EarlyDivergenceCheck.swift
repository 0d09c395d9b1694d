import TandemCore
import TandemSimulation

/// Early divergence: whenever a client has nothing pending, its text must hash equal to the
/// server's text at the version it has incorporated. Where convergence only says that replicas
/// ended apart, this names the first version, site and time at which one disagreed.
public struct EarlyDivergenceCheck: Checker {
    private var serverHashes: [UInt64?] = []
    private var first: Violation?

    /// Creates the check.
    public init() {}

    public mutating func versionReached(site: Int, version: Int, text: TextBuffer, time: VirtualTime) {
        let hash = text.stableHash
        if site == 0 {
            while serverHashes.count <= version { serverHashes.append(nil) }
            serverHashes[version] = hash
            return
        }
        guard first == nil, version < serverHashes.count, let expected = serverHashes[version], expected != hash else { return }
        first = Violation(
            .earlyDivergence,
            "\(RunOutcome.siteName(site)) first disagrees with the server at v\(version): hash \(StableHash.hex(hash)) "
                + "vs \(StableHash.hex(expected))",
            at: time)
    }

    public mutating func violations(in outcome: RunOutcome) -> [Violation] {
        first.map { [$0] } ?? []
    }
}
