extension TextBuffer {
    /// Where this text differs from `old`: regions in increasing order, each with at least one
    /// non-empty range, never touching (at least one unchanged scalar separates two of them).
    /// Between and around the regions the two texts are equal, so `old` turns into `self` by
    /// replacing each region's `old` range with its `new` one.
    ///
    /// A text and an edited copy of it share every subtree the edits did not touch (see
    /// `TextBuffer`), so the diff walks both trees together, skips every subtree they share
    /// and compares scalars only in the leaves that differ: O(edit size × log n) plus a few
    /// leaves per edit, whatever the length of the text. Edits close together (in leaves no
    /// shared subtree separates) come out as one region, unchanged scalars between them
    /// included. When the trees share nothing (a text rebuilt from its scalars) the diff
    /// compares contents, in O(n), and reports the single region between the texts' common
    /// prefix and common suffix.
    public func changedRegions(from old: TextBuffer) -> [ChangedRegion] {
        var walk = DifferenceWalk()
        walk.compare(old: old.root, new: root)
        return walk.regions
    }
}

/// The changed regions between two trees, gathered in text order.
private struct DifferenceWalk {
    typealias Node = TextBuffer.Node

    /// Lists of siblings this short on one side are matched by a plain scan of the other.
    private static let scanLimit = 8
    /// Scalars are compared this many at a time, in a loop without early exit that the
    /// compiler turns into vector instructions, before the first difference is looked for.
    private static let blockSize = 16

    /// The regions found so far.
    private(set) var regions: [TextBuffer.ChangedRegion] = []

    /// Compares two whole trees.
    mutating func compare(old: Node, new: Node) {
        guard old !== new else { return }
        guard old.count > 0 && new.count > 0 else {
            record(old: 0..<old.count, new: 0..<new.count)
            return
        }
        var oldLevel = [old]
        var newLevel = [new]
        while oldLevel[0].height > newLevel[0].height { oldLevel = Self.children(of: oldLevel[...]) }
        while newLevel[0].height > oldLevel[0].height { newLevel = Self.children(of: newLevel[...]) }
        compare(old: oldLevel, at: 0, new: newLevel, at: 0)
    }

    /// Compares two runs of nodes of one height that cover the text from `oldStart` in the
    /// older tree and from `newStart` in the newer one: nodes present in both are skipped, and
    /// each stretch between two of them is compared on its own.
    private mutating func compare(old: [Node], at oldStart: Int, new: [Node], at newStart: Int) {
        var oldIndex = 0
        var newIndex = 0
        var oldOffset = oldStart
        var newOffset = newStart
        for pair in Self.sharedPairs(old, new) + [(old: old.count, new: new.count)] {
            let oldGap = old[oldIndex..<pair.old]
            let newGap = new[newIndex..<pair.new]
            let oldGapCount = Self.count(of: oldGap)
            let newGapCount = Self.count(of: newGap)
            if oldGap.isEmpty || newGap.isEmpty {
                record(old: oldOffset..<oldOffset + oldGapCount, new: newOffset..<newOffset + newGapCount)
            } else if oldGap[oldGap.startIndex].height == 0 {
                compareContents(old: oldGap, at: oldOffset, new: newGap, at: newOffset)
            } else {
                compare(old: Self.children(of: oldGap), at: oldOffset, new: Self.children(of: newGap), at: newOffset)
            }
            guard pair.old < old.count else { break }
            oldOffset += oldGapCount + old[pair.old].count
            newOffset += newGapCount + new[pair.new].count
            oldIndex = pair.old + 1
            newIndex = pair.new + 1
        }
    }

    /// Compares the scalars of two non-empty runs of leaves: whatever lies between their
    /// common prefix and their common suffix is one region.
    private mutating func compareContents(old: ArraySlice<Node>, at oldStart: Int, new: ArraySlice<Node>, at newStart: Int) {
        let oldCount = Self.count(of: old)
        let newCount = Self.count(of: new)
        let prefix = Self.commonPrefixCount(old, new)
        let suffix = Self.commonSuffixCount(old, new, limit: min(oldCount, newCount) - prefix)
        record(old: oldStart + prefix..<oldStart + oldCount - suffix, new: newStart + prefix..<newStart + newCount - suffix)
    }

    /// Appends a region unless both of its ranges are empty.
    private mutating func record(old: Range<Int>, new: Range<Int>) {
        guard !old.isEmpty || !new.isEmpty else { return }
        regions.append(TextBuffer.ChangedRegion(old: old, new: new))
    }

    /// The positions of the node objects found in both runs, matched in order: increasing in
    /// both runs. Sharing keeps the untouched nodes in the same order in both trees, so
    /// matching each node of `old` with its first occurrence after the previous match finds
    /// them all.
    private static func sharedPairs(_ old: [Node], _ new: [Node]) -> [(old: Int, new: Int)] {
        var prefix = 0
        while prefix < min(old.count, new.count) && old[prefix] === new[prefix] { prefix += 1 }
        var suffix = 0
        while suffix < min(old.count, new.count) - prefix && old[old.count - 1 - suffix] === new[new.count - 1 - suffix] {
            suffix += 1
        }
        var pairs = (0..<prefix).map { (old: $0, new: $0) }
        let oldMiddle = prefix..<old.count - suffix
        let newMiddle = prefix..<new.count - suffix
        var next = newMiddle.lowerBound
        if oldMiddle.count <= scanLimit || newMiddle.count <= scanLimit {
            for oldIndex in oldMiddle {
                if let newIndex = new[next..<newMiddle.upperBound].firstIndex(where: { $0 === old[oldIndex] }) {
                    pairs.append((old: oldIndex, new: newIndex))
                    next = newIndex + 1
                }
            }
        } else {
            var newIndices: [ObjectIdentifier: Int] = [:]
            newIndices.reserveCapacity(newMiddle.count)
            for newIndex in newMiddle.reversed() {
                newIndices[ObjectIdentifier(new[newIndex])] = newIndex
            }
            for oldIndex in oldMiddle {
                if let newIndex = newIndices[ObjectIdentifier(old[oldIndex])], newIndex >= next {
                    pairs.append((old: oldIndex, new: newIndex))
                    next = newIndex + 1
                }
            }
        }
        pairs += (0..<suffix).reversed().map { (old: old.count - 1 - $0, new: new.count - 1 - $0) }
        return pairs
    }

