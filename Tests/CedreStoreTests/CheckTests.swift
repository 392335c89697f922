import CedreCore
import CedreFixtures
import CedreStore
import CedreTestSupport
import Foundation
import Synchronization
import Testing

/// The nightly check and its notice ledger (DESIGN §5).
@Suite struct CheckTests {
    let key = Scenario.key

    private func store(_ facts: [(Fact, Day)] = Scenario.certified) throws -> CedreStore {
        let store = try CedreStore.inMemory()
        try store.record([(.memberAdded(.sample("solipass", type: .ges), joined: nil), "2013-01-01")] + facts)
        return store
    }

    @discardableResult
    private func check(_ store: CedreStore, _ day: Day, horizon: Int = 0, dryRun: Bool = false) throws -> [ReportedNotice] {
        try store.check(CheckRequest(asOf: day, horizonDays: horizon, dryRun: dryRun, actor: "cron", now: Date())).notices
    }

    private func summary(_ notices: [ReportedNotice]) -> [String] {
        notices.map { "\($0.notice.rule.rawValue) \($0.notice.due) \($0.status.rawValue)" }
    }

    @Test func aNoticeIsNewOnceThenStillOpen() throws {
        let store = try store()
        #expect(summary(try check(store, "2014-05-03")) == ["surveillance-overdue 2014-05-03 new"])
        let ledger = try store.ledgerCount()
        #expect(summary(try check(store, "2014-05-03")) == ["surveillance-overdue 2014-05-03 open"])
        #expect(try store.ledgerCount() == ledger)
        #expect(summary(try check(store, "2014-06-01")) == ["surveillance-overdue 2014-05-03 open"])
    }

    @Test func eachRuleFallsDueOnItsDayNotTheDayBefore() throws {
        let store = try store()
        #expect(summary(try check(store, "2014-05-02", dryRun: true)) == ["due-soon 2014-05-02 new"])
        #expect(summary(try check(store, "2014-05-03", dryRun: true)) == ["surveillance-overdue 2014-05-03 new"])
        let rules = try check(store, "2016-05-03", dryRun: true).map(\.notice.rule)
        #expect(rules.contains(.certificateExpired) && rules.contains(.recertificationNotPlanned) == false)
        #expect(try check(store, "2016-05-02", dryRun: true).map(\.notice.rule).contains(.certificateExpired) == false)
        #expect(try check(store, "2016-11-03", dryRun: true).map(\.notice.rule).contains(.certificationLapsed))
        #expect(try check(store, "2016-11-02", dryRun: true).map(\.notice.rule).contains(.certificationLapsed) == false)
    }

    @Test func aNightThatDidNotRunIsCaughtUpWithTrueDueDays() throws {
        let store = try store(Scenario.audited)
        #expect(try check(store, "2013-05-25").isEmpty)
        let caughtUp = try check(store, "2013-06-04")
        #expect(summary(caughtUp) == ["major-finding-overdue 2013-05-31 new"])
        #expect(caughtUp.first?.notice.finding == Scenario.major)
    }

    /// A certified member whose surveillance, overdue on 2014-05-03 and reported on 05-10,
    /// turns out on 05-12 to have been held on 25 March: the late fact is recorded, not checked.
    private func storeWithALateSurveillanceAudit() throws -> CedreStore {
        let store = try store()
        try check(store, "2014-05-10")
        try store.record([
            (.auditPlanned(key, "A-2014-0001", kind: .surveillance, scheduledOn: "2014-03-25", auditors: []), "2014-03-01"),
            (.auditConducted(key, "A-2014-0001"), "2014-03-25"),
        ], context: .tests(today: "2014-05-12"))
        return store
    }

    @Test func aLateFactThatMakesANoticeMootReportsItOnceAsResolved() throws {
        let store = try storeWithALateSurveillanceAudit()
        #expect(summary(try check(store, "2014-05-12")) == ["surveillance-overdue 2014-05-03 resolved"])
        #expect(try check(store, "2014-05-13").isEmpty)
    }

