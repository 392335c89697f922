import CedreCore
import CedreTestSupport
import Testing

@testable import CedreStore

/// A status report's counts, read in two halves of the members on two connections at once
/// (`TallyRows.split`), count what one pass counts.
@Suite struct TallySplitTests {
    private typealias Counts = (members: [NetworkTally.MemberKind: Int], milestones: [NetworkTally.MilestoneKind: Int])

    /// Parted at an id of the network (its first, one inside, its last) or at one it does not
    /// hold (before, between and after its ids), on days before, inside and after its years:
    /// the halves added up are the whole.
    @Test func theTwoHalvesCountWhatOnePassCounts() throws {
        let (store, generated) = try StoredStateTests.store(seed: 19, members: 60)
        let ids = try store.members().map(\.member.id.rawValue).sorted { Array($0.utf8).lexicographicallyPrecedes(Array($1.utf8)) }
        let partings = [ids[0], ids[ids.count / 2], ids[ids.count - 1], "", ids[ids.count / 3] + "-", "\u{FFFF}"]
        var counted = 0
        try store.writer.read { db in
            for day: Day in ["2011-12-31", "2013-12-31", "2014-06-30", generated.lastDay, generated.lastDay.adding(days: 400)] {
                let whole = try TallyRows.counts(on: day, catalog: store.catalog, in: db)
                counted += whole.members.values.reduce(0, +)
                for parting in partings {
                    var sum: Counts = try TallyRows.counts(on: day, catalog: store.catalog, of: .before(parting), in: db)
                    let other = try TallyRows.counts(on: day, catalog: store.catalog, of: .from(parting), in: db)
                    sum.members.merge(other.members, uniquingKeysWith: +)
                    sum.milestones.merge(other.milestones, uniquingKeysWith: +)
                    #expect(sum.members == whole.members, "members on \(day), parted at \(parting)")
                    #expect(sum.milestones == whole.milestones, "milestones on \(day), parted at \(parting)")
                }
            }
        }
        #expect(counted > 0)
    }

    /// In a database file split from two members on, the tally is the one the same store in
    /// memory gives in one pass.
    @Test func aFileSplittingItsCountsAnswersWhatOnePassAnswers() throws {
        let (store, generated) = try StoredStateTests.store(seed: 23, members: 60)
        let rules = Set(NoticeRule.allCases)
        try StoredStateTests.inFile(store) { file in
            for day: Day in ["2014-06-30", generated.lastDay, generated.lastDay.adding(days: 200)] {
                let whole = try store.tally(on: day, horizon: 60, listing: rules)
                #expect(whole.members.values.reduce(0, +) > 0)
                #expect(try file.tally(on: day, horizon: 60, listing: rules, splittingFrom: 2) == whole, "\(day)")
            }
        }
    }
}
