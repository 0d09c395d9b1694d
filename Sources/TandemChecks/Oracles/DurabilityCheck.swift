import TandemCore
import TandemSimulation

/// Durability: an operation its author saw acknowledged is in the server's durable state at
/// the end, whatever crashed in between.
public struct DurabilityCheck: Checker {
    private var acknowledged: [(id: OperationID, version: Int, time: VirtualTime)] = []
    private var found: [Violation] = []

    /// Creates the check.
    public init() {}

    public mutating func observed(_ event: SystemEvent, time: VirtualTime) {
        switch event {
        case .acknowledged(let client, let clientOpID, let version):
            acknowledged.append((OperationID(client: client, clientOpID: clientOpID), version, time))
        case .durableState(let log, let logStartsAt, let committedThrough):
            let kept = Set(log)
            for ack in acknowledged {
                let durable = ack.version > logStartsAt
                    ? kept.contains(ack.id)
                    : ack.id.clientOpID <= committedThrough[ack.id.client]
                if !durable {
                    found.append(Violation(
                        .durability,
                        "\(ack.id) was acknowledged to its author as v\(ack.version) at \(ack.time), but the server's durable state lacks it",
                        at: ack.time))
                }
            }
        default:
            break
        }
    }

    public mutating func violations(in outcome: RunOutcome) -> [Violation] {
        found
    }
}
