import TandemCore

/// The machinery every replication protocol runs on: the virtual clock, the event queue,
/// client–server connections that drop and come back as the fault plan says, FIFO delivery
/// on each live connection (star), peer channels that lose, duplicate and reorder (mesh),
/// timers, the checkers, the timeline and the run's counters. A protocol
/// (`ReplicationSystem`) decides what sites do; the kernel decides when things happen and
/// which messages survive.
struct SimulationKernel<Payload> {
    enum Event {
        case edit(Int)
        case deliver(Envelope<Payload>)
        case timer(site: Int, tag: Int)
        case fault(FaultStep)
    }

    /// How long after the last edit and the last healed fault the system has to reach quiescence.
    static var livenessWindowMicroseconds: Int64 { 300_000_000 }

    let trace: Trace
    private(set) var now: VirtualTime = .zero
    private var queue = EventQueue<Event>()
    /// The latest delivery time scheduled on each link, so a link never reorders (FIFO).
    private var lastDelivery: [[VirtualTime]]
    var checkers: [any Checker]
    private(set) var timeline: [String]?
    var statistics = SimulationStatistics()
    /// Per edit id, the scalars its delete meant to remove (see `RunOutcome.intendedDeletions`).
    var intendedDeletionsByEdit: [Int: [Unicode.Scalar]] = [:]
    /// Edits whose author threw them away before they were committed, in the order discarded.
    var withdrawnEdits: [Int] = []
    /// The scalars the server's restore operations removed (see `RunOutcome.intendedDeletions`).
    private(set) var restoreDeletions: [Unicode.Scalar] = []
    /// The scalars restore operations inserted again (see `RunOutcome.restoredScalars`).
    private(set) var restoredScalars: [Unicode.Scalar] = []
    var engineErrors: [Violation] = []
    /// The state of each client's connection to the server, and of the server itself.
    var network: NetworkState
    /// When the system must be quiescent: the liveness deadline.
    let deadline: VirtualTime
    /// Set when events were still pending at the deadline.
    private(set) var missedDeadline = false

    init(trace: Trace, checkers: [any Checker], recordTimeline: Bool) {
        self.trace = trace
        self.checkers = checkers
        self.timeline = recordTimeline ? [] : nil
        let sites = trace.clients + 1
        lastDelivery = Array(repeating: Array(repeating: .zero, count: sites), count: sites)
        network = NetworkState(clients: trace.clients)
        let lastEdit = trace.edits.map(\.time).max() ?? .zero
        deadline = max(lastEdit, trace.faults.healTime).advanced(by: Self.livenessWindowMicroseconds)
        for (index, edit) in trace.edits.enumerated() {
            queue.push(.edit(index), at: edit.time)
        }
        scheduleFaults()
    }

    /// The next event, with the clock moved to its time; messages whose connection dropped
    /// are discarded on the way. Nil at quiescence, or at the liveness deadline.
    mutating func nextEvent() -> Event? {
        while let time = queue.nextTime {
            if time > deadline {
                missedDeadline = true
                return nil
            }
            let (_, event) = queue.pop()!
            now = time
            if case .deliver(let envelope) = event, !canDeliver(envelope) {
                statistics.droppedMessages += 1
                note(envelope.to, "lost \(envelope.key) from \(RunOutcome.siteName(envelope.from)): "
                     + (envelope.connection == Envelope<Payload>.peerChannel ? "the peers cannot reach each other" : "its connection dropped"))
                continue
            }
            statistics.events += 1
            return event
        }
        return nil
    }

