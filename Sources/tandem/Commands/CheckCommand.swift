import Tandem

/// `tandem check`: TP1 and TP2 of an OT engine's transformation function, by exhaustive
/// enumeration within a bound and, optionally, by seeded samples beyond it.
enum CheckCommand {
    static let help = """
        Usage: tandem check --engine NAME [--property tp1|tp2|all] [--max-length L] [--alphabet A]
                            [--samples N [--seed S]] [--no-history]

        Checks TP1 and TP2 on every document of up to L scalars (default 3) over the first
        A letters (default 2) and every pair (TP1) or triple (TP2) of single-scalar edits on
        it, under every order of site priorities, in a fixed order; prints how many cases it
        checked and the smallest counterexample (document, edits, both results). Operations
        made on an earlier document and transformed past one concurrent edit are enumerated
        too, as they arrive at a site: functions whose operations carry metadata fail TP2 only
        on those.
          --no-history fresh operations only
          --property   tp1, tp2 or all (default all)
          --samples    also check N random cases beyond the bound: longer documents, edits of
                       up to three scalars; --seed draws them (default: a fresh seed, printed first)
        A violation of a property the engine claims (see 'tandem engines') is a failure; one
        it does not claim is reported as expected, with its counterexample.
        Exit status: 0 no claimed property violated, 1 a claimed property violated, 2 bad input.
        """

    static func run(_ arguments: [String], catalog: EngineCatalog) throws -> Int32 {
        let options = try CommandLineOptions(
            arguments, command: "check", valued: ["engine", "property", "max-length", "alphabet", "samples", "seed"], switches: ["no-history"])
        guard let engines = try options.engines("engine", catalog: catalog), engines.count == 1 else {
            throw UsageError("'tandem check' needs exactly one --engine NAME (known: \(catalog.names))")
        }
        let descriptor = engines[0]
        guard case .ot(let engine) = descriptor.family else {
            throw UsageError("engine \(descriptor.name) is a CRDT; 'tandem check' checks the transformation functions of OT engines")
        }
        let properties: [Property]
        switch options.string("property") ?? "all" {
        case "tp1": properties = [.tp1]
        case "tp2": properties = [.tp2]
        case "all": properties = [.tp1, .tp2]
        case let other: throw UsageError("--property must be tp1, tp2 or all, not '\(other)'")
        }
        let maxLength = try options.integer("max-length", default: 3, in: 0...8)
        let alphabet = try options.integer("alphabet", default: 2, in: 1...26)
        let samples = try options.integer("samples", default: 0, in: 0...100_000_000)
        var seed: UInt64?
        if samples > 0 {
            // The only system randomness here: a fresh sampling seed when none is given, printed first.
            var systemGenerator = SystemRandomNumberGenerator()
            seed = try options.seed("seed") ?? systemGenerator.next()
        } else if options.has("seed") {
            throw UsageError("--seed draws the --samples; give --samples N too")
        }
        return check(engine, descriptor: descriptor, properties: properties, maxLength: maxLength, alphabet: alphabet,
                     history: !options.has("no-history"), samples: samples, seed: seed)
    }

    private static func check<Engine: OTEngine>(
        _ engine: Engine, descriptor: EngineDescriptor, properties: [Property], maxLength: Int, alphabet: Int, history: Bool, samples: Int,
        seed: UInt64?
    ) -> Int32 {
        if let seed { print("seed: \(seed)") }
        let checker = TransformationPropertyCheck(engine: engine, maxLength: maxLength, alphabetSize: alphabet, history: history)
        let letters = checker.alphabet.map { String($0) }.joined(separator: ", ")
        let claims = descriptor.claims.isEmpty ? "claims no transformation property" : "claims \(descriptor.claims.map(\.rawValue).joined(separator: ", "))"
        print("tandem check: \(descriptor.name) (\(claims)); documents up to \(maxLength) scalars over {\(letters)}"
              + (history ? ", operations fresh and transformed once" : ", fresh operations only")
              + (samples > 0 ? "; \(samples) samples beyond the bound" : ""))
        var failed = false
        for property in properties {
            var reports = [("", checker.exhaustive(property))]
            if let seed { reports.append((" samples", checker.sampled(property, samples: samples, seed: seed))) }
            for (label, report) in reports {
                let skipped = report.skipped > 0 ? " (\(report.skipped) more skipped: TP1 fails there)" : ""
                let counted = "\(property.rawValue)\(label): \(report.cases) cases\(skipped), \(report.violations) violations"
                guard let smallest = report.smallest else {
                    print("\(counted): holds")
                    continue
                }
                if descriptor.claims(property) {
                    failed = true
                    print("\(counted): FAILS, and \(descriptor.name) claims \(property.rawValue); smallest counterexample:")
                } else {
                    print("\(counted): expected, \(descriptor.name) does not claim \(property.rawValue); smallest counterexample:")
                }
                print(smallest.description.split(separator: "\n").map { "  " + $0 }.joined(separator: "\n"))
            }
        }
        return failed ? 1 : 0
    }
}
