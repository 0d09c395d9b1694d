/// Remote RGA updates that arrived before an element they depend on, indexed by the identity
/// they wait for so that each arrival releases exactly its waiters, in arrival order.
///
/// An insert waits for its origin. A delete waits only for its identities that were unknown
/// on arrival (the known ones are applied at once) and releases a one-identity delete as each
/// of them arrives. Entries live in an array of slots; the dictionary is only looked up.
struct RGACausalBuffer: Sendable {
    /// One waiting update and how many identity arrivals it still waits for.
    private struct Entry: Sendable {
        var update: RGAUpdate
        var missing: Int
    }

    /// Waiting updates; nil marks a free slot.
    private var slots: [Entry?] = []
    /// Free slots, reused last-freed first.
    private var freeSlots: [Int] = []
    /// For each awaited identity, the slots waiting for it in arrival order.
    private var waiters: [RGAIdentifier: [Int]] = [:]
    /// The number of waiting updates.
    private(set) var count = 0

    /// Whether nothing waits.
    var isEmpty: Bool { count == 0 }

    /// Parks an update until every identity in `missing` has arrived (one arrival per listed occurrence).
    mutating func park(_ update: RGAUpdate, waitingFor missing: [RGAIdentifier]) {
        let entry = Entry(update: update, missing: missing.count)
        let slot: Int
        if let free = freeSlots.popLast() {
            slot = free
            slots[slot] = entry
        } else {
            slot = slots.count
            slots.append(entry)
        }
        for id in missing { waiters[id, default: []].append(slot) }
        count += 1
    }

    /// Records that the element `id` now exists and returns what became ready, in arrival order:
    /// each insert that waited for it, and a delete of `id` for each delete that listed it.
    mutating func release(_ id: RGAIdentifier) -> [RGAUpdate] {
        guard let waiting = waiters.removeValue(forKey: id) else { return [] }
        var ready: [RGAUpdate] = []
        for slot in waiting {
            guard var entry = slots[slot] else { preconditionFailure("RGA causal buffer lost an entry") }
            entry.missing -= 1
            if case .insert = entry.update {
                ready.append(entry.update)
            } else {
                ready.append(.delete([id]))
            }
            if entry.missing == 0 {
                slots[slot] = nil
                freeSlots.append(slot)
                count -= 1
            } else {
                slots[slot] = entry
            }
        }
        return ready
    }

    /// The bytes of the waiting updates: their count as a varint, then each update's wire encoding.
    var encodedSize: Int {
        var size = RGAEncoding.varintSize(count)
        for case let entry? in slots { size += entry.update.encodedSize }
        return size
    }

    /// Checks the buffer against the elements present: each waiting update still misses exactly
    /// as many arrivals as it lists absent identities, and is registered under each of them.
    func checkInvariants(isPresent: (RGAIdentifier) -> Bool) {
        var occupied = 0
        for (slot, entry) in slots.enumerated() {
            guard let entry else { continue }
            occupied += 1
            let listed: [RGAIdentifier]
            switch entry.update {
            case let .insert(origin, _, _):
                guard let origin else { preconditionFailure("an insert at the document start never waits") }
                listed = [origin]
            case let .delete(ids):
                listed = ids
            }
            let absent = listed.filter { !isPresent($0) }
            precondition(entry.missing == absent.count, "buffered update waits for \(entry.missing), misses \(absent.count)")
            for id in absent {
                precondition(waiters[id]?.contains(slot) == true, "buffered update not registered under \(id)")
            }
        }
        precondition(occupied == count, "buffer count \(count) but \(occupied) entries")
        precondition(occupied + freeSlots.count == slots.count, "buffer free list out of step")
    }
}