    /// Sends a message. In a star it goes on the client–server connection it belongs to and
    /// arrives after the link's latency, never before an earlier message on the same
    /// connection, unless the connection drops first; on a connection that is down it is lost
    /// at once. In a mesh it goes on the peer channel between two clients (`sendOnChannel`).
    mutating func send(_ payload: Payload, key: MessageKey, bytes: Int, summary: @autoclosure () -> String) {
        if trace.topology == .mesh {
            sendOnChannel(payload, key: key, bytes: bytes, summary: summary())
            return
        }
        let client = key.from == 0 ? key.to : key.from
        guard network.isConnected(client) else {
            statistics.droppedMessages += 1
            note(key.from, "cannot send \(key) \(summary()) → \(RunOutcome.siteName(key.to)): not connected")
            return
        }
        let latency = trace.network.latency(of: key)
        let arrival = max(now.advanced(by: latency), lastDelivery[key.from][key.to])
        lastDelivery[key.from][key.to] = arrival
        statistics.messages += 1
        statistics.bytes += bytes
        queue.push(.deliver(Envelope(
            from: key.from, to: key.to, key: key, payload: payload, sentAt: now, connection: network.connection(of: client))),
            at: arrival)
        note(key.from, "send \(key) \(summary()) → \(RunOutcome.siteName(key.to)) (\(bytes) B, arrives \(arrival))")
        if key.kind == .ack && key.from == 0 {
            resetAfterAck(client: client)
        }
    }

    /// Whether a client's connection to the server is up.
    func isConnected(_ client: Int) -> Bool {
        network.isConnected(client)
    }

    /// The number of the client's current connection; it changes with every drop.
    func connection(of client: Int) -> Int {
        network.connection(of: client)
    }

    /// Whether the server process is running.
    var serverIsUp: Bool {
        network.serverIsUp
    }

    /// Fires `timer(site:tag:)` at the site after a delay.
    mutating func setTimer(site: Int, tag: Int, after microseconds: Int64) {
        queue.push(.timer(site: site, tag: tag), at: now.advanced(by: microseconds))
    }

    /// Tells the checkers (and the timeline) that a site's text changed.
    mutating func textChanged(site: Int, text: TextBuffer, what: @autoclosure () -> String) {
        for index in checkers.indices {
            checkers[index].textChanged(site: site, text: text, time: now)
        }
        if timeline != nil {
            note(site, "\(what()) → length \(text.count), hash \(StableHash.hex(text.stableHash))")
        }
    }

    /// Tells the checkers that a site holds the state of a server version.
    mutating func versionReached(site: Int, version: Int, text: TextBuffer) {
        for index in checkers.indices {
            checkers[index].versionReached(site: site, version: version, text: text, time: now)
        }
    }

    /// Tells the checkers what the system did.
    mutating func observed(_ event: SystemEvent) {
        for index in checkers.indices {
            checkers[index].observed(event, time: now)
        }
    }

    /// Records that a client threw away edits it had not had committed: the oracles stop
    /// expecting their characters and stop counting their deletes.
    mutating func withdraw(edits: [Int]) {
        withdrawnEdits += edits
        statistics.discardedEdits += edits.count
    }

    /// Records that the server committed operations of a restore, which removed `deleted` and
    /// inserted `reinserted` again: the oracles count the former as deleted on purpose, and
    /// accept the latter back.
    mutating func restoreLanded(deleted: [Unicode.Scalar], reinserted: [Unicode.Scalar]) {
        restoreDeletions += deleted
        restoredScalars += reinserted
    }

    /// Records that the engine failed on an operation the protocol handed it.
    mutating func engineFailed(site: Int, _ message: String) {
        engineErrors.append(Violation(.engineError, "\(RunOutcome.siteName(site)): \(message)", at: now))
        note(site, "ENGINE ERROR \(message)")
    }

    /// Adds a line to the timeline, when one is being recorded.
    mutating func note(_ site: Int, _ message: @autoclosure () -> String) {
        guard timeline != nil else { return }
        let name = RunOutcome.siteName(site).rightPadded(to: 7)
        timeline!.append("\(now.description.leftPadded(to: 12))  \(name)\(message())")
    }

    /// Whether a message may still arrive: its connection is the live one (star), or its two
    /// peers can reach each other (mesh).
    private func canDeliver(_ envelope: Envelope<Payload>) -> Bool {
        if envelope.connection == Envelope<Payload>.peerChannel {
            return network.peersCanTalk(envelope.from, envelope.to, partitions: trace.faults.partitions)
        }
        return network.isLive(envelope.connection, client: envelope.from == 0 ? envelope.to : envelope.from)
    }

