import TandemCore

/// A generator of user behaviour: the edit intents of one run.
///
/// Workloads are pluggable so that scenarios can describe different kinds of editing; each
/// draws only from the generator it is given and allocates inserted text from the context,
/// so every inserted scalar is a distinct character identity the oracles can follow.
public protocol Workload: Sendable {
    /// Draws the edits of one run.
    func makeEdits(in context: inout WorkloadContext, using generator: inout SplitMix64) -> [EditIntent]
}

/// What a workload knows about the run it generates edits for.
public struct WorkloadContext: Sendable {
    /// The number of clients, numbered 1...clients.
    public let clients: Int
    /// How many edits to generate.
    public let editCount: Int
    /// The length of the initial document.
    public let initialLength: Int
    /// The next unused character identity (see `IdentityAlphabet`).
    public private(set) var nextIdentity: Int

    /// Creates a context; identities below `firstIdentity` are taken (the initial text).
    public init(clients: Int, editCount: Int, initialLength: Int, firstIdentity: Int) {
        self.clients = clients
        self.editCount = editCount
        self.initialLength = initialLength
        self.nextIdentity = firstIdentity
    }

    /// Text of `count` scalars never used before in this run.
    public mutating func freshText(count: Int) -> String {
        var scalars = String.UnicodeScalarView()
        for _ in 0..<count {
            scalars.append(IdentityAlphabet.scalar(for: nextIdentity % IdentityAlphabet.capacity))
            nextIdentity += 1
        }
        return String(scalars)
    }
}
