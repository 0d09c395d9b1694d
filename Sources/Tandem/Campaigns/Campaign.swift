import Dispatch
import Foundation

/// A fuzz campaign: many seeded runs of one or more engines, spread over worker threads.
///
/// Run `i` of every engine uses the seed `Campaign.runSeed(campaignSeed, i)`, so engines are
/// compared on the same traces. Results are reported in run order whatever the number of
/// jobs: the campaign's output is identical with 1 or N workers.
public struct Campaign: Sendable {
    /// The engines to fuzz, in report order.
    public var engines: [EngineDescriptor]
    /// The campaign seed; every run seed derives from it.
    public var seed: UInt64
    /// Runs per engine.
    public var runs: Int
    /// The bounds each run draws its options from.
    public var scenario: Scenario
    /// Worker threads.
    public var jobs: Int
    /// Bugs planted in the simulated system, to watch the harness catch them; none by default.
    public var flaws: SystemFlaws

    /// Creates a campaign.
    public init(engines: [EngineDescriptor], seed: UInt64, runs: Int, scenario: Scenario, jobs: Int, flaws: SystemFlaws = []) {
        self.engines = engines
        self.seed = seed
        self.runs = runs
        self.scenario = scenario
        self.jobs = max(1, jobs)
        self.flaws = flaws
    }

    /// The seed of run `index` of a campaign.
    public static func runSeed(_ campaignSeed: UInt64, _ index: Int) -> UInt64 {
        StableHash.combine(campaignSeed, UInt64(index))
    }

    /// A run that violated at least one property.
    public struct Failure: Sendable {
        /// The engine's name.
        public var engine: String
        /// The run's seed.
        public var seed: UInt64
        /// What was violated, ordered by property then time.
        public var violations: [Violation]
        /// The properties the run's topology needs that the engine does not claim, when every
        /// violation could follow from breaking them (`Property.followsFromBrokenTransformation`):
        /// then the failure is expected, a known and declared non-property. Empty otherwise.
        public var expectedFromMissingClaims: [Property]

        /// Whether the engine's declared claims explain the failure.
        public var isExpected: Bool { !expectedFromMissingClaims.isEmpty }
        /// The run's counts.
        public var statistics: SimulationStatistics
    }

    /// What a finished campaign found and how much it simulated.
    public struct Summary: Sendable {
        /// Runs performed.
        public var runs = 0
        /// Runs that violated a property and are not expected (`Failure.isExpected`).
        public var failures = 0
        /// Runs that violated only what the engine's missing claims explain.
        public var expectedFailures = 0
        /// Counts summed over all runs.
        public var statistics = SimulationStatistics()
    }

    private struct Outcome: Sendable {
        var failure: Failure?
        var statistics: SimulationStatistics
    }

    /// Runs the campaign, calling `report` for each failure in run order as soon as its batch ends.
    public func run(report: (Failure) -> Void) -> Summary {
        var summary = Summary()
        let total = engines.count * runs
        let batchSize = max(jobs * 16, 64)
        var start = 0
        while start < total {
            let end = min(total, start + batchSize)
            for outcome in runBatch(start..<end) {
                summary.runs += 1
                summary.statistics.add(outcome.statistics)
                if let failure = outcome.failure {
                    if failure.isExpected { summary.expectedFailures += 1 } else { summary.failures += 1 }
                    report(failure)
                }
            }
            start = end
        }
        return summary
    }

    private func runBatch(_ indices: Range<Int>) -> [Outcome] {
        let slots = ResultSlots<Outcome>(count: indices.count)
        let campaign = self
        DispatchQueue.concurrentPerform(iterations: min(jobs, indices.count)) { _ in
            while let slot = slots.claim() {
                slots.store(campaign.perform(indices.lowerBound + slot), at: slot)
            }
        }
        return slots.results()
    }

    private func perform(_ index: Int) -> Outcome {
        let engine = engines[index / runs]
        let runSeed = Self.runSeed(seed, index % runs)
        let result = SeededRun.run(engine: engine, seed: runSeed, scenario: scenario, flaws: flaws)
        let expected = EngineCatalog.missingClaims(explaining: result.violations, of: engine, topology: result.outcome.trace.topology)
        let failure = result.passed
            ? nil : Failure(engine: engine.name, seed: runSeed, violations: result.violations,
                            expectedFromMissingClaims: expected, statistics: result.outcome.statistics)
        return Outcome(failure: failure, statistics: result.outcome.statistics)
    }
}

/// Slots that worker threads claim one at a time and fill in any order; read back in index order.
private final class ResultSlots<Value: Sendable>: @unchecked Sendable {
    private let lock = NSLock()
    private var values: [Value?]
    private var nextClaim = 0

    init(count: Int) {
        values = Array(repeating: nil, count: count)
    }

    func claim() -> Int? {
        lock.lock()
        defer { lock.unlock() }
        guard nextClaim < values.count else { return nil }
        nextClaim += 1
        return nextClaim - 1
    }

    func store(_ value: Value, at index: Int) {
        lock.lock()
        values[index] = value
        lock.unlock()
    }

    func results() -> [Value] {
        lock.lock()
        defer { lock.unlock() }
        return values.map { $0! }
    }
}
