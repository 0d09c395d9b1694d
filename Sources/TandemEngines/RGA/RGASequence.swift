/// The elements of an RGA document in document order, tombstones included, kept in a B+ tree
/// of leaf chunks that caches visible counts, so that positions map to elements and back in
/// O(log n) and an insertion costs O(log n) whatever the document's length.
///
/// Everything lives in arrays of plain values indexed by `Int32` (elements, leaves, branches),
/// so the whole structure is a value with the arrays' copy-on-write semantics. Elements are
/// never removed: leaves only split, all leaves stay at the same depth, and leaf 0 is always
/// the leftmost one.
struct RGASequence: Sendable {
    /// The most elements a leaf holds before it splits in two.
    static let leafCapacity = 64
    /// The most children a branch holds before it splits in two.
    static let branchCapacity = 16

    /// A chunk of consecutive elements and the number of them that are visible.
    struct Leaf: Sendable {
        /// Element indices in document order.
        var items: [Int32]
        /// How many of `items` are not tombstones.
        var visible: Int
        /// The branch above, or -1 for the root.
        var parent: Int32
        /// The leaf that follows in document order, or -1 for the last one.
        var next: Int32
    }

    /// An inner node: children in document order and their total visible count.
    struct Branch: Sendable {
        /// Leaf indices when `childrenAreLeaves`, branch indices otherwise.
        var children: [Int32]
        /// The visible elements below this branch.
        var visible: Int
        /// The branch above, or -1 for the root.
        var parent: Int32
        /// Whether the children are leaves.
        var childrenAreLeaves: Bool
    }

    /// A place between elements: before slot `slot` of leaf `leaf` (slot may equal the leaf's count).
    struct Cursor: Sendable {
        /// The leaf.
        var leaf: Int32
        /// The slot within the leaf.
        var slot: Int
    }

    /// All elements, indexed by the order they were added (not document order).
    private(set) var elements: [RGAElement] = []
    /// The leaf pool.
    private(set) var leaves: [Leaf] = [Leaf(items: [], visible: 0, parent: -1, next: -1)]
    /// The branch pool.
    private(set) var branches: [Branch] = []
    /// The root: a leaf when `height` is 0, a branch otherwise.
    private(set) var root: Int32 = 0
    /// The number of branch levels above the leaves.
    private(set) var height = 0
    /// Element index by identity.
    private(set) var indexByID: [RGAIdentifier: Int32] = [:]

    /// The number of visible elements.
    var visibleCount: Int {
        height == 0 ? leaves[Int(root)].visible : branches[Int(root)].visible
    }

    /// The index of the element with this identity, if present.
    func index(of id: RGAIdentifier) -> Int32? {
        indexByID[id]
    }

    /// The element at an index.
    func element(_ index: Int32) -> RGAElement {
        elements[Int(index)]
    }

    /// The place before the first element.
    var startCursor: Cursor { Cursor(leaf: 0, slot: 0) }

    /// The place right after an element.
    func cursor(after element: Int32) -> Cursor {
        let leaf = elements[Int(element)].leaf
        let slot = leaves[Int(leaf)].items.firstIndex(of: element)!
        return Cursor(leaf: leaf, slot: slot + 1)
    }

    /// The element right after `cursor`, first moving the cursor to the next leaf when it is at
    /// the end of its own; nil (cursor left at the very end) when no element follows.
    func element(at cursor: inout Cursor) -> Int32? {
        while cursor.slot >= leaves[Int(cursor.leaf)].items.count {
            let next = leaves[Int(cursor.leaf)].next
            if next < 0 { return nil }
            cursor = Cursor(leaf: next, slot: 0)
        }
        return leaves[Int(cursor.leaf)].items[cursor.slot]
    }

