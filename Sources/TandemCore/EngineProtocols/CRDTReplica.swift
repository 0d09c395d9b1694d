/// A replica of a text CRDT: local edits produce updates, remote updates are integrated.
///
/// Positions count Unicode scalars. `integrate` must tolerate duplicated updates and updates
/// that arrive before their causal dependencies (buffer them until they can apply). Every
/// replica created with the same `initialText` must start in the same state.
public protocol CRDTReplica: Sendable {
    /// What one local edit sends to the other replicas.
    associatedtype Update: Sendable

    /// A replica with the given identity, holding `initialText` as if created by a common ancestor.
    init(replicaID: ReplicaID, initialText: [Unicode.Scalar])

    /// Inserts `text` before `position` and returns the update that carries the edit.
    mutating func insert(_ text: [Unicode.Scalar], at position: Int) -> Update

    /// Deletes the scalars in `range` and returns the update that carries the edit.
    mutating func delete(_ range: Range<Int>) -> Update

    /// Integrates a remote update, in any order and any number of times.
    mutating func integrate(_ update: Update)

    /// The visible text.
    var text: TextBuffer { get }

    /// The number of visible scalars.
    var count: Int { get }

    /// Remote updates received but not yet integrated because a dependency is missing.
    var pendingUpdateCount: Int { get }

    /// The update's size in bytes in the engine's wire encoding.
    static func encodedSize(of update: Update) -> Int

    /// The size in bytes of the whole replica state (text and metadata) in the engine's encoding.
    var encodedSize: Int { get }

    /// A short human-readable form of an update for timelines.
    static func describe(_ update: Update) -> String
}

/// The identity of one replica (site) in a run: the server is 0, clients count from 1.
public typealias ReplicaID = UInt32
