/// One fuzz run: a seed and a scenario make the run's options and trace, the trace runs
/// through an engine and the standard checkers judge it. `tandem fuzz` and `tandem replay`
/// both go through here, so a printed seed replays exactly the run that failed.
public enum SeededRun {
    /// Draws the run's options and trace, and runs it.
    public static func run(engine: EngineDescriptor, seed: UInt64, scenario: Scenario, recordTimeline: Bool = false) -> RunResult {
        run(engine: engine, seed: seed, options: scenario.drawOptions(seed: seed), recordTimeline: recordTimeline)
    }

    /// Runs the seed with options already drawn (by `Scenario.drawOptions(seed:)` for the same seed).
    public static func run(engine: EngineDescriptor, seed: UInt64, options: RunOptions, recordTimeline: Bool = false) -> RunResult {
        let trace = TraceGenerator.trace(seed: seed, options: options)
        return Simulator.run(engine: engine, trace: trace, checkers: StandardCheckers.make(for: trace), recordTimeline: recordTimeline)
    }
}
