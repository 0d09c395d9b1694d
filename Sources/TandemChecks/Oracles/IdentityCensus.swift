import TandemCore

/// How often each character identity (see `IdentityAlphabet`) occurs in one text, kept up to
/// date change by change, so that whether the text is made of distinct identities only is
/// known without reading it again.
///
/// Correct engines only ever produce such texts; a buggy one may duplicate a character, and a
/// text may hold scalars outside the alphabet. Checks that rely on identities being unique
/// consult `holdsDistinctIdentitiesOnly` and treat the other texts on their own.
struct IdentityCensus {
    /// Occurrences of each identity, indexed by identity; absent past the end.
    private var occurrences: [Int32] = []
    /// Scalars outside the alphabet.
    private var foreignScalars = 0
    /// Occurrences beyond the first of every identity.
    private var repeats = 0

    /// Whether every scalar of the text is an identity and no identity occurs twice.
    var holdsDistinctIdentitiesOnly: Bool { foreignScalars == 0 && repeats == 0 }

    /// Counts a scalar that joined the text, given its identity (nil outside the alphabet).
    mutating func add(_ identity: Int?) {
        guard let identity else {
            foreignScalars += 1
            return
        }
        if identity >= occurrences.count {
            occurrences += repeatElement(0, count: identity + 1 - occurrences.count)
        }
        if occurrences[identity] > 0 { repeats += 1 }
        occurrences[identity] += 1
    }

    /// Uncounts a scalar that left the text, given its identity (nil outside the alphabet).
    /// - Precondition: the scalar was counted.
    mutating func remove(_ identity: Int?) {
        guard let identity else {
            foreignScalars -= 1
            return
        }
        occurrences[identity] -= 1
        if occurrences[identity] > 0 { repeats -= 1 }
    }
}
