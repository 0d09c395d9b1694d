import TandemCore

/// TP1 and TP2 checked on an OT engine by exhaustive enumeration, the engine of `tandem check`.
///
/// Every document up to `maxLength` scalars over the first `alphabetSize` letters (`a`, `b`,
/// …) is enumerated, shortest first and in alphabetical order within a length. The operations
/// on a document are every single-letter insertion at every position and every single-scalar
/// deletion made on it, and, with `history` (the default), every such operation made on an
/// earlier document and transformed past one concurrent edit that led to this one, as it
/// would arrive at a site: operations that carry metadata (an initial position, sets of
/// deletions) differ from fresh ones, and the literature's TP2 counterexamples for such
/// functions need them. Operations with the same engine description count once. TP1 takes
/// every unordered pair of operations (the same one twice included: two sites may make the
/// same edit concurrently) under both priority orders of their two sites; TP2 every triple
/// `(a, b, c)` with `a` no later than `b` (TP2 is symmetric in them) under all six priority
/// orders of the three sites. The order is fixed, and the smallest violation (shortest
/// document, fewest scalars edited, then first found) is reported.
///
/// Sampling goes beyond the bound: longer documents and edits of several scalars, drawn from
/// a seed.
///
/// The engine is used only through the public `OTEngine` protocol: documents come from
/// `Document(visibleText:)` and edits from `insertion` and `deletion`, so a user's own engine
/// is checked exactly as the built-in ones.
public struct TransformationPropertyCheck<Engine: OTEngine> {
    /// One edit as the checker makes it, in the checker's own readable notation.
    public struct Edit: Sendable, Equatable, CustomStringConvertible {
        /// Insert `text` before `position`, or delete `count` scalars from `position`.
        public enum Kind: Sendable, Equatable {
            /// Inserts the text.
            case insert([Unicode.Scalar])
            /// Deletes this many scalars.
            case delete(Int)
        }

        /// Where the edit applies, in visible scalars.
        public var position: Int
        /// What it does.
        public var kind: Kind

        /// How many scalars it inserts or deletes.
        var size: Int {
            switch kind {
            case .insert(let text): text.count
            case .delete(let count): count
            }
        }

        /// `ins(1,"x")` or `del(2)`; `del(2,3)` deletes three scalars from position 2.
        public var description: String {
            switch kind {
            case .insert(let text): "ins(\(position),\(TextEscaping.quoted(TextEscaping.escape(text))))"
            case .delete(let count): count == 1 ? "del(\(position))" : "del(\(position),\(count))"
            }
        }
    }

    /// A case that violates the property, in readable form.
    public struct Counterexample: Sendable, CustomStringConvertible {
        /// The property violated.
        public var property: Property
        /// The document the edits are made on.
        public var document: Engine.Document
        /// The operations `a`, `b` (and `c` for TP2), each from its own site, in readable form:
        /// the edit, and for one that arrives transformed, where it was made and past what.
        public var edits: [String]
        /// Each edit's site priority: the higher wins ties.
        public var priorities: [Int]
        /// The engine's own form of each edit's operation.
        public var operations: [String]
        /// What the two paths gave.
        public var violation: String

        /// Several lines: document, edits with priorities and operations, and both results.
        public var description: String {
            let names = ["a", "b", "c"]
            var lines = ["\(property.rawValue) violated on document \(document.readableForm)"]
            for index in edits.indices {
                lines.append("  \(names[index]) = \(edits[index])  (site priority \(priorities[index]); engine: \(operations[index]))")
            }
            lines.append("  \(violation)")
            return lines.joined(separator: "\n")
        }

        /// The size that orders counterexamples: document length, then scalars the edits touch.
        var size: (Int, Int)
    }

    /// What checking one property came to.
    public struct Report: Sendable {
        /// The property checked.
        public var property: Property
        /// How many cases were checked (priority orders counted separately).
        public var cases: Int
        /// How many of them violate the property.
        public var violations: Int
        /// TP2 cases not checked because TP1 already fails for `a` and `b` there, so the two
        /// paths reach different states.
        public var skipped: Int
        /// The smallest violating case, if any.
        public var smallest: Counterexample?
    }

