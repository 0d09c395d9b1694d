import TandemCore

/// A Replicated Growable Array (Roh et al. 2011) over Unicode scalars, with Lamport timestamps.
///
/// Every scalar ever inserted is an element with a unique `RGAIdentifier`; deletion leaves a
/// tombstone. A new element goes right after its origin, except that it skips the elements
/// whose identity is greater than its own, so concurrent insertions after one origin end up
/// ordered by descending identity on every replica. Remote updates may arrive duplicated or
/// before their dependencies; the latter wait in a causal buffer. Positions map to elements
/// through an order-statistic B+ tree, so no edit scans the document.
public struct RGAReplica: CRDTReplica {
    /// RGA's wire update.
    public typealias Update = RGAUpdate

    /// The replica whose identity new local elements carry.
    public let replicaID: ReplicaID
    /// The Lamport clock: the greatest counter of any integrated element.
    public private(set) var lamportClock: UInt64 = 0

    /// Every element in document order.
    private(set) var sequence = RGASequence()
    /// Remote updates waiting for an element they depend on.
    private(set) var buffer = RGACausalBuffer()

    /// A replica holding `initialText` as one run inserted at the document start by replica 0
    /// with counters from 1, so that every replica starts with identical elements.
    public init(replicaID: ReplicaID, initialText: [Unicode.Scalar]) {
        self.replicaID = replicaID
        if !initialText.isEmpty {
            integrate(.insert(origin: nil, first: RGAIdentifier(counter: 1, replica: 0), scalars: initialText))
        }
    }

    /// Inserts `text` before `position`: the run's origin is the visible element at
    /// `position - 1` and its counters follow the Lamport clock.
    /// - Precondition: `0 <= position <= count`.
    public mutating func insert(_ text: [Unicode.Scalar], at position: Int) -> RGAUpdate {
        precondition(position >= 0 && position <= count, "insert position \(position) outside 0...\(count)")
        let origin = position == 0 ? nil : sequence.element(sequence.element(atVisible: position - 1)).id
        let update = RGAUpdate.insert(
            origin: origin, first: RGAIdentifier(counter: lamportClock + 1, replica: replicaID), scalars: text
        )
        integrate(update)
        return update
    }

    /// Deletes the visible scalars in `range`, listing their identities in document order.
    /// - Precondition: `range` lies within `0...count`.
    public mutating func delete(_ range: Range<Int>) -> RGAUpdate {
        precondition(range.lowerBound >= 0 && range.upperBound <= count, "delete range \(range) outside 0...\(count)")
        let elements = sequence.visibleElements(from: range.lowerBound, count: range.count)
        for element in elements { sequence.markDeleted(element) }
        return .delete(elements.map { sequence.element($0).id })
    }

    /// Integrates an update, then every buffered update it unblocks, in arrival order.
    /// Inserts already present and deletes of tombstones change nothing.
    /// - Precondition: an insert's first counter exceeds its origin's, as in every update an
    ///   `RGAReplica` makes (RGA's placement rule relies on it).
    public mutating func integrate(_ update: RGAUpdate) {
        var work = [update]
        var next = 0
        while next < work.count {
            switch work[next] {
            case let .insert(origin, first, scalars):
                integrateInsert(origin: origin, first: first, scalars: scalars, unblocked: &work)
            case let .delete(ids):
                integrateDelete(ids)
            }
            next += 1
        }
    }

    /// The visible text.
    public var text: TextBuffer { TextBuffer(sequence.visibleScalars) }

    /// The number of visible scalars.
    public var count: Int { sequence.visibleCount }

    /// Remote updates waiting for an element they depend on.
    public var pendingUpdateCount: Int { buffer.count }

    /// The number of visible scalars before the element `id` — its position when visible, the
    /// position of the gap it left when deleted — or nil when the element is unknown here.
    public func visiblePosition(of id: RGAIdentifier) -> Int? {
        sequence.index(of: id).map { sequence.visibleIndex(of: $0) }
    }

