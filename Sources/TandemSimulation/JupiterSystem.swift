import TandemCore

/// Server-centric OT: Jupiter clients around one Jupiter server, over FIFO links.
///
/// Every transform is recorded with the server version whose state it starts from; after
/// the run the server log is replayed once to hand each transform, with its exact state,
/// to the checkers (TP1 is checked on every transform the engine performed).
struct JupiterSystem<Engine: OTEngine>: ReplicationSystem {
    enum Payload {
        case submit(Engine.Operation, basedOn: Int)
        case ack(version: Int)
        case broadcast(Engine.Operation, version: Int)
    }

    private struct RecordedTransform {
        var site: Int
        var time: VirtualTime
        var version: Int
        var prefix: Engine.Operation?
        var operation: Engine.Operation
        var against: Engine.Operation
    }

    /// Acknowledgements carry a version number: 1 tag byte and an 8-byte integer.
    private static var ackBytes: Int { 9 }
    /// Submits and broadcasts add a tag byte and an 8-byte version to the operation.
    private static var headerBytes: Int { 9 }

    let engine: Engine
    let initialText: TextBuffer
    private var server: JupiterServer<Engine>
    private var clients: [JupiterClient<Engine>]
    private var recorded: [RecordedTransform] = []

    init(engine: Engine, trace: Trace) {
        self.engine = engine
        initialText = TextBuffer(trace.initialText)
        server = JupiterServer(document: initialText)
        clients = Array(repeating: JupiterClient(document: initialText), count: trace.clients)
    }

    var siteTexts: [TextBuffer] {
        [server.document] + clients.map(\.document)
    }

    var unfinishedWork: String? {
        let waiting = clients.indices.filter { !clients[$0].isSynchronized }.map { RunOutcome.siteName($0 + 1) }
        return waiting.isEmpty ? nil : "clients still awaiting acknowledgement: \(waiting.joined(separator: ", "))"
    }

    func documentLength(ofClient site: Int) -> Int {
        clients[site - 1].document.count
    }

    func scalars(ofClient site: Int, in range: Range<Int>) -> [Unicode.Scalar] {
        clients[site - 1].document.scalars(in: range)
    }

    mutating func perform(_ edit: EditIntent, kernel: inout SimulationKernel<Payload>) {
        let site = edit.client
        let document = clients[site - 1].document
        let operation: Engine.Operation
        switch edit.action {
        case .insert(let text):
            operation = engine.insertion(of: Array(text.unicodeScalars), at: edit.position, in: document)
        case .delete(let count):
            operation = engine.deletion(of: edit.position..<(edit.position + count), in: document)
        }
        do {
            let toSend = try clients[site - 1].applyLocal(operation, edit: edit.id, engine: engine)
            kernel.textChanged(site: site, text: clients[site - 1].document,
                               what: "edit #\(edit.id) \(edit.summary) as \(engine.describe(operation))")
            if let toSend { submit(toSend, from: site, kernel: &kernel) }
        } catch {
            kernel.engineFailed(site: site, "local \(engine.describe(operation)): \(error)")
        }
    }

    mutating func deliver(_ envelope: Envelope<Payload>, kernel: inout SimulationKernel<Payload>) {
        let site = envelope.to
        switch envelope.payload {
        case .submit(let operation, let basedOn):
            receiveAtServer(operation, basedOn: basedOn, envelope: envelope, kernel: &kernel)
        case .ack(let version):
            kernel.note(site, "deliver \(envelope.key): acknowledged as v\(version)")
            if let next = clients[site - 1].acknowledge() {
                submit(next, from: site, kernel: &kernel)
            } else {
                kernel.versionReached(site: site, version: clients[site - 1].revision, text: clients[site - 1].document)
            }
        case .broadcast(let operation, let version):
            kernel.note(site, "deliver \(envelope.key): v\(version) \(engine.describe(operation))")
            do {
                let (applied, steps) = try clients[site - 1].receive(operation, engine: engine)
                for step in steps {
                    record(site: site, version: step.version, prefix: step.prefix,
                           operation: step.operation, against: step.against, kernel: &kernel)
                }
                kernel.textChanged(site: site, text: clients[site - 1].document, what: "apply \(engine.describe(applied))")
                if clients[site - 1].isSynchronized {
                    kernel.versionReached(site: site, version: clients[site - 1].revision, text: clients[site - 1].document)
                }
            } catch {
                kernel.engineFailed(site: site, "remote v\(version) \(engine.describe(operation)): \(error)")
            }
        }
    }

