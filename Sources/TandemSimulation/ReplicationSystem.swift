import TandemCore

/// What the sites of one replication protocol do on a local edit and on a message; the
/// kernel drives it. Jupiter OT and CRDT relaying are the two implementations.
protocol ReplicationSystem {
    associatedtype Payload

    /// A user's edit at its client, already clamped to the client's document.
    mutating func perform(_ edit: EditIntent, kernel: inout SimulationKernel<Payload>)

    /// A message arrives at its destination.
    mutating func deliver(_ envelope: Envelope<Payload>, kernel: inout SimulationKernel<Payload>)

    /// Every site's text: the server first, then clients 1...n.
    var siteTexts: [TextBuffer] { get }

    /// Nil when nothing is left to do; otherwise a description of what is unfinished.
    var unfinishedWork: String? { get }

    /// Runs after the last event: hands deferred observations (transforms) to the checkers.
    mutating func finish(kernel: inout SimulationKernel<Payload>)
}

extension ReplicationSystem {
    /// The edit clamped to a document of the given length: an insert's position to the end
    /// of the document, a delete's position to the last scalar and its count to what follows.
    /// Nil for a delete on an empty document (or of nothing).
    func clamped(_ edit: EditIntent, documentLength: Int) -> EditIntent? {
        var result = edit
        switch edit.action {
        case .insert:
            result.position = max(0, min(edit.position, documentLength))
        case .delete(let count):
            guard documentLength > 0, count > 0 else { return nil }
            result.position = max(0, min(edit.position, documentLength - 1))
            result.action = .delete(count: min(count, documentLength - result.position))
        }
        return result
    }
}
