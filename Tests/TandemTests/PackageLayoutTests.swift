import Foundation
import Testing

/// The house rules of README's Layout section, checked against the sources: which target may
/// import which, so that engines never learn of the simulator and the simulator never learns
/// of a particular engine.
@Suite struct PackageLayoutTests {
    private static let sources = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Sources")

    /// The project's modules each target may import (system modules are not listed).
    private static let allowedImports: [(target: String, modules: Set<String>)] = [
        ("TandemCore", []),
        ("TandemEngines", ["TandemCore"]),
        ("TandemSimulation", ["TandemCore"]),
        ("TandemChecks", ["TandemCore", "TandemSimulation"]),
        ("TandemShrinking", ["TandemCore", "TandemSimulation"]),
        ("Tandem", ["TandemCore", "TandemEngines", "TandemSimulation", "TandemChecks", "TandemShrinking"]),
        ("tandem", ["Tandem"]),
    ]

    @Test func everyTargetImportsOnlyWhatTheLayoutAllows() throws {
        for (target, _) in Self.allowedImports {
            let folder = Self.sources.appendingPathComponent(target)
            #expect(!(try Self.swiftFiles(under: folder)).isEmpty, "no Swift files under Sources/\(target)")
            #expect(try Self.forbiddenImports(of: target, in: folder) == [])
        }
    }

    @Test func theCheckCatchesAnEngineThatImportsTheSimulator() throws {
        let folder = FileManager.default.temporaryDirectory
            .appendingPathComponent("tandem-layout-\(ProcessInfo.processInfo.processIdentifier)")
            .appendingPathComponent("Leaky")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder.deletingLastPathComponent()) }
        try "import Foundation\n@testable import TandemSimulation\nimport TandemCore\n"
            .write(to: folder.appendingPathComponent("LeakyEngine.swift"), atomically: true, encoding: .utf8)
        #expect(try Self.forbiddenImports(of: "TandemEngines", in: folder) == ["LeakyEngine.swift imports TandemSimulation"])
    }

    /// `File.swift imports Module` for every project module a file under `folder` imports that
    /// `target` may not.
    private static func forbiddenImports(of target: String, in folder: URL) throws -> [String] {
        let projectModules = Set(allowedImports.map(\.target))
        let allowed = allowedImports.first { $0.target == target }?.modules ?? []
        return try swiftFiles(under: folder).flatMap { file in
            try importedModules(of: file)
                .filter { projectModules.contains($0) && !allowed.contains($0) }
                .map { "\(file.lastPathComponent) imports \($0)" }
        }
    }

    /// Every `.swift` file below a folder, in path order.
    private static func swiftFiles(under folder: URL) throws -> [URL] {
        guard let walker = FileManager.default.enumerator(at: folder, includingPropertiesForKeys: nil) else { return [] }
        return walker.compactMap { $0 as? URL }.filter { $0.pathExtension == "swift" }.sorted { $0.path < $1.path }
    }

    /// The modules a file imports, attributes such as `@_exported` or `@testable` set aside.
    private static func importedModules(of file: URL) throws -> [String] {
        try String(contentsOf: file, encoding: .utf8).split(separator: "\n").compactMap { line in
            let words = line.split(separator: " ").filter { !$0.hasPrefix("@") }
            guard words.count >= 2, words[0] == "import" else { return nil }
            return String(words[1])
        }
    }
}
