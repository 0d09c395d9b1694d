/// A client's access to the document, as the server's access list records it.
public enum ClientRole: String, Sendable, Codable, CaseIterable {
    /// Owns the document: may edit and share it.
    case owner
    /// May edit.
    case editor
    /// May comment but not edit the text.
    case commenter
    /// May only read.
    case viewer

    /// Whether the server accepts text operations from this role.
    public var canEdit: Bool {
        self == .owner || self == .editor
    }
}
