import TandemCore

/// An `OTEngine` made of character-wise transformation functions: an operation is a
/// sequence of primitives applied in order, on the functions' document.
///
/// - An insertion or a deletion, made in visible positions, becomes the primitives the
///   functions make of it (`TransformationFunctions.insertionPrimitives` and
///   `deletionPrimitives`); the classical functions make one primitive per scalar (see
///   `CharacterwiseFunctions`).
/// - `compose` concatenates; a primitive that a function turns into the identity is dropped,
///   so the empty sequence is the no-op.
/// - `transform` of a sequence against a sequence is the standard grid (see
///   `CharacterwiseEngine+Transform.swift`), with the same `tieBreak` in every cell; how a
///   function reads `tieBreak` as site priority is described on `TransformationFunctions`.
///
/// The engine is generic over the document so that one grid serves functions on the plain
/// text (`TextBuffer`, the classical ones) and functions that keep tombstones
/// (`TombstoneDocument`, TTF): the grid never looks at a document, only at primitives.
public struct CharacterwiseEngine<Functions: TransformationFunctions>: OTEngine {
    /// The primitives, in the order they apply.
    public typealias Operation = [Functions.Primitive]
    /// The functions' document.
    public typealias Document = Functions.Document

    /// The transformation functions.
    public let functions: Functions

    /// An engine running `functions`.
    public init(_ functions: Functions) {
        self.functions = functions
    }

    /// The functions' primitives for inserting `text` before visible position `position`.
    public func insertion(of text: [Unicode.Scalar], at position: Int, in document: Document) -> Operation {
        precondition(position >= 0 && position <= document.visibleCount,
                     "characterwise: insertion at \(position) in a text of length \(document.visibleCount)")
        return functions.insertionPrimitives(of: text, at: position, in: document)
    }

    /// The functions' primitives for deleting the visible scalars in `range`.
    public func deletion(of range: Range<Int>, in document: Document) -> Operation {
        precondition(range.lowerBound >= 0 && range.upperBound <= document.visibleCount,
                     "characterwise: deletion of \(range) in a text of length \(document.visibleCount)")
        return functions.deletionPrimitives(of: range, in: document)
    }

    /// Applies the primitives in order; on an error the document is left as it was.
    public func apply(_ operation: Operation, to document: inout Document) throws {
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
