import TandemCore

extension Scenario {
    /// The options of the run with this seed: every choice within the scenario's bounds,
    /// drawn from the seed's own `swarm` stream.
    public func drawOptions(seed: UInt64) -> RunOptions {
        var generator = SplitMix64(seed: seed, stream: "swarm")
        func draw(_ bounds: Bounds) -> Int { generator.int(in: bounds.min...bounds.max) }
        func weight(_ bounds: Bounds) -> Int {
            generator.chance(perMille: switchOffPerMille) ? 0 : draw(bounds)
        }
        let clients = draw(clients)
        let operations = draw(operations)
        let initialLength = draw(initialLength)
        let latency = drawLatency(using: &generator)
        var workload = TypingWorkload()
        workload.burstWeight = weight(self.workload.burst)
        workload.insertWeight = weight(self.workload.insert)
        workload.deleteWeight = weight(self.workload.delete)
        workload.rangeDeleteWeight = weight(self.workload.rangeDelete)
        workload.hotSpotWeight = weight(self.workload.hotSpot)
        workload.focusWidth = self.workload.focusWidth.map(draw)
        if workload.totalWeight == 0 {
            workload.insertWeight = 1
        }
        if let gap = self.workload.gapMilliseconds { workload.gapMicroseconds = Int64(draw(gap)) * 1_000 }
        if let lead = self.workload.leadClientPerMille { workload.leadClientPerMille = draw(lead) }
        if let restore = self.workload.restore { workload.restoreWeight = weight(restore) }
        var faults = FaultMix()
        func mix(_ kind: FaultBounds.Kind?) -> FaultMix.Drawn {
            guard let kind, !generator.chance(perMille: switchOffPerMille) else { return FaultMix.Drawn(count: 0, milliseconds: .exactly(0)) }
            return FaultMix.Drawn(count: draw(kind.count), milliseconds: kind.milliseconds)
        }
        faults.disconnects = mix(self.faults.disconnects)
        faults.lostAcks = mix(self.faults.lostAcks)
        faults.partitions = mix(self.faults.partitions)
        faults.crashes = mix(self.faults.crashes)
        faults.offline = mix(self.faults.offline)
        faults.failoverPerMille = self.faults.failoverPerMille
        let server = ServerPolicy(
            snapshotEveryOps: draw(self.server.snapshotEveryOps),
            snapshotEveryMicroseconds: Int64(draw(self.server.snapshotEverySeconds)) * 1_000_000,
            retainedOpsBeforeSnapshot: draw(self.server.retainedOps),
            reloadAbovePendingEdits: self.server.reloadAbovePendingEdits)
        let others = max(0, clients - 1)
        var viewers = min(others, draw(roles.viewers))
        var commenters = min(others - viewers, draw(roles.commenters))
        var revocations = min(others - viewers - commenters, draw(roles.revocations))
        let sharers = min(clients, cursorSharers.map(draw) ?? clients)
        if topology == .mesh {
            (viewers, commenters, revocations) = (0, 0, 0)
            faults.crashes.count = 0
            faults.lostAcks.count = 0
            workload.restoreWeight = 0
            if let channels = self.faults.channels {
                faults.channelLossPerMille = weight(channels.lossPerMille)
                faults.channelDuplicatePerMille = weight(channels.duplicatePerMille)
                faults.channelReorderPerMille = weight(channels.reorderPerMille)
            }
        }
        let selecting = generator.int(in: 0...max(0, sharers))
        return RunOptions(
            clients: clients, operations: operations, initialLength: initialLength, latency: latency, workload: workload,
            faults: faults, server: server, viewers: viewers, commenters: commenters, revocations: revocations, cursorSharers: sharers,
            selectingClients: selecting, topology: topology)
    }

    private func drawLatency(using generator: inout SplitMix64) -> LatencySpec {
        let low = Int64(latencyMilliseconds.min) * 1_000
        let high = Int64(latencyMilliseconds.max) * 1_000
        func between(_ lower: Int64, _ upper: Int64) -> Int64 {
            lower + Int64(generator.below(UInt64(upper - lower) + 1))
        }
        switch generator.pick(latencyModels) {
        case .fixed:
            return .fixed(FixedLatency(microseconds: between(low, high)))
        case .uniform:
            let minimum = between(low, high)
            return .uniform(UniformLatency(minimum: minimum, maximum: between(minimum, high)))
        case .longTailed:
            let minimum = between(low, high)
            return .longTailed(LongTailedLatency(
                body: UniformLatency(minimum: minimum, maximum: between(minimum, high)),
                tailPerMille: generator.int(in: 50...300), maximumDoublings: generator.int(in: 2...6)))
        }
    }
}
