import TandemCore

/// The engines that ship with Tandem, in the order `tandem engines` lists them.
public enum BuiltinEngines {
    /// Every built-in engine.
    public static let all: [EngineDescriptor] = [
        EngineDescriptor(
            name: "ot-text",
            summary: "text operations of retain/insert/delete (as in ot.js) under Jupiter; claims TP1",
            family: .ot(OTTextEngine()),
            claims: [.tp1]),
        EngineDescriptor(
            name: "rga",
            summary: "Replicated Growable Array (Roh et al. 2011): Lamport ids, tombstones, causal buffer",
            family: .crdt(RGAReplica.self)),
        EngineDescriptor(
            name: "buggy-ot",
            summary: "ot-text whose transform lets both sides win a same-position insert tie (violates TP1)",
            family: .ot(BuggyOTEngine()),
            isDeliberatelyBroken: true),
    ]
}
