import TandemCore

/// OT with no server: every client broadcasts each request (operation plus state vector)
/// straight to every other client over the mesh's peer channels, which lose, duplicate and
/// reorder messages, and each client integrates what it receives with adOPTed
/// (`AdOPTedSite`): held until causally ready, then translated to its own state. Correct only
/// for engines that satisfy TP1 and TP2; one that violates TP2 diverges here.
///
/// Delivery is the CRDT mesh's (`PeerDelivery`): acknowledgements, retransmission with
/// back-off until every peer has a request, and a hello from a client coming back online.
struct OTMeshSystem<Engine: OTEngine>: ReplicationSystem {
    typealias Request = AdOPTedSite<Engine>.Request

    enum Payload {
        case request(Request)
        case ack(sequence: Int)
        case hello
    }

    /// A request's frame: tag, sequence and one 4-byte counter per site of its state vector.
    private var headerBytes: Int { 5 + 4 * sites.count }

    private let engine: Engine
    /// Index 0 is unused (a mesh has no server); clients are 1...n.
    private var sites: [AdOPTedSite<Engine>]
    /// Broadcasts each request to every peer until all have acknowledged it.
    private var delivery: PeerDelivery<Request>

    init(engine: Engine, trace: Trace, flaws: SystemFlaws) {
        self.engine = engine
        let document = Engine.Document(visibleText: TextBuffer(trace.initialText))
        sites = (0...trace.clients).map { AdOPTedSite(site: $0, clients: trace.clients, document: document) }
        delivery = PeerDelivery(clients: trace.clients, itemName: "request", flaws: flaws)
    }

    /// Index 0 holds the initial text, for no one: `RunOutcome.sites` leaves it out in a mesh.
    var siteTexts: [TextBuffer] {
        sites.map(\.document.visibleText)
    }

    var unfinishedWork: String? {
        var problems: [String] = []
        if let unacknowledged = delivery.unfinishedWork { problems.append(unacknowledged) }
        let waiting = sites.indices.dropFirst().filter { !sites[$0].waiting.isEmpty }
        if !waiting.isEmpty {
            problems.append("requests still waiting for causally earlier ones at "
                            + waiting.map { "\(RunOutcome.siteName($0)) (\(sites[$0].waiting.count))" }.joined(separator: ", "))
        }
        return problems.isEmpty ? nil : problems.joined(separator: "; ")
    }

    func documentLength(ofClient site: Int) -> Int {
        sites[site].document.visibleCount
    }

    func scalars(ofClient site: Int, in range: Range<Int>) -> [Unicode.Scalar] {
        sites[site].document.visibleText.scalars(in: range)
    }

    mutating func perform(_ edit: EditIntent, kernel: inout SimulationKernel<Payload>) {
        let site = edit.client
        let document = sites[site].document
        let operation: Engine.Operation
        switch edit.action {
        case .insert(let text): operation = engine.insertion(of: Array(text.unicodeScalars), at: edit.position, in: document)
        case .delete(let count): operation = engine.deletion(of: edit.position..<(edit.position + count), in: document)
        case .restore: return
        }
        do {
            let request = try sites[site].generate(operation, engine: engine)
            kernel.textChanged(site: site, text: sites[site].document.visibleText,
                               what: "edit #\(edit.id) \(edit.summary) as \(engine.describe(operation))")
            delivery.broadcast(request, sequence: request.sequence, edit: edit.id, from: site, framing: framing, kernel: &kernel)
        } catch {
            kernel.engineFailed(site: site, "local \(engine.describe(operation)): \(error)")
        }
    }

    mutating func deliver(_ envelope: Envelope<Payload>, kernel: inout SimulationKernel<Payload>) {
        let site = envelope.to
        let peer = envelope.from
        switch envelope.payload {
        case .request(let request):
            kernel.note(site, "deliver \(envelope.key) c\(peer)#\(request.sequence) at \(request.vector.dropFirst()): \(engine.describe(request.operation))")
            do {
                let before = sites[site].transforms
                for operation in try sites[site].receive(request, engine: engine) {
                    kernel.textChanged(site: site, text: sites[site].document.visibleText, what: "apply \(engine.describe(operation))")
                }
                kernel.statistics.transforms += sites[site].transforms - before
            } catch {
                kernel.engineFailed(site: site, "remote c\(peer)#\(request.sequence) \(engine.describe(request.operation)): \(error)")
            }
            delivery.acknowledge(envelope, sequence: request.sequence, framing: framing, kernel: &kernel)
        case .ack(let sequence):
            delivery.acknowledged(envelope, sequence: sequence, kernel: &kernel)
        case .hello:
            delivery.helloArrived(envelope, framing: framing, kernel: &kernel)
        }
    }

    mutating func timerFired(site: Int, tag peer: Int, kernel: inout SimulationKernel<Payload>) {
        delivery.timerFired(site: site, peer: peer, framing: framing, kernel: &kernel)
    }

    mutating func connectionOpened(client site: Int, kernel: inout SimulationKernel<Payload>) {
        delivery.connectionOpened(client: site, framing: framing, kernel: &kernel)
    }

    /// OT peers on a mesh share no presence, so a departure changes nothing.
    mutating func clientDeparted(_ client: Int, kernel: inout SimulationKernel<Payload>) {}

    /// A mesh has no server; traces that crash one are refused before they run (`Trace.topologyConflict`).
    mutating func serverCrashed(kernel: inout SimulationKernel<Payload>) {}

    /// A mesh has no server to restart.
    mutating func serverRestarted(failover: Bool, kernel: inout SimulationKernel<Payload>) {}

    /// A mesh keeps no durable history to hand over.
    mutating func finish(kernel: inout SimulationKernel<Payload>) {}

    /// Requests travel whole; their frame is `headerBytes` plus the engine's encoding of the operation.
    private var framing: PeerDelivery<Request>.Framing<Payload> {
        PeerDelivery.Framing(item: { request, _ in .request(request) },
                             itemBytes: { [engine, headerBytes] in headerBytes + engine.encodedSize(of: $0.operation) },
                             ack: Payload.ack, hello: .hello)
    }
}
