import Tandem

/// `tandem replay`: re-runs one seed exactly, optionally printing every event in virtual time.
enum ReplayCommand {
    static let help = """
        Usage: tandem replay --engine NAME --seed S [--scenario NAME|FILE] [--clients C] [--ops K] [--topology star|mesh]
                             [--flaw NAME[,NAME…]] [--timeline]
               tandem replay FIXTURE.json [--timeline]

        Re-runs the run a fuzz campaign printed, with the same seed, scenario and pins, and
        prints the options the run drew from its scenario.
          --timeline  print every event in virtual time: edits, sends, deliveries,
                      transforms, acknowledgements, restore requests and what the
                      server committed for them, and the state hash after each change
        A fixture replays its trace with its engine and flaws and prints what it expects.
        Exit status: 0 the run passes, 1 a property is violated, 2 bad input.
        """

    static func run(_ arguments: [String], catalog: EngineCatalog) throws -> Int32 {
        if let path = arguments.first, !path.hasPrefix("--") {
            return try replayFixture(at: path, arguments: Array(arguments.dropFirst()), catalog: catalog)
        }
        let options = try CommandLineOptions(
            arguments, command: "replay", valued: ["engine", "seed", "scenario", "clients", "ops", "topology", "flaw"], switches: ["timeline"])
        guard let engines = try options.engines("engine", catalog: catalog), engines.count == 1 else {
            throw UsageError("'tandem replay' needs exactly one --engine NAME (known: \(catalog.names))")
        }
        guard let seed = try options.seed("seed") else {
            throw UsageError("'tandem replay' needs --seed S, as printed by 'tandem fuzz'")
        }
        let engine = engines[0]
        let scenario = try options.scenario()
        let flaws = try options.flaws()
        let drawn = scenario.drawOptions(seed: seed)
        let trace = TraceGenerator.trace(seed: seed, options: drawn)
        let result = Regression.run(engine: engine, trace: trace, flaws: flaws, recordTimeline: options.has("timeline"))

        print("seed: \(seed)")
        print("engine: \(engine.name) (\(engine.familyName)\(engine.isDeliberatelyBroken ? ", broken on purpose" : ""))")
        if !flaws.isEmpty { print("planted flaws: \(flaws.names.joined(separator: ", "))") }
        print("scenario: \(scenario.name)")
        print("options: \(drawn)")
        return report(result, trace: trace, engine: engine)
    }

    private static func replayFixture(at path: String, arguments: [String], catalog: EngineCatalog) throws -> Int32 {
        let options = try CommandLineOptions(arguments, command: "replay", valued: [], switches: ["timeline"])
        let fixture = try FixtureStore.read(path)
        let engine = try Regression.engine(of: fixture, in: catalog, path: path)
        let result = Regression.run(engine: engine, trace: fixture.trace, flaws: fixture.systemFlaws ?? [], recordTimeline: options.has("timeline"))
        print("fixture: \(path)")
        print("engine: \(engine.name) (\(engine.familyName)\(engine.isDeliberatelyBroken ? ", broken on purpose" : ""))")
        if !fixture.flaws.isEmpty { print("planted flaws: \(fixture.flaws.joined(separator: ", "))") }
        print("expects: \(fixture.expect) (filed under \(fixture.property.rawValue))")
        if let seed = fixture.foundBy.seed { print("found by: seed \(seed) in scenario \(fixture.foundBy.scenario ?? "?")") }
        if let drawn = fixture.options { print("options the original run drew: \(drawn)") }
        let status = report(result, trace: fixture.trace, engine: engine)
        print("expectation \(Regression.meetsExpectation(fixture, result) ? "met" : "NOT met"): the fixture expects it \(fixture.expect)")
        return status
    }

    /// Prints the run's roles, faults, timeline, counters, final states and verdict; returns the exit status.
    private static func report(_ result: RunResult, trace: Trace, engine: EngineDescriptor) -> Int32 {
        let sharers = trace.cursorSharers.isEmpty ? "nobody" : trace.cursorSharers.map { "c\($0)" }.joined(separator: ", ")
        let selecting = trace.selectingClients.map { "c\($0)" }.joined(separator: ", ")
        print("roles: " + trace.roles.enumerated().map { "c\($0.offset + 1) \($0.element.rawValue)" }.joined(separator: ", ")
              + "; cursors shared by \(sharers)" + (selecting.isEmpty ? "" : "; selecting what they type: \(selecting)"))
        if let unsupported = Simulator.presenceUnsupported(engine: engine, topology: trace.topology) { print("presence: \(unsupported)") }
        for fault in trace.faults.summaries { print("fault: \(fault)") }
        for line in result.timeline { print(line) }
        let statistics = result.outcome.statistics
        print("simulated: \(statistics.events) events, \(statistics.messages) messages, \(statistics.bytes) bytes, "
              + "\(statistics.transforms) transforms, \(statistics.skippedEdits) skipped edits, \(statistics.restores) restores "
              + "(\(statistics.skippedRestores) more not sent: offline), ends at \(result.outcome.endTime)")
        print("faults: \(statistics.disconnects) disconnects, \(statistics.reconnects) reconnects, \(statistics.crashes) crashes, "
              + "\(statistics.droppedMessages) messages lost, \(statistics.duplicatedMessages) duplicated, \(statistics.snapshots) snapshots, "
              + "\(statistics.discardedEdits) edits discarded uncommitted (rejected or reloaded)")
        for site in result.outcome.sites {
            let text = result.outcome.siteTexts[site]
            print("final \(RunOutcome.siteName(site)): length \(text.count), hash \(StableHash.hex(text.stableHash))")
        }
        if result.passed {
            print("result: pass")
            return 0
        }
        print("result: FAIL (\(result.violatedProperties.map(\.rawValue).joined(separator: ", ")))")
        for violation in result.violations { print("  \(violation)") }
        let expected = EngineCatalog.missingClaims(explaining: result.violations, of: engine, topology: trace.topology)
        if !expected.isEmpty {
            print("expected: \(engine.name) does not claim \(expected.map(\.rawValue).joined(separator: " or ")), which a \(trace.topology) needs "
                  + "(tandem fuzz reports this run as EXPECTED)")
        }
        return 1
    }
}
