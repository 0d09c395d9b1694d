extension TextOperation {
    /// A reading position inside an operation's components, for the algorithms that walk two
    /// operations in step and consume components in pieces (compose, transform).
    ///
    /// Taking a piece copies only that piece's scalars, so walking a long insert in many
    /// small steps stays linear in its length.
    struct Cursor {
        private let components: [Component]
        private var index = 0
        private var consumed = 0

        /// A cursor at the start of `operation`.
        init(_ operation: TextOperation) {
            components = operation.components
        }

        /// The kind of the component under the cursor, or nil once all are consumed.
        var kind: Component.Kind? {
            index < components.count ? components[index].kind : nil
        }

        /// The unconsumed length of the component under the cursor.
        var remaining: Int {
            components[index].length - consumed
        }

        /// Consumes and returns the next `count` scalars' worth of the current component.
        /// - Precondition: `0 < count <= remaining`.
        mutating func take(_ count: Int) -> Component {
            precondition(count > 0 && count <= remaining, "TextOperation.Cursor.take(\(count)) with \(remaining) remaining")
            let piece: Component
            switch components[index] {
            case .retain: piece = .retain(count)
            case .delete: piece = .delete(count)
            case .insert(let scalars): piece = .insert(Array(scalars[consumed..<consumed + count]))
            }
            consumed += count
            if consumed == components[index].length {
                index += 1
                consumed = 0
            }
            return piece
        }

        /// Consumes and returns what is left of the current component.
        mutating func takeRest() -> Component {
            take(remaining)
        }
    }
}

extension TextOperation {
    /// Where a cursor at `position` in the operation's input ends up in its output: text
    /// inserted at or before the cursor pushes it right, deleted text before it pulls it left,
    /// and a deletion containing it moves it to the deletion's start.
    public func transformCursor(_ position: Int) -> Int {
        var input = 0
        var output = 0
        for component in components {
            switch component {
            case .retain(let count):
                if position < input + count { return output + (position - input) }
                input += count
                output += count
            case .insert(let scalars):
                output += scalars.count
            case .delete(let count):
                if position < input + count { return output }
                input += count
            }
        }
        return output + max(0, position - input)
    }
}
