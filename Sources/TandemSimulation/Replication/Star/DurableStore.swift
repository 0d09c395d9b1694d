import TandemCore

/// The server's durable state: an append-only log of committed entries and the snapshots
/// taken along it. It survives crashes; everything else the server holds is memory.
///
/// Versions count log entries from the start of the document: entry `v` turns version `v`
/// into `v + 1`. Trimming drops entries older than a snapshot, so the store can rebuild any
/// version from the nearest snapshot at or below it plus the log tail, as long as that tail
/// was kept.
struct DurableStore<Entry, State> {
    /// A state of the document at a version.
    struct Snapshot {
        var version: Int
        var state: State
    }

    /// The log entries still kept; the first one is entry `trimmedBefore`.
    private(set) var entries: [Entry] = []
    /// The version of the oldest entry kept.
    private(set) var trimmedBefore = 0
    /// Every snapshot taken, oldest first; the first is the document's initial state.
    private(set) var snapshots: [Snapshot]

    init(initial: State) {
        snapshots = [Snapshot(version: 0, state: initial)]
    }

    /// The version after the last entry.
    var head: Int {
        trimmedBefore + entries.count
    }

    /// The latest snapshot.
    var latestSnapshot: Snapshot {
        snapshots[snapshots.count - 1]
    }

    /// Appends an entry durably.
    mutating func append(_ entry: Entry) {
        entries.append(entry)
    }

    /// The entry that turned `version` into `version + 1`, if still kept.
    func entry(at version: Int) -> Entry? {
        version >= trimmedBefore && version < head ? entries[version - trimmedBefore] : nil
    }

    /// The entries from `version` to the head, or nil when some of them were trimmed.
    func entries(from version: Int) -> ArraySlice<Entry>? {
        guard version >= trimmedBefore && version <= head else { return nil }
        return entries[(version - trimmedBefore)...]
    }

    /// The latest snapshot at or below `version`.
    func snapshot(atOrBefore version: Int) -> Snapshot {
        snapshots.last { $0.version <= version } ?? snapshots[0]
    }

    /// The oldest version at or after `version` the store can still rebuild: `version` itself
    /// when it is a snapshot's or the log reaches it from the snapshot below it, otherwise
    /// the next snapshot's. The latest snapshot always lies in the kept log, so every version
    /// from it to the head can be rebuilt.
    func oldestRebuildableVersion(atOrAfter version: Int) -> Int {
        let base = snapshot(atOrBefore: version)
        guard base.version != version && base.version < trimmedBefore else { return version }
        return snapshots.first { $0.version > version }?.version ?? head
    }

    /// Records a snapshot at the head, then trims the entries more than `retaining` versions
    /// older than it.
    mutating func takeSnapshot(_ state: State, retaining: Int) {
        snapshots.append(Snapshot(version: head, state: state))
        let cut = head - retaining
        if cut > trimmedBefore {
            entries.removeFirst(cut - trimmedBefore)
            trimmedBefore = cut
        }
    }
}
