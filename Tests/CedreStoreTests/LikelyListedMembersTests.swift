import CedreCore
@testable import CedreStore
import CedreTestSupport
import Foundation
import Testing

/// A run that lists every open item reads, on a second connection while it compares, the
/// members it will most likely name; the few it names besides are read after. Here that guess
/// is held to what the runs list, and a run in a file (which guesses) to one in memory (which
/// does not).
@Suite struct LikelyListedMembersTests {
    private func check(_ store: CedreStore, _ day: Day, _ listing: CheckListing, dryRun: Bool = false) throws -> CheckResult {
        try store.check(CheckRequest(asOf: day, horizonDays: 60, dryRun: dryRun, actor: "cron", now: Date(), listing: listing))
    }

    private func likely(_ store: CedreStore) throws -> Set<MemberID> {
        try Set(store.writer.read { db in try NoticeLedger.likelyListedMembers(in: db) }.keys)
    }

    @Test func theGuessIsWhatTheLedgerHoldsOpen() throws {
        // Given the 2013 network, its ledger empty, on a day after its last fact
        let store = try CedreStore.network2013()
        // When a first night runs, then the next
        let firstGuess = try likely(store)
        let first = try check(store, "2014-06-30", .standard)
        let nextGuess = try likely(store)
        let next = try check(store, "2014-07-01", .all, dryRun: true)
        // Then there is nothing to guess from before the first night, and the next guess holds the
        // members of the notices the first night left open: every member the next names but for new notices
        #expect(firstGuess.isEmpty)
        #expect(nextGuess == Set(first.notices.map(\.notice.key.member)))
        let known = Set(next.notices.filter { $0.status != .new }.map(\.notice.key.member))
        #expect(!known.isEmpty && known.isSubset(of: nextGuess))
    }

    @Test(arguments: [CheckListing.standard, .all, .quiet])
    func aRunInAFileNamesTheMembersARunInMemoryNames(_ listing: CheckListing) throws {
        // Given the 2013 network in memory and in a file, each checked a first night
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("cedre-likely-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let memory = try CedreStore.network2013()
        let file = try memory.copy(toFile: folder.appendingPathComponent("cedre.sqlite").path)
        for store in [memory, file] { _ = try check(store, "2014-06-30", listing) }
        // When the next runs come, the second half a year on, naming members the ledger held no open notice of
        let later = Set(try check(memory, "2015-02-01", .all, dryRun: true).notices.map(\.notice.key.member))
        #expect(!later.isSubset(of: try likely(memory)))
        for day: Day in ["2014-07-01", "2015-02-01"] {
            let inMemory = try check(memory, day, listing)
            let inAFile = try check(file, day, listing)
            // Then both list the same notices and name the same members, those only
            #expect(inAFile.notices == inMemory.notices, "\(day)")
            #expect(inAFile.members == inMemory.members, "\(day)")
            #expect(Set(inAFile.members.keys) == Set(inAFile.notices.map(\.notice.key.member)), "\(day)")
        }
    }
}