    @Test func aResolvedNoticeThatHoldsAgainIsReopenedNotReportedNew() throws {
        // Given an overdue surveillance made moot by a late audit, then that audit voided
        let store = try storeWithALateSurveillanceAudit()
        #expect(summary(try check(store, "2014-05-12")) == ["surveillance-overdue 2014-05-03 resolved"])
        let ledger = try store.ledgerCount()
        let conducted = try #require(try store.events().last { $0.kind == Fact.Kind.auditConducted.rawValue })
        try store.void(event: conducted.id, reason: "entered by mistake", context: .tests(today: "2014-05-13"))
        // Then the next run shows it open again, under its first ledger row (the audit now
        // planned and not held is the one new notice), and the run after as still open
        #expect(summary(try check(store, "2014-05-13")) == ["audit-not-held 2014-03-26 new", "surveillance-overdue 2014-05-03 open"])
        #expect(try store.ledgerCount() == ledger + 1)
        #expect(summary(try check(store, "2014-05-14")) == ["audit-not-held 2014-03-26 open", "surveillance-overdue 2014-05-03 open"])
        #expect(try store.verify().problem == nil)
    }

    @Test func dueSoonIsAnnouncedOnceAndResolvedWhenDone() throws {
        let store = try store()
        #expect(summary(try check(store, "2014-03-10", horizon: 60)) == ["due-soon 2014-05-02 new"])
        #expect(summary(try check(store, "2014-03-11", horizon: 60)) == ["due-soon 2014-05-02 open"])
        try store.record([
            (.auditPlanned(key, "A-2014-0001", kind: .surveillance, scheduledOn: "2014-03-20", auditors: []), "2014-03-12"),
            (.auditConducted(key, "A-2014-0001"), "2014-03-20"),
        ], context: .tests(today: "2014-03-20"))
        #expect(summary(try check(store, "2014-03-21", horizon: 60)) == ["due-soon 2014-05-02 resolved"])
    }

    @Test func aDryRunWritesNothing() throws {
        let store = try store()
        let notices = try check(store, "2014-05-03", dryRun: true)
        #expect(notices.map(\.status) == [.new])
        #expect(try store.ledgerCount() == 0)
        #expect(try check(store, "2014-05-03").map(\.status) == [.new])
    }

    @Test func checkNeverWritesTheEventLog() throws {
        let store = try store()
        let events = try store.eventCount()
        for day: Day in ["2014-05-03", "2016-05-03", "2017-01-01"] { try check(store, day, horizon: 90) }
        #expect(try store.eventCount() == events)
        #expect(try store.verify().problem == nil)
    }

    @Test(arguments: [UInt64(1), 7, 42, 2013])
    func noNoticeIsEverReportedNewTwice(seed: UInt64) throws {
        let store = try store()
        var generator = SeededGenerator(seed: seed)
        var seen = Set<String>()
        var day: Day = "2013-06-01"
        for _ in 0..<40 {
            day = day.adding(days: generator.index(below: 90) - 20)
            for reported in try check(store, day, horizon: generator.index(below: 120)) where reported.status == .new {
                let key = "\(reported.notice.subject)|\(reported.notice.rule)|\(reported.notice.due)"
                #expect(!seen.contains(key), "\(key) reported new twice")
                seen.insert(key)
            }
        }
    }

    @Test(arguments: [UInt64(3), 11, 29])
    func anIncrementalRunSeesExactlyWhatAFullReplaySees(seed: UInt64) throws {
        let store = try CedreStore.inMemory()
        var generator = SeededGenerator(seed: seed)
        var facts: [(Fact, Day)] = []
        for index in 0..<6 {
            let key = CertificationKey.cedre(MemberID(rawValue: "m\(index)"))
            let start = Day("2013-01-10").adding(days: generator.index(below: 300))
            let audit = AuditID(rawValue: "A-\(start.adding(days: 40).year)-00\(10 + index)")
            facts += [
                (.memberAdded(.sample(key.member), joined: nil), "2012-01-01"),
                (.certificationEngaged(key), start),
                (.auditPlanned(key, audit, kind: .initial, scheduledOn: start.adding(days: 40), auditors: []), start.adding(days: 10)),
                (.auditConducted(key, audit), start.adding(days: 40)),
                (.certificationDecided(key), start.adding(days: 60)),
            ]
        }
        try store.record(facts.sorted { $0.1 < $1.1 }, context: .tests())
        var day: Day = "2013-06-01"
        for step in 0..<25 {
            day = day.adding(days: generator.index(below: 120))
            if step % 4 == 1 {
                let member = MemberID(rawValue: "m\(generator.index(below: 6))")
                let audit = AuditID(rawValue: "A-\(day.year)-09\(step + 10)")
                _ = try? store.record([
                    DatedFact(.auditPlanned(.cedre(member), audit, kind: .surveillance, scheduledOn: day.adding(days: -5), auditors: []), on: day.adding(days: -20)),
                    DatedFact(.auditConducted(.cedre(member), audit), on: day.adding(days: -5)),
                ], context: .tests(today: day))
            }
            let reported = try check(store, day, horizon: 45)
            let holding = Set(reported.filter { $0.status != .resolved }.map { "\($0.notice.subject)|\($0.notice.rule)|\($0.notice.due)" })
            let expected = Set(try store.network(through: day).notices(on: day, horizon: 45).map { "\($0.subject)|\($0.rule)|\($0.due)" })
            #expect(holding == expected, "run \(step) on \(day)")
        }
    }

