extension TextBuffer {
    /// A node of the B-tree behind `TextBuffer`: a leaf holds a chunk of scalars, an internal
    /// node holds children of equal height and caches the number of scalars below it.
    ///
    /// All leaves are at the same depth. A leaf holds at most `maxLeafCount` scalars and an
    /// internal node at most `maxChildCount` children; outside the root, a leaf holds at least
    /// `minLeafCount` scalars and an internal node at least `minChildCount` children.
    /// Mutating methods require the caller to hold the only reference to the node; a node
    /// reachable from two buffers is never mutated, which is what makes it safely `Sendable`.
    final class Node: @unchecked Sendable {
        /// The most scalars a leaf holds.
        static let maxLeafCount = 512
        /// The fewest scalars a leaf other than the root holds.
        static let minLeafCount = maxLeafCount / 2
        /// The most children an internal node holds.
        static let maxChildCount = 16
        /// The fewest children an internal node other than the root holds.
        static let minChildCount = maxChildCount / 2

        /// 0 for a leaf, otherwise one more than the children's height.
        let height: Int
        /// The number of scalars in this subtree.
        var count: Int
        /// A leaf's scalars; empty in an internal node.
        var chunk: [Unicode.Scalar]
        /// An internal node's children, in text order; empty in a leaf.
        var children: [Node]

        /// A leaf holding `chunk`.
        init(leaf chunk: [Unicode.Scalar]) {
            height = 0
            count = chunk.count
            self.chunk = chunk
            children = []
        }

        /// An internal node over a non-empty list of children of equal height.
        init(children: [Node]) {
            height = children[0].height + 1
            count = children.reduce(0) { $0 + $1.count }
            chunk = []
            self.children = children
        }

        private init(copying node: Node) {
            height = node.height
            count = node.count
            chunk = node.chunk
            children = node.children
        }

        /// A shallow copy: the same chunk and the same (shared) children.
        func copy() -> Node {
            Node(copying: self)
        }

        /// Whether this node, were it not the root, would be below its minimum size.
        var isDeficient: Bool {
            height == 0 ? chunk.count < Node.minLeafCount : children.count < Node.minChildCount
        }

        /// Leaves holding `scalars` in the fewest chunks, of sizes differing by at most one.
        static func leaves(of scalars: [Unicode.Scalar]) -> [Node] {
            evenPieces(of: scalars, maxSize: maxLeafCount).map { Node(leaf: Array($0)) }
        }

        /// Parents for a list of siblings, in the fewest groups of sizes differing by at most one.
        static func parents(of nodes: [Node]) -> [Node] {
            evenPieces(of: nodes, maxSize: maxChildCount).map { Node(children: Array($0)) }
        }

        /// A single root above a non-empty list of siblings.
        static func tree(of nodes: [Node]) -> Node {
            var level = nodes
            while level.count > 1 {
                level = parents(of: level)
            }
            return level[0]
        }

        /// Splits `elements` into the fewest pieces of at most `maxSize` elements, with sizes
        /// differing by at most one; so, when there are several, each has at least `maxSize / 2`.
        static func evenPieces<Element>(of elements: [Element], maxSize: Int) -> [ArraySlice<Element>] {
            let pieceCount = max(1, (elements.count + maxSize - 1) / maxSize)
            let base = elements.count / pieceCount
            let extra = elements.count % pieceCount
            var pieces: [ArraySlice<Element>] = []
            pieces.reserveCapacity(pieceCount)
            var start = 0
            for index in 0..<pieceCount {
                let size = base + (index < extra ? 1 : 0)
                pieces.append(elements[start..<start + size])
                start += size
            }
            return pieces
        }

        /// The scalar at an offset inside this subtree.
        func scalar(at offset: Int) -> Unicode.Scalar {
            var node = self
            var local = offset
            while node.height > 0 {
                var index = 0
                while local >= node.children[index].count {
                    local -= node.children[index].count
                    index += 1
                }
                node = node.children[index]
            }
            return node.chunk[local]
        }

