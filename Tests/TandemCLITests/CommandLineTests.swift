import Foundation
import Testing

/// Runs the built `tandem` executable in child processes, as a user would.
struct Tandem {
    struct Output {
        var status: Int32
        var standardOutput: String
        var standardError: String
    }

    static let executable: URL = {
        let directory = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        let candidates = [directory, directory.deletingLastPathComponent()].map { $0.appendingPathComponent("tandem") }
        return candidates.first { FileManager.default.isExecutableFile(atPath: $0.path) } ?? candidates[0]
    }()

    /// Where the fuzz runs of these tests file their fixtures, so that none lands in the
    /// package's own `Scenarios/Regressions`.
    static let scratchFixtures = FileManager.default.temporaryDirectory
        .appendingPathComponent("tandem-cli-tests-\(UUID().uuidString)").path

    static func run(_ arguments: String...) throws -> Output {
        try run(arguments: arguments)
    }

    static func run(arguments: [String]) throws -> Output {
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        let out = Pipe()
        let err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        let errData = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Output(
            status: process.terminationStatus,
            standardOutput: String(decoding: outData, as: UTF8.self),
            standardError: String(decoding: errData, as: UTF8.self))
    }

    /// Output with the wall-clock throughput figures of the summary line removed.
    static func withoutThroughput(_ text: String) -> String {
        text.split(separator: "\n", omittingEmptySubsequences: false).map { line in
            guard line.hasPrefix("summary:"), let cut = line.range(of: "; ", options: .backwards) else { return String(line) }
            return String(line[..<cut.lowerBound])
        }.joined(separator: "\n")
    }
}

@Suite(.serialized) struct CommandLineTests {
    @Test func replayPrintsTheSameTimelineInTwoProcesses() throws {
        let first = try Tandem.run("replay", "--engine", "ot-text", "--seed", "42", "--ops", "80", "--timeline")
        let second = try Tandem.run("replay", "--engine", "ot-text", "--seed", "42", "--ops", "80", "--timeline")
        #expect(first.status == 0)
        #expect(first.standardOutput == second.standardOutput)
        #expect(first.standardOutput.hasPrefix("seed: 42\n"))
        for event in ["send submit#", "deliver broadcast#", "transform", "acknowledged as v", "hash "] {
            #expect(first.standardOutput.contains(event), "timeline lacks \(event)")
        }
    }

