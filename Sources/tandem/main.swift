import Foundation
import Tandem

/// The top-level help.
let topLevelHelp = """
    Tandem: finds convergence bugs in collaborative-editing engines (OT and CRDT) with a
    deterministic simulation of clients, a server and the network.

    Usage: tandem <command> [options]

    Commands:
      fuzz      fuzz engines with seeded runs; print failures with the command that replays them
      replay    re-run one seed or fixture exactly, optionally with its event timeline
      shrink    shrink a failure into a minimal regression fixture
      check     check an OT engine's TP1 and TP2 exhaustively within a bound
      engines   list the engines

    'tandem <command> --help' describes a command's options.
    """

let commands: [(name: String, help: String, run: ([String], EngineCatalog) throws -> Int32)] = [
    ("fuzz", FuzzCommand.help, FuzzCommand.run),
    ("replay", ReplayCommand.help, ReplayCommand.run),
    ("shrink", ShrinkCommand.help, ShrinkCommand.run),
    ("check", CheckCommand.help, CheckCommand.run),
    ("engines", EnginesCommand.help, EnginesCommand.run),
]

func fail(_ message: String) -> Never {
    FileHandle.standardError.write(Data("tandem: \(message)\n".utf8))
    exit(2)
}

var arguments = Array(CommandLine.arguments.dropFirst())
guard let first = arguments.first else { fail("no command given; try 'tandem --help'") }
if ["--help", "-h", "help"].contains(first) {
    print(topLevelHelp)
    exit(0)
}
guard let command = commands.first(where: { $0.name == first }) else {
    fail("unknown command '\(first)' (commands: fuzz, replay, shrink, check, engines); try 'tandem --help'")
}
arguments.removeFirst()
if arguments.contains("--help") || arguments.contains("-h") {
    print(command.help)
    exit(0)
}
do {
    let status = try command.run(arguments, EngineCatalog.builtIn)
    exit(status)
} catch let error as UsageError {
    fail(error.message)
} catch {
    fail("\(error)")
}
