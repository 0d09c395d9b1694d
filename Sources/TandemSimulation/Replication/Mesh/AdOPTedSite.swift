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
/// where `u` is a request of a site `j` in `s` that `r` had not seen and that no other
/// request in `s` depends on. With TP1 and TP2 every choice of `u` gives the same operation.
/// This site takes the one it executed last: that one always qualifies, and the choice keeps
/// every state the walk visits close to a prefix of the site's own execution order, so the
/// walk touches a few chains of states instead of the whole lattice between `r.vector` and
/// `s` (a lattice that grows as the product of the concurrent sites' request counts). Runs
/// stay deterministic either way, and an engine that violates TP2 makes sites that executed
/// requests in different orders diverge. Translations are memoised per (request, state) for
/// the whole run, so a site never transforms the same pair twice.
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

    let site: Int
    private(set) var document: Engine.Document
    /// How many requests of each site this site has executed; index 0 unused.
    private(set) var vector: [Int]
    /// Per site, the state vectors of the requests executed here, in their author's order.
    /// Kept apart from the operations so that walking the interaction graph touches only
    /// plain integers, never a value of the engine's generic type.
    private var vectors: [[[Int]]]
    /// Per site, the operations of the requests executed here, as their authors made them.
    private var operations: [[Engine.Operation]]
    /// Received requests that are not causally ready yet.
    private(set) var waiting: [Request] = []
    /// Per site, the position of each executed request in this site's execution order.
    private var executionIndex: [[Int]]
    /// How many requests this site has executed, its own included.
    private var executed = 0
    /// Every translation computed so far, as an index into `forms`.
    private var translations: [TranslationKey: Int] = [:]
    /// The translated operations `translations` points into.
    private var forms: [Engine.Operation] = []
    /// How many transforms this site performed.
    private(set) var transforms = 0

    init(site: Int, clients: Int, document: Engine.Document) {
        self.site = site
        self.document = document
        vector = Array(repeating: 0, count: clients + 1)
        vectors = Array(repeating: [], count: clients + 1)
        operations = Array(repeating: [], count: clients + 1)
        executionIndex = Array(repeating: [], count: clients + 1)
    }

    /// Applies a local operation made on the current document and returns the request that
    /// carries it to the other sites.
    mutating func generate(_ operation: Engine.Operation, engine: Engine) throws -> Request {
        try engine.apply(operation, to: &document)
        let request = Request(origin: site, vector: vector, operation: operation)
        record(request)
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
            let state = vector
            record(ready)
            let operation = translate(ready, to: state, engine: engine)
            try engine.apply(operation, to: &document)
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

    /// Logs an executed request and counts it in the site's state.
    private mutating func record(_ request: Request) {
        vectors[request.origin].append(request.vector)
        operations[request.origin].append(request.operation)
        executionIndex[request.origin].append(executed)
        executed += 1
        vector[request.origin] += 1
    }

    /// `request` translated to `state`, by an explicit depth-first walk of the interaction
    /// graph (long offline stretches make the graph deeper than a thread's stack). The walk
    /// names requests by (origin, sequence) and reads their vectors from `vectors`, so
    /// `request` must be recorded already.
    private mutating func translate(_ request: Request, to state: [Int], engine: Engine) -> Engine.Operation {
        let goal = TranslationKey(origin: request.origin, sequence: request.sequence, state: state)
        var pending: [TranslationKey] = [goal]
        while let current = pending.last {
            if translations[current] != nil {
                pending.removeLast()
                continue
            }
            let base = vectors[current.origin][current.sequence]
            if current.state == base {
                translations[current] = store(operations[current.origin][current.sequence])
                pending.removeLast()
                continue
            }
            let (other, previous) = lastUnseenRequest(after: base, in: current.state)
            let translatedKey = TranslationKey(origin: current.origin, sequence: current.sequence, state: previous)
            let againstKey = TranslationKey(origin: other, sequence: previous[other], state: previous)
            guard let translated = translations[translatedKey], let against = translations[againstKey] else {
                if translations[translatedKey] == nil { pending.append(translatedKey) }
                if translations[againstKey] == nil { pending.append(againstKey) }
                continue
            }
            transforms += 1
            translations[current] = store(engine.transform(
                forms[translated], against: forms[against], tieBreak: current.origin < other ? .thisFirst : .otherFirst))
            pending.removeLast()
        }
        return forms[translations[goal]!]
    }

    /// Keeps a translated operation and returns its index in `forms`.
    private mutating func store(_ operation: Engine.Operation) -> Int {
        forms.append(operation)
        return forms.count - 1
    }

    /// Of the requests in `state` that a request made on `base` had not seen, the one this
    /// site executed last, with `state` without it (so it is request `previous[site]` of
    /// `site`). It is the last of its site in `state`, and nothing in `state` depends on it:
    /// a request executed after it is either seen from `base`, and `base` holds everything
    /// such a request depends on, or unseen, and then it would have been chosen instead.
    private func lastUnseenRequest(after base: [Int], in state: [Int]) -> (site: Int, previous: [Int]) {
        var chosen: Int?
        for j in state.indices where state[j] > base[j] {
            if let current = chosen, executionIndex[current][state[current] - 1] > executionIndex[j][state[j] - 1] { continue }
            chosen = j
        }
        guard let chosen else { preconditionFailure("state \(state) holds no request that \(base) had not seen, yet differs from it") }
        var previous = state
        previous[chosen] -= 1
        return (chosen, previous)
    }
}

/// A request at a state, for `AdOPTedSite`'s memo: request number `sequence` of site `origin`,
/// translated to `state`. Outside the generic site so that hashing it needs no generic
/// metadata.
private struct TranslationKey: Hashable {
    var origin: Int
    var sequence: Int
    var state: [Int]
}
