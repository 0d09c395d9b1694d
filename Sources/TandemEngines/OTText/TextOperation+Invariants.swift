extension TextOperation {
    /// Traps unless the operation is in canonical form (no empty components, no two adjacent
    /// components of one kind, no insert right after a delete) and its lengths add up.
    public func checkInvariants() {
        var base = 0
        var target = 0
        var previous: Component.Kind?
        for component in components {
            precondition(component.length > 0, "TextOperation: empty component \(component)")
            precondition(component.kind != previous, "TextOperation: two adjacent \(component.kind) components")
            precondition(!(previous == .delete && component.kind == .insert), "TextOperation: insert right after a delete")
            switch component.kind {
            case .retain:
                base += component.length
                target += component.length
            case .insert:
                target += component.length
            case .delete:
                base += component.length
            }
            previous = component.kind
        }
        precondition(base == baseLength, "TextOperation: baseLength \(baseLength), components span \(base)")
        precondition(target == targetLength, "TextOperation: targetLength \(targetLength), components produce \(target)")
    }
}
