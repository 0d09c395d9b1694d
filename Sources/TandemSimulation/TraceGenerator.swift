import TandemCore

/// Turns a seed into a trace: the starting text, the latency model, the network seed and
/// the edits, each drawn from its own child stream of the seed.
public enum TraceGenerator {
    /// The trace of the run with this seed and configuration.
    public static func trace(
        seed: UInt64, configuration: RunConfiguration, workload: any Workload = TypingWorkload()
    ) -> Trace {
        var initialGenerator = SplitMix64(seed: seed, stream: "initial-text")
        let initialLength = initialGenerator.int(in: 0...24)
        var context = WorkloadContext(
            clients: configuration.clients, editCount: configuration.operations,
            initialLength: initialLength, firstIdentity: 0)
        let initialText = context.freshText(count: initialLength)

        var networkGenerator = SplitMix64(seed: seed, stream: "network")
        let network = NetworkPlan(seed: networkGenerator.next(), latency: drawLatency(using: &networkGenerator))

        var workloadGenerator = SplitMix64(seed: seed, stream: "workload")
        let edits = workload.makeEdits(in: &context, using: &workloadGenerator)
        return Trace(seed: seed, clients: configuration.clients, initialText: initialText, network: network, edits: edits)
    }

    /// One of the built-in latency models with parameters typical of real links.
    private static func drawLatency(using generator: inout SplitMix64) -> LatencySpec {
        switch generator.below(3) {
        case 0:
            return .fixed(FixedLatency(microseconds: Int64(generator.int(in: 1...150)) * 1_000))
        case 1:
            let low = Int64(generator.int(in: 1...40)) * 1_000
            return .uniform(UniformLatency(minimum: low, maximum: low + Int64(generator.int(in: 1...200)) * 1_000))
        default:
            let low = Int64(generator.int(in: 5...40)) * 1_000
            return .longTailed(LongTailedLatency(
                body: UniformLatency(minimum: low, maximum: low * 3),
                tailPerMille: generator.int(in: 50...300), maximumDoublings: generator.int(in: 2...6)))
        }
    }
}
