import TandemCore

/// The default workload: people typing in one document.
///
/// It mixes typing bursts (one scalar per keystroke at consecutive positions), single and
/// multi-scalar inserts at random places, single and range deletes, and hot spots where
/// several clients edit the same position within a few milliseconds — the concurrent ties
/// that transformation functions most often get wrong. Positions are drawn against a
/// sequential estimate of the document length; the simulator clamps them to each author's
/// real document. With a positive `restoreWeight`, users now and then ask the server to
/// restore an earlier version ("restore version").
public struct TypingWorkload: Workload, Equatable, CustomStringConvertible {
    /// Relative weight of typing bursts.
    public var burstWeight = 30
    /// Relative weight of single inserts of one to four scalars.
    public var insertWeight = 20
    /// Relative weight of single-scalar deletes.
    public var deleteWeight = 15
    /// Relative weight of deletes of two to six scalars.
    public var rangeDeleteWeight = 10
    /// Relative weight of hot spots (concurrent edits at one position).
    public var hotSpotWeight = 15
    /// Relative weight of "restore version" requests, each 1 to 50 versions back. At 0 (the
    /// default) the workload draws exactly what it drew before restores existed.
    public var restoreWeight = 0
    /// When set, every position falls in a window of this many scalars from a start drawn
    /// once per run: everybody edits the same paragraph.
    public var focusWidth: Int?
    /// The longest pause between two groups of edits, in microseconds.
    public var gapMicroseconds: Int64 = 400_000
    /// When positive, the chance per mille that a group of edits is client 1's.
    public var leadClientPerMille = 0

    /// The sum of the weights; a workload needs a positive one.
    public var totalWeight: Int {
        burstWeight + insertWeight + deleteWeight + rangeDeleteWeight + hotSpotWeight + restoreWeight
    }

    /// The weights, e.g. `burst 30, insert 20, delete 0, range-delete 10, hot-spot 15` (and
    /// `, restore 2` when restores are on).
    public var description: String {
        "burst \(burstWeight), insert \(insertWeight), delete \(deleteWeight), range-delete \(rangeDeleteWeight), "
            + "hot-spot \(hotSpotWeight)" + (restoreWeight == 0 ? "" : ", restore \(restoreWeight)")
            + (focusWidth.map { ", focus \($0) scalars" } ?? "")
            + (gapMicroseconds == 400_000 ? "" : ", pauses up to \(VirtualTime(microseconds: gapMicroseconds))")
            + (leadClientPerMille == 0 ? "" : ", c1 makes \(leadClientPerMille)‰ of the groups")
    }

    /// The default mix.
    public init() {}

    public func makeEdits(in context: inout WorkloadContext, using generator: inout SplitMix64) -> [EditIntent] {
        var edits: [EditIntent] = []
        var length = context.initialLength
        var time: Int64 = 0
        var weights = [burstWeight, insertWeight, deleteWeight, rangeDeleteWeight, hotSpotWeight]
        if restoreWeight > 0 { weights.append(restoreWeight) }
        let focusStart = generator.int(in: 0...length)

        /// A position to insert at (`0...length`) or delete from (`0...length-1`), inside the focus window if any.
        func position(forDelete: Bool) -> Int {
            let last = forDelete ? length - 1 : length
            guard let focusWidth else { return generator.int(in: 0...last) }
            let lower = min(focusStart, last)
            return generator.int(in: lower...min(last, lower + focusWidth))
        }

        func add(_ client: Int, _ at: Int64, _ position: Int, _ action: EditIntent.Action) {
            guard edits.count < context.editCount else { return }
            edits.append(EditIntent(
                id: edits.count, client: client, time: VirtualTime(microseconds: at), position: position, action: action))
            switch action {
            case .insert(let text): length += text.unicodeScalars.count
            case .delete(let count): length -= min(count, max(0, length - position))
            case .restore: break
            }
        }

        while edits.count < context.editCount {
            time += Int64(generator.below(UInt64(gapMicroseconds)))
            let client: Int
            if leadClientPerMille > 0 && generator.chance(perMille: leadClientPerMille) {
                client = 1
            } else {
                client = context.clients > 1 ? generator.int(in: 1...context.clients) : 1
            }
            switch generator.weightedIndex(weights) {
            case 0:
                let start = position(forDelete: false)
                for offset in 0..<generator.int(in: 2...8) {
                    time += Int64(generator.int(in: 40_000...180_000))
                    add(client, time, start + offset, .insert(context.freshText(count: 1)))
                }
            case 1:
                add(client, time, position(forDelete: false), .insert(context.freshText(count: generator.int(in: 1...4))))
            case 2 where length > 0:
                add(client, time, position(forDelete: true), .delete(count: 1))
            case 3 where length > 0:
                add(client, time, position(forDelete: true), .delete(count: generator.int(in: 2...6)))
            case 4:
                var authors = Array(1...context.clients)
                generator.shuffle(&authors)
                let spot = position(forDelete: false)
                for author in authors.prefix(min(authors.count, generator.int(in: 2...4))) {
                    let at = time + Int64(generator.below(5_000))
                    if length > spot && generator.chance(perMille: 250) {
                        add(author, at, spot, .delete(count: generator.int(in: 1...3)))
                    } else {
                        add(author, at, spot, .insert(context.freshText(count: generator.int(in: 1...3))))
                    }
                }
            case 5:
                add(client, time, 0, .restore(versionsBack: generator.int(in: 1...50)))
            default:
                add(client, time, position(forDelete: false), .insert(context.freshText(count: 1)))
            }
        }
        return edits
    }
}
