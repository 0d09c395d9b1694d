import Foundation
import Testing
import TandemCore
import TandemSimulation

@Suite struct TraceTests {
    @Test func theSameSeedGivesTheSameTrace() {
        let scenario = Scenario.default.pinning(clients: 5, operations: 300)
        #expect(TraceGenerator.trace(seed: 42, scenario: scenario) == TraceGenerator.trace(seed: 42, scenario: scenario))
        #expect(TraceGenerator.trace(seed: 42, scenario: scenario) != TraceGenerator.trace(seed: 43, scenario: scenario))
    }

    @Test func roundTripsThroughJSONWithStableBytes() throws {
        let trace = TraceGenerator.trace(seed: 0xDEAD_BEEF_0000_0001, scenario: Scenario.default.pinning(clients: 3, operations: 120))
        let data = try trace.jsonData()
        #expect(try Trace.fromJSON(data) == trace)
        #expect(try Trace.fromJSON(data).jsonData() == data)
        let text = String(decoding: data, as: UTF8.self)
        #expect(text.contains("\"formatVersion\" : 2"))
        #expect(text.contains("\"seed\" : \"16045690981097406465\""))
    }

    @Test func readsAVersionOneTraceAsFaultFreeWithEveryClientEditing() throws {
        var object = try JSONSerialization.jsonObject(
            with: TraceGenerator.trace(seed: 1, scenario: Scenario.default.pinning(clients: 3, operations: 20)).jsonData()) as! [String: Any]
        object["formatVersion"] = 1
        for field in ["roles", "faults", "server", "cursorSharers", "selectingClients"] { object[field] = nil }
        let trace = try Trace.fromJSON(try JSONSerialization.data(withJSONObject: object))
        #expect(trace.faults == .none)
        #expect(trace.roles == [.editor, .editor, .editor])
        #expect(trace.cursorSharers == [1, 2, 3])
        #expect(trace.selectingClients == [])
        #expect(trace.server == .standard)
    }

    @Test func selectingClientsAreAnOptionalFieldDrawnAmongTheSharers() throws {
        let scenario = Scenario.default.pinning(clients: 4, operations: 40)
        let traces = (0..<40).map { TraceGenerator.trace(seed: UInt64($0), scenario: scenario) }
        #expect(traces.allSatisfy { Set($0.selectingClients).isSubset(of: $0.cursorSharers) })
        #expect(traces.contains { !$0.selectingClients.isEmpty })
        for trace in traces.prefix(10) {
            let text = String(decoding: try trace.jsonData(), as: UTF8.self)
            #expect(text.contains("selectingClients") == !trace.selectingClients.isEmpty)
            #expect(try Trace.fromJSON(trace.jsonData()) == trace)
        }
    }

    @Test func recordsTheFaultsTheSeedDrewWithinTheScenarioBounds() throws {
        let scenario = Scenario.default.pinning(clients: 4, operations: 200)
        let traces = (0..<40).map { TraceGenerator.trace(seed: UInt64($0), scenario: scenario) }
        #expect(traces.contains { !$0.faults.crashes.isEmpty })
        #expect(traces.contains { !$0.faults.partitions.isEmpty })
        #expect(traces.contains { $0.faults.disconnects.contains { $0.trigger == .nextAck } })
        #expect(traces.contains { $0.faults.count == 0 })
        for trace in traces {
            #expect(trace.faults.crashes.count <= 2 && trace.faults.partitions.count <= 1)
            #expect(trace.faults.disconnects.allSatisfy { (100_000...20_000_000).contains($0.durationMicroseconds) })
            #expect(trace.roles.first == .owner)
            #expect(try Trace.fromJSON(trace.jsonData()) == trace)
        }
    }

    @Test func rejectsAFaultNamingAClientThatDoesNotExist() throws {
        var trace = TraceGenerator.trace(seed: 1, scenario: Scenario.default.pinning(clients: 2, operations: 10))
        trace.faults.disconnects = [ClientDisconnect(client: 3, at: .zero, durationMicroseconds: 1)]
        let data = try trace.jsonData()
        #expect(throws: DecodingError.self) { try Trace.fromJSON(data) }
    }

    @Test func rejectsANewerFormatVersion() throws {
        var object = try JSONSerialization.jsonObject(
            with: TraceGenerator.trace(seed: 1, scenario: Scenario.default.pinning(clients: 4, operations: 200)).jsonData()) as! [String: Any]
        object["formatVersion"] = Trace.currentFormatVersion + 1
        let data = try JSONSerialization.data(withJSONObject: object)
        #expect(throws: DecodingError.self) { try Trace.fromJSON(data) }
    }

    @Test func rejectsAnEditByAClientThatDoesNotExist() throws {
        var trace = TraceGenerator.trace(seed: 1, scenario: Scenario.default.pinning(clients: 2, operations: 10))
        trace.edits[0].client = 9
        let data = try trace.jsonData()
        #expect(throws: DecodingError.self) { try Trace.fromJSON(data) }
    }

    @Test func workloadsInsertDistinctNonASCIIScalarsAndCollideOnPositions() {
        let trace = TraceGenerator.trace(seed: 8, scenario: Scenario.default.pinning(clients: 4, operations: 400))
        var inserted = Array(trace.initialText.unicodeScalars)
        for edit in trace.edits {
            if case .insert(let text) = edit.action { inserted.append(contentsOf: text.unicodeScalars) }
        }
        #expect(Set(inserted.map(\.value)).count == inserted.count)
        #expect(inserted.contains { $0.properties.generalCategory == .nonspacingMark })
        #expect(inserted.contains { $0.value > 0xFFFF })
        let sameMoment = zip(trace.edits, trace.edits.dropFirst()).contains { first, second in
            first.client != second.client && first.position == second.position
                && abs(first.time.microseconds - second.time.microseconds) < 5_000
        }
        #expect(sameMoment)
        #expect(trace.edits.contains { if case .delete(let count) = $0.action { count > 1 } else { false } })
    }

    @Test func aMessagesLatencyDependsOnlyOnItsKey() {
        let trace = TraceGenerator.trace(seed: 77, scenario: Scenario.default.pinning(clients: 4, operations: 200))
        let key = MessageKey(kind: .broadcast, edit: 17, from: 0, to: 3)
        var shrunk = trace
        shrunk.edits.removeFirst(10)
        #expect(trace.network.latency(of: key) == shrunk.network.latency(of: key))
        let latencies = (0..<50).map { trace.network.latency(of: MessageKey(kind: .submit, edit: $0, from: 1, to: 0)) }
        #expect(latencies.allSatisfy { $0 >= 0 })
    }
}
