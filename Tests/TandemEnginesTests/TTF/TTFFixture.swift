import TandemCore
import TandemEngines

/// Material for the ot-ttf tests: documents written with their tombstones, random histories
/// that leave tombstones behind, random edits, and the cursor a document says an operation
/// leads to.
enum TTFFixture {
    /// The engine under test.
    static let engine = CharacterwiseEngine(TTFFunctions())

    /// A document from its readable form without quotes: bracketed scalars are tombstones,
    /// so `"a[b]c"` shows "ac" and keeps b between them.
    static func document(_ marked: String) -> TombstoneDocument {
        var scalars: [Unicode.Scalar] = []
        var isVisible: [Bool] = []
        var inTombstones = false
        for scalar in marked.unicodeScalars {
            switch scalar {
            case "[": inTombstones = true
            case "]": inTombstones = false
            default:
                scalars.append(scalar)
                isVisible.append(!inTombstones)
            }
        }
        return TombstoneDocument(scalars: scalars, isVisible: isVisible)
    }

    /// A random insertion of one to three scalars or deletion of one to three visible
    /// scalars on `document`, made by the engine as the harness makes edits.
    static func randomEdit(on document: TombstoneDocument, _ rng: inout SplitMix64) -> [TTFPrimitive] {
        let length = document.visibleCount
        if length == 0 || rng.chance(1, in: 2) {
            let text = OTTextFixture.randomScalars(rng.int(in: 1...3), &rng)
            return engine.insertion(of: text, at: rng.int(in: 0...length), in: document)
        }
        let lower = rng.int(in: 0...length - 1)
        return engine.deletion(of: lower..<rng.int(in: lower + 1...min(length, lower + 3)), in: document)
    }

    /// A random document with tombstones: a random text after a few random edits.
    static func randomDocument(_ rng: inout SplitMix64) throws -> TombstoneDocument {
        var document = TombstoneDocument(visibleText: OTTextFixture.randomDocument(maxLength: 6, &rng))
        for _ in 0..<rng.int(in: 0...5) {
            try engine.apply(randomEdit(on: document, &rng), to: &document)
        }
        return document
    }

    /// Where a cursor at visible position `cursor` of `document` ends up after `operation`,
    /// worked out from the documents alone: each primitive's visible position is read from
    /// the document it applies to, never from the primitive's own visible fields.
    static func cursorFromDocuments(_ cursor: Int, through operation: [TTFPrimitive], on document: TombstoneDocument) throws -> Int {
        var state = document
        var result = cursor
        for primitive in operation {
            let visible = state.visiblePosition(ofModelPosition: primitive.position)
            switch primitive {
            case .insert:
                if result >= visible { result += 1 }
            case .delete(let position, _, _):
                if state.isVisible(at: position) && result > visible { result -= 1 }
            }
            try engine.functions.apply(primitive, to: &state)
        }
        return result
    }
}
