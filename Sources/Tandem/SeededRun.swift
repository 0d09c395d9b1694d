/// One fuzz run: a seed and a configuration make a trace, the trace runs through an engine
/// and the standard checkers judge it. `tandem fuzz` and `tandem replay` both go through here,
/// so a printed seed replays exactly the run that failed.
public enum SeededRun {
    /// Generates the run's trace and runs it.
    public static func run(
        engine: EngineDescriptor, seed: UInt64, configuration: RunConfiguration, recordTimeline: Bool = false
    ) -> RunResult {
        let trace = TraceGenerator.trace(seed: seed, configuration: configuration)
        return Simulator.run(engine: engine, trace: trace, checkers: StandardCheckers.make(), recordTimeline: recordTimeline)
    }

    /// The shell command that replays a run from a fresh clone.
    public static func replayCommand(engine: String, seed: UInt64, configuration: RunConfiguration) -> String {
        "swift run -c release tandem replay --engine \(engine) --seed \(seed) "
            + "--clients \(configuration.clients) --ops \(configuration.operations)"
    }
}
