import Tandem

/// `tandem replay`: re-runs one seed exactly, optionally printing every event in virtual time.
enum ReplayCommand {
    static let help = """
        Usage: tandem replay --engine NAME --seed S [--scenario NAME|FILE] [--clients C] [--ops K] [--timeline]

        Re-runs the run a fuzz campaign printed, with the same seed, scenario and pins, and
        prints the options the run drew from its scenario.
          --timeline  print every event in virtual time: edits, sends, deliveries,
                      transforms, acknowledgements, restore requests and what the
                      server committed for them, and the state hash after each change
        Exit status: 0 the run passes, 1 a property is violated, 2 bad input.
        """

    static func run(_ arguments: [String], catalog: EngineCatalog) throws -> Int32 {
        let options = try CommandLineOptions(
            arguments, command: "replay", valued: ["engine", "seed", "scenario", "clients", "ops"], switches: ["timeline"])
        guard let engines = try options.engines("engine", catalog: catalog), engines.count == 1 else {
            throw UsageError("'tandem replay' needs exactly one --engine NAME (known: \(catalog.names))")
        }
        guard let seed = try options.seed("seed") else {
            throw UsageError("'tandem replay' needs --seed S, as printed by 'tandem fuzz'")
        }
        let engine = engines[0]
        let scenario = try options.scenario()
        let drawn = scenario.drawOptions(seed: seed)
        let trace = TraceGenerator.trace(seed: seed, options: drawn)
        let result = SeededRun.run(engine: engine, seed: seed, options: drawn, recordTimeline: options.has("timeline"))

        print("seed: \(seed)")
        print("engine: \(engine.name) (\(engine.familyName)\(engine.isDeliberatelyBroken ? ", broken on purpose" : ""))")
        print("scenario: \(scenario.name)")
        print("options: \(drawn)")
        print("roles: " + trace.roles.enumerated().map { "c\($0.offset + 1) \($0.element.rawValue)" }.joined(separator: ", ")
              + "; cursors shared by " + (trace.cursorSharers.isEmpty ? "nobody" : trace.cursorSharers.map { "c\($0)" }.joined(separator: ", ")))
        for fault in trace.faults.summaries { print("fault: \(fault)") }
        for line in result.timeline { print(line) }
        let statistics = result.outcome.statistics
        print("simulated: \(statistics.events) events, \(statistics.messages) messages, \(statistics.bytes) bytes, "
              + "\(statistics.transforms) transforms, \(statistics.skippedEdits) skipped edits, \(statistics.restores) restores "
              + "(\(statistics.skippedRestores) more not sent: offline), ends at \(result.outcome.endTime)")
        print("faults: \(statistics.disconnects) disconnects, \(statistics.reconnects) reconnects, \(statistics.crashes) crashes, "
              + "\(statistics.droppedMessages) messages lost, \(statistics.snapshots) snapshots, "
              + "\(statistics.discardedEdits) edits discarded uncommitted (rejected or reloaded)")
        for (site, text) in result.outcome.siteTexts.enumerated() {
            print("final \(RunOutcome.siteName(site)): length \(text.count), hash \(StableHash.hex(text.stableHash))")
        }
        if result.passed {
            print("result: pass")
            return 0
        }
        print("result: FAIL (\(result.violatedProperties.map(\.rawValue).joined(separator: ", ")))")
        for violation in result.violations { print("  \(violation)") }
        return 1
    }
}
