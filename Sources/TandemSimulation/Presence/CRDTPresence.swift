import TandemCore

/// Presence on the clients of a CRDT protocol (relay or mesh): each client's own selection and
/// the selections it shows for the others, all pinned to elements, so that integrating an
/// update moves them with no transform; plus each client's throttle (`PresenceState`).
///
/// A received selection carries its owner's sequence number; one older than the latest heard
/// from that owner is stale and ignored (mesh channels reorder). A selection naming an element
/// the receiver has not integrated yet (its update is still on the way, or waits in the causal
/// buffer) is held, while the previous one stays shown, until an update brings the element; a
/// newer selection replaces a held one.
struct CRDTPresence<Replica: CRDTReplica> {
    let witness: AnchorWitness<Replica>
    private let flaws: SystemFlaws
    /// Throttling and sharing, per client (index 0 unused).
    var states: [PresenceState]
    /// Each client's own selection.
    private var own: [AnchoredSelection]
    /// `shown[site][owner]`: the selection `site` shows for `owner`.
    private var shown: [[AnchoredSelection?]]
    /// `held[site][owner]`: a newer selection waiting for its elements to arrive at `site`.
    private var held: [[(sequence: Int, selection: AnchoredSelection)?]]
    /// `heard[site][owner]`: the latest sequence number `site` accepted from `owner`.
    private var heard: [[Int]]

    /// Presence for the trace's clients on `replicas` (index 0: the server's, or unused), or
    /// nil when the engine does not conform to `CRDTAnchoring`.
    init?(trace: Trace, replicas: [Replica], flaws: SystemFlaws) {
        guard let witness = AnchorWitness<Replica>() else { return nil }
        self.witness = witness
        self.flaws = flaws
        let sites = trace.clients + 1
        states = Array(repeating: PresenceState(), count: sites)
        for sharer in trace.cursorSharers { states[sharer].shares = true }
        for selecting in trace.selectingClients { states[selecting].selects = true }
        own = replicas.map { AnchoredSelection(.caret(0), in: $0, witness: witness) }
        shown = Array(repeating: Array(repeating: nil, count: sites), count: sites)
        held = Array(repeating: Array(repeating: nil, count: sites), count: sites)
        heard = Array(repeating: Array(repeating: 0, count: sites), count: sites)
    }

    /// The user's edit at `site` set its selection (in the replica after the edit).
    mutating func setOwn(_ selection: Selection, at site: Int, in replica: Replica) {
        own[site] = AnchoredSelection(selection, in: replica, witness: witness)
    }

    /// The client's own selection in its replica; its anchors always resolve (see `rebuilt`).
    func ownSelection(at site: Int, in replica: Replica) -> Selection {
        own[site].resolved(in: replica, witness: witness) ?? .caret(0)
    }

    /// What the client sends: its own selection with the next sequence number, if it owes one,
    /// shares, and the throttle allows now (else `armTimer` may be asked to set the throttle timer).
    mutating func outgoing(from site: Int, at now: VirtualTime, armTimer: (Int64) -> Void) -> (selection: AnchoredSelection, sequence: Int)? {
        guard states[site].shares, states[site].owed, states[site].maySend(at: now, armTimer: armTimer) else { return nil }
        return (own[site], states[site].sent)
    }

    /// The client's latest selection as last sent, for a peer that needs it again.
    func lastSent(from site: Int) -> (selection: AnchoredSelection, sequence: Int)? {
        states[site].shares && states[site].sent > 0 ? (own[site], states[site].sent) : nil
    }

    /// `site` receives `owner`'s selection: shown at once if its elements are here, held
    /// otherwise; stale ones are ignored. Returns whether anything shown changed.
    mutating func receive(
        _ selection: AnchoredSelection, sequence: Int, from owner: Int, at site: Int, in replica: Replica
    ) -> Bool {
        guard sequence >= heard[site][owner] else { return false }
        heard[site][owner] = sequence
        held[site][owner] = nil
        guard let positions = selection.resolved(in: replica, witness: witness) else {
            held[site][owner] = (sequence, selection)
            return false
        }
        shown[site][owner] = shownForm(of: selection, at: positions)
        return true
    }

    /// `site` integrated updates: held selections whose elements arrived are shown now.
    mutating func integrated(at site: Int, in replica: Replica) {
        for owner in held[site].indices {
            guard let waiting = held[site][owner], let positions = waiting.selection.resolved(in: replica, witness: witness) else { continue }
            shown[site][owner] = shownForm(of: waiting.selection, at: positions)
            held[site][owner] = nil
        }
    }

    /// `site` stops showing `owner`'s selection: the owner left.
    mutating func hide(_ owner: Int, at site: Int) {
        shown[site][owner] = nil
        held[site][owner] = nil
    }

    /// `site` stops showing every selection: it starts a new session.
    mutating func hideAll(at site: Int) {
        for owner in shown[site].indices { hide(owner, at: site) }
    }

    /// The client's replica was rebuilt: if its own selection named an element that is gone,
    /// it is pinned again at `previous` (clamped to the new text).
    mutating func rebuilt(at site: Int, previous: Selection, in replica: Replica) {
        guard own[site].resolved(in: replica, witness: witness) == nil else { return }
        let length = replica.count
        setOwn(Selection(anchor: min(previous.anchor, length), head: min(previous.head, length)), at: site, in: replica)
    }

    /// The selections `site` shows, indexed by owner (nil where none, or where an end names an
    /// element its rebuilt replica no longer has).
    func shownSelections(at site: Int, in replica: Replica) -> [Selection?] {
        shown[site].map { $0?.resolved(in: replica, witness: witness) }
    }

    /// Whether `site` shows any selection.
    func showsAny(at site: Int) -> Bool {
        shown[site].contains { $0 != nil }
    }

    /// How a received selection is kept: pinned as sent, or, under the planted flaws, with
    /// both ends (or the anchor end) frozen at the positions they resolve to now.
    private func shownForm(of selection: AnchoredSelection, at positions: Selection) -> AnchoredSelection {
        if flaws.contains(.keepsRawCursorPositions) { return AnchoredSelection(anchor: .fixed(positions.anchor), head: .fixed(positions.head)) }
        if flaws.contains(.leavesSelectionAnchorsUntransformed) { return AnchoredSelection(anchor: .fixed(positions.anchor), head: selection.head) }
        return selection
    }
}
