/// One fuzz run: a seed and a scenario make the run's options and trace, the trace runs
/// through an engine and the standard checkers judge it. `tandem fuzz` and `tandem replay`
/// both go through here, so a printed seed replays exactly the run that failed.
public enum SeededRun {
    /// Draws the run's options and trace, and runs it.
    public static func run(
        engine: EngineDescriptor, seed: UInt64, scenario: Scenario, recordTimeline: Bool = false, flaws: SystemFlaws = []
    ) -> RunResult {
        run(engine: engine, seed: seed, options: scenario.drawOptions(seed: seed), recordTimeline: recordTimeline, flaws: flaws)
    }

    /// Runs the seed with options already drawn (by `Scenario.drawOptions(seed:)` for the same seed).
    /// `flaws` plants bugs in the simulated system.
    public static func run(
        engine: EngineDescriptor, seed: UInt64, options: RunOptions, recordTimeline: Bool = false, flaws: SystemFlaws = []
    ) -> RunResult {
        Regression.run(engine: engine, trace: TraceGenerator.trace(seed: seed, options: options), flaws: flaws, recordTimeline: recordTimeline)
    }
}
