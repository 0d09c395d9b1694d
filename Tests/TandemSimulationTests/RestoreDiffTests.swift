import Testing
import TandemCore
@testable import TandemSimulation

@Suite struct RestoreDiffTests {
    /// The script applied to the current text, from the last hunk back (as the server does).
    private func apply(_ diff: RestoreDiff, to text: [Unicode.Scalar]) -> [Unicode.Scalar] {
        var result = text
        for hunk in diff.hunks.reversed() {
            result.replaceSubrange(hunk.position..<hunk.position + hunk.deleted.count, with: hunk.inserted)
        }
        return result
    }

    /// The length of a longest common subsequence, by dynamic programming.
    private func commonLength(_ old: [Unicode.Scalar], _ new: [Unicode.Scalar]) -> Int {
        var table = [[Int]](repeating: [Int](repeating: 0, count: new.count + 1), count: old.count + 1)
        for i in old.indices {
            for j in new.indices {
                table[i + 1][j + 1] = old[i] == new[j] ? table[i][j] + 1 : max(table[i][j + 1], table[i + 1][j])
            }
        }
        return table[old.count][new.count]
    }

    @Test func keepsWhatBothTextsShareInPlace() {
        let diff = RestoreDiff(from: TextBuffer("bcxde"), to: TextBuffer("abcdef"))
        #expect(diff.hunks == [
            .init(position: 0, deleted: [], inserted: ["a"]), .init(position: 2, deleted: ["x"], inserted: []),
            .init(position: 5, deleted: [], inserted: ["f"]),
        ])
        #expect(diff.deleted == ["x"])
        #expect(diff.reinserted == ["a", "f"])
        #expect(RestoreDiff(from: TextBuffer("same"), to: TextBuffer("same")).hunks.isEmpty)
        #expect(RestoreDiff(from: TextBuffer(""), to: TextBuffer("ab")).hunks == [.init(position: 0, deleted: [], inserted: ["a", "b"])])
    }

    @Test func isAShortestEditScriptOnRandomTexts() {
        var generator = SplitMix64(seed: 7)
        let alphabet: [Unicode.Scalar] = ["a", "b", "c", "d"]
        for _ in 0..<3_000 {
            let old = (0..<generator.int(in: 0...14)).map { _ in generator.pick(alphabet) }
            let new = (0..<generator.int(in: 0...14)).map { _ in generator.pick(alphabet) }
            let diff = RestoreDiff(from: TextBuffer(old), to: TextBuffer(new))
            #expect(apply(diff, to: old) == new, "\(old) → \(new): \(diff.hunks)")
            #expect(diff.deleted.count + diff.reinserted.count == old.count + new.count - 2 * commonLength(old, new))
            #expect(zip(diff.hunks, diff.hunks.dropFirst()).allSatisfy { $0.position + $0.deleted.count < $1.position })
        }
    }
}