    @Test func twoChecksAtOnceNeverBothReportTheSameNoticeAsNew() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("cedre-check-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("cedre.sqlite").path
        let setup = try CedreStore.open(path: path)
        try setup.record(Scenario.certifiedMember)
        let results = Mutex<[Int]>([])
        DispatchQueue.concurrentPerform(iterations: 4) { _ in
            let count: Int
            do {
                let store = try CedreStore.open(path: path)
                let notices = try store.check(CheckRequest(asOf: "2016-06-01", horizonDays: 30, dryRun: false, actor: "cron", now: Date()))
                count = notices.notices.filter { $0.status == .new }.count
            } catch {
                count = -1
            }
            results.withLock { $0.append(count) }
        }
        let all = results.withLock { $0 }
        #expect(all.filter { $0 > 0 }.count == 1)
        #expect(!all.contains(-1))
        #expect(try setup.verify().problem == nil)
    }

    /// In a database file the members are read on a second connection while the first writes
    /// the ledger; in memory, on the run's own before it writes.
    @Test(arguments: [false, true]) func aRunNamesTheMembersOfWhatItListsOnly(inAFile: Bool) throws {
        // Given the 2013 network checked the night before
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("cedre-check-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let network = try CedreStore.network2013()
        let store = inAFile ? try network.copy(toFile: folder.appendingPathComponent("cedre.sqlite").path) : network
        try check(store, "2014-12-30")
        // When the next night runs quiet, and then listing everything
        func run(_ listing: CheckListing) throws -> CheckResult {
            try store.check(CheckRequest(
                asOf: "2014-12-31", horizonDays: 60, dryRun: true, actor: "cron", now: Date(), listing: listing))
        }
        let quiet = try run(.quiet)
        let all = try run(.all)
        // Then each lists what its listing shows, counts the same notices, and names the members
        // of the notices it lists, the quiet one no others
        #expect(!quiet.notices.isEmpty && quiet.notices == all.notices.filter(CheckListing.quiet.lists))
        #expect(quiet.counts == all.counts && all.counts == NoticeCounts(all.notices))
        #expect(Set(quiet.members.keys) == Set(quiet.notices.map(\.notice.key.member)))
        #expect(Set(all.members.keys) == Set(all.notices.map(\.notice.key.member)))
        #expect(quiet.members.count < all.members.count)
        #expect(all.members.values.allSatisfy { $0.name != $0.id.rawValue && !$0.region.isEmpty })
    }

    @Test func onTheTwentyThirteenNetworkEveryMissingFirstSurveillanceIsReported() throws {
        let store = try CedreStore.network2013()
        let network = try store.network(through: "2013-12-31")
        let decidedIn2013 = Set(network.dossiers.values.compactMap { dossier -> CertificationKey? in
            guard let decision = dossier.certification?.currentDecision, decision.on.year == 2013 else { return nil }
            return dossier.key
        })
        #expect(decidedIn2013.count == 47)
        let overdue = Set(try check(store, "2014-12-31").filter { $0.notice.rule == .surveillanceOverdue }.map(\.notice.key))
        #expect(decidedIn2013.isSubset(of: overdue))
    }
}
