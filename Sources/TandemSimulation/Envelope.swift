import TandemCore

/// A message in flight between two sites.
struct Envelope<Payload> {
    var from: Int
    var to: Int
    var key: MessageKey
    var payload: Payload
    var sentAt: VirtualTime
    /// The connection the message was sent on; it is lost if that connection dropped.
    var connection: Int
}
