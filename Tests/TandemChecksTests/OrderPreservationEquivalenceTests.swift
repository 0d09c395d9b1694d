import Testing
import TandemChecks
import TandemCore
import TandemSimulation

/// The order check as it was before it looked only at what changed: O(n) per change, reading
/// both texts whole. The reference the incremental `OrderPreservationCheck` must agree with.
private struct NaiveOrderPreservationCheck: Checker {
    private var previous: [[Int]] = []
    private var positions: [Int] = []
    private var found: [Violation] = []
    private var reportedSites: [Int] = []

    mutating func textChanged(site: Int, text: TextBuffer, time: VirtualTime) {
        let current = text.scalars.compactMap { IdentityAlphabet.identity(of: $0) }
        while previous.count <= site { previous.append([]) }
        defer { previous[site] = current }
        guard !reportedSites.contains(site) else { return }

        let needed = (current.max() ?? -1) + 1
        if positions.count < needed { positions += [Int](repeating: -1, count: needed - positions.count) }
        for (index, identity) in current.enumerated() where positions[identity] == -1 {
            positions[identity] = index
        }
        defer { for identity in current { positions[identity] = -1 } }

        var lastPosition = -1
        var lastIdentity = -1
        for identity in previous[site] where identity < positions.count && positions[identity] >= 0 {
            let position = positions[identity]
            if position < lastPosition {
                let before = TextEscaping.quoted(String(IdentityAlphabet.scalar(for: lastIdentity)))
                let after = TextEscaping.quoted(String(IdentityAlphabet.scalar(for: identity)))
                found.append(Violation(
                    .orderPreservation,
                    "\(RunOutcome.siteName(site)) had \(before) before \(after); now \(after) is at \(position), \(before) at \(lastPosition)",
                    at: time))
                reportedSites.append(site)
                return
            }
            lastPosition = position
            lastIdentity = identity
        }
    }

    mutating func violations(in outcome: RunOutcome) -> [Violation] {
        found
    }
}

/// Which faults a random history may plant besides honest edits.
private enum FaultMode: CaseIterable {
    case none, reorderings, duplicatesAndForeignScalars, all
}

/// Random per-site text histories: honest edits with fresh identities, texts rebuilt from
/// scratch (as `RGAReplica.text` does), unchanged texts sent again, and planted faults.
private struct HistoryGenerator {
    var rng: SplitMix64
    var nextIdentity = 0

    mutating func fresh(_ count: Int) -> [Unicode.Scalar] {
        defer { nextIdentity += count }
        return (nextIdentity..<nextIdentity + count).map(IdentityAlphabet.scalar(for:))
    }

    mutating func insertFresh(into text: inout TextBuffer, maxRun: Int) {
        text.insert(contentsOf: fresh(rng.int(in: 1...maxRun)), at: rng.int(in: 0...text.count))
    }

    mutating func deleteRange(from text: inout TextBuffer, maxRun: Int) {
        guard !text.isEmpty else { return }
        let lower = rng.int(in: 0...text.count - 1)
        text.removeSubrange(lower..<rng.int(in: lower + 1...min(text.count, lower + maxRun)))
    }

    mutating func honestEdit(_ text: inout TextBuffer, maxRun: Int) {
        if rng.chance(3, in: 5) {
            insertFresh(into: &text, maxRun: maxRun)
        } else {
            deleteRange(from: &text, maxRun: maxRun)
        }
    }

    /// One step of a site's history: the text the site shows next.
    mutating func step(_ text: TextBuffer, mode: FaultMode, maxRun: Int) -> TextBuffer {
        var next = text
        let reorder = mode == .reorderings || mode == .all
        let corrupt = mode == .duplicatesAndForeignScalars || mode == .all
        switch rng.weightedIndex([30, 20, 10, 6, 4, reorder ? 3 : 0, reorder ? 3 : 0, reorder ? 1 : 0, corrupt ? 3 : 0, corrupt ? 2 : 0]) {
        case 0:
            insertFresh(into: &next, maxRun: maxRun)
        case 1:
            deleteRange(from: &next, maxRun: maxRun)
        case 2:
            for _ in 0..<rng.int(in: 2...4) { honestEdit(&next, maxRun: maxRun) }
        case 3:
            if rng.chance(1, in: 2) { honestEdit(&next, maxRun: maxRun) }
            next = TextBuffer(next.scalars)
        case 4:
            break
        case 5:
            guard next.count >= 2 else { break }
            let first = rng.int(in: 0...next.count - 1)
            let second = rng.chance(1, in: 2) ? min(next.count - 1, first + 1) : rng.int(in: 0...next.count - 1)
            let (a, b) = (next.scalar(at: first), next.scalar(at: second))
            next.removeSubrange(first..<first + 1)
            next.insert(contentsOf: [b], at: first)
            next.removeSubrange(second..<second + 1)
            next.insert(contentsOf: [a], at: second)
        case 6:
            guard !next.isEmpty else { break }
            let from = rng.int(in: 0...next.count - 1)
            let scalar = next.scalar(at: from)
            next.removeSubrange(from..<from + 1)
            next.insert(contentsOf: [scalar], at: rng.int(in: 0...next.count))
        case 7:
            guard !next.isEmpty else { break }
            let lower = rng.int(in: 0...next.count - 1)
            let range = lower..<rng.int(in: lower + 1...min(next.count, lower + maxRun))
            let block = next.scalars(in: range)
            next.removeSubrange(range)
            next.insert(contentsOf: rng.chance(1, in: 3) ? block.reversed() : block, at: rng.int(in: 0...next.count))
        case 8:
            guard !next.isEmpty else { break }
            let copied = next.scalar(at: rng.int(in: 0...next.count - 1))
            next.insert(contentsOf: [copied], at: rng.int(in: 0...next.count))
        default:
            next.insert(contentsOf: [rng.pick([" ", "A", "\n", "0"])], at: rng.int(in: 0...next.count))
        }
        return next
    }
}

