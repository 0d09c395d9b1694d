import TandemCore

/// The state of every client's connection to the server, and of the server process: what
/// the fault plan has done to the network so far.
///
/// Each connection has a number; a message belongs to the connection it was sent on and is
/// lost if that connection is no longer the client's live one (a WebSocket drop loses what
/// was in flight, and a new connection starts empty).
struct NetworkState {
    struct Client {
        var connected = true
        var connection = 0
        /// The client does not try to connect before this time (its user is offline).
        var offlineUntil = VirtualTime.zero
        /// How many partitions currently cut the client off.
        var partitions = 0
        /// Failed connection attempts since the last success, for exponential backoff.
        var failedAttempts = 0
        /// The token of the reconnect attempt currently scheduled; older ones are ignored.
        var attemptToken = 0
        /// How many armed lost-ack resets wait for the client's next acknowledgement, with
        /// the offline duration of each.
        var armedResets: [Int64] = []
    }

    var clients: [Client]
    var serverIsUp = true
    /// The partitions in force, by index into the plan (a mesh needs to know who is on
    /// which side; a star only whether a client is cut off).
    var activePartitions: [Int] = []
    /// Crashes armed to strike at a point of the server's work, by index into the plan.
    var armedCrashes: [Int] = []

    init(clients: Int) {
        self.clients = Array(repeating: Client(), count: clients + 1)
    }

    func isConnected(_ client: Int) -> Bool {
        serverIsUp && clients[client].connected
    }

    func connection(of client: Int) -> Int {
        clients[client].connection
    }

    func isLive(_ connection: Int, client: Int) -> Bool {
        isConnected(client) && clients[client].connection == connection
    }

    /// Whether two peers of a mesh can reach each other: both online, and no partition in
    /// force puts them on different sides.
    func peersCanTalk(_ first: Int, _ second: Int, partitions: [NetworkPartition]) -> Bool {
        clients[first].connected && clients[second].connected
            && activePartitions.allSatisfy { partitions[$0].clients.contains(first) == partitions[$0].clients.contains(second) }
    }

    /// Whether a connection attempt by the client would succeed now.
    func canConnect(_ client: Int, at time: VirtualTime) -> Bool {
        serverIsUp && clients[client].partitions == 0 && time >= clients[client].offlineUntil
    }
}
