/// Reliable broadcast over a mesh's lossy peer channels, as bookkeeping: per (site, peer),
/// the items the site sent the peer that the peer has not acknowledged yet, when to send
/// them again, and whether a retransmit timer is armed. The protocol sends what this hands
/// back and feeds it the acknowledgements; the kernel's channels do the losing.
///
/// A retransmission waits `firstRetransmitMicroseconds` after the previous one and doubles
/// the wait each time the peer stays silent, up to `maximumRetransmitMicroseconds`; any
/// acknowledgement from the peer resets it. Each retransmission sends at most
/// `retransmitWindow` of the oldest unacknowledged items.
struct PeerLinks<Item> {
    /// An item on its way from a site to one peer.
    struct Outgoing {
        /// The origin's sequence number for the item, from 1.
        var sequence: Int
        /// The edit the item carries, for message keys.
        var edit: Int
        var item: Item
        /// How many times it was sent to this peer so far.
        var attempts = 0
    }

    /// One message to put on a channel: `outgoing` from `from` to `to`, as its `attempt`-th send.
    struct Transmission {
        var from: Int
        var to: Int
        var outgoing: Outgoing
        var attempt: Int
    }

    static var firstRetransmitMicroseconds: Int64 { 1_000_000 }
    static var maximumRetransmitMicroseconds: Int64 { 30_000_000 }
    static var retransmitWindow: Int { 64 }

    /// `unacknowledged[site][peer]`, oldest first.
    private(set) var unacknowledged: [[[Outgoing]]]
    private var wait: [[Int64]]
    private var timerArmed: [[Bool]]

    /// Links between sites 1...clients (index 0 unused).
    init(clients: Int) {
        let sites = clients + 1
        unacknowledged = Array(repeating: Array(repeating: [], count: sites), count: sites)
        wait = Array(repeating: Array(repeating: Self.firstRetransmitMicroseconds, count: sites), count: sites)
        timerArmed = Array(repeating: Array(repeating: false, count: sites), count: sites)
    }

    /// The peers of a site: every other client.
    func peers(of site: Int) -> [Int] {
        (1..<unacknowledged.count).filter { $0 != site }
    }

    /// Queues a new item from a site for every peer; returns the first send to each.
    mutating func broadcast(_ item: Item, sequence: Int, edit: Int, from site: Int) -> [Transmission] {
        peers(of: site).map { peer in
            unacknowledged[site][peer].append(Outgoing(sequence: sequence, edit: edit, item: item))
            return take(site, peer, unacknowledged[site][peer].count - 1)
        }
    }

    /// Replaces whatever the site has not seen acknowledged by the peer with one newer item
    /// that supersedes it (latest-wins state such as presence); returns its first send.
    mutating func replace(with item: Item, sequence: Int, edit: Int, from site: Int, to peer: Int) -> Transmission {
        unacknowledged[site][peer] = [Outgoing(sequence: sequence, edit: edit, item: item)]
        return take(site, peer, 0)
    }

    /// The peer acknowledged the site's item: it is done, and the peer is reachable again.
    mutating func acknowledged(sequence: Int, at site: Int, by peer: Int) {
        unacknowledged[site][peer].removeAll { $0.sequence == sequence }
        wait[site][peer] = Self.firstRetransmitMicroseconds
    }

    /// Sends again the oldest items the peer has not acknowledged, and doubles the wait
    /// before the next retransmission.
    mutating func retransmit(from site: Int, to peer: Int) -> [Transmission] {
        let due = (0..<min(Self.retransmitWindow, unacknowledged[site][peer].count)).map { take(site, peer, $0) }
        wait[site][peer] = min(Self.maximumRetransmitMicroseconds, wait[site][peer] * 2)
        return due
    }

    /// Starts the retransmission wait afresh (the peer, or the site, just came back).
    mutating func resetWait(from site: Int, to peer: Int) {
        wait[site][peer] = Self.firstRetransmitMicroseconds
    }

    /// When a retransmit timer for the link should fire, if one is needed and none is armed;
    /// the link counts as armed from now on.
    mutating func timerToArm(from site: Int, to peer: Int) -> Int64? {
        guard !timerArmed[site][peer], !unacknowledged[site][peer].isEmpty else { return nil }
        timerArmed[site][peer] = true
        return wait[site][peer]
    }

    /// The link's retransmit timer fired.
    mutating func timerFired(from site: Int, to peer: Int) {
        timerArmed[site][peer] = false
    }

    /// `c1→c2 (3), c3→c1 (1)`, or nil when every item has been acknowledged.
    var unacknowledgedSummary: String? {
        var parts: [String] = []
        for site in unacknowledged.indices {
            for peer in unacknowledged[site].indices where !unacknowledged[site][peer].isEmpty {
                parts.append("c\(site)→c\(peer) (\(unacknowledged[site][peer].count))")
            }
        }
        return parts.isEmpty ? nil : parts.joined(separator: ", ")
    }

    private mutating func take(_ site: Int, _ peer: Int, _ index: Int) -> Transmission {
        let attempt = unacknowledged[site][peer][index].attempts
        unacknowledged[site][peer][index].attempts += 1
        return Transmission(from: site, to: peer, outgoing: unacknowledged[site][peer][index], attempt: attempt)
    }
}
