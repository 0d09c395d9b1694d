/// An edit of a whole text in the style of ot.js: retain, insert and delete components that
/// walk the document from its start to its end. Positions and lengths count Unicode scalars.
///
/// An operation is always in ot.js canonical form (no empty components, no two adjacent
/// components of the same kind, an insert next to a delete placed first), so two operations
/// with the same effect built through the builder methods compare equal.
public struct TextOperation: Sendable, Hashable {
    /// One step of the walk over the document.
    public enum Component: Sendable, Hashable {
        /// Keeps the next scalars unchanged.
        case retain(Int)
        /// Inserts scalars at the cursor.
        case insert([Unicode.Scalar])
        /// Deletes the next scalars.
        case delete(Int)
    }

    /// The components, in canonical form.
    public private(set) var components: [Component] = []

    /// The length of the texts the operation applies to: the scalars it retains or deletes.
    public private(set) var baseLength = 0

    /// The length of the text it produces: the scalars it retains or inserts.
    public private(set) var targetLength = 0

    /// The empty operation, which applies to the empty text only.
    public init() {}

    /// An operation made of `components`, brought into canonical form.
    /// - Precondition: no retain or delete count is negative.
    public init<S: Sequence>(_ components: S) where S.Element == Component {
        for component in components {
            append(component)
        }
    }

    /// Appends a component through the builder method of its kind.
    public mutating func append(_ component: Component) {
        switch component {
        case .retain(let count): retain(count)
        case .insert(let scalars): insert(scalars)
        case .delete(let count): delete(count)
        }
    }

    /// Appends "keep the next `count` scalars", merging with a preceding retain.
    /// - Precondition: `count >= 0`; zero appends nothing.
    public mutating func retain(_ count: Int) {
        precondition(count >= 0, "TextOperation.retain of a negative count \(count)")
        guard count > 0 else { return }
        baseLength += count
        targetLength += count
        if case .retain(let previous)? = components.last {
            components[components.count - 1] = .retain(previous + count)
        } else {
            components.append(.retain(count))
        }
    }

    /// Appends an insertion of `scalars`, merging with a preceding insert; placed before a
    /// trailing delete, as ot.js does, since "delete then insert" and "insert then delete" at
    /// one place have the same effect and the canonical form keeps only the latter.
    public mutating func insert<C: Collection>(_ scalars: C) where C.Element == Unicode.Scalar {
        guard !scalars.isEmpty else { return }
        targetLength += scalars.count
        let last = components.count - 1
        switch components.last {
        case .insert?:
            extendInsert(at: last, with: scalars)
        case .delete?:
            if last > 0, case .insert = components[last - 1] {
                extendInsert(at: last - 1, with: scalars)
            } else {
                components.insert(.insert(Array(scalars)), at: last)
            }
        default:
            components.append(.insert(Array(scalars)))
        }
    }

    /// Appends an insertion of the scalars of `text`.
    public mutating func insert(_ text: String) {
        insert(text.unicodeScalars)
    }

    /// Appends "delete the next `count` scalars", merging with a preceding delete.
    /// - Precondition: `count >= 0`; zero appends nothing.
    public mutating func delete(_ count: Int) {
        precondition(count >= 0, "TextOperation.delete of a negative count \(count)")
        guard count > 0 else { return }
        baseLength += count
        if case .delete(let previous)? = components.last {
            components[components.count - 1] = .delete(previous + count)
        } else {
            components.append(.delete(count))
        }
    }

    /// Whether the operation leaves every text it applies to unchanged.
    public var isNoop: Bool {
        components.allSatisfy { if case .retain = $0 { true } else { false } }
    }

    /// Appends scalars to the insert component at `index` without copying its existing
    /// scalars, so that building a long insert one scalar at a time stays linear.
    private mutating func extendInsert<C: Collection>(at index: Int, with scalars: C) where C.Element == Unicode.Scalar {
        guard case .insert(var existing) = components[index] else { preconditionFailure("TextOperation: no insert at \(index)") }
        components[index] = .retain(0)
        existing.append(contentsOf: scalars)
        components[index] = .insert(existing)
    }
}

extension TextOperation.Component {
    /// The kinds of component, for algorithms that walk operations without their payloads.
    enum Kind {
        case retain, insert, delete
    }

    /// This component's kind.
    var kind: Kind {
        switch self {
        case .retain: .retain
        case .insert: .insert
        case .delete: .delete
        }
    }

    /// The number of scalars the component retains, inserts or deletes.
    var length: Int {
        switch self {
        case .retain(let count), .delete(let count): count
        case .insert(let scalars): scalars.count
        }
    }
}
