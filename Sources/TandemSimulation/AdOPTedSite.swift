import TandemCore

/// One site of adOPTed (Ressel, Nitsche-Ruhland & Gunzenhäuser 1996): OT with no server.
///
/// Every request carries the state vector of its site when it was made (how many requests of
/// each site it had executed) and its operation as made on that state. A site executes a
/// received request once it is causally ready (it has executed everything the request's
/// author had, and every earlier request of that author), after *translating* it to its own
/// current state along the interaction graph:
///
///     translate(r, s) = r.operation                                  when s = r.vector
///     translate(r, s) = T(translate(r, s − eⱼ), translate(u, s − eⱼ))  otherwise,
///
/// where `u` is the last request of a site `j` in `s` that `r` had not seen and that no other
/// request in `s` depends on. With TP1 and TP2 every choice of `j` gives the same operation;
/// this site takes the lowest `j`, so runs are deterministic either way, and an engine that
/// violates TP2 makes sites that took different paths diverge. Translations are memoised per
/// (request, state) for the whole run, so a site never transforms the same pair twice.
///
/// Ties between sites go to the lower site number.
struct AdOPTedSite<Engine: OTEngine> {
    /// A request as its author made it.
    struct Request: Sendable {
        /// The site that made it (1…n).
        var origin: Int
        /// Its author's state vector when it was made; `vector[origin]` is its sequence number.
        var vector: [Int]
        /// The operation, defined on the state `vector`.
        var operation: Engine.Operation

        /// Its position in its author's sequence (0 for the first).
        var sequence: Int { vector[origin] }
    }

    private struct TranslationKey: Hashable {
        var origin: Int
        var sequence: Int
        var state: [Int]
    }

    let site: Int
    private(set) var document: Engine.Document
    /// How many requests of each site this site has executed; index 0 unused.
    private(set) var vector: [Int]
    /// Per site, the requests executed here, in their author's order.
    private var log: [[Request]]
    /// Received requests that are not causally ready yet.
    private(set) var waiting: [Request] = []
    private var translations: [TranslationKey: Engine.Operation] = [:]
    /// How many transforms this site performed.
    private(set) var transforms = 0

    init(site: Int, clients: Int, document: Engine.Document) {
        self.site = site
        self.document = document
        vector = Array(repeating: 0, count: clients + 1)
        log = Array(repeating: [], count: clients + 1)
    }

    /// Applies a local operation made on the current document and returns the request that
    /// carries it to the other sites.
    mutating func generate(_ operation: Engine.Operation, engine: Engine) throws -> Request {
        try engine.apply(operation, to: &document)
        let request = Request(origin: site, vector: vector, operation: operation)
        log[site].append(request)
        vector[site] += 1
        return request
    }

    /// Takes a request from another site; executes it, and every waiting request it makes
    /// ready, once causally ready. Returns the operations applied, as transformed. A request
    /// already executed or already waiting is ignored (the mesh duplicates messages).
    mutating func receive(_ request: Request, engine: Engine) throws -> [Engine.Operation] {
        guard request.sequence >= vector[request.origin],
              !waiting.contains(where: { $0.origin == request.origin && $0.sequence == request.sequence }) else { return [] }
        waiting.append(request)
        var applied: [Engine.Operation] = []
        while let index = readyIndex() {
            let ready = waiting.remove(at: index)
            let operation = translate(ready, to: vector, engine: engine)
            try engine.apply(operation, to: &document)
            log[ready.origin].append(ready)
            vector[ready.origin] += 1
            applied.append(operation)
        }
        return applied
    }

    /// The waiting request that is causally ready, lowest (origin, sequence) first.
    private func readyIndex() -> Int? {
        var best: Int?
        for (index, request) in waiting.enumerated() where isReady(request) {
            if let current = best, (waiting[current].origin, waiting[current].sequence) < (request.origin, request.sequence) { continue }
            best = index
        }
        return best
    }

    private func isReady(_ request: Request) -> Bool {
        guard request.sequence == vector[request.origin] else { return false }
        return request.vector.indices.allSatisfy { $0 == request.origin || request.vector[$0] <= vector[$0] }
    }

    /// `request` translated to `state`, by an explicit depth-first walk of the interaction
    /// graph (long offline stretches make the graph deeper than a thread's stack).
    private mutating func translate(_ request: Request, to state: [Int], engine: Engine) -> Engine.Operation {
        var pending: [(request: Request, state: [Int])] = [(request, state)]
        while let (current, target) = pending.last {
            let key = TranslationKey(origin: current.origin, sequence: current.sequence, state: target)
            if translations[key] != nil {
                pending.removeLast()
                continue
            }
            if target == current.vector {
                translations[key] = current.operation
                pending.removeLast()
                continue
            }
            let (other, previous) = lastUnseenRequest(of: current, in: target)
            let translated = translations[TranslationKey(origin: current.origin, sequence: current.sequence, state: previous)]
            let against = translations[TranslationKey(origin: other.origin, sequence: other.sequence, state: previous)]
            guard let translated, let against else {
                if translated == nil { pending.append((current, previous)) }
                if against == nil { pending.append((other, previous)) }
                continue
            }
            transforms += 1
            translations[key] = engine.transform(
                translated, against: against, tieBreak: current.origin < other.origin ? .thisFirst : .otherFirst)
            pending.removeLast()
        }
        return translations[TranslationKey(origin: request.origin, sequence: request.sequence, state: state)]!
    }

    /// The last request `u` of the lowest site `j` such that `request` had not seen it and no
    /// other request in `state` depends on it, with `state − eⱼ`. One exists whenever `state`
    /// holds requests `request` had not seen: a causally maximal one among them.
    private func lastUnseenRequest(of request: Request, in state: [Int]) -> (Request, [Int]) {
        for j in state.indices where state[j] > request.vector[j] {
            let candidate = log[j][state[j] - 1]
            let dependedOn = state.indices.contains { k in k != j && state[k] > 0 && log[k][state[k] - 1].vector[j] >= state[j] }
            if dependedOn { continue }
            var previous = state
            previous[j] -= 1
            return (candidate, previous)
        }
        preconditionFailure("state \(state) holds no request that \(request.vector) had not seen, yet differs from it")
    }
}
