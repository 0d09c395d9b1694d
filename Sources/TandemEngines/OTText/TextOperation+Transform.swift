extension TextOperation {
    /// The ot.js transformation: for `a` and `b` defined on the same text, returns `(a′, b′)`
    /// with `a` then `b′` equal to `b` then `a′` (TP1). When both insert at the same place,
    /// `a`'s insertion goes first.
    /// - Precondition: `a.baseLength == b.baseLength`.
    public static func transform(_ a: TextOperation, _ b: TextOperation) -> (TextOperation, TextOperation) {
        precondition(a.baseLength == b.baseLength, "TextOperation.transform: base lengths \(a.baseLength) and \(b.baseLength) differ")
        var aPrime = TextOperation()
        var bPrime = TextOperation()
        var first = Cursor(a)
        var second = Cursor(b)
        while true {
            switch (first.kind, second.kind) {
            case (nil, nil):
                return (aPrime, bPrime)
            case (.insert, _):
                let insertion = first.takeRest()
                aPrime.append(insertion)
                bPrime.retain(insertion.length)
            case (_, .insert):
                let insertion = second.takeRest()
                aPrime.retain(insertion.length)
                bPrime.append(insertion)
            case (.retain, .retain):
                let count = min(first.remaining, second.remaining)
                _ = first.take(count)
                _ = second.take(count)
                aPrime.retain(count)
                bPrime.retain(count)
            case (.delete, .delete):
                let count = min(first.remaining, second.remaining)
                _ = first.take(count)
                _ = second.take(count)
            case (.delete, .retain):
                let count = min(first.remaining, second.remaining)
                aPrime.append(first.take(count))
                _ = second.take(count)
            case (.retain, .delete):
                let count = min(first.remaining, second.remaining)
                _ = first.take(count)
                bPrime.append(second.take(count))
            case (nil, _), (_, nil):
                preconditionFailure("TextOperation.transform: base lengths were checked, so both end together")
            }
        }
    }
}