    /// The engine checked.
    public var engine: Engine
    /// The longest document enumerated, in scalars.
    public var maxLength: Int
    /// The letters documents and insertions use: the first `alphabetSize` of `a`…`z`.
    public var alphabet: [Unicode.Scalar]
    /// Whether operations transformed past one concurrent edit are enumerated too.
    public var history: Bool

    /// A check of `engine` over documents up to `maxLength` scalars over `alphabetSize` letters
    /// (1…26), with operations that arrive transformed unless `history` is false.
    public init(engine: Engine, maxLength: Int, alphabetSize: Int, history: Bool = true) {
        self.engine = engine
        self.maxLength = maxLength
        self.history = history
        alphabet = (0..<alphabetSize).map { Unicode.Scalar(UInt8(ascii: "a") + UInt8($0)) }
    }

    /// An operation enumerated on a state.
    private struct Candidate {
        var label: String
        var operation: Engine.Operation
        var size: Int
    }

    /// The states enumerated, each with its operations: fresh documents by length and
    /// alphabet, then (with `history`) the states transformed operations lead to.
    private func states() -> [(document: Engine.Document, candidates: [Candidate])] {
        var states: [(document: Engine.Document, candidates: [Candidate])] = []
        var seen: [[String]] = []
        var indexByKey: [String: Int] = [:]
        func add(_ candidate: Candidate, to document: Engine.Document) {
            let key = document.readableForm
            let index: Int
            if let known = indexByKey[key] {
                index = known
            } else {
                index = states.count
                indexByKey[key] = index
                states.append((document, []))
                seen.append([])
            }
            let description = engine.describe(candidate.operation)
            guard !seen[index].contains(description) else { return }
            seen[index].append(description)
            states[index].candidates.append(candidate)
        }
        var fresh: [(Engine.Document, [Edit])] = []
        for length in 0...maxLength {
            for text in texts(ofLength: length) {
                let document = Engine.Document(visibleText: TextBuffer(text))
                let edits = singleEdits(onLength: length)
                fresh.append((document, edits))
                for edit in edits { add(Candidate(label: edit.description, operation: operation(for: edit, on: document), size: 1), to: document) }
            }
        }
        guard history else { return states }
        for (origin, edits) in fresh {
            for concurrent in edits {
                let past = operation(for: concurrent, on: origin)
                guard let reached = try? engine.applying([past], to: origin), reached.visibleCount <= maxLength else { continue }
                for edit in edits {
                    for tieBreak in [TieBreak.thisFirst, .otherFirst] {
                        let label = "\(edit) made on \(origin.readableForm), transformed past concurrent \(concurrent) "
                            + "(\(tieBreak == .thisFirst ? "winning" : "losing") ties)"
                        let transformed = engine.transform(operation(for: edit, on: origin), against: past, tieBreak: tieBreak)
                        add(Candidate(label: label, operation: transformed, size: 2), to: reached)
                    }
                }
            }
        }
        return states
    }

    /// Every case of `property` (`tp1` or `tp2`) within the bound.
    public func exhaustive(_ property: Property) -> Report {
        var tally = Tally(property: property)
        for (document, candidates) in states() {
            switch property {
            case .tp2:
                for (i, a) in candidates.enumerated() {
                    for b in candidates[i...] {
                        for c in candidates {
                            for priority in Self.threeSiteOrders { tally.record(check(document, [a, b, c], priority)) }
                        }
                    }
                }
            default:
                for (i, a) in candidates.enumerated() {
                    for b in candidates[i...] {
                        for priority in Self.twoSiteOrders { tally.record(check(document, [a, b], priority)) }
                    }
                }
            }
        }
        return tally.report
    }

