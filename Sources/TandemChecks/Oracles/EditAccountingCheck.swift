import TandemCore
import TandemSimulation

/// No lost, phantom or duplicated edits: every character a run inserted is, at the end, in
/// every replica exactly once unless some author's delete meant to remove it; nothing that
/// was deleted comes back; nothing appears that was never inserted.
///
/// Edits their authors threw away uncommitted (`RunOutcome.withdrawnEdits`) are not expected:
/// their characters must appear nowhere, and their deletes count for nothing. A "restore
/// version" deletes on purpose what it removes, and what it inserts again
/// (`RunOutcome.restoredScalars`) is legitimately back: present or not, but never twice.
///
/// Characters are followed by identity: every scalar a trace inserts is distinct (see
/// `IdentityAlphabet`), so a scalar's presence tells exactly which edit it came from.
public struct EditAccountingCheck: Checker {
    /// Creates the check.
    public init() {}

    public mutating func violations(in outcome: RunOutcome) -> [Violation] {
        var inserted = Array(outcome.trace.initialText.unicodeScalars)
        let withdrawn = Set(outcome.withdrawnEdits)
        for edit in outcome.trace.edits where !withdrawn.contains(edit.id) {
            if case .insert(let text) = edit.action { inserted.append(contentsOf: text.unicodeScalars) }
        }
        let identityCount = inserted.compactMap { IdentityAlphabet.identity(of: $0) }.max().map { $0 + 1 } ?? 0
        var wasInserted = [Bool](repeating: false, count: identityCount)
        for scalar in inserted {
            if let identity = IdentityAlphabet.identity(of: scalar) { wasInserted[identity] = true }
        }
        var wasDeleted = [Bool](repeating: false, count: identityCount)
        for scalar in outcome.intendedDeletions {
            if let identity = IdentityAlphabet.identity(of: scalar), identity < identityCount { wasDeleted[identity] = true }
        }
        var wasRestored = [Bool](repeating: false, count: identityCount)
        for scalar in outcome.restoredScalars {
            if let identity = IdentityAlphabet.identity(of: scalar), identity < identityCount { wasRestored[identity] = true }
        }

        var found: [Violation] = []
        var checkedHashes: [UInt64] = []
        for site in outcome.sites {
            let text = outcome.siteTexts[site]
            let hash = text.stableHash
            if checkedHashes.contains(hash) { continue }
            checkedHashes.append(hash)
            found += account(text, site: site, wasInserted: wasInserted, wasDeleted: wasDeleted, wasRestored: wasRestored, at: outcome.endTime)
        }
        return found
    }

    private func account(
        _ text: TextBuffer, site: Int, wasInserted: [Bool], wasDeleted: [Bool], wasRestored: [Bool], at time: VirtualTime
    ) -> [Violation] {
        let name = RunOutcome.siteName(site)
        var occurrences = [Int](repeating: 0, count: wasInserted.count)
        var phantoms: [String] = []
        var resurrected: [String] = []
        var duplicated: [String] = []
        for (position, scalar) in text.scalars.enumerated() {
            guard let identity = IdentityAlphabet.identity(of: scalar), identity < wasInserted.count, wasInserted[identity] else {
                phantoms.append("\(TextEscaping.quoted(String(scalar)))@\(position)")
                continue
            }
            occurrences[identity] += 1
            if occurrences[identity] == 2 { duplicated.append("\(TextEscaping.quoted(String(scalar)))@\(position)") }
            if wasDeleted[identity] && !wasRestored[identity] && occurrences[identity] == 1 {
                resurrected.append("\(TextEscaping.quoted(String(scalar)))@\(position)")
            }
        }
        let lost = occurrences.indices.filter { wasInserted[$0] && !wasDeleted[$0] && !wasRestored[$0] && occurrences[$0] == 0 }
            .map { TextEscaping.quoted(String(IdentityAlphabet.scalar(for: $0))) }

        var found: [Violation] = []
        if !lost.isEmpty {
            found.append(Violation(.lostEdit, "\(name) lacks \(lost.count) inserted character(s) no delete targeted: \(Self.sample(lost))", at: time))
        }
        if !phantoms.isEmpty {
            found.append(Violation(.phantomEdit, "\(name) holds \(phantoms.count) character(s) never inserted: \(Self.sample(phantoms))", at: time))
        }
        if !resurrected.isEmpty {
            found.append(Violation(.phantomEdit, "\(name) holds \(resurrected.count) deleted character(s) that came back: \(Self.sample(resurrected))", at: time))
        }
        if !duplicated.isEmpty {
            found.append(Violation(.duplicatedEdit, "\(name) holds \(duplicated.count) character(s) more than once: \(Self.sample(duplicated))", at: time))
        }
        return found
    }

    private static func sample(_ items: [String]) -> String {
        items.prefix(5).joined(separator: ", ") + (items.count > 5 ? ", …" : "")
    }
}
