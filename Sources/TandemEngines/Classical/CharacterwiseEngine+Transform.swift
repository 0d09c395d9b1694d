import TandemCore

extension CharacterwiseEngine {
    /// The grid transform: each primitive of `other`, in order, is carried through the
    /// primitives of `operation` while they are transformed against it, so that at every cell
    /// the two primitives are defined on the same state:
    /// `a'ᵢ = IT(aᵢ, bⱼ, tieBreak)` and `b'ⱼ = IT(bⱼ, aᵢ, tieBreak.opposite)`.
    /// The grid is the same whichever of the pair is transformed, so `transform(a, b, t)` and
    /// `transform(b, a, t.opposite)` are the two edges of one square. A primitive a function
    /// turns into the identity drops out of its row or column.
    public func transform(_ operation: Operation, against other: Operation, tieBreak: TieBreak) -> Operation {
        var result = operation
        for otherPrimitive in other {
            var carried: Functions.Primitive? = otherPrimitive
            var next: Operation = []
            next.reserveCapacity(result.count)
            for primitive in result {
                guard let against = carried else {
                    next.append(primitive)
                    continue
                }
                if let transformed = functions.transform(primitive, against: against, tieBreak: tieBreak) {
                    next.append(transformed)
                }
                carried = functions.transform(against, against: primitive, tieBreak: tieBreak.opposite)
            }
            result = next
        }
        return result
    }
}
