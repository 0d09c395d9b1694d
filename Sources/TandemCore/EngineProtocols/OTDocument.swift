/// The state an OT engine's operations apply to: the text a user sees, plus whatever the
/// engine keeps beside it.
///
/// Most engines work on the visible text itself (`TextBuffer` is an `OTDocument`). Some
/// keep more: tombstone transformation functions keep every deleted character in place so
/// that positions never shift under a concurrent delete. The harness creates documents only
/// from a text (`init(visibleText:)`), compares and hashes what users see (`visibleText`),
/// and stores and ships whole documents, so a server's snapshot or reload carries what the
/// engine needs.
public protocol OTDocument: Sendable, Equatable {
    /// A document showing `visibleText` and nothing else, as every site starts it.
    init(visibleText: TextBuffer)
    /// The text a user sees.
    var visibleText: TextBuffer { get }
    /// The number of scalars a user sees; positions of edits and cursors count these.
    var visibleCount: Int { get }
    /// The document's size in bytes as a server would ship it in a reload.
    var encodedSize: Int { get }
    /// A short readable form for counterexamples, e.g. `"ab"`, or with what else it keeps.
    var readableForm: String { get }
}

extension TextBuffer: OTDocument {
    /// The text itself.
    public init(visibleText: TextBuffer) {
        self = visibleText
    }

    /// The text itself.
    public var visibleText: TextBuffer { self }

    /// The number of scalars.
    public var visibleCount: Int { count }

    /// Four bytes per scalar, as UTF-32 on the wire.
    public var encodedSize: Int { count * 4 }

    /// The quoted text when short, its length and hash otherwise.
    public var readableForm: String {
        count <= 40 ? TextEscaping.quoted(string) : "\(count) scalars, hash \(StableHash.hex(stableHash))"
    }
}
