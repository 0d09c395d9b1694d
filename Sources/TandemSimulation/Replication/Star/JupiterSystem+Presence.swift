import TandemCore

/// Presence for `JupiterSystem`: clients share their selections (a caret is an empty one)
/// through the server, which moves both ends of each to its head before relaying it; every
/// client moves the selections it shows through each operation it applies (see
/// `PresenceState` for when they are sent). When a client leaves, the server forgets its
/// selection and tells the others (`presence_leave`); a client starting a new session drops
/// every cursor it shows and is sent the ones the server knows.
extension JupiterSystem {
    /// The user moved the caret (or the selection) at a sharing client.
    mutating func caretMoved(_ site: Int, kernel: inout SimulationKernel<Payload>) {
        guard presence[site].shares else { return }
        presence[site].owed = true
        sendCursorIfAllowed(site, kernel: &kernel)
    }

    /// A client's document changed: the cursors it shows may have moved, and a sharing
    /// client re-sends its own once things settle.
    mutating func documentChanged(_ site: Int, kernel: inout SimulationKernel<Payload>) {
        reportShownCursors(site, kernel: &kernel)
        guard presence[site].shares else { return }
        presence[site].documentChanged(at: kernel.now)
        kernel.setTimer(site: site, tag: PresenceState.settleTag, after: PresenceState.settleMicroseconds)
    }

    /// The client has nothing pending any more: a cursor it owes can go out.
    mutating func becameSynchronized(_ site: Int, kernel: inout SimulationKernel<Payload>) {
        if presence[site].shares && presence[site].owed { sendCursorIfAllowed(site, kernel: &kernel) }
    }

    mutating func presenceTimerFired(_ site: Int, tag: Int, kernel: inout SimulationKernel<Payload>) {
        if presence[site].timerFired(tag: tag, at: kernel.now) { sendCursorIfAllowed(site, kernel: &kernel) }
    }

    /// Sends the client's selection if it is connected, has nothing pending (so the selection
    /// is defined on a server version) and the throttle allows.
    private mutating func sendCursorIfAllowed(_ site: Int, kernel: inout SimulationKernel<Payload>) {
        guard kernel.isConnected(site), clients[site - 1].isSynchronized,
              presence[site].maySend(at: kernel.now, armTimer: { kernel.setTimer(site: site, tag: PresenceState.throttleTag, after: $0) })
        else { return }
        let client = clients[site - 1]
        kernel.send(.cursor(client.selection, version: client.revision, owner: site),
                    key: MessageKey(kind: .cursor, edit: presence[site].sent, from: site, to: 0),
                    bytes: Self.smallFrameBytes + 8, summary: "cursor \(client.selection) at v\(client.revision)")
    }

    /// The server remembers a selection and relays it to every client in session, moved from
    /// the version it was sent at to the head.
    mutating func serverReceivesCursor(_ selection: Selection, version: Int, owner: Int, kernel: inout SimulationKernel<Payload>) {
        guard server != nil else { return }
        serverCursors[owner] = (selection, version)
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

    /// A client left: the server forgets its selection and tells every client in session
    /// (`presence_leave`), unless the planted flaw `ignoresPresenceLeave` is on.
    mutating func clientDeparted(_ client: Int, kernel: inout SimulationKernel<Payload>) {
        guard server != nil, presence[client].shares, !flaws.contains(.ignoresPresenceLeave) else { return }
        kernel.note(0, "c\(client) left")
        serverCursors[client] = nil
        for other in 1...clients.count where other != client && hasSession(other, kernel) {
            sendCounter[0] += 1
            kernel.send(.presenceLeave(owner: client),
                        key: MessageKey(kind: .leave, edit: 0, from: 0, to: other, attempt: sendCounter[0]),
                        bytes: Self.smallFrameBytes, summary: "c\(client) left")
        }
    }

    private mutating func relayCursor(of owner: Int, to client: Int, kernel: inout SimulationKernel<Payload>) {
        guard let (selection, version) = serverCursors[owner], let missed = entries(from: version) else {
            kernel.note(0, "dropped c\(owner)'s cursor: the server no longer has its version")
            serverCursors[owner] = nil
            return
        }
        let moved = missed.reduce(selection) { selection, entry in
            Selection(anchor: engine.transformCursor(selection.anchor, against: entry.operation),
                      head: engine.transformCursor(selection.head, against: entry.operation))
        }
        serverCursors[owner] = (moved, head)
        sendCounter[0] += 1
        kernel.send(.cursor(moved, version: head, owner: owner),
                    key: MessageKey(kind: .cursor, edit: presence[owner].sent, from: 0, to: client, attempt: sendCounter[0]),
                    bytes: Self.smallFrameBytes + 8, summary: "c\(owner)'s cursor \(moved) at v\(head)")
    }

    /// A client shows a relayed selection, moved through its pending operations.
    mutating func clientReceivesCursor(_ site: Int, selection: Selection, version: Int, owner: Int, kernel: inout SimulationKernel<Payload>) {
        guard version == clients[site - 1].revision else {
            kernel.note(site, "dropped c\(owner)'s cursor at v\(version): this client is at v\(clients[site - 1].revision)")
            return
        }
        clients[site - 1].showCursor(of: owner, at: selection, engine: engine)
        kernel.note(site, "shows c\(owner)'s cursor at \(clients[site - 1].shownCursors[owner] ?? selection)")
        reportShownCursors(site, kernel: &kernel)
    }

    /// A client hears that another left and stops showing its cursor.
    mutating func clientHearsLeave(_ site: Int, owner: Int, kernel: inout SimulationKernel<Payload>) {
        kernel.note(site, "c\(owner) left: its cursor is no longer shown")
        clients[site - 1].hideCursor(of: owner)
        reportShownCursors(site, kernel: &kernel)
    }

    private func reportShownCursors(_ site: Int, kernel: inout SimulationKernel<Payload>) {
        let client = clients[site - 1]
        if client.shownCursors.contains(where: { $0 != nil }) {
            kernel.observed(.cursorsShown(site: site, documentLength: client.document.visibleCount, shown: client.shownCursors))
        }
    }
}
