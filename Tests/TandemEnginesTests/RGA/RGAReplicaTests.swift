import TandemCore
import TandemEngines
import Testing

/// Local editing of a single RGA replica against a plain array of scalars.
@Suite struct RGAReplicaTests {
    /// Scalars of every UTF-8 length, combining marks, emoji modifiers and CJK.
    static let alphabet: [Unicode.Scalar] = [
        "a", "b", "z", " ", "\n", "é", "\u{301}", "\u{308}", "😀", "\u{1F44D}", "\u{1F3FD}", "\u{200D}",
        "中", "文", "字", "\u{10FFFD}",
    ]

    /// A random run of 1...maxLength scalars from the alphabet.
    static func randomRun(_ rng: inout SplitMix64, maxLength: Int) -> [Unicode.Scalar] {
        (0..<rng.int(in: 1...maxLength)).map { _ in rng.pick(alphabet) }
    }

    /// Applies one random local edit to both the replica and the model; returns its update.
    @discardableResult
    static func randomEdit(
        _ replica: inout RGAReplica, _ model: inout [Unicode.Scalar], _ rng: inout SplitMix64,
        maxRun: Int, deletePerMille: Int
    ) -> RGAUpdate {
        if !model.isEmpty && rng.chance(perMille: deletePerMille) {
            let start = rng.int(in: 0...(model.count - 1))
            let end = rng.int(in: (start + 1)...min(model.count, start + maxRun))
            let update = replica.delete(start..<end)
            model.removeSubrange(start..<end)
            guard case let .delete(ids) = update else {
                Issue.record("a delete produced \(update)")
                return update
            }
            #expect(ids.count == end - start)
            #expect(replica.visiblePosition(of: ids[0]) == start)
            return update
        }
        let position = rng.int(in: 0...model.count)
        let run = randomRun(&rng, maxLength: maxRun)
        let update = replica.insert(run, at: position)
        model.insert(contentsOf: run, at: position)
        guard case let .insert(_, first, scalars) = update else {
            Issue.record("an insert produced \(update)")
            return update
        }
        #expect(scalars == run)
        #expect(replica.visiblePosition(of: first) == position)
        #expect(replica.visiblePosition(of: first.advanced(by: run.count - 1)) == position + run.count - 1)
        return update
    }

