/// What a user's presence shows: a selection from `anchor` (where it started) to `head`
/// (where the caret is), in scalars. A caret is an empty selection.
public struct Selection: Sendable, Equatable, CustomStringConvertible {
    /// The end the selection started from.
    public var anchor: Int
    /// The end the caret is at.
    public var head: Int

    /// Creates a selection from `anchor` to `head`.
    public init(anchor: Int, head: Int) {
        self.anchor = anchor
        self.head = head
    }

    /// A caret at `position`: an empty selection.
    public static func caret(_ position: Int) -> Selection {
        Selection(anchor: position, head: position)
    }

    /// Whether the selection is a caret.
    public var isCaret: Bool { anchor == head }

    /// Whether both ends lie within a document of `length` scalars.
    public func fits(length: Int) -> Bool {
        (0...length).contains(anchor) && (0...length).contains(head)
    }

    /// `12` for a caret, `12–15` for a selection.
    public var description: String { isCaret ? "\(head)" : "\(anchor)–\(head)" }
}
