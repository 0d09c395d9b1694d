import Foundation

/// Turns failures into regression fixtures and replays fixtures: the glue between the
/// simulator, the checkers, the shrinker and the engine catalog.
public enum Regression {
    /// The property a failing run is shrunk and filed under: the first it violated, in
    /// `Property` order.
    public static func property(of result: RunResult) -> Property? {
        result.violatedProperties.first
    }

    /// Runs a trace on an engine with the standard checkers and the given flaws.
    public static func run(engine: EngineDescriptor, trace: Trace, flaws: SystemFlaws = [], recordTimeline: Bool = false) -> RunResult {
        Simulator.run(engine: engine, trace: trace, checkers: StandardCheckers.make(for: trace), recordTimeline: recordTimeline, flaws: flaws)
    }

    /// A trace's size, with the events of its run.
    public static func size(of trace: Trace, events: Int) -> Fixture.Size {
        Fixture.Size(edits: trace.edits.count, clients: trace.clients, faults: trace.faults.count, events: events)
    }

    /// Shrinks a failing trace while the engine keeps violating `property`.
    public static func shrink(engine: EngineDescriptor, trace: Trace, flaws: SystemFlaws = [], property: Property) -> Shrinker.Outcome {
        Shrinker { candidate in
            run(engine: engine, trace: candidate, flaws: flaws).violatedProperties.contains(property)
        }.shrink(trace)
    }

    /// Shrinks a failure recorded in a fixture and returns the shrunk fixture, with the
    /// original's provenance and the sizes before and after.
    public static func shrink(_ fixture: Fixture, engine: EngineDescriptor) -> Fixture {
        let flaws = fixture.systemFlaws ?? []
        let outcome = shrink(engine: engine, trace: fixture.trace, flaws: flaws, property: fixture.property)
        let events = run(engine: engine, trace: outcome.trace, flaws: flaws).outcome.statistics.events
        var shrunk = fixture
        shrunk.trace = outcome.trace
        shrunk.foundBy.shrunk = size(of: outcome.trace, events: events)
        shrunk.foundBy.shrinkSteps += outcome.steps
        shrunk.foundBy.shrinkRuns += outcome.attempts
        return shrunk
    }

    /// The engine a fixture names, or an error naming the fixture and the known engines.
    public static func engine(of fixture: Fixture, in catalog: EngineCatalog, path: String) throws -> EngineDescriptor {
        guard let engine = catalog.engine(named: fixture.engine) else {
            throw FixtureError("\(path): unknown engine '\(fixture.engine)' (known: \(catalog.names)); 'tandem engines' lists them")
        }
        return engine
    }

    /// Whether a replay of the fixture gives what it expects.
    public static func meetsExpectation(_ fixture: Fixture, _ result: RunResult) -> Bool {
        switch fixture.expect {
        case .converges: result.passed
        case .violates(let property): result.violatedProperties.contains(property)
        }
    }

    /// Files a failure: writes the fixture at once (so nothing is lost if shrinking goes
    /// wrong), then, when `shrinking`, shrinks it, writes the shrunk fixture and removes the
    /// unshrunk one. Returns the fixture kept and its path.
    public static func file(
        _ fixture: Fixture, engine: EngineDescriptor, in directory: String, shrinking: Bool
    ) throws -> (fixture: Fixture, path: String) {
        let unshrunkPath = try FixtureStore.write(fixture, in: directory)
        guard shrinking else { return (fixture, unshrunkPath) }
        let shrunk = shrink(fixture, engine: engine)
        let path = try FixtureStore.write(shrunk, in: directory)
        if path != unshrunkPath { try? FileManager.default.removeItem(atPath: unshrunkPath) }
        return (shrunk, path)
    }
}
