import Foundation

/// A fixture that cannot be used: one line naming the file and what is wrong.
public struct FixtureError: Error, Sendable, CustomStringConvertible {
    /// The whole message.
    public var description: String

    init(_ description: String) {
        self.description = description
    }
}

/// Reads and writes regression fixtures.
public enum FixtureStore {
    /// Where `tandem fuzz` and `tandem shrink` write fixtures unless told otherwise.
    public static let defaultDirectory = "Scenarios/Regressions"
    /// The environment variable naming a directory of a user's own fixtures for `swift test`.
    public static let environmentVariable = "TANDEM_FIXTURES"

    /// Writes a fixture atomically under its content-hash name; returns its path.
    @discardableResult
    public static func write(_ fixture: Fixture, in directory: String) throws -> String {
        do {
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
            let path = (directory as NSString).appendingPathComponent(fixture.fileName)
            try fixture.jsonData().write(to: URL(fileURLWithPath: path), options: .atomic)
            return path
        } catch {
            throw FixtureError("cannot write a fixture in \(directory): \(error.localizedDescription); check the directory")
        }
    }

    /// Reads a fixture, turning any problem into one line naming the file.
    public static func read(_ path: String) throws -> Fixture {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw FixtureError("\(path): cannot read the fixture; check the path")
        }
        do {
            return try JSONDecoder().decode(Fixture.self, from: data)
        } catch let error as DecodingError {
            throw FixtureError("\(path): \(error.fieldDescription)")
        } catch {
            throw FixtureError("\(path): \(error)")
        }
    }

    /// The fixture files (`*.json`) in a directory, sorted by name; none when it does not exist.
    public static func files(in directory: String) -> [String] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []
        return names.filter { $0.hasSuffix(".json") }.sorted().map { (directory as NSString).appendingPathComponent($0) }
    }
}