    /// The update's size in bytes in the wire encoding documented on `RGAUpdate`.
    public static func encodedSize(of update: RGAUpdate) -> Int {
        update.encodedSize
    }

    /// The size in bytes of the state in this encoding (integers are LEB128 varints): the number
    /// of element spans, then per span its first identity, `length << 1 | isTombstone` and, for
    /// visible spans only, the UTF-8 bytes of its scalars; then the buffered updates (see
    /// `RGACausalBuffer.encodedSize`). A span is a maximal stretch of elements, consecutive in
    /// document order, with one replica, consecutive counters and one deletion state. Origins
    /// and the clock are not stored: integration needs only the order, and the clock is the
    /// greatest counter. Computed exactly in O(n).
    public var encodedSize: Int {
        var spans = 0
        var size = 0
        var spanStart = RGAIdentifier(counter: 0, replica: 0)
        var spanLength = 0
        var spanDeleted = false
        sequence.forEachInOrder { element in
            if spanLength > 0, element.isDeleted == spanDeleted, element.id == spanStart.advanced(by: spanLength) {
                spanLength += 1
            } else {
                if spanLength > 0 { size += RGAEncoding.size(of: spanStart) + RGAEncoding.varintSize(spanLength << 1) }
                spans += 1
                spanStart = element.id
                spanLength = 1
                spanDeleted = element.isDeleted
            }
            if !element.isDeleted { size += RGAEncoding.utf8Size(element.scalar) }
        }
        if spanLength > 0 { size += RGAEncoding.size(of: spanStart) + RGAEncoding.varintSize(spanLength << 1) }
        return RGAEncoding.varintSize(spans) + size + buffer.encodedSize
    }

    /// A short human-readable form, e.g. `ins@(3,2) after (1,1) "ab"` or `del (3,2),(4,2)`.
    public static func describe(_ update: RGAUpdate) -> String {
        update.description
    }

    /// Places a run by the RGA rule, or buffers it while its origin is unknown; appends the
    /// buffered updates that its new elements unblock to `unblocked`.
    private mutating func integrateInsert(
        origin: RGAIdentifier?, first: RGAIdentifier, scalars: [Unicode.Scalar], unblocked: inout [RGAUpdate]
    ) {
        guard !scalars.isEmpty, sequence.index(of: first) == nil else { return }
        var originElement: Int32 = -1
        var cursor = sequence.startCursor
        if let origin {
            guard let element = sequence.index(of: origin) else {
                buffer.park(.insert(origin: origin, first: first, scalars: scalars), waitingFor: [origin])
                return
            }
            precondition(first.counter > origin.counter, "RGA insert \(first) is not newer than its origin \(origin)")
            originElement = element
            cursor = sequence.cursor(after: element)
        }
        // Skipping every following element with a greater identity skips exactly the subtrees of
        // the origin's children that sort first: an element's counter exceeds its origin's, so
        // their descendants are greater too, and the first element outside the origin's subtree
        // is smaller than the origin.
        while let element = sequence.element(at: &cursor), sequence.element(element).id > first {
            cursor.slot += 1
        }
        // Each later scalar of the run follows the previous one directly: that one has no
        // children yet, and everything after it is smaller than the run.
        var previous = originElement
        for (offset, scalar) in scalars.enumerated() {
            let id = first.advanced(by: offset)
            cursor = sequence.insert(id: id, origin: previous, scalar: scalar, at: cursor)
            previous = Int32(sequence.elements.count - 1)
            if !buffer.isEmpty { unblocked += buffer.release(id) }
        }
        lamportClock = max(lamportClock, first.advanced(by: scalars.count - 1).counter)
    }

    /// Tombstones the known identities and buffers the rest until they arrive.
    private mutating func integrateDelete(_ ids: [RGAIdentifier]) {
        var unknown: [RGAIdentifier] = []
        for id in ids {
            if let element = sequence.index(of: id) {
                sequence.markDeleted(element)
            } else {
                unknown.append(id)
            }
        }
        if !unknown.isEmpty { buffer.park(.delete(unknown), waitingFor: unknown) }
    }
}