        /// Appends the scalars of a non-empty range of this subtree to `result`.
        func appendScalars(in range: Range<Int>, to result: inout [Unicode.Scalar]) {
            if height == 0 {
                result.append(contentsOf: chunk[range])
                return
            }
            var start = 0
            for child in children {
                let end = start + child.count
                if end > range.lowerBound {
                    let lower = max(range.lowerBound, start) - start
                    let upper = min(range.upperBound, end) - start
                    child.appendScalars(in: lower..<upper, to: &result)
                }
                if end >= range.upperBound { return }
                start = end
            }
        }

        /// Calls `body` with each leaf's chunk, in text order.
        func forEachLeaf(_ body: ([Unicode.Scalar]) -> Void) {
            if height == 0 {
                body(chunk)
            } else {
                for child in children {
                    child.forEachLeaf(body)
                }
            }
        }

        /// The child at `index`, copied first if another tree also references it.
        private func uniqueChild(at index: Int) -> Node {
            if !isKnownUniquelyReferenced(&children[index]) {
                children[index] = children[index].copy()
            }
            return children[index]
        }

        /// Inserts a non-empty run of scalars at an offset of this subtree. When the node
        /// overflows it keeps the first part and returns new siblings, each within bounds,
        /// that the caller must place right after it.
        func insert(_ scalars: [Unicode.Scalar], at offset: Int) -> [Node] {
            count += scalars.count
            if height == 0 {
                chunk.insert(contentsOf: scalars, at: offset)
                guard chunk.count > Node.maxLeafCount else { return [] }
                let pieces = Node.evenPieces(of: chunk, maxSize: Node.maxLeafCount)
                chunk = Array(pieces[0])
                count = chunk.count
                return pieces.dropFirst().map { Node(leaf: Array($0)) }
            }
            var index = 0
            var local = offset
            while local > children[index].count {
                local -= children[index].count
                index += 1
            }
            let overflow = uniqueChild(at: index).insert(scalars, at: local)
            guard !overflow.isEmpty else { return [] }
            children.insert(contentsOf: overflow, at: index + 1)
            guard children.count > Node.maxChildCount else { return [] }
            let groups = Node.evenPieces(of: children, maxSize: Node.maxChildCount)
            children = Array(groups[0])
            count = children.reduce(0) { $0 + $1.count }
            return groups.dropFirst().map { Node(children: Array($0)) }
        }

        /// Removes a non-empty range that does not cover the whole subtree. Afterwards the
        /// node may be deficient, but every node below it is within bounds or, when it is its
        /// parent's only child, deficient in the same way; the caller repairs it.
        func remove(_ range: Range<Int>) {
            count -= range.count
            if height == 0 {
                chunk.removeSubrange(range)
                return
            }
            var kept: [Node] = []
            kept.reserveCapacity(children.count)
            var start = 0
            for index in children.indices {
                let end = start + children[index].count
                let lower = max(range.lowerBound, start)
                let upper = min(range.upperBound, end)
                if lower >= upper {
                    kept.append(children[index])
                } else if lower > start || upper < end {
                    let child = uniqueChild(at: index)
                    child.remove(lower - start..<upper - start)
                    kept.append(child)
                }
                start = end
            }
            Node.repair(&kept)
            children = kept
        }

        /// Merges deficient siblings with a neighbour until none is deficient or one is left.
        static func repair(_ siblings: inout [Node]) {
            while siblings.count > 1, let deficient = siblings.firstIndex(where: \.isDeficient) {
                let left = deficient == siblings.count - 1 ? deficient - 1 : deficient
                siblings.replaceSubrange(left...left + 1, with: merged(siblings[left], siblings[left + 1]))
            }
        }

        /// The contents of two adjacent siblings as one node or, when that would overflow,
        /// two nodes within bounds. New nodes are built; the two given are left untouched.
        static func merged(_ left: Node, _ right: Node) -> [Node] {
            if left.height == 0 {
                return leaves(of: left.chunk + right.chunk)
            }
            var grandchildren = left.children + right.children
            repair(&grandchildren)
            return parents(of: grandchildren)
        }
    }
}
