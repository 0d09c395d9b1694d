import TandemCore

/// The machinery every replication protocol runs on: the virtual clock, the event queue,
/// FIFO links with latencies from the trace's network plan, the checkers, the timeline and
/// the run's counters. A protocol (`ReplicationSystem`) decides what sites do; the kernel
/// decides when things happen.
struct SimulationKernel<Payload> {
    enum Event {
        case edit(Int)
        case deliver(Envelope<Payload>)
    }

    let trace: Trace
    private(set) var now: VirtualTime = .zero
    private var queue = EventQueue<Event>()
    /// The latest delivery time scheduled on each link, so a link never reorders (FIFO).
    private var lastDelivery: [[VirtualTime]]
    var checkers: [any Checker]
    private(set) var timeline: [String]?
    var statistics = SimulationStatistics()
    var intendedDeletions: [Unicode.Scalar] = []
    var engineErrors: [Violation] = []

    init(trace: Trace, checkers: [any Checker], recordTimeline: Bool) {
        self.trace = trace
        self.checkers = checkers
        self.timeline = recordTimeline ? [] : nil
        let sites = trace.clients + 1
        lastDelivery = Array(repeating: Array(repeating: .zero, count: sites), count: sites)
        for (index, edit) in trace.edits.enumerated() {
            queue.push(.edit(index), at: edit.time)
        }
    }

    /// The next event, with the clock moved to its time.
    mutating func nextEvent() -> Event? {
        guard let (time, event) = queue.pop() else { return nil }
        now = time
        statistics.events += 1
        return event
    }

    /// Sends a message; it arrives after the link's latency, never before an earlier message
    /// on the same link.
    mutating func send(_ payload: Payload, key: MessageKey, bytes: Int, summary: @autoclosure () -> String) {
        let latency = trace.network.latency(of: key)
        let arrival = max(now.advanced(by: latency), lastDelivery[key.from][key.to])
        lastDelivery[key.from][key.to] = arrival
        statistics.messages += 1
        statistics.bytes += bytes
        queue.push(.deliver(Envelope(from: key.from, to: key.to, key: key, payload: payload, sentAt: now)), at: arrival)
        note(key.from, "send \(key) \(summary()) → \(RunOutcome.siteName(key.to)) (\(bytes) B, arrives \(arrival))")
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
}

extension String {
    fileprivate func leftPadded(to width: Int) -> String {
        count >= width ? self : String(repeating: " ", count: width - count) + self
    }

    fileprivate func rightPadded(to width: Int) -> String {
        count >= width ? self : self + String(repeating: " ", count: width - count)
    }
}
