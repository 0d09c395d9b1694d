import Testing
import Tandem

/// A user's own CRDT, written against Tandem's public API only, as a user's package would:
/// a deliberately simple list CRDT (RGA rules, linear scans) with a causal buffer.
struct ListCRDT: CRDTReplica {
    struct ID: Equatable, Sendable {
        var counter: UInt64
        var replica: ReplicaID

        func isNewer(than other: ID) -> Bool {
            counter != other.counter ? counter > other.counter : replica > other.replica
        }
    }

    enum Update: Sendable {
        case insert(id: ID, after: ID?, scalar: Unicode.Scalar)
        case delete(ID)
        case batch([Update])
    }

    private var elements: [(id: ID, scalar: Unicode.Scalar, deleted: Bool)] = []
    private var waiting: [Update] = []
    private var clock: UInt64 = 0
    private var replica: ReplicaID

    init(replicaID: ReplicaID, initialText: [Unicode.Scalar]) {
        replica = 0
        for (offset, scalar) in initialText.enumerated() {
            _ = apply(.insert(id: ID(counter: UInt64(offset + 1), replica: 0), after: offset == 0 ? nil : elements.last?.id, scalar: scalar))
        }
        replica = replicaID
    }

    private var visible: [Int] { elements.indices.filter { !elements[$0].deleted } }

    mutating func insert(_ text: [Unicode.Scalar], at position: Int) -> Update {
        var after = position == 0 ? nil : elements[visible[position - 1]].id
        var updates: [Update] = []
        for scalar in text {
            clock += 1
            let update = Update.insert(id: ID(counter: clock, replica: replica), after: after, scalar: scalar)
            _ = apply(update)
            updates.append(update)
            after = ID(counter: clock, replica: replica)
        }
        return .batch(updates)
    }

    mutating func delete(_ range: Range<Int>) -> Update {
        let targets = visible[range].map { elements[$0].id }
        let updates = targets.map(Update.delete)
        for update in updates { _ = apply(update) }
        return .batch(updates)
    }

    mutating func integrate(_ update: Update) {
        if case .batch(let updates) = update {
            for inner in updates { integrate(inner) }
            return
        }
        guard apply(update) else {
            waiting.append(update)
            return
        }
        var progress = true
        while progress {
            progress = false
            for index in waiting.indices.reversed() where apply(waiting[index]) {
                waiting.remove(at: index)
                progress = true
            }
        }
    }

    /// Applies an update if its dependency is present; false if it must wait.
    private mutating func apply(_ update: Update) -> Bool {
        switch update {
        case .insert(let id, let after, let scalar):
            if elements.contains(where: { $0.id == id }) { return true }
            var index = 0
            if let after {
                guard let origin = elements.firstIndex(where: { $0.id == after }) else { return false }
                index = origin + 1
            }
            while index < elements.count && elements[index].id.isNewer(than: id) { index += 1 }
            elements.insert((id, scalar, false), at: index)
            clock = max(clock, id.counter)
            return true
        case .delete(let id):
            guard let index = elements.firstIndex(where: { $0.id == id }) else { return false }
            elements[index].deleted = true
            return true
        case .batch:
            return true
        }
    }

    var text: TextBuffer { TextBuffer(visible.map { elements[$0].scalar }) }
    var count: Int { visible.count }
    var pendingUpdateCount: Int { waiting.count }
    static func encodedSize(of update: Update) -> Int {
        switch update {
        case .insert: 21
        case .delete: 12
        case .batch(let updates): updates.reduce(1) { $0 + encodedSize(of: $1) }
        }
    }
    var encodedSize: Int { elements.count * 17 }
    static func describe(_ update: Update) -> String { "\(update)" }
}

@Suite struct ExternalEngineTests {
    @Test func aUsersOwnEngineFuzzesThroughThePublicAPI() {
        let mine = EngineDescriptor(name: "my-list-crdt", summary: "a user's list CRDT", family: .crdt(ListCRDT.self))
        let catalog = EngineCatalog(engines: EngineCatalog.builtIn.engines + [mine])
        let campaign = Campaign(
            engines: [catalog.engine(named: "my-list-crdt")!], seed: 7, runs: 30,
            scenario: Scenario.default.pinning(clients: 3, operations: 80), jobs: 2)
        let summary = campaign.run { failure in Issue.record("seed \(failure.seed): \(failure.violations)") }
        #expect(summary.runs == 30)
        #expect(summary.failures == 0)
        #expect(summary.statistics.messages > 0)
    }

    @Test func anEngineWithoutAnchorsSharesNoPresenceAndSaysSo() {
        let mine = EngineDescriptor(name: "my-list-crdt", summary: "a user's list CRDT", family: .crdt(ListCRDT.self))
        #expect(Simulator.presenceUnsupported(engine: mine, topology: .star)?.contains("does not conform to CRDTAnchoring") == true)
        #expect(Simulator.presenceUnsupported(engine: EngineCatalog.builtIn.engine(named: "rga")!, topology: .mesh) == nil)
        #expect(Simulator.presenceUnsupported(engine: EngineCatalog.builtIn.engine(named: "ot-text")!, topology: .star) == nil)
    }

    @Test func aUsersChecksRunBesideTheStandardOnes() {
        struct LengthLimit: Checker {
            var longest = 0
            mutating func textChanged(site: Int, text: TextBuffer, time: VirtualTime) { longest = max(longest, text.count) }
            mutating func violations(in outcome: RunOutcome) -> [Violation] {
                longest > 10 ? [Violation(.liveness, "document grew to \(longest) scalars")] : []
            }
        }
        let trace = TraceGenerator.trace(seed: 3, scenario: Scenario.default.pinning(clients: 2, operations: 50))
        let engine = EngineDescriptor(name: "mine", summary: "", family: .crdt(ListCRDT.self))
        let result = Simulator.run(engine: engine, trace: trace, checkers: StandardCheckers.make(for: trace) + [LengthLimit()])
        #expect(result.violations.map(\.detail).contains { $0.hasPrefix("document grew to") })
    }
}
