import Foundation
import Testing
import Tandem

@Suite struct ScenarioLibraryTests {
    private static let directory = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Scenarios")

    @Test func theDefaultFileHoldsTheDefaultScenario() throws {
        #expect(try ScenarioLibrary.load("default", searchDirectories: [Self.directory]) == Scenario.default)
    }

    @Test func everyShippedScenarioLoads() throws {
        let names = ScenarioLibrary.names(in: [Self.directory])
        for required in [
            "default", "friday-453pm", "transatlantic-flight", "server-crash", "partition-heal", "flaky-mobile", "viral-doc", "revoked-editor",
            "mesh-lossy",
        ] {
            #expect(names.contains(required), "Scenarios/ lacks \(required)")
        }
        for name in names {
            #expect(try ScenarioLibrary.load(name, searchDirectories: [Self.directory]).name == name)
        }
    }

    @Test func anUnknownNameListsTheKnownOnes() {
        #expect {
            try ScenarioLibrary.load("no-such", searchDirectories: [Self.directory])
        } throws: { error in
            "\(error)".contains("unknown scenario 'no-such'") && "\(error)".contains("friday-453pm")
        }
    }

    private func message(_ mutate: (inout [String: Any]) -> Void) throws -> String {
        var object = try JSONSerialization.jsonObject(with: Scenario.default.jsonData()) as! [String: Any]
        mutate(&object)
        let data = try JSONSerialization.data(withJSONObject: object)
        do {
            _ = try ScenarioLibrary.decode(data, shownAs: "broken.json")
            return "decoded"
        } catch {
            return "\(error)"
        }
    }

    @Test func malformedScenariosNameTheFileAndTheField() throws {
        #expect(try message { $0["clientz"] = 3 }.hasPrefix("broken.json: field 'clientz': unknown field"))
        #expect(try message { $0["clients"] = nil } == "broken.json: missing field 'clients'")
        #expect(try message { $0["clients"] = ["min": 5, "max": 2] } == "broken.json: field 'clients': min (5) is greater than max (2)")
        #expect(try message { $0["clients"] = ["min": 0, "max": 2] } == "broken.json: field 'clients': must lie within 1…1000")
        #expect(try message { $0["switchOffPerMille"] = "often" } == "broken.json: field 'switchOffPerMille' should be a whole number")
        #expect(try message { $0["latencyModels"] = ["gamma"] }.hasPrefix("broken.json: field 'latencyModels[0]'"))
        #expect(try message { $0["formatVersion"] = 99 }.contains("newer than this build reads"))
        #expect(try message {
            var workload = $0["workload"] as! [String: Any]
            workload["burst"] = ["min": -1, "max": 3]
            $0["workload"] = workload
        } == "broken.json: field 'workload.burst': weights must not be negative")
        #expect(try message {
            var workload = $0["workload"] as! [String: Any]
            workload["restore"] = ["min": -1, "max": 3]
            $0["workload"] = workload
        } == "broken.json: field 'workload.restore': weights must not be negative")
        #expect(try message {
            var faults = $0["faults"] as! [String: Any]
            faults["crashez"] = ["count": ["min": 1, "max": 2], "milliseconds": ["min": 1, "max": 2]]
            $0["faults"] = faults
        }.hasPrefix("broken.json: field 'faults.crashez': unknown field"))
        #expect(try message {
            var faults = $0["faults"] as! [String: Any]
            faults["disconnects"] = ["count": ["min": 1, "max": 2], "milliseconds": ["min": -5, "max": 2]]
            $0["faults"] = faults
        } == "broken.json: field 'faults.disconnects.milliseconds': must lie within 0…86400000 (one day)")
        #expect(try message { $0["roles"] = ["viewers": ["min": -1, "max": 1]] } == "broken.json: field 'roles.viewers': must not be negative")
        #expect(try message { $0["topology"] = "ring" } == "broken.json: field 'topology': 'ring' is not a topology; use star or mesh")
        #expect(try message {
            var faults = $0["faults"] as! [String: Any]
            faults["channels"] = ["lossPerMille": ["min": 0, "max": 2000], "duplicatePerMille": ["min": 0, "max": 0],
                                  "reorderPerMille": ["min": 0, "max": 0]]
            $0["faults"] = faults
        } == "broken.json: field 'faults.channels.lossPerMille': must lie within 0…1000")
        #expect(throws: ScenarioError.self) { try ScenarioLibrary.decode(Data("{ nope".utf8), shownAs: "x.json") }
    }

    @Test func aMeshScenarioDrawsChannelFaultsAndNothingThatNeedsAServer() throws {
        let mesh = try ScenarioLibrary.load("mesh-lossy", searchDirectories: [Self.directory])
        var sawChannelFaults = false
        for seed in UInt64(0)..<200 {
            let trace = TraceGenerator.trace(seed: seed, scenario: mesh)
            #expect(trace.topology == .mesh)
            #expect(trace.topologyConflict == nil, "seed \(seed): \(trace.topologyConflict ?? "")")
            sawChannelFaults = sawChannelFaults || trace.faults.channels.isActive
            let star = TraceGenerator.trace(seed: seed, scenario: mesh.pinning(clients: nil, operations: nil, topology: .star))
            #expect(star.faults.channels == .none)
            #expect(star.topologyConflict == nil)
        }
        #expect(sawChannelFaults)
    }

    @Test func theDefaultMixOnAMeshDrawsNoRestores() throws {
        let star = try ScenarioLibrary.load("default", searchDirectories: [Self.directory])
        let mesh = star.pinning(clients: nil, operations: nil, topology: .mesh)
        var starRestores = 0
        for seed in UInt64(0)..<100 {
            starRestores += TraceGenerator.trace(seed: seed, scenario: star).edits.filter(\.isRestore).count
            let trace = TraceGenerator.trace(seed: seed, scenario: mesh)
            #expect(trace.edits.filter(\.isRestore).isEmpty, "seed \(seed)")
            #expect(trace.topologyConflict == nil, "seed \(seed): \(trace.topologyConflict ?? "")")
        }
        #expect(starRestores > 0)
    }
}
