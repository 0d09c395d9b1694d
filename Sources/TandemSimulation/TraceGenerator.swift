import TandemCore

/// Turns a seed into a trace: the run's options drawn from the scenario, then the starting
/// text, the network seed and the edits, each from its own child stream of the seed.
public enum TraceGenerator {
    /// The trace of the run with this seed in this scenario.
    public static func trace(seed: UInt64, scenario: Scenario) -> Trace {
        trace(seed: seed, options: scenario.drawOptions(seed: seed))
    }

    /// The trace of the run with this seed and these options.
    public static func trace(seed: UInt64, options: RunOptions) -> Trace {
        var context = WorkloadContext(
            clients: options.clients, editCount: options.operations, initialLength: options.initialLength, firstIdentity: 0)
        let initialText = context.freshText(count: options.initialLength)
        var networkGenerator = SplitMix64(seed: seed, stream: "network")
        let network = NetworkPlan(seed: networkGenerator.next(), latency: options.latency)
        var workloadGenerator = SplitMix64(seed: seed, stream: "workload")
        let edits = options.workload.makeEdits(in: &context, using: &workloadGenerator)
        return Trace(seed: seed, clients: options.clients, initialText: initialText, network: network, edits: edits)
    }
}