    mutating func finish(kernel: inout SimulationKernel<Payload>) {
        var byVersion = Array(repeating: [RecordedTransform](), count: server.log.count + 1)
        for transform in recorded {
            byVersion[min(transform.version, server.log.count)].append(transform)
        }
        var state = initialText
        for version in byVersion.indices {
            for transform in byVersion[version] {
                var start = state
                if let prefix = transform.prefix {
                    do {
                        try engine.apply(prefix, to: &start)
                    } catch {
                        kernel.engineFailed(
                            site: transform.site,
                            "the in-flight \(engine.describe(prefix)) does not apply to the server's text at v\(version): \(error)")
                        continue
                    }
                }
                let event = TransformEvent(
                    site: transform.site, time: transform.time, state: start,
                    operation: transform.operation, against: transform.against, tieBreak: .thisFirst)
                for index in kernel.checkers.indices {
                    kernel.checkers[index].transformed(by: engine, event)
                }
            }
            if version < server.log.count {
                do {
                    try engine.apply(server.log[version], to: &state)
                } catch {
                    kernel.engineFailed(site: 0, "replaying the log at v\(version): \(error)")
                    return
                }
            }
        }
    }

    private mutating func receiveAtServer(
        _ operation: Engine.Operation, basedOn: Int, envelope: Envelope<Payload>, kernel: inout SimulationKernel<Payload>
    ) {
        kernel.note(0, "deliver \(envelope.key) from \(RunOutcome.siteName(envelope.from)): based on v\(basedOn) \(engine.describe(operation))")
        do {
            let (committed, steps) = try server.commit(operation, basedOn: basedOn, engine: engine)
            for step in steps {
                record(site: 0, version: step.version, prefix: nil, operation: step.operation, against: step.against, kernel: &kernel)
            }
            let version = server.log.count
            kernel.textChanged(site: 0, text: server.document, what: "commit v\(version) \(engine.describe(committed))")
            kernel.versionReached(site: 0, version: version, text: server.document)
            let edit = envelope.key.edit
            kernel.send(.ack(version: version), key: MessageKey(kind: .ack, edit: edit, from: 0, to: envelope.from),
                        bytes: Self.ackBytes, summary: "v\(version)")
            let bytes = Self.headerBytes + engine.encodedSize(of: committed)
            for client in 1...clients.count where client != envelope.from {
                kernel.send(.broadcast(committed, version: version),
                            key: MessageKey(kind: .broadcast, edit: edit, from: 0, to: client),
                            bytes: bytes, summary: "v\(version)")
            }
        } catch {
            kernel.engineFailed(site: 0, "commit of \(engine.describe(operation)) based on v\(basedOn): \(error)")
        }
    }

    private func submit(_ outstanding: JupiterClient<Engine>.Outstanding, from site: Int, kernel: inout SimulationKernel<Payload>) {
        let basedOn = clients[site - 1].revision
        kernel.send(.submit(outstanding.operation, basedOn: basedOn),
                    key: MessageKey(kind: .submit, edit: outstanding.firstEdit, from: site, to: 0),
                    bytes: Self.headerBytes + engine.encodedSize(of: outstanding.operation),
                    summary: "based on v\(basedOn) \(engine.describe(outstanding.operation))")
    }

    private mutating func record(
        site: Int, version: Int, prefix: Engine.Operation?, operation: Engine.Operation, against: Engine.Operation,
        kernel: inout SimulationKernel<Payload>
    ) {
        kernel.statistics.transforms += 1
        recorded.append(RecordedTransform(
            site: site, time: kernel.now, version: version, prefix: prefix, operation: operation, against: against))
        kernel.note(site, "transform \(engine.describe(operation)) against \(engine.describe(against))")
    }
}
