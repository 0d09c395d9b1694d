import Foundation
import TandemCore
import TandemEngines
import Testing

/// Replays a real editing trace (josephg/editing-traces, CC BY 4.0) through RGA replicas.
@Suite struct RGATraceTests {
    /// A sequential trace: patches `[position, deleteCount, inserted]` applied in order.
    struct Trace: Decodable {
        /// One edit: delete `deleteCount` scalars at `position`, then insert `inserted` there.
        struct Patch: Decodable {
            var position: Int
            var deleteCount: Int
            var inserted: [Unicode.Scalar]

            init(from decoder: any Decoder) throws {
                var fields = try decoder.unkeyedContainer()
                position = try fields.decode(Int.self)
                deleteCount = try fields.decode(Int.self)
                inserted = Array(try fields.decode(String.self).unicodeScalars)
            }
        }

        /// A group of patches made together.
        struct Transaction: Decodable {
            var patches: [Patch]
        }

        var startContent: String
        var endContent: String
        var txns: [Transaction]
    }

    /// `shared/traces/sequential/sveltecomponent.json` beside the package's directory.
    static let tracePath: String = {
        var components = #filePath.split(separator: "/", omittingEmptySubsequences: false)
        components.removeLast(5)
        return (components + ["shared", "traces", "sequential", "sveltecomponent.json"]).joined(separator: "/")
    }()

    /// Whether the trace file is there to replay.
    static let traceIsPresent = FileManager.default.fileExists(atPath: tracePath)

    /// The decoded trace.
    static func loadTrace() throws -> Trace {
        try JSONDecoder().decode(Trace.self, from: Data(contentsOf: URL(fileURLWithPath: tracePath)))
    }

    /// Applies one patch as a delete then an insert; returns the updates it made.
    static func apply(_ patch: Trace.Patch, to replica: inout RGAReplica) -> [RGAUpdate] {
        var updates: [RGAUpdate] = []
        if patch.deleteCount > 0 {
            updates.append(replica.delete(patch.position..<(patch.position + patch.deleteCount)))
        }
        if !patch.inserted.isEmpty {
            updates.append(replica.insert(patch.inserted, at: patch.position))
        }
        return updates
    }

    @Test(.enabled(if: traceIsPresent, "needs ../shared/traces/sequential/sveltecomponent.json beside the package"))
    func replaysSvelteComponentOnOneReplica() throws {
        let trace = try Self.loadTrace()
        var replica = RGAReplica(replicaID: 1, initialText: Array(trace.startContent.unicodeScalars))
        for transaction in trace.txns {
            for patch in transaction.patches { _ = Self.apply(patch, to: &replica) }
        }
        #expect(replica.text.scalars == Array(trace.endContent.unicodeScalars))
        #expect(replica.count == trace.endContent.unicodeScalars.count)
        replica.checkInvariants()
    }

    @Test(.enabled(if: traceIsPresent, "needs ../shared/traces/sequential/sveltecomponent.json beside the package"))
    func replaysSvelteComponentOntoASecondReplica() throws {
        let trace = try Self.loadTrace()
        let start = Array(trace.startContent.unicodeScalars)
        var author = RGAReplica(replicaID: 1, initialText: start)
        var reader = RGAReplica(replicaID: 2, initialText: start)
        for transaction in trace.txns {
            for patch in transaction.patches {
                for update in Self.apply(patch, to: &author) { reader.integrate(update) }
            }
        }
        let end = Array(trace.endContent.unicodeScalars)
        #expect(author.text.scalars == end)
        #expect(reader.text.scalars == end)
        #expect(reader.pendingUpdateCount == 0)
        #expect(reader.encodedSize == author.encodedSize)
        reader.checkInvariants()
    }
}