    /// `samples` random cases of `property` beyond the bound: documents up to `maxLength + 4`
    /// scalars and edits of up to three scalars, drawn from `seed`.
    public func sampled(_ property: Property, samples: Int, seed: UInt64) -> Report {
        var generator = SplitMix64(seed: seed, stream: "check-\(property.rawValue)")
        var tally = Tally(property: property)
        for _ in 0..<samples {
            let length = generator.int(in: 0...(maxLength + 4))
            let text = (0..<length).map { _ in generator.pick(alphabet) }
            let document = Engine.Document(visibleText: TextBuffer(text))
            let count = property == .tp2 ? 3 : 2
            let candidates = (0..<count).map { _ in
                let edit = randomEdit(onLength: length, using: &generator)
                return Candidate(label: edit.description, operation: operation(for: edit, on: document), size: edit.size)
            }
            var priority = Array(1...count)
            generator.shuffle(&priority)
            tally.record(check(document, candidates, priority))
        }
        return tally.report
    }

    /// One case: nil when TP2 does not apply (TP1 fails for `a` and `b`), else the violation
    /// or nothing.
    private func check(_ document: Engine.Document, _ candidates: [Candidate], _ priority: [Int]) -> CaseResult {
        let operations = candidates.map(\.operation)
        let outcome: TransformationOutcome<Engine.Document>?
        if operations.count == 3 {
            outcome = engine.tp2(operations[0], operations[1], operations[2], on: document,
                                 priority: (priority[0], priority[1], priority[2]))
        } else {
            outcome = engine.tp1(operations[0], operations[1], on: document,
                                 tieBreak: priority[0] > priority[1] ? .thisFirst : .otherFirst)
        }
        guard let outcome else { return .skipped }
        guard let violation = outcome.violation else { return .holds }
        return .violates(Counterexample(
            property: operations.count == 3 ? .tp2 : .tp1, document: document, edits: candidates.map(\.label), priorities: priority,
            operations: operations.map(engine.describe), violation: violation,
            size: (document.visibleCount, candidates.map(\.size).reduce(0, +))))
    }

    private func operation(for edit: Edit, on document: Engine.Document) -> Engine.Operation {
        switch edit.kind {
        case .insert(let text): engine.insertion(of: text, at: edit.position, in: document)
        case .delete(let count): engine.deletion(of: edit.position..<(edit.position + count), in: document)
        }
    }

    /// Every text of `length` letters, in alphabetical order.
    private func texts(ofLength length: Int) -> [[Unicode.Scalar]] {
        var texts: [[Unicode.Scalar]] = [[]]
        for _ in 0..<length {
            texts = texts.flatMap { prefix in alphabet.map { prefix + [$0] } }
        }
        return texts
    }

    /// Every single-letter insertion (by position, then letter), then every single deletion.
    private func singleEdits(onLength length: Int) -> [Edit] {
        let insertions = (0...length).flatMap { position in alphabet.map { Edit(position: position, kind: .insert([$0])) } }
        let deletions = (0..<length).map { Edit(position: $0, kind: .delete(1)) }
        return insertions + deletions
    }

    private func randomEdit(onLength length: Int, using generator: inout SplitMix64) -> Edit {
        if length == 0 || generator.chance(1, in: 2) {
            let text = (0..<generator.int(in: 1...3)).map { _ in generator.pick(alphabet) }
            return Edit(position: generator.int(in: 0...length), kind: .insert(text))
        }
        let position = generator.int(in: 0...(length - 1))
        return Edit(position: position, kind: .delete(generator.int(in: 1...min(3, length - position))))
    }

    /// Both priority orders of two sites.
    private static var twoSiteOrders: [[Int]] { [[2, 1], [1, 2]] }

    /// All six priority orders of three sites, in a fixed order.
    private static var threeSiteOrders: [[Int]] { [[3, 2, 1], [3, 1, 2], [2, 3, 1], [2, 1, 3], [1, 3, 2], [1, 2, 3]] }

    private enum CaseResult {
        case holds
        case skipped
        case violates(Counterexample)
    }

    /// Counts cases and keeps the smallest violation.
    private struct Tally {
        var report: Report

        init(property: Property) {
            report = Report(property: property, cases: 0, violations: 0, skipped: 0, smallest: nil)
        }

        mutating func record(_ result: CaseResult) {
            switch result {
            case .holds:
                report.cases += 1
            case .skipped:
                report.skipped += 1
            case .violates(let counterexample):
                report.cases += 1
                report.violations += 1
                if report.smallest.map({ counterexample.size < $0.size }) ?? true { report.smallest = counterexample }
            }
        }
    }
}
