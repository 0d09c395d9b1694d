import Testing
import Tandem

/// The classical OT engines that break TP2 diverge on a mesh (adOPTed), and each divergence
/// shrinks to a handful of edits that is 1-minimal.
@Suite struct MeshShrinkTests {
    @Test(arguments: ["ot-dopt", "ot-ressel", "ot-sun"])
    func aMeshDivergenceShrinksToAHandfulOfEditsThatIsOneMinimal(engineName: String) throws {
        let engine = try #require(EngineCatalog.builtIn.engine(named: engineName))
        let scenario = try ScenarioLibrary.load("mesh-lossy").pinning(clients: 3, operations: 60)
        let failing = (0..<40).lazy.map { Campaign.runSeed(1, $0) }.map { TraceGenerator.trace(seed: $0, scenario: scenario) }
            .first { Regression.run(engine: engine, trace: $0).violatedProperties.contains(.convergence) }
        let trace = try #require(failing, "\(engineName) never diverged on mesh-lossy in 40 runs")
        let shrunk = Regression.shrink(engine: engine, trace: trace, property: .convergence).trace
        #expect(shrunk.topology == .mesh)
        #expect(shrunk.edits.count <= 5, "\(shrunk.edits.map(\.summary))")
        for (what, candidate) in Shrinker.singleRemovals(of: shrunk) {
            #expect(!Regression.run(engine: engine, trace: candidate).violatedProperties.contains(.convergence),
                    "still diverges \(what): not 1-minimal")
        }
    }
}
