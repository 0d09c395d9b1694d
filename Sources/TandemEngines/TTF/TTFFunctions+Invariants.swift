import TandemCore

extension TTFFunctions {
    /// The first primitive of `operation` whose visible fields disagree with the document it
    /// applies to (`document` after the primitives before it), described, or the first that
    /// does not apply; nil when every visible field is what the document says. Tests call it
    /// on every operation a transform gives, since `transformCursor` trusts those fields.
    public func visibleFieldMismatch(in operation: [TTFPrimitive], on document: TombstoneDocument) -> String? {
        var state = document
        for (index, primitive) in operation.enumerated() {
            if let problem = Self.disagreement(of: primitive, with: state) {
                return "primitive \(index) \(primitive) on \(state.readableForm): \(problem)"
            }
            do {
                try apply(primitive, to: &state)
            } catch {
                return "primitive \(index) \(primitive) on \(state.readableForm) does not apply: \(error)"
            }
        }
        return nil
    }

    /// Traps unless every visible field of `operation` agrees with the document it applies to
    /// (see `visibleFieldMismatch`). O(n) per primitive.
    public func checkInvariants(of operation: [TTFPrimitive], on document: TombstoneDocument) {
        if let mismatch = visibleFieldMismatch(in: operation, on: document) {
            preconditionFailure("TTF: \(mismatch)")
        }
    }

    /// How the primitive's visible fields differ from what `document` says at its model
    /// position; nil when they agree or when the position is outside the model (`apply`
    /// reports that).
    private static func disagreement(of primitive: TTFPrimitive, with document: TombstoneDocument) -> String? {
        let position = primitive.position
        switch primitive {
        case .insert(_, _, let claimed):
            guard position >= 0 && position <= document.modelCount else { return nil }
            let visible = document.visiblePosition(ofModelPosition: position)
            return claimed == visible ? nil : "it claims visible position \(claimed), the document says \(visible)"
        case .delete(_, let claimed, let hides):
            guard position >= 0 && position < document.modelCount else { return nil }
            let visible = document.visiblePosition(ofModelPosition: position)
            let isVisible = document.isVisible(at: position)
            guard claimed != visible || hides != isVisible else { return nil }
            return "it claims visible position \(claimed) \(hides ? "of a visible scalar" : "of a tombstone"), "
                + "the document says \(visible) \(isVisible ? "of a visible scalar" : "of a tombstone")"
        }
    }
}
