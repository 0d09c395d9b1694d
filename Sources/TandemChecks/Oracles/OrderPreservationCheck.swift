import TandemCore
import TandemSimulation

/// Order preservation: two characters a replica once saw in one order are never, later, in
/// the other order.
///
/// The check watches each replica step by step: the characters present both before and after
/// a change must keep their relative order. With convergence and no resurrection, this
/// implies the global property (a pair seen in some order by a replica stays so at that
/// replica until the end, and all replicas end equal) without comparing every pair.
///
/// A step costs O(size of the change × log n), not O(n): the check keeps each replica's last
/// text and asks `TextBuffer.changedRegions(from:)` what changed, which skips the subtrees
/// an edit did not touch. Characters outside the changed regions keep their order by
/// construction; only those that left a changed region need looking up, and each must come
/// back, if at all, inside the changed regions of the new text and after the characters it
/// followed. A replica that rebuilds its text for every change shares no subtree with the
/// previous one, and finding what changed then takes a comparison of the two texts: O(n),
/// but a plain scalar comparison rather than a lookup per character.
///
/// This relies on every character being a distinct identity (see `IdentityAlphabet`), as it
/// is in any run of a correct engine. When a text holds a duplicated character or a scalar
/// outside the alphabet (`IdentityCensus` tracks both as the text changes), the step falls
/// back to reading both texts whole, in O(n). Either way, the verdict, down to the pair and
/// the positions reported, is that of the walk over both whole texts.
///
/// A "restore version" inserts characters again under the identities they had (see
/// `SystemEvent.restored`): the one that comes back is a new character, placed where the
/// server put it among the edits made meanwhile. A step that removes such a character and
/// brings it back — a catch-up holding both its deletion and the restore, or a reload — does
/// not compare where it comes back with where it was; in every other step it counts as usual.
public struct OrderPreservationCheck: Checker {
    /// Where two characters were found out of order: `before` preceded `after` in the older
    /// text, and now `after` is at `afterPosition`, before `before` at `beforePosition`.
    private struct Inversion {
        var before: Unicode.Scalar
        var beforePosition: Int
        var after: Unicode.Scalar
        var afterPosition: Int
    }

    /// Each site's text as the check last saw it; empty before the site's first change.
    private var texts: [TextBuffer] = []
    /// The identities in each site's last text.
    private var censuses: [IdentityCensus] = []
    /// Whether a site was already reported: each site is reported once, then no longer watched.
    private var reported: [Bool] = []
    /// Scratch, all -1 between steps: the new position of each identity being looked up.
    private var positions: [Int] = []
    /// The violations found so far, at most one per site.
    private var found: [Violation] = []
    /// Per identity, whether a restore inserted it again; empty until the first restore.
    private var restored: [Bool] = []

    /// Creates the check.
    public init() {}

    /// Checks that the characters a site's previous text and `text` have in common are in the
    /// same order in both; records the first pair that is not, once per site.
    public mutating func textChanged(site: Int, text: TextBuffer, time: VirtualTime) {
        while texts.count <= site {
            texts.append(TextBuffer())
            censuses.append(IdentityCensus())
            reported.append(false)
        }
        guard !reported[site] else { return }
        let old = texts[site]
        texts[site] = text
        let wasDistinct = censuses[site].holdsDistinctIdentitiesOnly
        let regions = text.changedRegions(from: old)
        let removed = regions.map { old.scalars(in: $0.old).map(IdentityAlphabet.identity(of:)) }
        let added = regions.map { text.scalars(in: $0.new).map(IdentityAlphabet.identity(of:)) }
        for identities in removed {
            for identity in identities { censuses[site].remove(identity) }
        }
        for identities in added {
            for identity in identities { censuses[site].add(identity) }
        }
        let movers = restored.isEmpty ? removed : removed.map { $0.map { $0.flatMap { isRestored($0) ? nil : $0 } } }
        let inversion = wasDistinct && censuses[site].holdsDistinctIdentitiesOnly
            ? firstInversion(in: text, regions: regions, removed: movers, added: added)
            : firstInversion(from: old, to: text, skipping: Set(removed.joined().compactMap { $0 }.filter(isRestored)))
        guard let inversion else { return }
        let before = TextEscaping.quoted(String(inversion.before))
        let after = TextEscaping.quoted(String(inversion.after))
        found.append(Violation(
            .orderPreservation,
            "\(RunOutcome.siteName(site)) had \(before) before \(after); now \(after) is at \(inversion.afterPosition), "
                + "\(before) at \(inversion.beforePosition)",
            at: time))
        reported[site] = true
        texts[site] = TextBuffer()
        censuses[site] = IdentityCensus()
    }

