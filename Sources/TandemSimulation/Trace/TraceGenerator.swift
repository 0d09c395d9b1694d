import TandemCore

/// Turns a seed into a trace: the run's options drawn from the scenario, then the starting
/// text, the network seed, the edits, the access list and the faults, each from its own child
/// stream of the seed.
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
        let span = max(1_000_000, edits.map(\.time.microseconds).max() ?? 0)
        var accessGenerator = SplitMix64(seed: seed, stream: "access")
        var others = options.clients > 1 ? Array(2...options.clients) : []
        accessGenerator.shuffle(&others)
        var roles = Array(repeating: ClientRole.editor, count: options.clients)
        if !roles.isEmpty { roles[0] = .owner }
        for client in others.prefix(options.viewers) { roles[client - 1] = .viewer }
        for client in others.dropFirst(options.viewers).prefix(options.commenters) { roles[client - 1] = .commenter }
        let revocations = others.dropFirst(options.viewers + options.commenters).prefix(options.revocations).map {
            AccessRevocation(client: $0, at: VirtualTime(microseconds: Int64(accessGenerator.below(UInt64(span)))))
        }
        var sharers = Array(1...max(1, options.clients))
        accessGenerator.shuffle(&sharers)
        var faultGenerator = SplitMix64(seed: seed, stream: "faults")
        var faults = drawFaults(options.faults, clients: options.clients, span: span, using: &faultGenerator)
        faults.revocations = revocations.sorted { ($0.at, $0.client) < ($1.at, $1.client) }
        if options.topology == .mesh {
            faults.channels = ChannelFaults(
                lossPerMille: options.faults.channelLossPerMille, duplicatePerMille: options.faults.channelDuplicatePerMille,
                reorderPerMille: options.faults.channelReorderPerMille, until: VirtualTime(microseconds: span))
            if !faults.channels.isActive { faults.channels = .none }
        }
        return Trace(
            seed: seed, clients: options.clients, initialText: initialText, network: network, edits: edits, roles: roles,
            faults: faults, server: options.server, cursorSharers: Array(sharers.prefix(options.cursorSharers)).sorted(),
            selectingClients: Array(sharers.prefix(min(options.cursorSharers, options.selectingClients))).sorted(), topology: options.topology)
    }

    /// Concrete faults for a drawn mix: each at a time within the run's span of edits. Long
    /// offline stretches go to clients 1, 2, … (client 1 is the lead client of a workload).
    private static func drawFaults(_ mix: FaultMix, clients: Int, span: Int64, using generator: inout SplitMix64) -> FaultPlan {
        func time() -> VirtualTime { VirtualTime(microseconds: Int64(generator.below(UInt64(span)))) }
        func duration(_ drawn: FaultMix.Drawn) -> Int64 { Int64(generator.int(in: drawn.milliseconds.min...drawn.milliseconds.max)) * 1_000 }
        func client() -> Int { generator.int(in: 1...clients) }
        var plan = FaultPlan()
        for _ in 0..<mix.disconnects.count {
            plan.disconnects.append(ClientDisconnect(client: client(), at: time(), durationMicroseconds: duration(mix.disconnects)))
        }
        for _ in 0..<mix.lostAcks.count {
            plan.disconnects.append(ClientDisconnect(
                client: client(), at: time(), durationMicroseconds: duration(mix.lostAcks), trigger: .nextAck))
        }
        for traveller in 1...max(1, min(mix.offline.count, clients)) where traveller <= mix.offline.count {
            let start = VirtualTime(microseconds: Int64(generator.below(UInt64(max(1, span / 100)))))
            plan.disconnects.append(ClientDisconnect(client: traveller, at: start, durationMicroseconds: duration(mix.offline)))
        }
        for _ in 0..<mix.partitions.count {
            var group = Array(1...clients)
            generator.shuffle(&group)
            let size = generator.int(in: 1...max(1, clients - 1))
            plan.partitions.append(NetworkPartition(
                clients: Array(group.prefix(size)).sorted(), at: time(), durationMicroseconds: duration(mix.partitions)))
        }
        for _ in 0..<mix.crashes.count {
            plan.crashes.append(ServerCrash(
                at: time(), point: generator.pick(ServerCrash.Point.allCases), downtimeMicroseconds: duration(mix.crashes),
                failover: generator.chance(perMille: mix.failoverPerMille)))
        }
        return plan
    }
}