    @Test func startsWithTheInitialTextAsReplicaZeroRun() {
        let initial = Array("héllo 😀".unicodeScalars)
        var first = RGAReplica(replicaID: 1, initialText: initial)
        var second = RGAReplica(replicaID: 2, initialText: initial)
        #expect(first.text == TextBuffer(initial))
        #expect(first.count == initial.count)
        #expect(first.lamportClock == UInt64(initial.count))
        #expect(first.visiblePosition(of: RGAIdentifier(counter: 1, replica: 0)) == 0)
        #expect(first.visiblePosition(of: RGAIdentifier(counter: 1, replica: 1)) == nil)
        #expect(first.encodedSize == second.encodedSize)
        let update = first.insert(["!"], at: initial.count)
        #expect(update == .insert(
            origin: RGAIdentifier(counter: UInt64(initial.count), replica: 0),
            first: RGAIdentifier(counter: UInt64(initial.count) + 1, replica: 1), scalars: ["!"]
        ))
        second.integrate(update)
        #expect(second.text == first.text)
        #expect(second.lamportClock == first.lamportClock)
        first.checkInvariants()
        second.checkInvariants()
    }

    @Test func localEditsMatchTheModelStepByStep() {
        var rng = SplitMix64(seed: 0x5EED_0001)
        var model = Array("Tandem: e\u{301} 😀 中文".unicodeScalars)
        var replica = RGAReplica(replicaID: 3, initialText: model)
        for _ in 0..<1_500 {
            Self.randomEdit(&replica, &model, &rng, maxRun: 6, deletePerMille: 450)
            replica.checkInvariants()
            #expect(replica.count == model.count)
            #expect(replica.text.scalars == model)
            #expect(replica.pendingUpdateCount == 0)
        }
    }

    @Test func aLargeDocumentKeepsADeepTreeConsistent() {
        var rng = SplitMix64(seed: 0x5EED_0002)
        var model: [Unicode.Scalar] = []
        var replica = RGAReplica(replicaID: 7, initialText: [])
        var inserted = 0
        var step = 0
        while inserted < 24_000 {
            let update = Self.randomEdit(&replica, &model, &rng, maxRun: 40, deletePerMille: 300)
            if case let .insert(_, _, scalars) = update { inserted += scalars.count }
            #expect(replica.count == model.count)
            step += 1
            if step % 150 == 0 {
                replica.checkInvariants()
                #expect(replica.text.scalars == model)
            }
        }
        replica.checkInvariants()
        #expect(replica.text.scalars == model)
        #expect(replica.lamportClock == UInt64(inserted))
    }

    @Test func emptyEditsChangeNothing() {
        var replica = RGAReplica(replicaID: 1, initialText: ["x"])
        let before = replica.encodedSize
        let insert = replica.insert([], at: 1)
        let delete = replica.delete(0..<0)
        #expect(delete == .delete([]))
        #expect(RGAReplica.describe(delete) == "del nothing")
        var other = RGAReplica(replicaID: 2, initialText: ["x"])
        other.integrate(insert)
        other.integrate(delete)
        #expect(replica.text == TextBuffer("x"))
        #expect(replica.encodedSize == before)
        #expect(other.encodedSize == before)
        #expect(other.pendingUpdateCount == 0)
    }

    @Test func updateSizesFollowTheDocumentedEncoding() {
        let insert = RGAUpdate.insert(
            origin: RGAIdentifier(counter: 1, replica: 0), first: RGAIdentifier(counter: 300, replica: 2),
            scalars: ["é", "😀"]
        )
        // tag 1 + origin 1+1 + first 2+1 + count 1 + UTF-8 2+4
        #expect(RGAReplica.encodedSize(of: insert) == 13)
        let atStart = RGAUpdate.insert(origin: nil, first: RGAIdentifier(counter: 1, replica: 200), scalars: ["a"])
        // tag 1 + first 1+2 + count 1 + UTF-8 1
        #expect(RGAReplica.encodedSize(of: atStart) == 6)
        let delete = RGAUpdate.delete([
            RGAIdentifier(counter: 3, replica: 2), RGAIdentifier(counter: 4, replica: 2),
            RGAIdentifier(counter: 5, replica: 2), RGAIdentifier(counter: 9, replica: 1),
        ])
        // tag 1 + span count 1 + two spans of (counter 1 + replica 1 + length 1)
        #expect(RGAReplica.encodedSize(of: delete) == 8)
    }

    @Test func stateSizeFollowsTheDocumentedEncoding() {
        var replica = RGAReplica(replicaID: 1, initialText: Array("ab".unicodeScalars))
        // span count 1 + span (1,0) 1+1 + length<<1 1 + "ab" 2 + buffered count 1
        #expect(replica.encodedSize == 7)
        _ = replica.delete(0..<1)
        // span count 1 + tombstone span 1+1+1 + visible span 1+1+1 + "b" 1 + buffered count 1
        #expect(replica.encodedSize == 9)
        let waiting = RGAUpdate.insert(
            origin: RGAIdentifier(counter: 40, replica: 3), first: RGAIdentifier(counter: 41, replica: 3), scalars: ["c"]
        )
        replica.integrate(waiting)
        #expect(replica.pendingUpdateCount == 1)
        #expect(replica.encodedSize == 9 + waiting.encodedSize)
    }

    @Test func describesUpdatesBriefly() {
        let insert = RGAUpdate.insert(
            origin: RGAIdentifier(counter: 1, replica: 1), first: RGAIdentifier(counter: 3, replica: 2), scalars: ["a", "b"]
        )
        #expect(RGAReplica.describe(insert) == #"ins@(3,2) after (1,1) "ab""#)
        let atStart = RGAUpdate.insert(origin: nil, first: RGAIdentifier(counter: 1, replica: 0), scalars: ["\n"])
        #expect(RGAReplica.describe(atStart) == #"ins@(1,0) at start "\n""#)
        let delete = RGAUpdate.delete([
            RGAIdentifier(counter: 3, replica: 2), RGAIdentifier(counter: 4, replica: 2), RGAIdentifier(counter: 9, replica: 1),
            RGAIdentifier(counter: 5, replica: 1), RGAIdentifier(counter: 6, replica: 1), RGAIdentifier(counter: 7, replica: 1),
        ])
        #expect(RGAReplica.describe(delete) == "del (3,2),(4,2),(9,1),(5,1)-(7,1)")
        let long = RGAUpdate.insert(origin: nil, first: RGAIdentifier(counter: 1, replica: 0), scalars: Array(repeating: "x", count: 30))
        #expect(RGAReplica.describe(long) == "ins@(1,0) at start \"\(String(repeating: "x", count: 24))\"…(30 scalars)")
    }
}
