import Foundation
import Testing
import Tandem

/// Every fixture under `Scenarios/Regressions/` (and under `$TANDEM_FIXTURES`, for users'
/// own) replays as it expects, and every shrunk fixture is 1-minimal.
@Suite struct RegressionFixtureTests {
    static let directory = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent(FixtureStore.defaultDirectory).path

    static let fixtures: [String] = FixtureStore.files(in: directory)
        + (ProcessInfo.processInfo.environment[FixtureStore.environmentVariable].map(FixtureStore.files(in:)) ?? [])

    @Test func thePackageShipsFixtures() {
        #expect(FixtureStore.files(in: Self.directory).count >= 5)
    }

    @Test(arguments: fixtures)
    func replaysAsItExpects(path: String) throws {
        let fixture = try FixtureStore.read(path)
        let engine = try Regression.engine(of: fixture, in: .builtIn, path: path)
        let result = Regression.run(engine: engine, trace: fixture.trace, flaws: fixture.systemFlaws ?? [])
        #expect(Regression.meetsExpectation(fixture, result), "\(path) expects it \(fixture.expect); got \(result.violatedProperties)")
    }

    @Test(arguments: fixtures)
    func aShrunkFixtureIsOneMinimal(path: String) throws {
        let fixture = try FixtureStore.read(path)
        guard fixture.foundBy.shrunk != nil, case .violates(let property) = fixture.expect else { return }
        let engine = try Regression.engine(of: fixture, in: .builtIn, path: path)
        for (what, candidate) in Shrinker.singleRemovals(of: fixture.trace) {
            let result = Regression.run(engine: engine, trace: candidate, flaws: fixture.systemFlaws ?? [])
            #expect(!result.violatedProperties.contains(property), "\(path) still violates \(property.rawValue) \(what)")
        }
    }
}
