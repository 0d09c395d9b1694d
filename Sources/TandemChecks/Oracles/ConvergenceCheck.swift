import TandemCore
import TandemSimulation

/// Convergence: at quiescence every client and the server (in a mesh, every client) hold
/// byte-identical text.
public struct ConvergenceCheck: Checker {
    /// Creates the check.
    public init() {}

    public mutating func violations(in outcome: RunOutcome) -> [Violation] {
        guard let referenceSite = outcome.sites.first else { return [] }
        let reference = outcome.siteTexts[referenceSite]
        var found: [Violation] = []
        for site in outcome.sites.dropFirst() where outcome.siteTexts[site] != reference {
            let text = outcome.siteTexts[site]
            let serverScalars = reference.scalars
            let siteScalars = text.scalars
            let common = min(serverScalars.count, siteScalars.count)
            let firstDifference = (0..<common).first { serverScalars[$0] != siteScalars[$0] } ?? common
            found.append(Violation(
                .convergence,
                "\(RunOutcome.siteName(site)) differs from \(referenceSite == 0 ? "the server" : RunOutcome.siteName(referenceSite)) from position \(firstDifference): "
                    + "length \(text.count) vs \(reference.count), hash \(StableHash.hex(text.stableHash)) vs \(StableHash.hex(reference.stableHash))",
                at: outcome.endTime))
        }
        return found
    }
}
