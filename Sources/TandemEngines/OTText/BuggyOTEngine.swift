import TandemCore

/// `buggy-ot`: ot-text with one bug planted on purpose, so that Tandem's own tests can show
/// the harness catches it. Never use it for anything else.
///
/// The bug is a classic one: `transform` ignores `tieBreak` and always lets the operation
/// being transformed insert first. Both sides of a pair of concurrent insertions at the
/// same position then put their own text first, the replicas end up with the two texts in
/// opposite orders, and TP1 fails (unless the two inserted texts are equal). Every other
/// case, and every other function, behaves exactly as in `OTTextEngine`.
public struct BuggyOTEngine: OTEngine {
    /// The same operations as ot-text.
    public typealias Operation = TextOperation

    private let correct = OTTextEngine()

    /// The engine; it holds no state.
    public init() {}

    /// As in ot-text.
    public func insertion(of text: [Unicode.Scalar], at position: Int, in document: TextBuffer) -> TextOperation {
        correct.insertion(of: text, at: position, in: document)
    }

    /// As in ot-text.
    public func deletion(of range: Range<Int>, in document: TextBuffer) -> TextOperation {
        correct.deletion(of: range, in: document)
    }

    /// As in ot-text.
    public func apply(_ operation: TextOperation, to document: inout TextBuffer) throws {
        try correct.apply(operation, to: &document)
    }

    /// The planted bug: the tie-break is ignored and `operation` always wins ties, because it
    /// is always passed as the first operand of the ot.js transform.
    public func transform(_ operation: TextOperation, against other: TextOperation, tieBreak _: TieBreak) -> TextOperation {
        guard operation.baseLength == other.baseLength else { return operation }
        return TextOperation.transform(operation, other).0
    }

    /// As in ot-text.
    public func transformCursor(_ position: Int, against operation: TextOperation) -> Int {
        correct.transformCursor(position, against: operation)
    }

    /// As in ot-text.
    public func compose(_ first: TextOperation, _ second: TextOperation) -> TextOperation {
        correct.compose(first, second)
    }

    /// As in ot-text.
    public func encodedSize(of operation: TextOperation) -> Int {
        correct.encodedSize(of: operation)
    }

    /// As in ot-text.
    public func describe(_ operation: TextOperation) -> String {
        correct.describe(operation)
    }
}
