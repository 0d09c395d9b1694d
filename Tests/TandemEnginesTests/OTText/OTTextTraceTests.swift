import Foundation
import TandemCore
import TandemEngines
import Testing

/// The shared traces directory is a sibling of the package root, which is four levels up
/// from this file (Tests/TandemEnginesTests/OTText/OTTextTraceTests.swift).
private let sveltecomponentTrace = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent()
    .deletingLastPathComponent()
    .deletingLastPathComponent()
    .deletingLastPathComponent()
    .deletingLastPathComponent()
    .appendingPathComponent("shared/traces/sequential/sveltecomponent.json")

/// A sequential editing trace from josephg/editing-traces (CC BY 4.0, Joseph Gentle).
private struct SequentialTrace: Decodable {
    struct Transaction: Decodable {
        let patches: [Patch]
    }

    /// `[position, deleteCount, insertedText]`, positions counting Unicode scalars.
    struct Patch: Decodable {
        let position: Int
        let deleteCount: Int
        let inserted: String

        init(from decoder: any Decoder) throws {
            var container = try decoder.unkeyedContainer()
            position = try container.decode(Int.self)
            deleteCount = try container.decode(Int.self)
            inserted = try container.decode(String.self)
        }
    }

    let startContent: String
    let endContent: String
    let txns: [Transaction]
}

@Test(.enabled(
    if: FileManager.default.fileExists(atPath: sveltecomponentTrace.path),
    "needs the shared trace ../shared/traces/sequential/sveltecomponent.json beside the package root"
))
func sveltecomponentTraceReplaysThroughOTText() throws {
    let trace = try JSONDecoder().decode(SequentialTrace.self, from: Data(contentsOf: sveltecomponentTrace))
    let engine = OTTextEngine()
    var document = TextBuffer(trace.startContent)
    var patchCount = 0
    for transaction in trace.txns {
        for patch in transaction.patches {
            if patch.deleteCount > 0 {
                let deletion = engine.deletion(of: patch.position..<patch.position + patch.deleteCount, in: document)
                try engine.apply(deletion, to: &document)
            }
            if !patch.inserted.isEmpty {
                let insertion = engine.insertion(of: Array(patch.inserted.unicodeScalars), at: patch.position, in: document)
                try engine.apply(insertion, to: &document)
            }
            patchCount += 1
        }
    }
    document.checkInvariants()
    #expect(patchCount == 19_749)
    #expect(document.scalars == Array(trace.endContent.unicodeScalars))
}