    /// Notes the identities a restore inserted again.
    public mutating func observed(_ event: SystemEvent, time: VirtualTime) {
        guard case .restored(_, _, _, _, let reinserted) = event else { return }
        for case let identity? in reinserted.map(IdentityAlphabet.identity(of:)) {
            if identity >= restored.count { restored += repeatElement(false, count: identity + 1 - restored.count) }
            restored[identity] = true
        }
    }

    /// The order violations found during the run, at most one per site.
    public mutating func violations(in outcome: RunOutcome) -> [Violation] {
        found
    }

    /// The first inversion between two texts of distinct identities, from what changed
    /// between them: `removed` and `added` hold the identities in each region's old and new
    /// range. It is the one the walk over both whole texts meets first: that walk visits
    /// the old text's surviving characters in order and stops at the first whose new position
    /// is smaller than the previous one's. In an unchanged stretch positions only grow, so
    /// only its first character can stop it. As every scalar is an identity, positions in the
    /// text are the positions that walk counts, and the character at `lastPosition` is the
    /// one it visited last.
    private mutating func firstInversion(
        in text: TextBuffer, regions: [TextBuffer.ChangedRegion], removed: [[Int?]], added: [[Int?]]
    ) -> Inversion? {
        for (region, identities) in zip(regions, added) {
            for case let (offset, identity?) in identities.enumerated() {
                if identity >= positions.count {
                    positions += repeatElement(-1, count: identity + 1 - positions.count)
                }
                positions[identity] = region.new.lowerBound + offset
            }
        }
        defer {
            for identities in added {
                for case let identity? in identities { positions[identity] = -1 }
            }
        }
        var lastPosition = -1
        var unchangedStart = 0
        for index in 0...regions.count {
            let unchangedEnd = index < regions.count ? regions[index].new.lowerBound : text.count
            if unchangedStart < unchangedEnd {
                if unchangedStart < lastPosition {
                    return Inversion(before: text.scalar(at: lastPosition), beforePosition: lastPosition,
                                     after: text.scalar(at: unchangedStart), afterPosition: unchangedStart)
                }
                lastPosition = unchangedEnd - 1
            }
            guard index < regions.count else { break }
            for case let identity? in removed[index] where identity < positions.count && positions[identity] >= 0 {
                let position = positions[identity]
                if position < lastPosition {
                    return Inversion(before: text.scalar(at: lastPosition), beforePosition: lastPosition,
                                     after: text.scalar(at: position), afterPosition: position)
                }
                lastPosition = position
            }
            unchangedStart = regions[index].new.upperBound
        }
        return nil
    }

    /// Whether a restore inserted the identity again.
    private func isRestored(_ identity: Int) -> Bool {
        identity < restored.count && restored[identity]
    }

    /// The first inversion between two arbitrary texts, by walking both whole: positions count
    /// the scalars in the alphabet only, and a character that occurs several times in the new
    /// text stands at its first occurrence. The `skipped` identities of the old text are not
    /// followed.
    private mutating func firstInversion(from old: TextBuffer, to text: TextBuffer, skipping skipped: Set<Int>) -> Inversion? {
        let previous = old.scalars.compactMap(IdentityAlphabet.identity(of:))
        let current = text.scalars.compactMap(IdentityAlphabet.identity(of:))
        let needed = (current.max() ?? -1) + 1
        if positions.count < needed { positions += repeatElement(-1, count: needed - positions.count) }
        for (index, identity) in current.enumerated() where positions[identity] == -1 {
            positions[identity] = index
        }
        defer { for identity in current { positions[identity] = -1 } }

        var lastPosition = -1
        var lastIdentity = -1
        for identity in previous where identity < positions.count && positions[identity] >= 0 && !skipped.contains(identity) {
            let position = positions[identity]
            if position < lastPosition {
                return Inversion(before: IdentityAlphabet.scalar(for: lastIdentity), beforePosition: lastPosition,
                                 after: IdentityAlphabet.scalar(for: identity), afterPosition: position)
            }
            lastPosition = position
            lastIdentity = identity
        }
        return nil
    }
}