    /// The children of a run of internal nodes, in order.
    private static func children(of nodes: ArraySlice<Node>) -> [Node] {
        nodes.flatMap(\.children)
    }

    /// The number of scalars under a run of nodes.
    private static func count(of nodes: ArraySlice<Node>) -> Int {
        nodes.reduce(0) { $0 + $1.count }
    }

    /// How many scalars the texts of two runs of leaves have in common at their start.
    private static func commonPrefixCount(_ old: ArraySlice<Node>, _ new: ArraySlice<Node>) -> Int {
        var common = 0
        var oldLeaf = old.startIndex
        var newLeaf = new.startIndex
        var oldOffset = 0
        var newOffset = 0
        while oldLeaf < old.endIndex && newLeaf < new.endIndex {
            let oldChunk = old[oldLeaf].chunk
            let newChunk = new[newLeaf].chunk
            let span = min(oldChunk.count - oldOffset, newChunk.count - newOffset)
            let matched = leadingMatches(oldChunk, from: oldOffset, newChunk, from: newOffset, count: span)
            common += matched
            guard matched == span else { return common }
            oldOffset += span
            newOffset += span
            if oldOffset == oldChunk.count { (oldLeaf, oldOffset) = (oldLeaf + 1, 0) }
            if newOffset == newChunk.count { (newLeaf, newOffset) = (newLeaf + 1, 0) }
        }
        return common
    }

    /// How many scalars, up to `limit`, the texts of two runs of leaves have in common at their end.
    private static func commonSuffixCount(_ old: ArraySlice<Node>, _ new: ArraySlice<Node>, limit: Int) -> Int {
        var common = 0
        var oldLeaf = old.endIndex - 1
        var newLeaf = new.endIndex - 1
        var oldRemaining = old[oldLeaf].count
        var newRemaining = new[newLeaf].count
        while common < limit {
            let oldChunk = old[oldLeaf].chunk
            let newChunk = new[newLeaf].chunk
            let span = min(oldRemaining, newRemaining, limit - common)
            let matched = trailingMatches(oldChunk, before: oldRemaining, newChunk, before: newRemaining, count: span)
            common += matched
            guard matched == span, common < limit else { return common }
            oldRemaining -= span
            newRemaining -= span
            if oldRemaining == 0 {
                oldLeaf -= 1
                oldRemaining = old[oldLeaf].count
            }
            if newRemaining == 0 {
                newLeaf -= 1
                newRemaining = new[newLeaf].count
            }
        }
        return common
    }

    /// How many of the `count` scalars from `oldStart` in `old` and from `newStart` in `new`
    /// are equal pairwise before the first difference.
    private static func leadingMatches(
        _ old: [Unicode.Scalar], from oldStart: Int, _ new: [Unicode.Scalar], from newStart: Int, count: Int
    ) -> Int {
        old.withUnsafeBufferPointer { old in
            new.withUnsafeBufferPointer { new in
                let old = UnsafeBufferPointer(rebasing: old[oldStart..<oldStart + count])
                let new = UnsafeBufferPointer(rebasing: new[newStart..<newStart + count])
                var matched = 0
                while count - matched >= blockSize {
                    var difference: UInt32 = 0
                    for index in 0..<blockSize {
                        difference |= old[matched &+ index].value ^ new[matched &+ index].value
                    }
                    guard difference == 0 else { break }
                    matched += blockSize
                }
                while matched < count && old[matched] == new[matched] { matched += 1 }
                return matched
            }
        }
    }

    /// How many of the `count` scalars before `oldEnd` in `old` and before `newEnd` in `new`
    /// are equal pairwise, going backward, before the first difference.
    private static func trailingMatches(
        _ old: [Unicode.Scalar], before oldEnd: Int, _ new: [Unicode.Scalar], before newEnd: Int, count: Int
    ) -> Int {
        old.withUnsafeBufferPointer { old in
            new.withUnsafeBufferPointer { new in
                let old = UnsafeBufferPointer(rebasing: old[oldEnd - count..<oldEnd])
                let new = UnsafeBufferPointer(rebasing: new[newEnd - count..<newEnd])
                var unmatched = count
                while unmatched >= blockSize {
                    var difference: UInt32 = 0
                    for index in unmatched &- blockSize..<unmatched {
                        difference |= old[index].value ^ new[index].value
                    }
                    guard difference == 0 else { break }
                    unmatched -= blockSize
                }
                while unmatched > 0 && old[unmatched - 1] == new[unmatched - 1] { unmatched -= 1 }
                return count - unmatched
            }
        }
    }
}
