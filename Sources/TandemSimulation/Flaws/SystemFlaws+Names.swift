/// Stable names for the planted system flaws, as `--flaw` and fixtures spell them.
extension SystemFlaws {
    /// Every single flaw with its name, in a fixed order.
    public static let named: [(name: String, flaw: SystemFlaws)] = [
        ("broadcast-before-durable-append", .broadcastBeforeDurableAppend),
        ("forgets-dedup-table-on-restart", .forgetsDedupTableOnRestart),
        ("skips-permission-check", .skipsPermissionCheck),
        ("leaves-remote-cursors-untransformed", .leavesRemoteCursorsUntransformed),
        ("resend-timer-never-stops", .resendTimerNeverStops),
        ("snapshots-stale-text", .snapshotsStaleText),
        ("peers-never-retransmit", .peersNeverRetransmit),
        ("restores-off-by-one-version", .restoresOffByOneVersion),
        ("keeps-raw-cursor-positions", .keepsRawCursorPositions),
        ("leaves-selection-anchors-untransformed", .leavesSelectionAnchorsUntransformed),
        ("ignores-presence-leave", .ignoresPresenceLeave),
    ]

    /// The flaw with this name, if any.
    public init?(name: String) {
        guard let entry = Self.named.first(where: { $0.name == name }) else { return nil }
        self = entry.flaw
    }

    /// The names of the flaws in the set, in `named` order.
    public var names: [String] {
        Self.named.filter { contains($0.flaw) }.map(\.name)
    }
}
