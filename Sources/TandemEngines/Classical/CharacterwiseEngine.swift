import TandemCore

/// An `OTEngine` made of classical character-wise transformation functions: an operation is a
/// sequence of primitives applied in order.
///
/// - An insertion of k scalars is k insert primitives at consecutive positions.
/// - A deletion of a range is one delete primitive per scalar, back to front (from the
///   range's last scalar to its first), so each applies in sequence and each one's position
///   is that of its scalar in the document the deletion was made on.
/// - `compose` concatenates; a primitive that a function turns into the identity is dropped,
///   so the empty sequence is the no-op.
/// - `transform` of a sequence against a sequence is the standard grid (see
///   `CharacterwiseEngine+Transform.swift`), with the same `tieBreak` in every cell; how a
///   function reads `tieBreak` as site priority is described on `CharacterwiseFunctions`.
public struct CharacterwiseEngine<Functions: CharacterwiseFunctions>: OTEngine {
    /// The primitives, in the order they apply.
    public typealias Operation = [Functions.Primitive]

    /// The transformation functions.
    public let functions: Functions

    /// An engine running `functions`.
    public init(_ functions: Functions) {
        self.functions = functions
    }

    /// One insert primitive per scalar, at `position`, `position + 1`, ….
    public func insertion(of text: [Unicode.Scalar], at position: Int, in document: TextBuffer) -> Operation {
        precondition(position >= 0 && position <= document.count, "classical: insertion at \(position) in a text of length \(document.count)")
        return text.enumerated().map { offset, scalar in functions.insertPrimitive(scalar, at: position + offset) }
    }

    /// One delete primitive per scalar of `range`, back to front.
    public func deletion(of range: Range<Int>, in document: TextBuffer) -> Operation {
        precondition(range.lowerBound >= 0 && range.upperBound <= document.count, "classical: deletion of \(range) in a text of length \(document.count)")
        return range.reversed().map { functions.deletePrimitive(at: $0, in: document) }
    }

    /// Applies the primitives in order; on an error the document is left as it was.
    public func apply(_ operation: Operation, to document: inout TextBuffer) throws {
        var result = document
        for primitive in operation {
            try functions.apply(primitive, to: &result)
        }
        document = result
    }

    /// The cursor moved through each primitive in turn.
    public func transformCursor(_ position: Int, against operation: Operation) -> Int {
        operation.reduce(position) { cursor, primitive in functions.transformCursor(cursor, against: primitive) }
    }

    /// The concatenation of the two sequences.
    public func compose(_ first: Operation, _ second: Operation) -> Operation {
        first + second
    }

    /// The primitive count as an unsigned LEB128 varint, then each primitive's encoding.
    public func encodedSize(of operation: Operation) -> Int {
        operation.reduce(TextOperation.varintSize(operation.count)) { $0 + functions.encodedSize(of: $1) }
    }

    /// The primitives' descriptions separated by spaces, `(no-op)` for the empty sequence.
    public func describe(_ operation: Operation) -> String {
        operation.isEmpty ? "(no-op)" : operation.map(functions.describe).joined(separator: " ")
    }
}
