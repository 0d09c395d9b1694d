import TandemCore

/// A message in flight between two sites.
struct Envelope<Payload> {
    var from: Int
    var to: Int
    var key: MessageKey
    var payload: Payload
    var sentAt: VirtualTime
    /// The connection the message was sent on; it is lost if that connection dropped.
    /// `Envelope.peerChannel` for a message on a mesh's peer channel.
    var connection: Int

    /// The `connection` of a message between two peers of a mesh: it is lost if the two
    /// cannot reach each other when it arrives.
    static var peerChannel: Int { -1 }
}
