import Foundation

/// A scenario that cannot be used: one line naming the file, the field and what to do.
public struct ScenarioError: Error, Sendable, CustomStringConvertible {
    /// The whole message.
    public var description: String

    init(_ description: String) {
        self.description = description
    }
}

/// Finds and reads scenarios: `--scenario NAME` looks for `NAME.json` in the scenario
/// directories; `--scenario FILE` (a path ending in `.json`) reads that file.
public enum ScenarioLibrary {
    /// `Scenarios/` in the current directory, then in the directories above the executable
    /// (so a tool built under `.build/` finds the package's scenarios).
    public static var searchDirectories: [URL] {
        var directories = [URL(fileURLWithPath: FileManager.default.currentDirectoryPath).appendingPathComponent("Scenarios")]
        var directory = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath().deletingLastPathComponent()
        for _ in 0..<5 {
            directories.append(directory.appendingPathComponent("Scenarios"))
            directory = directory.deletingLastPathComponent()
        }
        return directories
    }

    /// The scenario a `--scenario` argument names.
    public static func load(_ argument: String, searchDirectories: [URL] = ScenarioLibrary.searchDirectories) throws -> Scenario {
        if argument.hasSuffix(".json") || argument.contains("/") {
            return try read(URL(fileURLWithPath: argument), shownAs: argument)
        }
        for directory in searchDirectories {
            let file = directory.appendingPathComponent("\(argument).json")
            if FileManager.default.fileExists(atPath: file.path) {
                let scenario = try read(file, shownAs: file.path)
                guard scenario.name == argument else {
                    throw ScenarioError("\(file.path): field 'name' is '\(scenario.name)' but the file is named \(argument).json; make them agree")
                }
                return scenario
            }
        }
        if argument == Scenario.default.name { return .default }
        let known = names(in: searchDirectories)
        throw ScenarioError("unknown scenario '\(argument)' (known: \(known.isEmpty ? "default" : known.joined(separator: ", "))); "
                            + "give a name from Scenarios/ or a path to a .json file")
    }

    /// The names of the scenarios in the first directory that has any, sorted.
    public static func names(in directories: [URL]) -> [String] {
        for directory in directories {
            let files = (try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []
            let names = files.filter { $0.hasSuffix(".json") }.map { String($0.dropLast(5)) }.sorted()
            if !names.isEmpty { return names }
        }
        return []
    }

    /// Reads and validates a scenario file.
    public static func read(_ file: URL, shownAs name: String) throws -> Scenario {
        guard let data = FileManager.default.contents(atPath: file.path) else {
            throw ScenarioError("\(name): cannot read the file; check the path")
        }
        return try decode(data, shownAs: name)
    }

    /// Decodes a scenario, turning any decoding error into one line naming the field.
    public static func decode(_ data: Data, shownAs name: String) throws -> Scenario {
        do {
            return try JSONDecoder().decode(Scenario.self, from: data)
        } catch let error as DecodingError {
            throw ScenarioError("\(name): \(error.fieldDescription)")
        }
    }
}
