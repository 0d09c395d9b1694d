import TandemCore
import TandemEngines

/// Random and hand-written material shared by the ot-text and buggy-ot tests.
enum OTTextFixture {
    /// Scalars random texts are drawn from: ASCII, a precomposed and a combining accent, an
    /// emoji, CJK, a newline, a quote and a private-use identity scalar.
    static let alphabet: [Unicode.Scalar] = ["a", "b", "c", " ", "\n", "\"", "\u{E9}", "\u{301}", "😀", "中", "文", "\u{E000}"]

    /// A random run of scalars from `alphabet`.
    static func randomScalars(_ count: Int, _ rng: inout SplitMix64) -> [Unicode.Scalar] {
        (0..<count).map { _ in rng.pick(alphabet) }
    }

    /// A random text of up to `maxLength` scalars.
    static func randomDocument(maxLength: Int, _ rng: inout SplitMix64) -> TextBuffer {
        TextBuffer(randomScalars(rng.int(in: 0...maxLength), &rng))
    }

    /// A random operation on texts of length `baseLength`, in the style of ot.js's own test generator.
    static func randomOperation(baseLength: Int, _ rng: inout SplitMix64) -> TextOperation {
        var operation = TextOperation()
        var left = baseLength
        while left > 0 {
            let span = rng.int(in: 1...min(left, 6))
            switch rng.below(4) {
            case 0:
                operation.insert(randomScalars(rng.int(in: 1...4), &rng))
            case 1:
                operation.delete(span)
                left -= span
            default:
                operation.retain(span)
                left -= span
            }
        }
        if rng.chance(1, in: 3) {
            operation.insert(randomScalars(rng.int(in: 1...3), &rng))
        }
        return operation
    }

    /// A random single insertion or deletion built by `engine`, as the harness builds edits.
    static func randomEdit<Engine: OTEngine>(_ engine: Engine, _ document: TextBuffer, _ rng: inout SplitMix64) -> Engine.Operation where Engine.Document == TextBuffer {
        if document.isEmpty || rng.chance(1, in: 2) {
            return engine.insertion(of: randomScalars(rng.int(in: 1...3), &rng), at: rng.int(in: 0...document.count), in: document)
        }
        let lower = rng.int(in: 0...document.count - 1)
        return engine.deletion(of: lower..<rng.int(in: lower + 1...document.count), in: document)
    }

    /// The two results TP1 says must be equal for concurrent `a` and `b` on `document`:
    /// `a` then `b` transformed (`.otherFirst`), and `b` then `a` transformed (`.thisFirst`).
    static func tp1Sides<Engine: OTEngine>(
        _ engine: Engine, _ a: Engine.Operation, _ b: Engine.Operation, on document: TextBuffer
    ) throws -> (TextBuffer, TextBuffer) where Engine.Document == TextBuffer {
        let aPrime = engine.transform(a, against: b, tieBreak: .thisFirst)
        let bPrime = engine.transform(b, against: a, tieBreak: .otherFirst)
        let afterA = try applied(bPrime, to: applied(a, to: document, by: engine), by: engine)
        let afterB = try applied(aPrime, to: applied(b, to: document, by: engine), by: engine)
        return (afterA, afterB)
    }

    /// The position an operation first inserts at, nil when it deletes first or only retains.
    static func insertionPoint(_ operation: TextOperation) -> Int? {
        var position = 0
        for component in operation.components {
            switch component {
            case .retain(let count): position += count
            case .insert: return position
            case .delete: return nil
            }
        }
        return nil
    }

    /// `document` after `operation`.
    static func applied(_ operation: TextOperation, to document: TextBuffer) throws -> TextBuffer {
        var result = document
        try operation.apply(to: &result)
        return result
    }

    /// `document` after `operation` applied by `engine`.
    static func applied<Engine: OTEngine>(_ operation: Engine.Operation, to document: TextBuffer, by engine: Engine) throws -> TextBuffer where Engine.Document == TextBuffer {
        var result = document
        try engine.apply(operation, to: &result)
        return result
    }
}

/// Builds an operation from ot.js-like shorthand, e.g. `textOp(3, "ab", -2)`.
func textOp(_ parts: TextOpPart...) -> TextOperation {
    var operation = TextOperation()
    for part in parts {
        switch part {
        case .count(let count) where count < 0: operation.delete(-count)
        case .count(let count): operation.retain(count)
        case .text(let text): operation.insert(text)
        }
    }
    return operation
}

/// One element of the `textOp(...)` shorthand: positive retain, negative delete, or inserted text.
enum TextOpPart: ExpressibleByIntegerLiteral, ExpressibleByStringLiteral {
    case count(Int)
    case text(String)

    init(integerLiteral value: Int) {
        self = .count(value)
    }

    init(stringLiteral value: String) {
        self = .text(value)
    }
}
