import TandemChecks
import TandemCore
import TandemEngines
import TandemSimulation

/// Small hand-written traces with faults, for the tests that plant system flaws.
enum FaultTraces {
    /// An edit at a time in milliseconds.
    static func edit(_ id: Int, client: Int, at milliseconds: Int64, insert text: String, at position: Int) -> EditIntent {
        EditIntent(id: id, client: client, time: .milliseconds(milliseconds), position: position, action: .insert(text))
    }

    /// A delete at a time in milliseconds.
    static func edit(_ id: Int, client: Int, at milliseconds: Int64, delete count: Int, at position: Int) -> EditIntent {
        EditIntent(id: id, client: client, time: .milliseconds(milliseconds), position: position, action: .delete(count: count))
    }

    /// A "restore version" request at a time in milliseconds.
    static func edit(_ id: Int, client: Int, at milliseconds: Int64, restoreVersionsBack versionsBack: Int) -> EditIntent {
        EditIntent(id: id, client: client, time: .milliseconds(milliseconds), position: 0, action: .restore(versionsBack: versionsBack))
    }

    /// A trace on a fixed 10 ms network.
    static func trace(
        clients: Int, initialText: String = "", edits: [EditIntent], faults: FaultPlan = .none, roles: [ClientRole]? = nil,
        server: ServerPolicy = .standard, cursorSharers: [Int]? = nil
    ) -> Trace {
        Trace(
            seed: 1, clients: clients, initialText: initialText,
            network: NetworkPlan(seed: 1, latency: .fixed(FixedLatency(microseconds: 10_000))), edits: edits,
            roles: roles, faults: faults, server: server, cursorSharers: cursorSharers)
    }

    /// Runs a trace through ot-text or rga with the standard checkers.
    static func run(_ trace: Trace, crdt: Bool = false, flaws: SystemFlaws = []) -> RunResult {
        let checkers = StandardCheckers.make(for: trace)
        return crdt
            ? Simulator.runCRDT(RGAReplica.self, name: "rga", trace: trace, checkers: checkers, flaws: flaws)
            : Simulator.runOT(OTTextEngine(), name: "ot-text", trace: trace, checkers: checkers, flaws: flaws)
    }
}
