import TandemCore
import TandemEngines

/// Exhaustive material for the character-wise engines, on whatever document their functions
/// keep: every text over {a, b} of up to three scalars, every single-scalar insertion (of a or b) and deletion on it, the
/// same after one prior transformation, and searches for the first TP1 and TP2 violation.
enum ClassicalFixture {
    /// Every text over {a, b} of length 0…3, shortest first.
    static let documents: [TextBuffer] = (0...3).flatMap { length in
        (0..<(1 << length)).map { bits in
            TextBuffer((0..<length).map { index in bits >> (length - 1 - index) & 1 == 0 ? "a" : "b" })
        }
    }

    /// Every insertion of one scalar of {a, b} and every deletion of one scalar on `document`.
    static func singleEdits<F>(_ engine: CharacterwiseEngine<F>, on document: F.Document) -> [[F.Primitive]] {
        let insertions = (0...document.visibleCount).flatMap { position in
            ["a", "b"].map { (scalar: Unicode.Scalar) in engine.insertion(of: [scalar], at: position, in: document) }
        }
        let deletions = (0..<document.visibleCount).map { engine.deletion(of: $0..<$0 + 1, in: document) }
        return insertions + deletions
    }

    /// `document` after `operations` in order, nil when one of them does not apply.
    static func applied<F>(_ engine: CharacterwiseEngine<F>, _ operations: [F.Primitive]..., to document: F.Document) -> F.Document? {
        var result = document
        for operation in operations {
            guard (try? engine.apply(operation, to: &result)) != nil else { return nil }
        }
        return result
    }

    /// The two sides of TP1 for `a` ∥ `b` when a's site has priority iff `aFirst`:
    /// `a` then `T(b, a)`, and `b` then `T(a, b)`.
    static func tp1Sides<F>(
        _ engine: CharacterwiseEngine<F>, _ a: [F.Primitive], _ b: [F.Primitive], aFirst: Bool, on document: F.Document
    ) -> (afterA: F.Document?, afterB: F.Document?) {
        let tieBreak: TieBreak = aFirst ? .thisFirst : .otherFirst
        let bPrime = engine.transform(b, against: a, tieBreak: tieBreak.opposite)
        let aPrime = engine.transform(a, against: b, tieBreak: tieBreak)
        return (applied(engine, a, bPrime, to: document), applied(engine, b, aPrime, to: document))
    }

    /// A text and single-scalar operations defined on it.
    struct Situation<Document, Primitive> {
        /// The document every operation of `edits` applies to.
        var document: Document
        /// The operations.
        var edits: [[Primitive]]
    }

    /// Every text of `documents` with its fresh single edits.
    static func freshSituations<F>(_ engine: CharacterwiseEngine<F>) -> [Situation<F.Document, F.Primitive>] {
        documents.map { text in
            let document = F.Document(visibleText: text)
            return Situation(document: document, edits: singleEdits(engine, on: document))
        }
    }

    /// Operations that already carry history: for every text of up to two scalars, every
    /// single edit `d` on it and both priorities of d's site, the state after `d` with the
    /// fresh edits of the old text transformed against `d` and the fresh edits of the new one,
    /// as a site that has received `d` holds them.
    static func situationsAfterOneTransform<F>(_ engine: CharacterwiseEngine<F>) -> [Situation<F.Document, F.Primitive>] {
        documents.filter { $0.count <= 2 }.map { F.Document(visibleText: $0) }.flatMap { document in
            singleEdits(engine, on: document).flatMap { d -> [Situation<F.Document, F.Primitive>] in
                guard let after = applied(engine, d, to: document) else { return [] }
                return [TieBreak.thisFirst, .otherFirst].map { tieBreak in
                    let moved = singleEdits(engine, on: document).map { engine.transform($0, against: d, tieBreak: tieBreak) }
                    return Situation(document: after, edits: moved.filter { !$0.isEmpty } + singleEdits(engine, on: after))
                }
            }
        }
    }

