import TandemCore

/// One transform an OT engine performed in a run, with the document state on which both
/// operands were defined, so that an oracle can check TP1 on exactly that case.
public struct TransformEvent<Operation: Sendable, Document: OTDocument>: Sendable {
    /// The site that transformed (0 is the server).
    public var site: Int
    /// When it transformed.
    public var time: VirtualTime
    /// The document state both operands apply to.
    public var state: Document
    /// The operation that was transformed.
    public var operation: Operation
    /// The operation it was transformed against.
    public var against: Operation
    /// The tie-break the site used for `operation`.
    public var tieBreak: TieBreak

    /// Creates a transform event.
    public init(site: Int, time: VirtualTime, state: Document, operation: Operation, against: Operation, tieBreak: TieBreak) {
        self.site = site
        self.time = time
        self.state = state
        self.operation = operation
        self.against = against
        self.tieBreak = tieBreak
    }
}
