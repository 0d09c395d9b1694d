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
            summary: "ot-text whose transform lets both sides win a same-position insert tie: claims TP1 and breaks it, a planted bug",
            family: .ot(BuggyOTEngine()),
            isDeliberatelyBroken: true,
            claims: [.tp1]),
        EngineDescriptor(
            name: "ot-dopt",
            summary: "Ellis & Gibbs 1989 (dOPT): character-wise ins/del, priorities, equal inserts become the identity; violates TP1",
            family: .ot(CharacterwiseEngine(DOPTFunctions())),
            inDefaultCampaign: false),
        EngineDescriptor(
            name: "ot-ressel",
            summary: "Ressel, Nitsche-Ruhland & Gunzenhäuser 1996 (adOPTed): character-wise ins/del, site ids break ties; TP1, not TP2",
            family: .ot(CharacterwiseEngine(ResselFunctions())),
            claims: [.tp1],
            inDefaultCampaign: false),
        EngineDescriptor(
            name: "ot-sun",
            summary: "Sun, Jia, Zhang, Yang & Chen 1998 (GOT): IT functions for character-wise ins/del, no tie rule; violates TP1",
            family: .ot(CharacterwiseEngine(SunFunctions())),
            inDefaultCampaign: false),
        EngineDescriptor(
            name: "ot-suleiman",
            summary: "Suleiman, Cart & Ferrié 1998: inserts carry av/ap sets of concurrent deletions; TP1 only while deletions stay distinct, not TP2",
            family: .ot(CharacterwiseEngine(SuleimanFunctions())),
            inDefaultCampaign: false),
        EngineDescriptor(
            name: "ot-imine",
            summary: "Imine, Molli, Oster & Rusinowitch 2003: inserts carry their initial position; TP1, not TP2 (refuted 2006)",
            family: .ot(CharacterwiseEngine(ImineFunctions())),
            claims: [.tp1],
            inDefaultCampaign: false),
        EngineDescriptor(
            name: "ot-ttf",
            summary: "Oster, Urso, Molli & Imine 2006 (TTF): deleted characters stay as tombstones, positions count them; TP1 and TP2",
            family: .ot(CharacterwiseEngine(TTFFunctions())),
            claims: [.tp1, .tp2],
            inDefaultCampaign: false),
    ]
}
