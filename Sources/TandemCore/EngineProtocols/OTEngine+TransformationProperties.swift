/// TP1 and TP2 on single cases, the way every part of Tandem states them: the oracle that
/// watches a run's transforms, `tandem check`'s exhaustive enumeration, and tests.
///
/// Both compare effects, not operations: two operations are equivalent on a state when
/// applying either gives the same document.
extension OTEngine {
    /// TP1 for operations `a` and `b`, both defined on `state`, where `a`'s site wins ties
    /// when `tieBreak` is `.thisFirst`:
    /// `state · a · T(b, a)` must equal `state · b · T(a, b)`.
    public func tp1(_ a: Operation, _ b: Operation, on state: Document, tieBreak: TieBreak) -> TransformationOutcome<Document> {
        let bAfterA = transform(b, against: a, tieBreak: tieBreak.opposite)
        let aAfterB = transform(a, against: b, tieBreak: tieBreak)
        do {
            let left = try applying([a, bAfterA], to: state)
            let right = try applying([b, aAfterB], to: state)
            if left == right { return .holds }
            return .differs(TransformationOutcome.Paths(
                left: "a then T(b,a) = \(describe(bAfterA))", leftResult: left,
                right: "b then T(a,b) = \(describe(aAfterB))", rightResult: right))
        } catch {
            return .doesNotApply("a transformed operation does not apply: \(error)")
        }
    }

    /// TP2 for operations `a`, `b` and `c`, all defined on `state`, from three sites whose
    /// priorities run `priority` (a higher number wins ties): transforming `c` against `a` then
    /// `T(b, a)` must be equivalent to transforming it against `b` then `T(a, b)`, on the
    /// state both paths reach. Nil when TP1 fails for `a` and `b` on `state`, so the two
    /// paths reach different states and TP2 does not apply.
    public func tp2(
        _ a: Operation, _ b: Operation, _ c: Operation, on state: Document, priority: (a: Int, b: Int, c: Int)
    ) -> TransformationOutcome<Document>? {
        func tieBreak(_ this: Int, over other: Int) -> TieBreak { this > other ? .thisFirst : .otherFirst }
        let bAfterA = transform(b, against: a, tieBreak: tieBreak(priority.b, over: priority.a))
        let aAfterB = transform(a, against: b, tieBreak: tieBreak(priority.a, over: priority.b))
        let cAfterA = transform(c, against: a, tieBreak: tieBreak(priority.c, over: priority.a))
        let cAfterB = transform(c, against: b, tieBreak: tieBreak(priority.c, over: priority.b))
        let viaA = transform(cAfterA, against: bAfterA, tieBreak: tieBreak(priority.c, over: priority.b))
        let viaB = transform(cAfterB, against: aAfterB, tieBreak: tieBreak(priority.c, over: priority.a))
        guard let reached = try? applying([a, bAfterA], to: state), (try? applying([b, aAfterB], to: state)) == reached else {
            return nil
        }
        let left: Document
        let right: Document
        do {
            left = try applying([viaA], to: reached)
            right = try applying([viaB], to: reached)
        } catch {
            return .doesNotApply("c transformed along one order does not apply: \(error)")
        }
        if left == right { return .holds }
        return .differs(TransformationOutcome.Paths(
            left: "T(T(c,a), T(b,a)) = \(describe(viaA))", leftResult: left,
            right: "T(T(c,b), T(a,b)) = \(describe(viaB))", rightResult: right))
    }

    /// `state` with `operations` applied in order.
    public func applying(_ operations: [Operation], to state: Document) throws -> Document {
        var document = state
        for operation in operations { try apply(operation, to: &document) }
        return document
    }
}

/// What one TP1 or TP2 case came to.
public enum TransformationOutcome<Document: OTDocument>: Sendable, Equatable {
    /// Both paths give the same document.
    case holds
    /// The two paths give different documents.
    case differs(Paths)
    /// A transformed operation does not fit the state it must apply to.
    case doesNotApply(String)

    /// The two paths of a case that differ: what each applied and what it gave.
    public struct Paths: Sendable, Equatable {
        /// The first path's transformed operation(s), readable.
        public var left: String
        /// The document the first path gives.
        public var leftResult: Document
        /// The second path's transformed operation(s), readable.
        public var right: String
        /// The document the second path gives.
        public var rightResult: Document
    }

    /// One line for a violation (`… gives "ab", … gives "ba"`), nil when the case holds.
    public var violation: String? {
        switch self {
        case .holds: nil
        case .differs(let paths): "\(paths.left) gives \(paths.leftResult.readableForm), \(paths.right) gives \(paths.rightResult.readableForm)"
        case .doesNotApply(let message): message
        }
    }
}
