import TandemCore
import TandemSimulation

/// Convergence: at quiescence every client and the server hold byte-identical text.
public struct ConvergenceCheck: Checker {
    /// Creates the check.
    public init() {}

    public mutating func violations(in outcome: RunOutcome) -> [Violation] {
        guard let reference = outcome.siteTexts.first else { return [] }
        var found: [Violation] = []
        for (site, text) in outcome.siteTexts.enumerated().dropFirst() where text != reference {
            let serverScalars = reference.scalars
            let siteScalars = text.scalars
            let common = min(serverScalars.count, siteScalars.count)
            let firstDifference = (0..<common).first { serverScalars[$0] != siteScalars[$0] } ?? common
            found.append(Violation(
                .convergence,
                "\(RunOutcome.siteName(site)) differs from the server from position \(firstDifference): "
                    + "length \(text.count) vs \(reference.count), hash \(StableHash.hex(text.stableHash)) vs \(StableHash.hex(reference.stableHash))",
                at: outcome.endTime))
        }
        return found
    }
}
