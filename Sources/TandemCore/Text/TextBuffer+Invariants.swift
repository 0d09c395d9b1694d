extension TextBuffer {
    /// Traps unless the tree behind the text is well formed: cached counts match, leaves and
    /// internal nodes are within their size bounds, and all leaves are at the same depth.
    /// Tests call it after every edit; it costs O(n / leaf size).
    public func checkInvariants() {
        if root.height > 0 {
            precondition(root.children.count >= 2, "TextBuffer: internal root with \(root.children.count) child")
        }
        root.checkSubtree(isRoot: true)
    }

    /// The height of the tree behind the text: 0 while it fits in one leaf. For tests and
    /// diagnostics that need to know the balanced structure is really exercised.
    public var treeHeight: Int { root.height }
}

extension TextBuffer.Node {
    /// Traps unless this subtree is well formed (see `TextBuffer.checkInvariants()`).
    fileprivate func checkSubtree(isRoot: Bool) {
        typealias Node = TextBuffer.Node
        if height == 0 {
            precondition(children.isEmpty, "TextBuffer: leaf with children")
            precondition(count == chunk.count, "TextBuffer: leaf caches \(count) for \(chunk.count) scalars")
            precondition(chunk.count <= Node.maxLeafCount, "TextBuffer: leaf of \(chunk.count) scalars")
            precondition(isRoot || chunk.count >= Node.minLeafCount, "TextBuffer: non-root leaf of \(chunk.count) scalars")
            return
        }
        precondition(chunk.isEmpty, "TextBuffer: internal node with scalars")
        precondition(children.count <= Node.maxChildCount, "TextBuffer: node with \(children.count) children")
        precondition(isRoot || children.count >= Node.minChildCount, "TextBuffer: non-root node with \(children.count) children")
        var total = 0
        for child in children {
            precondition(child.height == height - 1, "TextBuffer: unbalanced, child of height \(child.height) under \(height)")
            child.checkSubtree(isRoot: false)
            total += child.count
        }
        precondition(count == total, "TextBuffer: node caches \(count) for \(total) scalars")
    }
}