    /// A TP1 violation: two operations on a text whose two orders give different texts.
    struct TP1Violation<Document, Primitive> {
        var document: Document
        var a: [Primitive]
        var b: [Primitive]
        var aFirst: Bool
        var afterA: Document?
        var afterB: Document?
    }

    /// The first TP1 violation over the situations' edit pairs and both priorities.
    static func firstTP1Violation<F>(_ engine: CharacterwiseEngine<F>, in situations: [Situation<F.Document, F.Primitive>]) -> TP1Violation<F.Document, F.Primitive>? {
        for situation in situations {
            for a in situation.edits {
                for b in situation.edits {
                    for aFirst in [true, false] {
                        let (afterA, afterB) = tp1Sides(engine, a, b, aFirst: aFirst, on: situation.document)
                        if afterA == nil || afterA != afterB {
                            return TP1Violation(document: situation.document, a: a, b: b, aFirst: aFirst, afterA: afterA, afterB: afterB)
                        }
                    }
                }
            }
        }
        return nil
    }

    /// The results of TP2 for `c` against `a` ∥ `b`, sites ranked by `rank` (0 = highest
    /// priority, indexed a, b, c): `c` transformed along `a; T(b, a)` and applied after them,
    /// and along `b; T(a, b)`. Nil when `a` and `b` already break TP1, which leaves TP2 moot.
    static func tp2Results<F>(
        _ engine: CharacterwiseEngine<F>, _ a: [F.Primitive], _ b: [F.Primitive], _ c: [F.Primitive], rank: [Int],
        on document: F.Document
    ) -> (alongA: F.Document?, alongB: F.Document?)? {
        func tieBreak(_ this: Int, _ other: Int) -> TieBreak { rank[this] < rank[other] ? .thisFirst : .otherFirst }
        let aAfterB = engine.transform(a, against: b, tieBreak: tieBreak(0, 1))
        let bAfterA = engine.transform(b, against: a, tieBreak: tieBreak(1, 0))
        let stateA = applied(engine, a, bAfterA, to: document)
        guard let stateA, stateA == applied(engine, b, aAfterB, to: document) else { return nil }
        let cAlongA = engine.transform(engine.transform(c, against: a, tieBreak: tieBreak(2, 0)), against: bAfterA, tieBreak: tieBreak(2, 1))
        let cAlongB = engine.transform(engine.transform(c, against: b, tieBreak: tieBreak(2, 1)), against: aAfterB, tieBreak: tieBreak(2, 0))
        return (applied(engine, cAlongA, to: stateA), applied(engine, cAlongB, to: stateA))
    }

    /// A TP2 violation: three operations on a text, with a site ranking, whose two paths
    /// give different texts.
    struct TP2Violation<Document, Primitive> {
        var document: Document
        var a: [Primitive]
        var b: [Primitive]
        var c: [Primitive]
        var rank: [Int]
        var alongA: Document?
        var alongB: Document?
    }

    /// Every ranking of three sites.
    static let rankings = [[0, 1, 2], [0, 2, 1], [1, 0, 2], [1, 2, 0], [2, 0, 1], [2, 1, 0]]

    /// The first TP2 violation over the situations' edit triples whose first two satisfy
    /// TP1, and every site ranking.
    static func firstTP2Violation<F>(_ engine: CharacterwiseEngine<F>, in situations: [Situation<F.Document, F.Primitive>]) -> TP2Violation<F.Document, F.Primitive>? {
        for situation in situations {
            for a in situation.edits {
                for b in situation.edits {
                    for c in situation.edits {
                        for rank in rankings {
                            guard let (alongA, alongB) = tp2Results(engine, a, b, c, rank: rank, on: situation.document) else { continue }
                            if alongA == nil || alongA != alongB {
                                return TP2Violation(document: situation.document, a: a, b: b, c: c, rank: rank, alongA: alongA, alongB: alongB)
                            }
                        }
                    }
                }
            }
        }
        return nil
    }
}