    /// The place of the visible element at `position`, found by descending the cached counts.
    /// - Precondition: `0 <= position < visibleCount`.
    func locate(visible position: Int) -> Cursor {
        precondition(position >= 0 && position < visibleCount, "visible position \(position) out of range")
        var remaining = position
        var node = root
        var level = height
        while level > 0 {
            let branch = branches[Int(node)]
            for child in branch.children {
                let visible = visibleCount(of: child, isLeaf: branch.childrenAreLeaves)
                if remaining < visible {
                    node = child
                    break
                }
                remaining -= visible
            }
            level -= 1
        }
        let items = leaves[Int(node)].items
        for (slot, item) in items.enumerated() where !elements[Int(item)].isDeleted {
            if remaining == 0 { return Cursor(leaf: node, slot: slot) }
            remaining -= 1
        }
        preconditionFailure("cached visible counts are inconsistent")
    }

    /// The index of the visible element at `position`.
    /// - Precondition: `0 <= position < visibleCount`.
    func element(atVisible position: Int) -> Int32 {
        let cursor = locate(visible: position)
        return leaves[Int(cursor.leaf)].items[cursor.slot]
    }

    /// The indices of `count` consecutive visible elements starting at visible `position`,
    /// skipping tombstone-only leaves whole.
    func visibleElements(from position: Int, count: Int) -> [Int32] {
        var result: [Int32] = []
        guard count > 0 else { return result }
        result.reserveCapacity(count)
        let start = locate(visible: position)
        var leaf = start.leaf
        var slot = start.slot
        while result.count < count {
            let node = leaves[Int(leaf)]
            if node.visible > 0 {
                while slot < node.items.count && result.count < count {
                    let item = node.items[slot]
                    if !elements[Int(item)].isDeleted { result.append(item) }
                    slot += 1
                }
            }
            leaf = node.next
            slot = 0
        }
        return result
    }

    /// The number of visible elements before an element (its position when it is visible).
    func visibleIndex(of element: Int32) -> Int {
        let leaf = elements[Int(element)].leaf
        var index = 0
        for item in leaves[Int(leaf)].items {
            if item == element { break }
            if !elements[Int(item)].isDeleted { index += 1 }
        }
        var node = leaf
        var parent = leaves[Int(leaf)].parent
        while parent >= 0 {
            let branch = branches[Int(parent)]
            for child in branch.children {
                if child == node { break }
                index += visibleCount(of: child, isLeaf: branch.childrenAreLeaves)
            }
            node = parent
            parent = branch.parent
        }
        return index
    }

    /// Calls `body` with every element in document order, tombstones included.
    func forEachInOrder(_ body: (RGAElement) -> Void) {
        var leaf: Int32 = 0
        while leaf >= 0 {
            for item in leaves[Int(leaf)].items { body(elements[Int(item)]) }
            leaf = leaves[Int(leaf)].next
        }
    }

    /// The visible scalars in document order.
    var visibleScalars: [Unicode.Scalar] {
        var result: [Unicode.Scalar] = []
        result.reserveCapacity(visibleCount)
        var leaf: Int32 = 0
        while leaf >= 0 {
            let node = leaves[Int(leaf)]
            if node.visible > 0 {
                for item in node.items where !elements[Int(item)].isDeleted {
                    result.append(elements[Int(item)].scalar)
                }
            }
            leaf = node.next
        }
        return result
    }

    /// Adds a new visible element at `cursor` and returns the place just after it.
    /// - Precondition: no element has identity `id`.
    mutating func insert(id: RGAIdentifier, origin: Int32, scalar: Unicode.Scalar, at cursor: Cursor) -> Cursor {
        precondition(indexByID[id] == nil, "duplicate RGA identity \(id)")
        let element = Int32(elements.count)
        elements.append(RGAElement(id: id, origin: origin, scalar: scalar, isDeleted: false, leaf: cursor.leaf))
        indexByID[id] = element
        leaves[Int(cursor.leaf)].items.insert(element, at: cursor.slot)
        addVisible(1, fromLeaf: cursor.leaf)
        let after = Cursor(leaf: cursor.leaf, slot: cursor.slot + 1)
        guard leaves[Int(cursor.leaf)].items.count > Self.leafCapacity else { return after }
        let newLeaf = splitLeaf(cursor.leaf)
        let kept = leaves[Int(cursor.leaf)].items.count
        return after.slot <= kept ? after : Cursor(leaf: newLeaf, slot: after.slot - kept)
    }

