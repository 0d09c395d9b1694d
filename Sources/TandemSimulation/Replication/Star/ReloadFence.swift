/// The server's memory of the last reload it sent one client, which fences off what the
/// client sent before it applied that reload.
///
/// A reload makes the client throw away every pending edit the server has not committed.
/// Messages the client sent on the same connection before the reload reached it still arrive
/// afterwards, and describe exactly those edits: committing one lands an edit its author no
/// longer has, and answering it with a second reload throws away the edits the client made
/// after the first. Every client message carries the generation of the last reload the client
/// applied, and each reload a generation one above the client's, so the server tells the two
/// apart and drops the stale ones.
struct ReloadFence {
    /// The connection the reload went out on: a message on a later connection postdates it
    /// (the reload was applied, or died with the old connection).
    var connection: Int
    /// The generation the reload carried.
    var generation: Int

    /// Whether a message of `generation`, arriving on `connection`, was sent before the client
    /// applied the reload.
    func fencesOff(generation: Int, connection: Int) -> Bool {
        connection == self.connection && generation < self.generation
    }

    /// The bytes a reload generation takes on the wire: a variable-length integer, one byte per
    /// seven bits.
    static func wireBytes(of generation: Int) -> Int {
        max(1, (Int.bitWidth - generation.leadingZeroBitCount + 6) / 7)
    }
}