    @Test func fuzzOutputIsIdenticalWithOneOrManyJobs() throws {
        let serial = try Tandem.run("fuzz", "--engine", "ot-text,buggy-ot", "--runs", "15", "--seed", "5", "--jobs", "1", "--ops", "120", "--fixtures", Tandem.scratchFixtures)
        let parallel = try Tandem.run("fuzz", "--engine", "ot-text,buggy-ot", "--runs", "15", "--seed", "5", "--jobs", "3", "--ops", "120", "--fixtures", Tandem.scratchFixtures)
        #expect(serial.status == 1)
        #expect(Tandem.withoutThroughput(serial.standardOutput).replacingOccurrences(of: "; 1 jobs", with: "")
                == Tandem.withoutThroughput(parallel.standardOutput).replacingOccurrences(of: "; 3 jobs", with: ""))
        #expect(serial.standardOutput.hasPrefix("seed: 5\n"))
    }

    @Test func aFailureLineReplaysTheSameFailure() throws {
        let fuzz = try Tandem.run("fuzz", "--engine", "buggy-ot", "--runs", "20", "--seed", "1", "--ops", "100", "--fixtures", Tandem.scratchFixtures)
        #expect(fuzz.status == 1)
        let line = try #require(fuzz.standardOutput.split(separator: "\n").first { $0.hasPrefix("FAIL buggy-ot") })
        let command = try #require(line.range(of: "replay: swift run -c release tandem "))
        let arguments = line[command.upperBound...].split(separator: " ").map(String.init)
        let replay = try Tandem.run(arguments: arguments)
        #expect(replay.status == 1)
        #expect(replay.standardOutput.contains("result: FAIL"))
        #expect(replay.standardOutput.contains("tp1"))
        let summary = try #require(fuzz.standardOutput.split(separator: "\n").last)
        #expect(summary.contains("runs/s") && summary.contains("simulated events/s"))
    }

    @Test func anEngineThatDoesNotClaimTP1FailsAsExpectedOnAStarAndExitsZero() throws {
        let fixtures = FileManager.default.temporaryDirectory.appendingPathComponent("tandem-expected-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: fixtures) }
        let fuzz = try Tandem.run("fuzz", "--engine", "ot-dopt", "--runs", "10", "--seed", "1", "--ops", "100", "--no-shrink",
                                  "--fixtures", fixtures.path)
        #expect(fuzz.status == 0)
        let lines = fuzz.standardOutput.split(separator: "\n")
        #expect(!lines.contains { $0.hasPrefix("FAIL") })
        let expected = lines.filter { $0.hasPrefix("EXPECTED ot-dopt seed=") }
        #expect(!expected.isEmpty)
        #expect(expected.allSatisfy { $0.contains("(ot-dopt does not claim tp1, which a star needs) [") })
        let summary = try #require(lines.last)
        #expect(summary.contains("0 failures, \(expected.count) expected,"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: fixtures.path).count == expected.count)
        let line = try #require(expected.first)
        let command = try #require(line.range(of: "replay: swift run -c release tandem "))
        let replay = try Tandem.run(arguments: line[command.upperBound...].split(separator: " ").map(String.init))
        #expect(replay.status == 1)
        #expect(replay.standardOutput.contains("expected: ot-dopt does not claim tp1, which a star needs"))
    }

    @Test func listsEnginesOnePerLine() throws {
        let output = try Tandem.run("engines")
        #expect(output.status == 0)
        let lines = output.standardOutput.split(separator: "\n")
        #expect(lines.count == 9)
        #expect(lines.contains { $0.hasPrefix("buggy-ot") && $0.contains("BROKEN ON PURPOSE") })
    }

    @Test(arguments: [
        (["fuzz", "--engine", "nope"], "unknown engine 'nope'"),
        (["fuzz", "--runs", "many"], "--runs must be a whole number"),
        (["fuzz", "--runs", "0"], "--runs must be a whole number"),
        (["fuzz", "--seed", "-3"], "--seed must be an unsigned 64-bit integer"),
        (["fuzz", "--frobnicate"], "unknown option '--frobnicate'"),
        (["fuzz", "--jobs"], "--jobs needs a value"),
        (["replay", "--seed", "3"], "needs exactly one --engine"),
        (["replay", "--engine", "rga"], "needs --seed"),
        (["launch"], "unknown command 'launch'"),
        (["fuzz", "--topology", "ring"], "--topology must be star or mesh"),
        (["replay", "/no/such/fixture.json"], "cannot read the fixture"),
        (["shrink", "--engine", "ot-text"], "needs --seed"),
        (["fuzz", "--flaw", "gremlins"], "unknown flaw 'gremlins'"),
        (["check", "--engine", "rga"], "is a CRDT"),
        (["check", "--engine", "ot-text", "--property", "tp3"], "--property must be tp1, tp2 or all"),
        (["check", "--engine", "ot-text", "--seed", "4"], "give --samples N too"),
    ])
    func badInputGetsOneLineAndExitStatusTwo(arguments: [String], message: String) throws {
        let output = try Tandem.run(arguments: arguments)
        let text = output.standardError
        #expect(output.status == 2)
        #expect(text.hasPrefix("tandem: "))
        #expect(text.contains(message))
        #expect(text.split(separator: "\n").count == 1)
    }

    @Test func checkReportsCountsAndTheSmallestCounterexampleAndFailsOnlyOnAClaim() throws {
        let clean = try Tandem.run("check", "--engine", "ot-text", "--property", "tp1", "--max-length", "2")
        #expect(clean.status == 0)
        #expect(clean.standardOutput.contains("tp1: 384 cases, 0 violations: holds"))
        let expected = try Tandem.run("check", "--engine", "ot-text", "--property", "tp2", "--max-length", "1")
        #expect(expected.status == 0)
        #expect(expected.standardOutput.contains("expected, ot-text does not claim tp2; smallest counterexample:"))
        #expect(expected.standardOutput.contains(#"tp2 violated on document "a""#))
        let sampled = try Tandem.run("check", "--engine", "buggy-ot", "--property", "tp1", "--max-length", "1", "--samples", "300", "--seed", "3")
        #expect(sampled.standardOutput.hasPrefix("seed: 3\n"))
        #expect(sampled.standardOutput.contains("tp1 samples: 300 cases"))
    }

    @Test func everyCommandHasHelp() throws {
        for command in ["fuzz", "replay", "shrink", "check", "engines"] {
            let output = try Tandem.run(command, "--help")
            #expect(output.status == 0)
            #expect(output.standardOutput.hasPrefix("Usage: tandem \(command)"))
        }
        #expect(try Tandem.run("--help").standardOutput.contains("Commands:"))
    }
}

