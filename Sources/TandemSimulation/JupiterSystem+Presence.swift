import TandemCore

/// Presence for `JupiterSystem`: clients share their cursors through the server, which moves
/// each cursor to its head before relaying it; every client moves the cursors it shows
/// through each operation it applies (see `PresenceState` for when cursors are sent).
extension JupiterSystem {
    private static var throttleTag: Int { -1 }
    private static var settleTag: Int { -2 }

    /// The user moved the caret at a sharing client.
    mutating func caretMoved(_ site: Int, kernel: inout SimulationKernel<Payload>) {
        guard presence[site].shares else { return }
        presence[site].owed = true
        sendCursorIfAllowed(site, kernel: &kernel)
    }

    /// A client's document changed: the cursors it shows may have moved, and a sharing
    /// client re-sends its own once things settle.
    mutating func documentChanged(_ site: Int, kernel: inout SimulationKernel<Payload>) {
        let client = clients[site - 1]
        if client.shownCursors.contains(where: { $0 != nil }) {
            kernel.observed(.cursorsShown(site: site, documentLength: client.document.visibleCount, shown: client.shownCursors))
        }
        guard presence[site].shares else { return }
        presence[site].owed = true
        let due = kernel.now.advanced(by: PresenceState.settleMicroseconds)
        presence[site].settleDue = due
        kernel.setTimer(site: site, tag: Self.settleTag, after: PresenceState.settleMicroseconds)
    }

    /// The client has nothing pending any more: a cursor it owes can go out.
    mutating func becameSynchronized(_ site: Int, kernel: inout SimulationKernel<Payload>) {
        if presence[site].shares && presence[site].owed { sendCursorIfAllowed(site, kernel: &kernel) }
    }

    mutating func presenceTimerFired(_ site: Int, tag: Int, kernel: inout SimulationKernel<Payload>) {
        if tag == Self.throttleTag {
            presence[site].throttleArmed = false
            if presence[site].owed { sendCursorIfAllowed(site, kernel: &kernel) }
        } else if tag == Self.settleTag, presence[site].settleDue == kernel.now {
            presence[site].settleDue = nil
            if presence[site].owed { sendCursorIfAllowed(site, kernel: &kernel) }
        }
    }

    private mutating func sendCursorIfAllowed(_ site: Int, kernel: inout SimulationKernel<Payload>) {
        guard kernel.isConnected(site), clients[site - 1].isSynchronized else { return }
        if let last = presence[site].lastSent, kernel.now.microseconds - last.microseconds < PresenceState.throttleMicroseconds {
            if !presence[site].throttleArmed {
                presence[site].throttleArmed = true
                kernel.setTimer(site: site, tag: Self.throttleTag,
                                after: PresenceState.throttleMicroseconds - (kernel.now.microseconds - last.microseconds))
            }
            return
        }
        let client = clients[site - 1]
        presence[site].owed = false
        presence[site].lastSent = kernel.now
        presence[site].sent += 1
        kernel.send(.cursor(position: client.caret, version: client.revision, owner: site),
                    key: MessageKey(kind: .cursor, edit: presence[site].sent, from: site, to: 0),
                    bytes: Self.smallFrameBytes, summary: "cursor \(client.caret) at v\(client.revision)")
    }

    /// The server remembers a cursor and relays it to every client in session, moved from the
    /// version it was sent at to the head.
    mutating func serverReceivesCursor(position: Int, version: Int, owner: Int, kernel: inout SimulationKernel<Payload>) {
        guard server != nil else { return }
        serverCursors[owner] = (position, version)
        for client in 1...clients.count where client != owner && hasSession(client, kernel) {
            relayCursor(of: owner, to: client, kernel: &kernel)
        }
    }

    /// Shows a client that just joined every cursor the server knows.
    mutating func sendKnownCursors(to client: Int, kernel: inout SimulationKernel<Payload>) {
        for owner in serverCursors.indices where owner != client && serverCursors[owner] != nil {
            relayCursor(of: owner, to: client, kernel: &kernel)
        }
    }

    private mutating func relayCursor(of owner: Int, to client: Int, kernel: inout SimulationKernel<Payload>) {
        guard let (position, version) = serverCursors[owner], let missed = entries(from: version) else {
            kernel.note(0, "dropped c\(owner)'s cursor: the server no longer has its version")
            serverCursors[owner] = nil
            return
        }
        let moved = missed.reduce(position) { engine.transformCursor($0, against: $1.operation) }
        serverCursors[owner] = (moved, head)
        sendCounter[0] += 1
        kernel.send(.cursor(position: moved, version: head, owner: owner),
                    key: MessageKey(kind: .cursor, edit: presence[owner].sent, from: 0, to: client, attempt: sendCounter[0]),
                    bytes: Self.smallFrameBytes, summary: "c\(owner)'s cursor \(moved) at v\(head)")
    }

    /// A client shows a relayed cursor, moved through its pending operations.
    mutating func clientReceivesCursor(_ site: Int, position: Int, version: Int, owner: Int, kernel: inout SimulationKernel<Payload>) {
        guard version == clients[site - 1].revision else {
            kernel.note(site, "dropped c\(owner)'s cursor at v\(version): this client is at v\(clients[site - 1].revision)")
            return
        }
        clients[site - 1].showCursor(of: owner, at: position, engine: engine)
        let client = clients[site - 1]
        kernel.note(site, "shows c\(owner)'s cursor at \(client.shownCursors[owner] ?? position)")
        kernel.observed(.cursorsShown(site: site, documentLength: client.document.visibleCount, shown: client.shownCursors))
    }
}
