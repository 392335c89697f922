import CedreCore
@testable import CedreStore
import CedreTestSupport
import Foundation
import Testing

/// `check` compares what holds on its day with its ledger inside SQLite; here each run is held
/// to the ledger of DESIGN §5 kept in memory over full replays of the log, on generated
/// networks, for days back and forth, after late facts and corrections, and after runs that
/// covered one scheme only.
@Suite struct CheckLedgerPropertyTests {
    @Test(arguments: [UInt64(12)])
    func eachRunReportsWhatAFullReplayAndTheRunsBeforeSay(seed: UInt64) throws {
        try expectTheRunsOfAFullReplay(seed: seed, runs: 60)
    }

    @Test(.tags(.long), .enabled(if: LongTests.enabled, LongTests.skipped), arguments: [UInt64(4), 23])
    func eachRunReportsWhatAFullReplayAndTheRunsBeforeSayOnMoreSeeds(seed: UInt64) throws {
        try expectTheRunsOfAFullReplay(seed: seed, runs: 60)
    }

    /// The cron line night after night, with the same horizon, quiet or listing what is still
    /// open: most runs start from where the last one left the ledger (`CheckCursor`) and compare
    /// only what changed since; each must report and list what a dry run comparing every notice
    /// reports (held to full replays above). Late
    /// facts, corrections, a run of one scheme, a day back, a jump ahead or a dry run come
    /// between some nights.
    @Test(arguments: [UInt64(5)])
    func nightAfterNightEachRunReportsWhatAFullComparisonSays(seed: UInt64) throws {
        try expectNightsAsAFullComparison(seed: seed)
    }

    @Test(.tags(.long), .enabled(if: LongTests.enabled, LongTests.skipped), arguments: [UInt64(31), 47])
    func nightAfterNightEachRunReportsWhatAFullComparisonSaysOnMoreSeeds(seed: UInt64) throws {
        try expectNightsAsAFullComparison(seed: seed)
    }

    private func expectNightsAsAFullComparison(seed: UInt64) throws {
        let (store, generated) = try StoredStateTests.store(seed: seed, members: 80)
        var random = SeededGenerator(seed: seed)
        let context = RecordingContext.tests(today: "2026-12-01")
        let events = try store.events().filter { $0.stream.hasPrefix("certification/") }
        let schemes = store.catalog.schemes.map(\.id)
        let horizon = 90
        var day = generated.lastDay.adding(days: -60)
        var seen = NoticeCounts()
        var fromCursor = 0
        let nights = 200
        for night in 0..<nights {
            day = day.adding(days: random.between(0, 6))
            func request(_ listing: CheckListing = .quiet, dryRun: Bool = false) -> CheckRequest {
                CheckRequest(asOf: day, horizonDays: horizon, dryRun: dryRun, actor: "cron", now: Date(), listing: listing)
            }
            switch random.between(0, 24) {
            case 0, 1:
                for _ in 0..<2 { _ = try StoredStateTests.changeAtRandom(store, of: events, &random, context: context) }
            case 2:
                var oneScheme = request()
                oneScheme.scheme = schemes[random.between(0, schemes.count - 1)]
                try store.check(oneScheme)
            case 3:
                day = day.adding(days: -random.between(1, 30))
            case 4:
                day = day.adding(days: random.between(30, 120))
            case 5:
                try store.check(request(dryRun: true))
            default:
                break
            }
            var everyNotice = request(.all, dryRun: true)
            everyNotice.comparesEveryNotice = true
            let full = try store.check(everyNotice)
            let listing = [CheckListing.quiet, .standard, .all][random.between(0, 2)]
            if try store.writer.read({ try CheckCursor.usable(for: request(listing), in: $0) }) != nil { fromCursor += 1 }
            let result = try store.check(request(listing))
            #expect(result.notices == full.notices.filter(listing.lists), "night \(night) on \(day), \(listing)")
            #expect(result.counts == full.counts, "night \(night) on \(day), \(listing)")
            for reported in full.notices { seen.count(reported.status) }
        }
        #expect(fromCursor * 4 >= nights * 3, "\(fromCursor) of \(nights) nights start from the cursor")
        #expect(seen.new > 0 && seen.open > 0 && seen.resolved > 0, "the runs report every status: \(seen)")
        #expect(try store.verify().problem == nil)
    }