    /// Turns an element into a tombstone; returns false when it already was one.
    @discardableResult
    mutating func markDeleted(_ element: Int32) -> Bool {
        guard !elements[Int(element)].isDeleted else { return false }
        elements[Int(element)].isDeleted = true
        addVisible(-1, fromLeaf: elements[Int(element)].leaf)
        return true
    }

    /// The cached visible count of a leaf or branch.
    func visibleCount(of node: Int32, isLeaf: Bool) -> Int {
        isLeaf ? leaves[Int(node)].visible : branches[Int(node)].visible
    }

    /// Adds `delta` to the visible count of a leaf and of every branch above it.
    private mutating func addVisible(_ delta: Int, fromLeaf leaf: Int32) {
        leaves[Int(leaf)].visible += delta
        var branch = leaves[Int(leaf)].parent
        while branch >= 0 {
            branches[Int(branch)].visible += delta
            branch = branches[Int(branch)].parent
        }
    }

    /// Moves the upper half of an overfull leaf into a new leaf right after it; returns the new leaf.
    private mutating func splitLeaf(_ leaf: Int32) -> Int32 {
        let items = leaves[Int(leaf)].items
        let half = items.count / 2
        let moved = Array(items[half...])
        leaves[Int(leaf)].items.removeSubrange(half...)
        let newLeaf = Int32(leaves.count)
        var movedVisible = 0
        for item in moved {
            elements[Int(item)].leaf = newLeaf
            if !elements[Int(item)].isDeleted { movedVisible += 1 }
        }
        leaves[Int(leaf)].visible -= movedVisible
        let old = leaves[Int(leaf)]
        leaves.append(Leaf(items: moved, visible: movedVisible, parent: old.parent, next: old.next))
        leaves[Int(leaf)].next = newLeaf
        attach(newLeaf, after: leaf, isLeaf: true)
        return newLeaf
    }

    /// Moves the upper half of an overfull branch into a new branch right after it.
    private mutating func splitBranch(_ branch: Int32) {
        let children = branches[Int(branch)].children
        let half = children.count / 2
        let moved = Array(children[half...])
        branches[Int(branch)].children.removeSubrange(half...)
        let newBranch = Int32(branches.count)
        let childrenAreLeaves = branches[Int(branch)].childrenAreLeaves
        var movedVisible = 0
        for child in moved {
            setParent(of: child, isLeaf: childrenAreLeaves, to: newBranch)
            movedVisible += visibleCount(of: child, isLeaf: childrenAreLeaves)
        }
        branches[Int(branch)].visible -= movedVisible
        branches.append(Branch(
            children: moved, visible: movedVisible, parent: branches[Int(branch)].parent,
            childrenAreLeaves: childrenAreLeaves
        ))
        attach(newBranch, after: branch, isLeaf: false)
    }

    /// Links a node made by a split into the parent of its left sibling, growing a new root
    /// when the sibling was the root and splitting the parent when it overflows.
    private mutating func attach(_ node: Int32, after sibling: Int32, isLeaf: Bool) {
        let parent = isLeaf ? leaves[Int(sibling)].parent : branches[Int(sibling)].parent
        guard parent >= 0 else {
            let newRoot = Int32(branches.count)
            let visible = visibleCount(of: sibling, isLeaf: isLeaf) + visibleCount(of: node, isLeaf: isLeaf)
            branches.append(Branch(children: [sibling, node], visible: visible, parent: -1, childrenAreLeaves: isLeaf))
            setParent(of: sibling, isLeaf: isLeaf, to: newRoot)
            setParent(of: node, isLeaf: isLeaf, to: newRoot)
            root = newRoot
            height += 1
            return
        }
        let slot = branches[Int(parent)].children.firstIndex(of: sibling)! + 1
        branches[Int(parent)].children.insert(node, at: slot)
        setParent(of: node, isLeaf: isLeaf, to: parent)
        if branches[Int(parent)].children.count > Self.branchCapacity { splitBranch(parent) }
    }

    /// Sets the parent pointer of a leaf or branch.
    private mutating func setParent(of node: Int32, isLeaf: Bool, to parent: Int32) {
        if isLeaf {
            leaves[Int(node)].parent = parent
        } else {
            branches[Int(node)].parent = parent
        }
    }
}