@Suite struct ScenarioCommandLineTests {
    @Test func replayPrintsTheScenarioAndTheOptionsTheRunDrew() throws {
        let output = try Tandem.run("replay", "--engine", "rga", "--seed", "3", "--scenario", "friday-453pm")
        #expect(output.status == 0)
        #expect(output.standardOutput.contains("scenario: friday-453pm\noptions: 5 clients, "))
        #expect(output.standardOutput.contains("focus"))
    }

    @Test func aFailureLineCarriesTheScenarioFlags() throws {
        let fuzz = try Tandem.run("fuzz", "--engine", "buggy-ot", "--scenario", "friday-453pm", "--runs", "3", "--seed", "2", "--ops", "150", "--fixtures", Tandem.scratchFixtures)
        #expect(fuzz.status == 1)
        #expect(fuzz.standardOutput.contains("--scenario friday-453pm --ops 150\n"))
    }

    @Test func aMalformedScenarioFileGetsOneLineAndStatusTwo() throws {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("tandem-bad-scenario-\(getpid()).json")
        try Data(#"{"formatVersion": 1, "name": "x"}"#.utf8).write(to: file)
        defer { try? FileManager.default.removeItem(at: file) }
        let output = try Tandem.run("fuzz", "--scenario", file.path, "--runs", "1", "--fixtures", Tandem.scratchFixtures)
        #expect(output.status == 2)
        #expect(output.standardError == "tandem: \(file.path): missing field 'summary'\n")
        let unknown = try Tandem.run("replay", "--engine", "rga", "--seed", "1", "--scenario", "atlantis")
        #expect(unknown.status == 2)
        #expect(unknown.standardError.contains("unknown scenario 'atlantis'"))
    }

    /// Writes a fixture file with one field changed and replays it.
    private static func replayBrokenFixture(_ change: (inout [String: Any]) -> Void) throws -> Tandem.Output {
        let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("Scenarios/Regressions")
        let source = try #require(try FileManager.default.contentsOfDirectory(atPath: directory.path).sorted().first { $0.hasPrefix("buggy-ot-tp1") })
        var object = try JSONSerialization.jsonObject(with: Data(contentsOf: directory.appendingPathComponent(source))) as! [String: Any]
        change(&object)
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("tandem-broken-fixture-\(UUID().uuidString).json")
        try JSONSerialization.data(withJSONObject: object).write(to: path)
        defer { try? FileManager.default.removeItem(at: path) }
        return try Tandem.run("replay", path.path)
    }

    @Test func aFixtureReplaysWithExitOneWhileItFails() throws {
        let output = try Self.replayBrokenFixture { _ in }
        #expect(output.status == 1)
        #expect(output.standardOutput.contains("expectation met: the fixture expects it violates tp1"))
    }

    @Test func aBrokenFixtureGetsOneLineAndExitStatusTwo() throws {
        for (change, message) in [
            ({ (object: inout [String: Any]) in object["engine"] = "ot-nope" }, "unknown engine 'ot-nope'"),
            ({ (object: inout [String: Any]) in object["formatVersion"] = 99 }, "newer than this build reads"),
            ({ (object: inout [String: Any]) in object["expect"] = "works" }, "'works' is not an expectation"),
            ({ (object: inout [String: Any]) in object["trace"] = nil }, "missing field 'trace'"),
        ] {
            let output = try Self.replayBrokenFixture(change)
            #expect(output.status == 2, "\(message)")
            #expect(output.standardError.contains(message), "\(output.standardError)")
            #expect(output.standardError.split(separator: "\n").count == 1)
        }
    }
}
