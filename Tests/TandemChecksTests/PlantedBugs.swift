import TandemCore
import TandemEngines
import TandemSimulation

/// Engines and outcomes with bugs planted on purpose, so each checker can be shown to catch one.
enum PlantedBugs {
    /// Four clients, 200 edits, hot spots always on: concurrent same-position inserts in every run.
    static let contendedScenario: Scenario = {
        var scenario = Scenario.default.pinning(clients: 4, operations: 200)
        scenario.switchOffPerMille = 0
        scenario.workload.hotSpot = Bounds(20, 25)
        return scenario
    }()

    /// The scalar of identity `n` (see `IdentityAlphabet`).
    static func id(_ n: Int) -> String {
        String(IdentityAlphabet.scalar(for: n))
    }

    /// A text made of the given identities.
    static func text(_ identities: [Int]) -> TextBuffer {
        TextBuffer(identities.map(IdentityAlphabet.scalar(for:)))
    }

    /// An outcome for a trace with initial identities 0..<3 and one client inserting identities 3 and 4.
    static func outcome(siteTexts: [TextBuffer], intendedDeletions: [Int] = [], unfinished: String? = nil) -> RunOutcome {
        let trace = Trace(
            seed: 0, clients: siteTexts.count - 1, initialText: id(0) + id(1) + id(2),
            network: NetworkPlan(seed: 0, latency: .fixed(FixedLatency(microseconds: 1_000))),
            edits: [EditIntent(id: 0, client: 1, time: .zero, position: 0, action: .insert(id(3) + id(4)))])
        return RunOutcome(
            engineName: "planted", trace: trace, siteTexts: siteTexts,
            intendedDeletions: intendedDeletions.map(IdentityAlphabet.scalar(for:)),
            unfinishedWork: unfinished, endTime: .seconds(1), statistics: SimulationStatistics())
    }
}

/// An RGA replica with one behaviour overridden: conformers hold the real replica in `inner`
/// and change only what their planted bug needs; everything else forwards.
protocol RGAWrapper: CRDTReplica where Update == RGAUpdate {
    var inner: RGAReplica { get set }
}

extension RGAWrapper {
    mutating func insert(_ text: [Unicode.Scalar], at position: Int) -> RGAUpdate { inner.insert(text, at: position) }
    mutating func delete(_ range: Range<Int>) -> RGAUpdate { inner.delete(range) }
    var text: TextBuffer { inner.text }
    var count: Int { inner.count }
    var pendingUpdateCount: Int { inner.pendingUpdateCount }
    static func encodedSize(of update: RGAUpdate) -> Int { RGAReplica.encodedSize(of: update) }
    var encodedSize: Int { inner.encodedSize }
    static func describe(_ update: RGAUpdate) -> String { RGAReplica.describe(update) }
}

/// RGA whose replicas, after their third remote update, show their first two characters swapped.
struct SwappingReplica: RGAWrapper {
    var inner: RGAReplica
    private var integrated = 0

    init(replicaID: ReplicaID, initialText: [Unicode.Scalar]) {
        inner = RGAReplica(replicaID: replicaID, initialText: initialText)
    }

    mutating func integrate(_ update: RGAUpdate) {
        inner.integrate(update)
        integrated += 1
    }

    var text: TextBuffer {
        var scalars = inner.text.scalars
        if integrated >= 3 && scalars.count >= 2 { scalars.swapAt(0, 1) }
        return TextBuffer(scalars)
    }
}

/// RGA whose server replica silently drops every remote insert it receives: its clients never
/// see the others' text, and its own store loses it.
struct ForgetfulReplica: RGAWrapper {
    var inner: RGAReplica
    private let isServer: Bool

    init(replicaID: ReplicaID, initialText: [Unicode.Scalar]) {
        inner = RGAReplica(replicaID: replicaID, initialText: initialText)
        isServer = replicaID == 0
    }

    mutating func integrate(_ update: RGAUpdate) {
        if isServer, case .insert = update { return }
        inner.integrate(update)
    }
}

/// RGA that claims, once it has integrated anything, to hold an update it can never apply.
struct StuckReplica: RGAWrapper {
    var inner: RGAReplica
    private var integrated = false

    init(replicaID: ReplicaID, initialText: [Unicode.Scalar]) {
        inner = RGAReplica(replicaID: replicaID, initialText: initialText)
    }

    mutating func integrate(_ update: RGAUpdate) {
        inner.integrate(update)
        integrated = true
    }

    var pendingUpdateCount: Int { integrated ? 1 : 0 }
}