    private func expectTheRunsOfAFullReplay(seed: UInt64, runs: Int) throws {
        let (store, _) = try StoredStateTests.store(seed: seed, members: 60)
        var random = SeededGenerator(seed: seed)
        let context = RecordingContext.tests(today: "2026-12-01")
        let events = try store.events().filter { $0.stream.hasPrefix("certification/") }
        var ledger = LedgerModel()
        var day: Day = "2012-09-01"
        var seen = NoticeCounts()
        let schemes = store.catalog.schemes.map(\.id)
        for run in 0..<runs {
            if run % 3 == 2 {
                for _ in 0..<4 { _ = try StoredStateTests.changeAtRandom(store, of: events, &random, context: context) }
            }
            day = day.adding(days: random.between(-60, 150))
            let horizon = random.between(0, 90)
            let holding = try store.network(through: day).notices(on: day, horizon: horizon)
            func request(_ listing: CheckListing, dryRun: Bool) -> CheckRequest {
                CheckRequest(asOf: day, horizonDays: horizon, dryRun: dryRun, actor: "cron", now: Date(), listing: listing)
            }
            // A run of one scheme's notices first, every fourth one recorded: it reports and
            // records only that scheme's, and the others stay new for the run that covers them
            let scheme = schemes[random.between(0, schemes.count - 1)]
            var oneScheme = ledger
            let schemeExpected = oneScheme.run(holding, on: day, horizon: horizon) { $0.key.scheme == scheme }
            var filtered = request(.all, dryRun: run % 4 != 3)
            filtered.scheme = scheme
            let schemeRun = try store.check(filtered).notices
            #expect(schemeRun == schemeExpected, "run \(run) on \(day), \(scheme) only")
            if !filtered.dryRun { ledger = oneScheme }
            let expected = ledger.run(holding, on: day, horizon: horizon)
            let quiet = try store.check(request(.quiet, dryRun: true))
            let result = try store.check(request(.all, dryRun: false))
            #expect(result.notices == expected, "run \(run) on \(day), horizon \(horizon)")
            #expect(result.counts == NoticeCounts(expected), "run \(run) on \(day)")
            #expect(quiet.notices == expected.filter(CheckListing.quiet.lists), "quiet run \(run) on \(day)")
            #expect(quiet.counts == result.counts, "quiet run \(run) on \(day)")
            for reported in expected + schemeExpected { seen.count(reported.status) }
        }
        #expect(seen.new > 0 && seen.open > 0 && seen.resolved > 0, "the runs report every status: \(seen)")
        #expect(try store.verify().problem == nil)
    }
}

/// The notice ledger as DESIGN §5 says it behaves, kept in memory: a notice is new on the first
/// run that sees it, open while it holds (reopened when it holds again), and reported once as
/// resolved when it stops holding after its due day; a deadline or a reminder about a certificate
/// no longer valid is closed without a word.
private struct LedgerModel {
    private var open: [String: Notice] = [:]
    private var closed: Set<String> = []

    private static func key(_ notice: Notice) -> String {
        "\(notice.subject)|\(notice.rule.rawValue)|\(notice.due)"
    }

    /// What a run on `day` reports, given the notices holding on it, in the order lists show them;
    /// a run that `covers` only some notices leaves the others as they are.
    mutating func run(
        _ holding: [Notice], on day: Day, horizon: Int, covers: (Notice) -> Bool = { _ in true }
    ) -> [ReportedNotice] {
        var reported: [ReportedNotice] = []
        let current = Dictionary(holding.filter(covers).map { (Self.key($0), $0) }, uniquingKeysWith: { first, _ in first })
        for (key, notice) in current {
            if open[key] != nil {
                reported.append(ReportedNotice(notice: notice, status: .open))
            } else {
                reported.append(ReportedNotice(notice: notice, status: closed.remove(key) == nil ? .new : .open))
                open[key] = notice
            }
        }
        let noLongerValid = Set(current.values.filter { [.certificateExpired, .certificationLapsed, .suspensionExpired].contains($0.rule) }.map(\.key))
        for (key, notice) in open where current[key] == nil && covers(notice) {
            let resolved: Bool
            if [.surveillanceOverdue, .recertificationNotPlanned, .dueSoon].contains(notice.rule) && noLongerValid.contains(notice.key) {
                resolved = false
            } else if notice.rule == .dueSoon {
                guard notice.due <= day.adding(days: horizon) else { continue }
                resolved = notice.due >= day
            } else {
                guard notice.due <= day else { continue }
                resolved = true
            }
            open[key] = nil
            closed.insert(key)
            if resolved { reported.append(ReportedNotice(notice: notice, status: .resolved)) }
        }
        return reported.sorted { Notice.precedes($0.notice, $1.notice) }
    }
}
