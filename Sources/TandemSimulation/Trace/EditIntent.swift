import TandemCore

/// One edit a simulated user means to make: what, where, by whom and when.
///
/// Positions are taken against the author's document when the edit happens and clamped to
/// it (a delete also has its count clamped), so any subsequence of a trace's edits is still
/// a valid trace — the property shrinking relies on. A restore is not an edit of the
/// author's document but a request to the server, which carries it out as new operations.
public struct EditIntent: Sendable, Equatable, Codable {
    /// What the edit does.
    public enum Action: Sendable, Equatable {
        /// Insert these scalars before `position`.
        case insert(String)
        /// Delete this many scalars starting at `position`.
        case delete(count: Int)
        /// "Restore version": bring back the server's text at the version `versionsBack`
        /// versions before the one the author's client last saw (at least version 0). The
        /// position plays no part (it is 0).
        case restore(versionsBack: Int)
    }

    /// A key unique within the trace; network choices for the edit's messages derive from it.
    public var id: Int
    /// The authoring client, 1-based.
    public var client: Int
    /// When the user makes the edit.
    public var time: VirtualTime
    /// The position in Unicode scalars, clamped to the author's document.
    public var position: Int
    /// Insert, delete or restore.
    public var action: Action

    /// Creates an edit intent.
    public init(id: Int, client: Int, time: VirtualTime, position: Int, action: Action) {
        self.id = id
        self.client = client
        self.time = time
        self.position = position
        self.action = action
    }

    /// Whether this is a "restore version" request, which only a server can carry out.
    public var isRestore: Bool {
        if case .restore = action { true } else { false }
    }

    /// A short readable form, e.g. `insert "ab"@3`, `delete 2@5` or `restore 5 versions back`.
    public var summary: String {
        switch action {
        case .insert(let text): "insert \(TextEscaping.quoted(text))@\(position)"
        case .delete(let count): "delete \(count)@\(position)"
        case .restore(let versionsBack): "restore \(versionsBack) version\(versionsBack == 1 ? "" : "s") back"
        }
    }

    private enum CodingKeys: String, CodingKey {
        case id, client, time, position, insert, delete, restore
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        id = try container.decode(Int.self, forKey: .id)
        client = try container.decode(Int.self, forKey: .client)
        time = try container.decode(VirtualTime.self, forKey: .time)
        position = try container.decode(Int.self, forKey: .position)
        if let text = try container.decodeIfPresent(String.self, forKey: .insert) {
            action = .insert(text)
        } else if let count = try container.decodeIfPresent(Int.self, forKey: .delete) {
            action = .delete(count: count)
        } else if let versionsBack = try container.decodeIfPresent(Int.self, forKey: .restore) {
            action = .restore(versionsBack: versionsBack)
        } else {
            throw DecodingError.dataCorruptedError(
                forKey: .insert, in: container, debugDescription: "edit \(id) has neither 'insert', 'delete' nor 'restore'")
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(id, forKey: .id)
        try container.encode(client, forKey: .client)
        try container.encode(time, forKey: .time)
        try container.encode(position, forKey: .position)
        switch action {
        case .insert(let text): try container.encode(text, forKey: .insert)
        case .delete(let count): try container.encode(count, forKey: .delete)
        case .restore(let versionsBack): try container.encode(versionsBack, forKey: .restore)
        }
    }
}
