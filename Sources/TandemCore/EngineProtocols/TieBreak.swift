/// Who goes first when two concurrent operations insert at the same position.
///
/// `transform(a, against: b, tieBreak: .thisFirst)` must pair with
/// `transform(b, against: a, tieBreak: .otherFirst)`: TP1 is stated for such pairs.
public enum TieBreak: String, Sendable, Codable {
    /// The operation being transformed wins the tie: its insertion lands first.
    case thisFirst
    /// The operation it is transformed against wins the tie.
    case otherFirst

    /// The tie-break the other operation of the pair uses.
    public var opposite: TieBreak {
        self == .thisFirst ? .otherFirst : .thisFirst
    }
}
