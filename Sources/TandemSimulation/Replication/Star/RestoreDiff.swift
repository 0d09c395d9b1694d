import TandemCore

/// What the server changes to bring back an earlier version: a shortest edit script from its
/// current text to the text of that version (Myers 1986, the linear-space bisection of
/// Neil Fraser's diff-match-patch), as hunks of scalars removed and inserted again.
///
/// A shortest script leaves in place every scalar the two texts keep in the same order —
/// with distinct identities, every scalar they share — so an edit a client makes at the same
/// moment near unchanged text stays where its author put it, and a concurrent delete of a
/// scalar both versions hold is not undone. The restore only touches what differs.
struct RestoreDiff {
    /// One place where the texts differ: the scalars `deleted` at `position` of the current
    /// text give way to `inserted`.
    struct Hunk: Equatable {
        var position: Int
        var deleted: [Unicode.Scalar]
        var inserted: [Unicode.Scalar]
    }

    /// The hunks in increasing position, positions in the current text; never two adjacent.
    private(set) var hunks: [Hunk] = []

    /// The script that turns `current` into `target`.
    init(from current: TextBuffer, to target: TextBuffer) {
        var differ = Differ(old: current.scalars, new: target.scalars)
        differ.compare(0..<differ.old.count, 0..<differ.new.count)
        hunks = differ.hunks
    }

    /// Every scalar the script removes, in text order.
    var deleted: [Unicode.Scalar] {
        hunks.flatMap(\.deleted)
    }

    /// Every scalar the script inserts, in text order.
    var reinserted: [Unicode.Scalar] {
        hunks.flatMap(\.inserted)
    }

    /// The recursion of the bisection, gathering hunks in text order.
    private struct Differ {
        let old: [Unicode.Scalar]
        let new: [Unicode.Scalar]
        var hunks: [Hunk] = []

        /// Diffs a range of the old text against a range of the new one.
        mutating func compare(_ oldRange: Range<Int>, _ newRange: Range<Int>) {
            var (oldStart, oldEnd) = (oldRange.lowerBound, oldRange.upperBound)
            var (newStart, newEnd) = (newRange.lowerBound, newRange.upperBound)
            while oldStart < oldEnd && newStart < newEnd && old[oldStart] == new[newStart] {
                oldStart += 1
                newStart += 1
            }
            while oldStart < oldEnd && newStart < newEnd && old[oldEnd - 1] == new[newEnd - 1] {
                oldEnd -= 1
                newEnd -= 1
            }
            guard oldStart < oldEnd && newStart < newEnd else {
                record(oldStart..<oldEnd, newStart..<newEnd)
                return
            }
            let (oldSplit, newSplit) = bisect(oldStart..<oldEnd, newStart..<newEnd)
            compare(oldStart..<oldSplit, newStart..<newSplit)
            compare(oldSplit..<oldEnd, newSplit..<newEnd)
        }

        /// Appends a hunk, merged into the previous one when they touch.
        private mutating func record(_ oldRange: Range<Int>, _ newRange: Range<Int>) {
            guard !oldRange.isEmpty || !newRange.isEmpty else { return }
            if let last = hunks.last, last.position + last.deleted.count == oldRange.lowerBound {
                hunks[hunks.count - 1].deleted += old[oldRange]
                hunks[hunks.count - 1].inserted += new[newRange]
            } else {
                hunks.append(Hunk(position: oldRange.lowerBound, deleted: Array(old[oldRange]), inserted: Array(new[newRange])))
            }
        }

        /// A point on a shortest path through the edit graph of two ranges that differ at
        /// both ends, strictly inside it: found where the furthest-reaching paths from the
        /// start and from the end meet.
        private func bisect(_ oldRange: Range<Int>, _ newRange: Range<Int>) -> (old: Int, new: Int) {
            let (oldBase, newBase) = (oldRange.lowerBound, newRange.lowerBound)
            let (oldCount, newCount) = (oldRange.count, newRange.count)
            let maximum = (oldCount + newCount + 1) / 2
            let offset = maximum + 1
            var forward = [Int](repeating: -1, count: 2 * offset + 1)
            var backward = forward
            forward[offset + 1] = 0
            backward[offset + 1] = 0
            let delta = oldCount - newCount
            let frontMeets = delta % 2 != 0
            var (forwardStartTrim, forwardEndTrim, backwardStartTrim, backwardEndTrim) = (0, 0, 0, 0)
            for depth in 0...maximum {
                for diagonal in stride(from: -depth + forwardStartTrim, through: depth - forwardEndTrim, by: 2) {
                    let slot = offset + diagonal
                    var x = diagonal == -depth || (diagonal != depth && forward[slot - 1] < forward[slot + 1])
                        ? forward[slot + 1] : forward[slot - 1] + 1
                    var y = x - diagonal
                    while x < oldCount && y < newCount && old[oldBase + x] == new[newBase + y] {
                        x += 1
                        y += 1
                    }
                    forward[slot] = x
                    if x > oldCount {
                        forwardEndTrim += 2
                    } else if y > newCount {
                        forwardStartTrim += 2
                    } else if frontMeets {
                        let other = offset + delta - diagonal
                        if other >= 0 && other < backward.count && backward[other] != -1 && x >= oldCount - backward[other] {
                            return (oldBase + x, newBase + y)
                        }
                    }
                }
                for diagonal in stride(from: -depth + backwardStartTrim, through: depth - backwardEndTrim, by: 2) {
                    let slot = offset + diagonal
                    var x = diagonal == -depth || (diagonal != depth && backward[slot - 1] < backward[slot + 1])
                        ? backward[slot + 1] : backward[slot - 1] + 1
                    var y = x - diagonal
                    while x < oldCount && y < newCount && old[oldBase + oldCount - 1 - x] == new[newBase + newCount - 1 - y] {
                        x += 1
                        y += 1
                    }
                    backward[slot] = x
                    if x > oldCount {
                        backwardEndTrim += 2
                    } else if y > newCount {
                        backwardStartTrim += 2
                    } else if !frontMeets {
                        let other = offset + delta - diagonal
                        if other >= 0 && other < forward.count && forward[other] != -1 && forward[other] >= oldCount - x {
                            let forwardX = forward[other]
                            return (oldBase + forwardX, newBase + forwardX - (other - offset))
                        }
                    }
                }
            }
            preconditionFailure("the paths from both ends of the edit graph always meet")
        }
    }
}
