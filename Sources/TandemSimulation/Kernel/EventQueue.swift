import TandemCore

/// A min-priority queue of timed events: a binary heap ordered by virtual time, ties broken
/// by insertion order (a monotonic sequence number), so equal-time events always run in the
/// order they were scheduled. The heap holds plain (time, sequence, slot) triples; the events
/// themselves stay put in slots, so sifting never copies an event.
public struct EventQueue<Event> {
    private struct Entry {
        var time: VirtualTime
        var sequence: UInt64
        var slot: Int

        func precedes(_ other: Entry) -> Bool {
            time != other.time ? time < other.time : sequence < other.sequence
        }
    }

    private var heap: [Entry] = []
    private var events: [Event?] = []
    private var freeSlots: [Int] = []
    private var nextSequence: UInt64 = 0

    /// An empty queue.
    public init() {}

    /// The number of scheduled events.
    public var count: Int { heap.count }

    /// Whether nothing is scheduled.
    public var isEmpty: Bool { heap.isEmpty }

    /// The time of the earliest event, if any.
    public var nextTime: VirtualTime? { heap.first?.time }

    /// Schedules an event.
    public mutating func push(_ event: Event, at time: VirtualTime) {
        let slot: Int
        if let free = freeSlots.popLast() {
            slot = free
            events[slot] = event
        } else {
            slot = events.count
            events.append(event)
        }
        heap.append(Entry(time: time, sequence: nextSequence, slot: slot))
        nextSequence += 1
        siftUp(from: heap.count - 1)
    }

    /// Removes and returns the earliest event with its time.
    public mutating func pop() -> (time: VirtualTime, event: Event)? {
        guard !heap.isEmpty else { return nil }
        heap.swapAt(0, heap.count - 1)
        let entry = heap.removeLast()
        if !heap.isEmpty { siftDown(from: 0) }
        let event = events[entry.slot].take()!
        freeSlots.append(entry.slot)
        return (entry.time, event)
    }

    private mutating func siftUp(from start: Int) {
        var child = start
        while child > 0 {
            let parent = (child - 1) / 2
            guard heap[child].precedes(heap[parent]) else { return }
            heap.swapAt(child, parent)
            child = parent
        }
    }

    private mutating func siftDown(from start: Int) {
        var parent = start
        while true {
            let left = 2 * parent + 1
            let right = left + 1
            var first = parent
            if left < heap.count && heap[left].precedes(heap[first]) { first = left }
            if right < heap.count && heap[right].precedes(heap[first]) { first = right }
            if first == parent { return }
            heap.swapAt(parent, first)
            parent = first
        }
    }
}
