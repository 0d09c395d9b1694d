import TandemCore

/// Runs one trace through one engine and judges it with the given checkers.
///
/// A run is a pure function of (engine, trace): the same inputs give the same outcome,
/// violations and timeline on every machine and with any number of worker threads.
public enum Simulator {
    /// Why the engine's clients share no presence on the topology, or nil when they do: a
    /// CRDT engine needs `CRDTAnchoring` to pin cursors to its elements, and OT peers on a
    /// mesh have no cursor transform through adOPTed's translation.
    public static func presenceUnsupported(engine: EngineDescriptor, topology: Topology) -> String? {
        switch engine.family {
        case .ot:
            guard topology == .mesh else { return nil }
            return "OT peers on a mesh share no cursors (the cursors oracle has nothing to judge)"
        case .crdt(let replicaType):
            guard !(replicaType is any CRDTAnchoring.Type) else { return nil }
            return "engine \(engine.name) does not conform to CRDTAnchoring, so its clients share no cursors (the cursors oracle has nothing to judge)"
        }
    }

    /// Runs any described engine on its trace's topology: OT under Jupiter on a star and
    /// with adOPTed on a mesh, CRDTs behind a relay or peer to peer. `flaws` plants bugs in
    /// the simulated system.
    public static func run(
        engine: EngineDescriptor, trace: Trace, checkers: [any Checker], recordTimeline: Bool = false, flaws: SystemFlaws = []
    ) -> RunResult {
        switch engine.family {
        case .ot(let ot):
            runOT(ot, name: engine.name, trace: trace, checkers: checkers, recordTimeline: recordTimeline, flaws: flaws)
        case .crdt(let replicaType):
            runCRDT(replicaType, name: engine.name, trace: trace, checkers: checkers, recordTimeline: recordTimeline, flaws: flaws)
        }
    }

    /// Runs an OT engine under the Jupiter protocol (star), or with adOPTed peer to peer (mesh).
    public static func runOT<Engine: OTEngine>(
        _ engine: Engine, name: String, trace: Trace, checkers: [any Checker], recordTimeline: Bool = false, flaws: SystemFlaws = []
    ) -> RunResult {
        switch trace.topology {
        case .star:
            run(JupiterSystem(engine: engine, trace: trace, flaws: flaws), name: name, trace: trace, checkers: checkers,
                recordTimeline: recordTimeline)
        case .mesh:
            run(OTMeshSystem(engine: engine, trace: trace, flaws: flaws), name: name, trace: trace, checkers: checkers,
                recordTimeline: recordTimeline)
        }
    }

    /// Runs a CRDT with the server as relay and store (star), or peer to peer (mesh).
    public static func runCRDT<Replica: CRDTReplica>(
        _ replicaType: Replica.Type, name: String, trace: Trace, checkers: [any Checker], recordTimeline: Bool = false,
        flaws: SystemFlaws = []
    ) -> RunResult {
        switch trace.topology {
        case .star:
            run(RelaySystem<Replica>(trace: trace, flaws: flaws), name: name, trace: trace, checkers: checkers, recordTimeline: recordTimeline)
        case .mesh:
            run(CRDTMeshSystem<Replica>(trace: trace, flaws: flaws), name: name, trace: trace, checkers: checkers, recordTimeline: recordTimeline)
        }
    }

    /// The most events a run may process before it counts as not reaching quiescence.
    public static func eventLimit(for trace: Trace) -> Int {
        200_000 + trace.edits.count * (trace.clients + 2) * 50 + trace.faults.count * (trace.clients + 2) * 200
    }

    /// Clamps an edit to its author's document (a delete with nothing to delete is skipped),
    /// records what a delete means to remove for the oracles, and hands the edit to the
    /// protocol. A restore request from a client that is not connected is skipped.
    private static func perform<System: ReplicationSystem>(
        _ intent: EditIntent, in system: inout System, kernel: inout SimulationKernel<System.Payload>
    ) {
        if case .restore = intent.action, !kernel.isConnected(intent.client) {
            kernel.statistics.skippedRestores += 1
            kernel.note(intent.client, "edit #\(intent.id) \(intent.summary) skipped: not connected to the server")
            return
        }
        guard let edit = intent.clamped(toDocumentLength: system.documentLength(ofClient: intent.client)) else {
            kernel.statistics.skippedEdits += 1
            kernel.note(intent.client, "edit #\(intent.id) skipped: nothing to delete")
            return
        }
        if case .delete(let count) = edit.action {
            kernel.intendedDeletionsByEdit[edit.id] = system.scalars(ofClient: edit.client, in: edit.position..<(edit.position + count))
        }
        system.perform(edit, kernel: &kernel)
    }

    private static func run<System: ReplicationSystem>(
        _ system: System, name: String, trace: Trace, checkers: [any Checker], recordTimeline: Bool
    ) -> RunResult {
        var system = system
        var kernel = SimulationKernel<System.Payload>(trace: trace, checkers: checkers, recordTimeline: recordTimeline)
        let limit = eventLimit(for: trace)
        var exhausted = false
        while let event = kernel.nextEvent() {
            if kernel.statistics.events > limit {
                exhausted = true
                break
            }
            switch event {
            case .edit(let index):
                perform(trace.edits[index], in: &system, kernel: &kernel)
            case .deliver(let envelope):
                system.deliver(envelope, kernel: &kernel)
            case .timer(let site, let tag):
                system.timerFired(site: site, tag: tag, kernel: &kernel)
            case .fault(let step):
                switch kernel.apply(step) {
                case .connected(let client): system.connectionOpened(client: client, kernel: &kernel)
                case .serverCrashed: system.serverCrashed(kernel: &kernel)
                case .serverRestarted(let failover): system.serverRestarted(failover: failover, kernel: &kernel)
                case .departed(let client): system.clientDeparted(client, kernel: &kernel)
                case nil: break
                }
            }
        }
        system.finish(kernel: &kernel)
        var unfinished = system.unfinishedWork
        if exhausted {
            unfinished = "no quiescence after \(limit) events" + (unfinished.map { "; \($0)" } ?? "")
        } else if kernel.missedDeadline {
            unfinished = "still busy at \(kernel.deadline), \(VirtualTime(microseconds: SimulationKernel<System.Payload>.livenessWindowMicroseconds)) "
                + "after the last edit and the last healed fault" + (unfinished.map { "; \($0)" } ?? "")
        }
        let withdrawn = Set(kernel.withdrawnEdits)
        let intendedDeletions = trace.edits.filter { !withdrawn.contains($0.id) }.flatMap { kernel.intendedDeletionsByEdit[$0.id] ?? [] }
            + kernel.restoreDeletions
        let outcome = RunOutcome(
            engineName: name, trace: trace, siteTexts: system.siteTexts, intendedDeletions: intendedDeletions,
            withdrawnEdits: kernel.withdrawnEdits, restoredScalars: kernel.restoredScalars, unfinishedWork: unfinished,
            endTime: kernel.now, statistics: kernel.statistics)
        var violations = kernel.engineErrors
        for index in kernel.checkers.indices {
            violations += kernel.checkers[index].violations(in: outcome)
        }
        violations.sort { ($0.property, $0.time ?? .zero) < ($1.property, $1.time ?? .zero) }
        return RunResult(outcome: outcome, violations: violations, timeline: kernel.timeline ?? [])
    }
}
