extension TextOperation {
    /// One operation with the effect of `self` followed by `next` (ot.js `compose`).
    /// - Precondition: `next.baseLength == targetLength`.
    public func compose(_ next: TextOperation) -> TextOperation {
        precondition(targetLength == next.baseLength, "TextOperation.compose: target length \(targetLength) ≠ next base length \(next.baseLength)")
        var result = TextOperation()
        var first = Cursor(self)
        var second = Cursor(next)
        while true {
            switch (first.kind, second.kind) {
            case (nil, nil):
                return result
            case (.delete, _):
                result.append(first.takeRest())
            case (_, .insert):
                result.append(second.takeRest())
            case (.retain, .retain):
                let count = min(first.remaining, second.remaining)
                _ = first.take(count)
                _ = second.take(count)
                result.retain(count)
            case (.insert, .delete):
                let count = min(first.remaining, second.remaining)
                _ = first.take(count)
                _ = second.take(count)
            case (.insert, .retain):
                let count = min(first.remaining, second.remaining)
                result.append(first.take(count))
                _ = second.take(count)
            case (.retain, .delete):
                let count = min(first.remaining, second.remaining)
                _ = first.take(count)
                result.append(second.take(count))
            case (nil, _), (_, nil):
                preconditionFailure("TextOperation.compose: lengths were checked, so both end together")
            }
        }
    }
}
