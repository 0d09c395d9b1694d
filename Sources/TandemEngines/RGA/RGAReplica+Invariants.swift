extension RGAReplica {
    /// Stops with a precondition failure unless the replica's internal state is consistent:
    /// cached visible counts, a balanced tree with correct parent and leaf links, an identity
    /// index that finds every element and nothing else, no duplicated identity, document order
    /// equal to RGA's tree order (children of an origin by descending identity, depth first),
    /// counters newer than their origins', the Lamport clock, and the causal buffer. O(n log n).
    public func checkInvariants() {
        let order = checkTree()
        checkIdentities(order: order)
        checkRGAOrder(order)
        buffer.checkInvariants { sequence.index(of: $0) != nil }
    }

    /// Checks the B+ tree's shape, links and cached counts; returns the elements in tree order.
    private func checkTree() -> [Int32] {
        let leafCapacity = RGASequence.leafCapacity
        let branchCapacity = RGASequence.branchCapacity
        var order: [Int32] = []
        var leavesInOrder: [Int32] = []
        var reachedBranches = 0
        /// Walks one subtree `level` levels above the leaves; returns its visible count.
        func walk(_ node: Int32, level: Int, parent: Int32) -> Int {
            let isRoot = parent < 0
            if level == 0 {
                let leaf = sequence.leaves[Int(node)]
                precondition(leaf.parent == parent, "leaf \(node) has a wrong parent")
                precondition(leaf.items.count <= leafCapacity, "leaf \(node) overfull")
                precondition(isRoot || leaf.items.count >= leafCapacity / 2, "leaf \(node) underfull")
                var visible = 0
                for item in leaf.items {
                    let element = sequence.element(item)
                    precondition(element.leaf == node, "element \(element.id) points at a wrong leaf")
                    if !element.isDeleted { visible += 1 }
                    order.append(item)
                }
                precondition(leaf.visible == visible, "leaf \(node) caches \(leaf.visible) visible, has \(visible)")
                leavesInOrder.append(node)
                return visible
            }
            reachedBranches += 1
            let branch = sequence.branches[Int(node)]
            precondition(branch.parent == parent, "branch \(node) has a wrong parent")
            precondition(branch.childrenAreLeaves == (level == 1), "branch \(node) at level \(level) has wrong child kind")
            precondition(branch.children.count <= branchCapacity, "branch \(node) overfull")
            precondition(branch.children.count >= (isRoot ? 2 : branchCapacity / 2), "branch \(node) underfull")
            var visible = 0
            for child in branch.children { visible += walk(child, level: level - 1, parent: node) }
            precondition(branch.visible == visible, "branch \(node) caches \(branch.visible) visible, has \(visible)")
            return visible
        }
        let visible = walk(sequence.root, level: sequence.height, parent: -1)
        precondition(visible == count, "root visible count disagrees with count")
        precondition(leavesInOrder.count == sequence.leaves.count, "unreachable leaves")
        precondition(reachedBranches == sequence.branches.count, "unreachable branches")
        precondition(leavesInOrder.first == 0, "leaf 0 is not the leftmost leaf")
        for (position, leaf) in leavesInOrder.enumerated() {
            let expected = position + 1 < leavesInOrder.count ? leavesInOrder[position + 1] : -1
            precondition(sequence.leaves[Int(leaf)].next == expected, "leaf \(leaf) links to the wrong next leaf")
        }
        precondition(order.count == sequence.elements.count, "the tree holds \(order.count) of \(sequence.elements.count) elements")
        return order
    }

    /// Checks that every element is in the tree once and the identity index maps exactly to it.
    private func checkIdentities(order: [Int32]) {
        var seen = [Bool](repeating: false, count: sequence.elements.count)
        for item in order {
            precondition(!seen[Int(item)], "element \(item) appears twice in the tree")
            seen[Int(item)] = true
        }
        precondition(sequence.indexByID.count == sequence.elements.count, "identity index size differs from element count")
        for (item, element) in sequence.elements.enumerated() {
            precondition(sequence.index(of: element.id) == Int32(item), "identity \(element.id) is indexed wrongly or duplicated")
            precondition(element.id.counter <= lamportClock, "element \(element.id) is newer than the Lamport clock")
        }
    }

    /// Checks that document order is the depth-first order of RGA's tree, where each element
    /// hangs under its origin and siblings go by descending identity.
    private func checkRGAOrder(_ order: [Int32]) {
        let elements = sequence.elements
        var children = [[Int32]](repeating: [], count: elements.count + 1)
        for (item, element) in elements.enumerated() {
            if element.origin >= 0 {
                precondition(element.id.counter > elements[Int(element.origin)].id.counter, "element \(element.id) is not newer than its origin")
            }
            children[Int(element.origin) + 1].append(Int32(item))
        }
        var expected: [Int32] = []
        expected.reserveCapacity(elements.count)
        var stack: [Int32] = [-1]
        while let node = stack.popLast() {
            if node >= 0 { expected.append(node) }
            let sorted = children[Int(node) + 1].sorted { elements[Int($0)].id < elements[Int($1)].id }
            stack.append(contentsOf: sorted)
        }
        precondition(expected == order, "document order breaks RGA's sibling order")
    }
}
