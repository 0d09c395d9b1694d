import TandemCore

/// `ot-text`: the ot.js transformation functions on `TextOperation`s, a correct OT engine for
/// the Jupiter client/server protocol (it satisfies TP1, not TP2, like ot.js itself).
///
/// Wire sizes are those of `TextOperation.encodedSize`; descriptions are `TextOperation.description`.
public struct OTTextEngine: OTEngine {
    /// ot-text's operation: a canonical ot.js-style component list.
    public typealias Operation = TextOperation

    /// The engine; it holds no state.
    public init() {}

    /// `retain(position) insert(text) retain(rest)`.
    public func insertion(of text: [Unicode.Scalar], at position: Int, in document: TextBuffer) -> TextOperation {
        precondition(position >= 0 && position <= document.count, "ot-text: insertion at \(position) in a text of length \(document.count)")
        var operation = TextOperation()
        operation.retain(position)
        operation.insert(text)
        operation.retain(document.count - position)
        return operation
    }

    /// `retain(lower) delete(range.count) retain(rest)`.
    public func deletion(of range: Range<Int>, in document: TextBuffer) -> TextOperation {
        precondition(range.lowerBound >= 0 && range.upperBound <= document.count, "ot-text: deletion of \(range) in a text of length \(document.count)")
        var operation = TextOperation()
        operation.retain(range.lowerBound)
        operation.delete(range.count)
        operation.retain(document.count - range.upperBound)
        return operation
    }

    /// Applies the operation in place; throws `OTApplyError` on a length mismatch.
    public func apply(_ operation: TextOperation, to document: inout TextBuffer) throws {
        try operation.apply(to: &document)
    }

    /// ot.js `transform`, with the tie winner passed as its first operand, so that the pair
    /// `(a, b, .thisFirst)` and `(b, a, .otherFirst)` are the two halves of one ot.js transform.
    /// Two operations defined on documents of different lengths (which only a broken system
    /// hands over) cannot be transformed: the operation comes back unchanged, so that the
    /// apply that follows reports an engine error instead of the process trapping.
    public func transform(_ operation: TextOperation, against other: TextOperation, tieBreak: TieBreak) -> TextOperation {
        guard operation.baseLength == other.baseLength else { return operation }
        return switch tieBreak {
        case .thisFirst: TextOperation.transform(operation, other).0
        case .otherFirst: TextOperation.transform(other, operation).1
        }
    }

    /// The cursor moved through the operation's components (see `TextOperation.transformCursor`).
    public func transformCursor(_ position: Int, against operation: TextOperation) -> Int {
        operation.transformCursor(position)
    }

    /// ot.js `compose`.
    public func compose(_ first: TextOperation, _ second: TextOperation) -> TextOperation {
        first.compose(second)
    }

    /// The exact size of the operation in ot-text's binary encoding (see `TextOperation.encodedSize`).
    public func encodedSize(of operation: TextOperation) -> Int {
        operation.encodedSize
    }

    /// A compact form such as `r3 i"ab" d2`.
    public func describe(_ operation: TextOperation) -> String {
        operation.description
    }
}