    /// Sends a message on a mesh's peer channel. It is lost if the peers cannot reach each
    /// other now or when it arrives. Until the plan's `ChannelFaults.until`, the channel also
    /// loses it, holds it back (so later messages overtake it) or delivers it twice, as
    /// drawn from the network seed and the message's key; there is no FIFO order either way.
    private mutating func sendOnChannel(_ payload: Payload, key: MessageKey, bytes: Int, summary: @autoclosure () -> String) {
        statistics.messages += 1
        statistics.bytes += bytes
        guard network.peersCanTalk(key.from, key.to, partitions: trace.faults.partitions) else {
            statistics.droppedMessages += 1
            note(key.from, "cannot send \(key) \(summary()) → \(RunOutcome.siteName(key.to)): the peers cannot reach each other")
            return
        }
        let channels = trace.faults.channels
        let faulty = channels.isActive && now < channels.until
        var generator = SplitMix64(seed: StableHash.combine([trace.network.seed, Self.channelSalt, key.stableValue]))
        if faulty && generator.chance(perMille: channels.lossPerMille) {
            statistics.droppedMessages += 1
            note(key.from, "send \(key) \(summary()) → \(RunOutcome.siteName(key.to)) (\(bytes) B): LOST by the channel")
            return
        }
        var latency = trace.network.latency(of: key)
        if faulty && generator.chance(perMille: channels.reorderPerMille) {
            latency += Int64(generator.below(UInt64(4 * latency + Self.holdBackMicroseconds) + 1))
        }
        let envelope = Envelope(from: key.from, to: key.to, key: key, payload: payload, sentAt: now, connection: Envelope<Payload>.peerChannel)
        let arrival = now.advanced(by: latency)
        queue.push(.deliver(envelope), at: arrival)
        note(key.from, "send \(key) \(summary()) → \(RunOutcome.siteName(key.to)) (\(bytes) B, arrives \(arrival))")
        if faulty && generator.chance(perMille: channels.duplicatePerMille) {
            let copyArrival = arrival.advanced(by: Int64(generator.below(UInt64(2 * latency + Self.holdBackMicroseconds) + 1)))
            statistics.duplicatedMessages += 1
            queue.push(.deliver(envelope), at: copyArrival)
            note(key.from, "the channel duplicates \(key): a copy arrives \(copyArrival)")
        }
    }

    /// Separates the channel's draws from every other draw keyed by a message.
    private static var channelSalt: UInt64 { 0x6368_616E_6E65_6C }
    /// The least extra delay a held-back message may get, on top of a multiple of its latency.
    private static var holdBackMicroseconds: Int64 { 100_000 }

    /// Schedules every fault of the plan, and the moment they have all healed.
    private mutating func scheduleFaults() {
        let faults = trace.faults
        for (index, fault) in faults.disconnects.enumerated() {
            queue.push(.fault(.disconnect(index)), at: fault.at)
        }
        for (index, fault) in faults.partitions.enumerated() {
            queue.push(.fault(.partitionStarts(index)), at: fault.at)
            queue.push(.fault(.partitionHeals(index)), at: fault.at.advanced(by: fault.durationMicroseconds))
        }
        for (index, fault) in faults.crashes.enumerated() {
            queue.push(.fault(.crash(index)), at: fault.at)
        }
        for (index, fault) in faults.revocations.enumerated() {
            queue.push(.fault(.revoke(index)), at: fault.at)
        }
        if faults.count > 0 {
            queue.push(.fault(.faultsHealed), at: faults.healTime)
        }
    }

    /// Moves the queue's latest-delivery marks for a client's links back to now, so a new
    /// connection does not wait behind messages that died with the old one.
    mutating func forgetDeliveries(of client: Int) {
        lastDelivery[0][client] = now
        lastDelivery[client][0] = now
    }

    /// Queues an event at a time (for the connection machinery in `SimulationKernel+Faults`).
    mutating func schedule(_ event: Event, at time: VirtualTime) {
        queue.push(event, at: time)
    }
}

extension String {
    fileprivate func leftPadded(to width: Int) -> String {
        count >= width ? self : String(repeating: " ", count: width - count) + self
    }

    fileprivate func rightPadded(to width: Int) -> String {
        count >= width ? self : self + String(repeating: " ", count: width - count)
    }
}
