import TandemCore
import TandemSimulation

/// Shrinks a failing trace to a 1-minimal one that still fails the same way.
///
/// Rounds of reductions run until a whole round makes no progress: delta debugging over
/// the edits (each removal also tried with the server snapshotting that many operations
/// sooner, so a snapshot still lands among the same edits), removal of insertions with the
/// later edits moved back to where they pointed, delta debugging over the clients, each
/// kind of fault, the cursor sharers and the initial text (large chunks first, down to
/// single items), then simplification of what is left
/// (shorter inserts, smaller deletes and positions, simpler latency, shorter faults, the
/// standard server policy, plain editing roles). A candidate is kept only when
/// `stillFails` holds for it, and every kept candidate is strictly smaller in one measure
/// and no larger in any other, so shrinking always ends. When it ends, removing any single
/// edit, client or fault makes the trace pass: the result is 1-minimal.
///
/// Shrinking is deterministic: the same trace and predicate always give the same result.
public struct Shrinker {
    /// What shrinking produced.
    public struct Outcome: Sendable {
        /// The smallest failing trace found.
        public var trace: Trace
        /// Reductions kept.
        public var steps: Int
        /// Candidates tried (each one a run).
        public var attempts: Int
    }

    private let stillFails: (Trace) -> Bool

    /// A shrinker keeping candidates for which `stillFails` holds: typically "the same
    /// engine still violates the same property".
    public init(stillFails: @escaping (Trace) -> Bool) {
        self.stillFails = stillFails
    }

    /// Shrinks a trace that fails.
    public func shrink(_ trace: Trace) -> Outcome {
        var run = ShrinkRun(current: trace, stillFails: stillFails)
        var progress = true
        while progress {
            progress = false
            progress = run.removeChunks(of: \.edits, adjusted: { $0.snapshottingSooner(by: $1) }) || progress
            progress = run.removeInsertionsShiftingLaterEdits() || progress
            progress = run.removeClients() || progress
            progress = run.removeChunks(of: \.faults.disconnects) || progress
            progress = run.removeChunks(of: \.faults.partitions) || progress
            progress = run.removeChunks(of: \.faults.crashes) || progress
            progress = run.removeChunks(of: \.faults.revocations) || progress
            progress = run.removeChannelFaults() || progress
            progress = run.removeChunks(of: \.cursorSharers) || progress
            progress = run.removeChunks(of: \.selectingClients) || progress
            progress = run.removeChunks(of: \.initialScalars) || progress
            progress = run.simplifyEdits() || progress
            progress = run.simplifyFaults() || progress
            progress = run.simplifySystem() || progress
        }
        return Outcome(trace: run.current, steps: run.steps, attempts: run.attempts)
    }
}

/// The state of one shrink: the smallest failing trace so far and the counters.
struct ShrinkRun {
    private(set) var current: Trace
    private(set) var steps = 0
    private(set) var attempts = 0
    let stillFails: (Trace) -> Bool

    init(current: Trace, stillFails: @escaping (Trace) -> Bool) {
        self.current = current
        self.stillFails = stillFails
    }

    /// Keeps the candidate if it still fails.
    mutating func accept(_ candidate: Trace?) -> Bool {
        guard let candidate, candidate != current else { return false }
        attempts += 1
        guard stillFails(candidate) else { return false }
        current = candidate
        steps += 1
        return true
    }

    /// Delta debugging over one list of the trace: removes chunks of half the list, then of
    /// a quarter, and so on down to single items, keeping each removal that still fails.
    /// When a removal does not fail, `adjusted` may offer a second form of it (given the
    /// candidate and how many items it removed) that keeps something else in step.
    mutating func removeChunks<Item>(of list: WritableKeyPath<Trace, [Item]>, adjusted: (Trace, Int) -> Trace? = { _, _ in nil }) -> Bool {
        var progress = false
        var chunk = max(1, current[keyPath: list].count / 2)
        while true {
            var start = 0
            while start < current[keyPath: list].count {
                var candidate = current
                let removed = start..<min(start + chunk, current[keyPath: list].count)
                candidate[keyPath: list].removeSubrange(removed)
                if accept(candidate) || accept(adjusted(candidate, removed.count)) { progress = true } else { start += chunk }
            }
            if chunk == 1 { return progress }
            chunk /= 2
        }
    }

    /// Removes each client in turn, the highest first.
    mutating func removeClients() -> Bool {
        var progress = false
        var client = current.clients
        while client >= 1 {
            if accept(current.removingClient(client)) { progress = true }
            client = min(client - 1, current.clients)
        }
        return progress
    }

    /// Makes the mesh's channels reliable.
    mutating func removeChannelFaults() -> Bool {
        var candidate = current
        candidate.faults.channels = .none
        return accept(candidate)
    }

    /// Tries each candidate value of one field in turn, keeping the first that still fails.
    mutating func simplify<Value>(_ field: WritableKeyPath<Trace, Value>, to candidates: [Value]) -> Bool {
        for value in candidates {
            var candidate = current
            candidate[keyPath: field] = value
            if accept(candidate) { return true }
        }
        return false
    }
}

extension Trace {
    /// The initial text as scalars, for removing chunks of it.
    var initialScalars: [Unicode.Scalar] {
        get { Array(initialText.unicodeScalars) }
        set { initialText = String(String.UnicodeScalarView(newValue)) }
    }
}
