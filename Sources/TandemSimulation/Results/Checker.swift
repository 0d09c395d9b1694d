import TandemCore

/// An oracle: watches a run as it happens and judges it at the end.
///
/// Checkers are pluggable: the simulator calls every checker it is given, and knows nothing
/// of what each one verifies. A checker is used for one run only. Its streaming hooks have
/// default implementations that ignore the event, so a checker implements only what it needs.
public protocol Checker {
    /// A replica's text just changed (site 0 is the server, clients count from 1).
    mutating func textChanged(site: Int, text: TextBuffer, time: VirtualTime)

    /// A site holds the state of server version `version`: the server right after committing
    /// it, or a client with nothing pending once it has incorporated it (for the CRDT relay, the
    /// version is the number of stored updates).
    mutating func versionReached(site: Int, version: Int, text: TextBuffer, time: VirtualTime)

    /// The OT engine performed a transform during the run; `event` carries the state both
    /// operands were defined on. Called after the run's last event, in server-version order.
    mutating func transformed<Engine: OTEngine>(by engine: Engine, _ event: TransformEvent<Engine.Operation, Engine.Document>)

    /// The system did something an oracle may judge (see `SystemEvent`).
    mutating func observed(_ event: SystemEvent, time: VirtualTime)

    /// The verdict on the finished run.
    mutating func violations(in outcome: RunOutcome) -> [Violation]
}

extension Checker {
    /// Ignores the change.
    public mutating func textChanged(site: Int, text: TextBuffer, time: VirtualTime) {}

    /// Ignores the version.
    public mutating func versionReached(site: Int, version: Int, text: TextBuffer, time: VirtualTime) {}

    /// Ignores the event.
    public mutating func observed(_ event: SystemEvent, time: VirtualTime) {}

    /// Ignores the transform.
    public mutating func transformed<Engine: OTEngine>(by engine: Engine, _ event: TransformEvent<Engine.Operation, Engine.Document>) {}
}
