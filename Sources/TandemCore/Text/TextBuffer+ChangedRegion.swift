extension TextBuffer {
    /// One place where two versions of a text differ: the scalars at positions `old` of the
    /// older version stand where the scalars at positions `new` of the newer one are.
    ///
    /// `TextBuffer.changedRegions(from:)` describes a whole change as a list of these, so
    /// that a caller can look at what changed without reading the text around it.
    public struct ChangedRegion: Sendable, Equatable, CustomStringConvertible {
        /// The positions the region covers in the older text.
        public var old: Range<Int>
        /// The positions the region covers in the newer text.
        public var new: Range<Int>

        /// A region covering `old` in the older text and `new` in the newer one.
        public init(old: Range<Int>, new: Range<Int>) {
            self.old = old
            self.new = new
        }

        /// The two ranges, e.g. `3..<5 → 3..<4`, for test failures and diagnostics.
        public var description: String { "\(old) → \(new)" }
    }
}
