/// Reliable broadcast of one stream of items over a mesh, as a mesh system runs it: the
/// bookkeeping of `PeerLinks` put on the kernel's peer channels. A site broadcasts each item
/// with a sequence number, its peers acknowledge each copy they receive, retransmit timers
/// (tagged with the peer) send again what stays unacknowledged, and a client coming back
/// online says hello to every peer, and both ends send what the other lacks. Both mesh
/// systems deliver their items this way (`OTMeshSystem`, `CRDTMeshSystem`); what an item
/// does at its receiver is theirs.
///
/// With the planted flaw `peersNeverRetransmit`, nothing is ever sent twice: no retransmit
/// timers, and nothing resent on a hello.
struct PeerDelivery<Item> {
    /// How a mesh system frames the delivery's messages in its own payload.
    struct Framing<Payload> {
        /// An item with its sequence number.
        var item: (Item, Int) -> Payload
        /// The size of an item's frame, in bytes.
        var itemBytes: (Item) -> Int
        /// The acknowledgement of the item with this sequence number.
        var ack: (Int) -> Payload
        /// A client's hello on coming back online.
        var hello: Payload
    }

    /// An acknowledgement or a hello: a tag byte and a sequence number.
    static var controlBytes: Int { 9 }

    /// What an item is called in notes, in the singular: "request", "update".
    private let itemName: String
    /// False under the planted flaw `peersNeverRetransmit`.
    private let retransmits: Bool
    private var links: PeerLinks<Item>
    /// How many times each client came back online, to give each hello its own network key.
    private var hellosSent: [Int]

    /// Delivery between clients 1...clients, naming its items `itemName` in notes.
    init(clients: Int, itemName: String, flaws: SystemFlaws) {
        self.itemName = itemName
        retransmits = !flaws.contains(.peersNeverRetransmit)
        links = PeerLinks(clients: clients)
        hellosSent = Array(repeating: 0, count: clients + 1)
    }

    /// `requests still unacknowledged on c1→c2 (3)`, or nil when every peer has every item.
    var unfinishedWork: String? {
        links.unacknowledgedSummary.map { "\(itemName)s still unacknowledged on \($0)" }
    }

    /// Sends a site's new item to every peer and arms the retransmit timers it needs.
    mutating func broadcast<Payload>(
        _ item: Item, sequence: Int, edit: Int, from site: Int, framing: Framing<Payload>, kernel: inout SimulationKernel<Payload>
    ) {
        transmit(links.broadcast(item, sequence: sequence, edit: edit, from: site), framing: framing, kernel: &kernel)
        armTimers(of: site, kernel: &kernel)
    }

    /// The receiver of an item tells its sender it has the item, keyed like the copy it got.
    func acknowledge<Payload>(
        _ envelope: Envelope<Payload>, sequence: Int, framing: Framing<Payload>, kernel: inout SimulationKernel<Payload>
    ) {
        let site = envelope.to
        let peer = envelope.from
        kernel.send(framing.ack(sequence),
                    key: MessageKey(kind: .ack, edit: envelope.key.edit, from: site, to: peer, attempt: envelope.key.attempt),
                    bytes: Self.controlBytes, summary: "c\(peer)#\(sequence)")
    }

    /// An acknowledgement arrives: the peer has the item, and is reachable again.
    mutating func acknowledged<Payload>(_ envelope: Envelope<Payload>, sequence: Int, kernel: inout SimulationKernel<Payload>) {
        let site = envelope.to
        let peer = envelope.from
        kernel.note(site, "deliver \(envelope.key): c\(peer) has c\(site)#\(sequence)")
        links.acknowledged(sequence: sequence, at: site, by: peer)
    }

    /// A peer's hello arrives: it is back, so the site starts waiting for it afresh and sends
    /// it what it has not acknowledged.
    mutating func helloArrived<Payload>(_ envelope: Envelope<Payload>, framing: Framing<Payload>, kernel: inout SimulationKernel<Payload>) {
        let site = envelope.to
        let peer = envelope.from
        kernel.note(site, "deliver \(envelope.key): c\(peer) is back")
        catchUp(from: site, to: peer, framing: framing, kernel: &kernel)
        armTimers(of: site, kernel: &kernel)
    }

    /// The retransmit timer of the link from a site to a peer fires: if the site is online
    /// and the peer still lacks items, they go again and the timer is armed anew.
    mutating func timerFired<Payload>(site: Int, peer: Int, framing: Framing<Payload>, kernel: inout SimulationKernel<Payload>) {
        links.timerFired(from: site, to: peer)
        let count = links.unacknowledged[site][peer].count
        guard kernel.isConnected(site), count > 0 else { return }
        kernel.note(site, "c\(peer) has not acknowledged \(count) \(itemName)(s): retransmit")
        transmit(links.retransmit(from: site, to: peer), framing: framing, kernel: &kernel)
        armTimers(of: site, kernel: &kernel)
    }

    /// A client is back online: it says hello to every peer and sends each what it has not
    /// acknowledged.
    mutating func connectionOpened<Payload>(client site: Int, framing: Framing<Payload>, kernel: inout SimulationKernel<Payload>) {
        hellosSent[site] += 1
        for peer in links.peers(of: site) {
            kernel.send(framing.hello, key: MessageKey(kind: .hello, edit: 0, from: site, to: peer, attempt: hellosSent[site]),
                        bytes: Self.controlBytes, summary: "back online")
            catchUp(from: site, to: peer, framing: framing, kernel: &kernel)
        }
        armTimers(of: site, kernel: &kernel)
    }

    /// The site or the peer just came back: the retransmission wait starts afresh, and what
    /// the peer lacks goes again unless the planted flaw forbids it.
    private mutating func catchUp<Payload>(from site: Int, to peer: Int, framing: Framing<Payload>, kernel: inout SimulationKernel<Payload>) {
        links.resetWait(from: site, to: peer)
        if retransmits { transmit(links.retransmit(from: site, to: peer), framing: framing, kernel: &kernel) }
    }

    /// Puts each transmission on its peer channel, keyed by its edit and attempt.
    private func transmit<Payload>(
        _ transmissions: [PeerLinks<Item>.Transmission], framing: Framing<Payload>, kernel: inout SimulationKernel<Payload>
    ) {
        for transmission in transmissions {
            let outgoing = transmission.outgoing
            kernel.send(framing.item(outgoing.item, outgoing.sequence),
                        key: MessageKey(kind: .peer, edit: outgoing.edit, from: transmission.from, to: transmission.to, attempt: transmission.attempt),
                        bytes: framing.itemBytes(outgoing.item),
                        summary: "c\(transmission.from)#\(outgoing.sequence)" + (transmission.attempt > 0 ? " (again)" : ""))
        }
    }

    /// Arms the retransmit timer (tag: the peer) of each of the site's links that needs one.
    private mutating func armTimers<Payload>(of site: Int, kernel: inout SimulationKernel<Payload>) {
        guard retransmits else { return }
        for peer in links.peers(of: site) {
            if let delay = links.timerToArm(from: site, to: peer) {
                kernel.setTimer(site: site, tag: peer, after: delay)
            }
        }
    }
}