@Suite struct OrderPreservationEquivalenceTests {
    @Test(arguments: [UInt64(1), 2, 3])
    func agreesWithTheWholeTextWalkOnRandomHistories(seed: UInt64) {
        var generator = HistoryGenerator(rng: SplitMix64(seed: seed, stream: "order-preservation-equivalence"))
        var histories = 0
        var historiesWithViolations = 0
        for mode in FaultMode.allCases {
            for _ in 0..<16 {
                generator.nextIdentity = 0
                let length = generator.rng.pick([0, 20, 200, 800, 2_000])
                let maxRun = generator.rng.pick([3, 40, 300])
                let initial = TextBuffer(generator.fresh(length))
                let siteCount = generator.rng.int(in: 1...3)
                var texts = [TextBuffer](repeating: initial, count: siteCount)
                var check = OrderPreservationCheck()
                var naive = NaiveOrderPreservationCheck()
                for step in 0..<generator.rng.int(in: 20...40) {
                    let site = generator.rng.int(in: 0...siteCount - 1)
                    texts[site] = generator.step(texts[site], mode: mode, maxRun: maxRun)
                    let time = VirtualTime.milliseconds(Int64(step))
                    check.textChanged(site: site * 2, text: texts[site], time: time)
                    naive.textChanged(site: site * 2, text: texts[site], time: time)
                }
                let outcome = PlantedBugs.outcome(siteTexts: [TextBuffer()])
                let expected = naive.violations(in: outcome)
                #expect(check.violations(in: outcome) == expected)
                histories += 1
                if !expected.isEmpty { historiesWithViolations += 1 }
                if mode == .none { #expect(expected.isEmpty) }
            }
        }
        #expect(historiesWithViolations >= histories / 5)
    }

    @Test func namesThePairAndItsPositionsAfterAFarMove() {
        let identities = Array(0..<3_000)
        var moved = identities
        moved.remove(at: 10)
        moved.insert(10, at: 2_500)
        var check = OrderPreservationCheck()
        check.textChanged(site: 1, text: PlantedBugs.text(identities), time: .zero)
        check.textChanged(site: 1, text: PlantedBugs.text(moved), time: .milliseconds(1))
        let found = check.violations(in: PlantedBugs.outcome(siteTexts: [TextBuffer()]))
        #expect(found == [Violation(
            .orderPreservation,
            "c1 had \(TextEscaping.quoted(PlantedBugs.id(10))) before \(TextEscaping.quoted(PlantedBugs.id(11))); "
                + "now \(TextEscaping.quoted(PlantedBugs.id(11))) is at 10, \(TextEscaping.quoted(PlantedBugs.id(10))) at 2500",
            at: .milliseconds(1))])
    }

    @Test func aDuplicateIsJudgedAsTheWholeTextWalkJudgesIt() {
        var check = OrderPreservationCheck()
        check.textChanged(site: 1, text: PlantedBugs.text([0, 1]), time: .zero)
        check.textChanged(site: 1, text: PlantedBugs.text([0, 1, 0]), time: .milliseconds(1))
        #expect(check.violations(in: PlantedBugs.outcome(siteTexts: [TextBuffer()])).isEmpty)
        check.textChanged(site: 1, text: PlantedBugs.text([0, 1, 0]), time: .milliseconds(2))
        #expect(check.violations(in: PlantedBugs.outcome(siteTexts: [TextBuffer()])).map(\.time) == [.milliseconds(2)])
    }
}
