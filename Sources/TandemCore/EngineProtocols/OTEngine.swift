/// An Operational Transformation engine: operations on a text and the functions Jupiter
/// needs to keep a server and its clients in agreement.
///
/// Positions count the Unicode scalars a user sees (see `TextBuffer`). The harness builds
/// operations only through `insertion` and `deletion`, applies them with `apply`, and relies
/// on TP1 under a server (Jupiter):
/// `apply(apply(s, a), transform(b, a, .otherFirst)) == apply(apply(s, b), transform(a, b, .thisFirst))`,
/// and on TP2 as well on a mesh without one (see `OTEngine+TransformationProperties.swift`).
/// An engine is a stateless value; all state lives in documents and operations.
public protocol OTEngine: Sendable {
    /// One edit, as the engine represents it and sends it over the wire.
    associatedtype Operation: Sendable
    /// The state operations apply to: the visible text for most engines (the default), or
    /// the text with whatever the engine keeps beside it (tombstones, for instance).
    associatedtype Document: OTDocument = TextBuffer

    /// An operation that inserts `text` before visible position `position` of `document`.
    func insertion(of text: [Unicode.Scalar], at position: Int, in document: Document) -> Operation

    /// An operation that deletes the visible scalars in `range` of `document`.
    func deletion(of range: Range<Int>, in document: Document) -> Operation

    /// Applies an operation; throws `OTApplyError` when it does not fit the document.
    func apply(_ operation: Operation, to document: inout Document) throws

    /// `operation` rewritten to take effect after `other`, both defined on the same state.
    func transform(_ operation: Operation, against other: Operation, tieBreak: TieBreak) -> Operation

    /// Where a cursor at `position`, in the document `operation` applies to, ends up after it.
    /// An insertion exactly at the cursor moves the cursor past the inserted text; a deleted
    /// range containing the cursor moves it to the range's start. Clients use it to keep the
    /// cursors of other users in place as operations land.
    func transformCursor(_ position: Int, against operation: Operation) -> Int
    /// One operation with the effect of `first` followed by `second`.
    func compose(_ first: Operation, _ second: Operation) -> Operation

    /// The operation's size in bytes in the engine's wire encoding.
    func encodedSize(of operation: Operation) -> Int

    /// A short human-readable form for timelines and counterexamples.
    func describe(_ operation: Operation) -> String
}

/// An operation that does not fit the document it was applied to.
public struct OTApplyError: Error, Sendable, Equatable, CustomStringConvertible {
    /// What did not fit, in one line.
    public var message: String

    /// Creates an error with a one-line message.
    public init(_ message: String) {
        self.message = message
    }

    public var description: String { message }
}
