import CedreCore
@testable import CedreStore
import CedreTestSupport
import Foundation
import Testing

/// The check cursor: a night compares only what changed since the last run covering every
/// notice, and only while nothing that run read has changed.
@Suite struct CheckCursorTests {
    let key = Scenario.key

    private func request(_ day: Day, horizon: Int = 30, listing: CheckListing = .quiet, dryRun: Bool = false) -> CheckRequest {
        CheckRequest(asOf: day, horizonDays: horizon, dryRun: dryRun, actor: "cron", now: Date(), listing: listing)
    }

    private func startsFromTheCursor(_ store: CedreStore, _ request: CheckRequest) throws -> Bool {
        try store.writer.read { try CheckCursor.usable(for: request, in: $0) } != nil
    }

    private func summary(_ result: CheckResult) -> [String] {
        summary(result.notices)
    }

    private func summary(_ notices: [ReportedNotice]) -> [String] {
        notices.map { "\($0.notice.rule.rawValue) \($0.notice.due) \($0.status.rawValue)" }
    }

    @Test func aDeadlineMetAfterALongerHorizonAnnouncedItIsResolvedFromTheCursorOnceWithinTheHorizon() throws {
        let store = try Scenario.store()
        #expect(summary(try store.check(request("2014-03-01", horizon: 90))) == ["due-soon 2014-05-02 new"])
        try store.record([
            (.auditPlanned(key, "A-2014-0001", kind: .surveillance, scheduledOn: "2014-03-10", auditors: []), "2014-03-01"),
            (.auditConducted(key, "A-2014-0001"), "2014-03-10"),
        ], context: .tests(today: "2014-03-10"))
        // 30 days ahead on 15 March, the deadline met is beyond the horizon: its row stays open
        let shorter = try store.check(request("2014-03-15"))
        #expect(summary(shorter).isEmpty && shorter.counts == NoticeCounts())
        let withinTheHorizon = request("2014-04-10")
        #expect(try startsFromTheCursor(store, withinTheHorizon))
        #expect(summary(try store.check(withinTheHorizon)) == ["due-soon 2014-05-02 resolved"])
        #expect(summary(try store.check(request("2014-04-11"))).isEmpty)
    }

    @Test func aNightAfterAnotherCountsOrListsTheNoticesStillOpenAndReportsWhatStartedAndStopped() throws {
        let store = try Scenario.store()
        #expect(summary(try store.check(request("2014-04-10"))) == ["due-soon 2014-05-02 new"])
        let overdue = request("2014-05-03")
        #expect(try startsFromTheCursor(store, overdue))
        let result = try store.check(overdue)
        #expect(summary(result) == ["surveillance-overdue 2014-05-03 new"])
        #expect(result.counts.new == 1 && result.counts.open == 0)
        let nextNight = try store.check(request("2014-05-04"))
        #expect(summary(nextNight).isEmpty && nextNight.counts.open == 1)
        // A run listing what is still open reads it from the periods that held the night before
        let listing = request("2014-05-05", listing: .standard)
        #expect(try startsFromTheCursor(store, listing))
        #expect(summary(try store.check(listing)) == ["surveillance-overdue 2014-05-03 open"])
        // The certificate expires with its surveillance overdue: the reminder is closed, not resolved
        let expired = try store.check(request("2016-05-03"))
        #expect(summary(expired) == ["certificate-expired 2016-05-03 new"])
        #expect(expired.counts.resolved == 0)
    }

    @Test func anotherRunADayBeforeAnotherHorizonOneSchemeOrRemindersCompareEverything() throws {
        let store = try Scenario.store()
        try store.check(request("2014-05-10"))
        #expect(try startsFromTheCursor(store, request("2014-05-10")))
        #expect(try startsFromTheCursor(store, request("2014-05-11")))
        #expect(try !startsFromTheCursor(store, request("2014-05-09")))
        #expect(try !startsFromTheCursor(store, request("2014-05-11", horizon: 60)))
        #expect(try startsFromTheCursor(store, request("2014-05-11", listing: .standard)))
        var reminding = request("2014-05-11")
        reminding.remindEveryDays = 7
        #expect(try !startsFromTheCursor(store, reminding))
        var oneScheme = request("2014-05-11")
        oneScheme.scheme = key.scheme
        #expect(try !startsFromTheCursor(store, oneScheme))

        // A dry run leaves the cursor where it was
        try store.check(request("2014-06-10", dryRun: true))
        #expect(try startsFromTheCursor(store, request("2014-05-10")))
        // A run of one scheme that records a notice
        oneScheme = request("2016-05-03")
        oneScheme.scheme = key.scheme
        #expect(try store.check(oneScheme).counts.new > 0)
        #expect(try !startsFromTheCursor(store, request("2016-05-04")))
        try store.check(request("2016-05-04"))
        #expect(try startsFromTheCursor(store, request("2016-05-05")))
        // A rebuild writes the calendars again
        try store.rebuild()
        #expect(try !startsFromTheCursor(store, request("2016-05-06")))
    }

    @Test func aLateFactOrAVoidStartsFromTheCursorAndComparesTheDossiersItWroteInFull() throws {
        let store = try Scenario.store()
        try store.record([(.memberAdded(.sample("bretagne-insertion", type: .ei), joined: nil), "2013-01-01")])
        let other = CertificationKey.cedre("bretagne-insertion")
        try store.record([(.certificationEngaged(other), "2013-01-15")], context: .tests(today: "2013-01-15"))
        try store.check(request("2014-05-10"))
        // The surveillance held on 25 March, entered on 12 May
        try store.record([
            (.auditPlanned(key, "A-2014-0001", kind: .surveillance, scheduledOn: "2014-03-25", auditors: []), "2014-03-01"),
            (.auditConducted(key, "A-2014-0001"), "2014-03-25"),
        ], context: .tests(today: "2014-05-12"))
        let lateFact = request("2014-05-12")
        #expect(try startsFromTheCursor(store, lateFact))
        let full = try store.check(request("2014-05-12", listing: .all, dryRun: true))
        let result = try store.check(lateFact)
        #expect(summary(result) == ["surveillance-overdue 2014-05-03 resolved"])
        #expect(result.counts == full.counts && result.notices == full.notices.filter(CheckListing.quiet.lists))
        // The stalled engagement of the other member, reported, then its engagement voided
        let stalled = try store.check(request("2015-01-16")).notices.filter { $0.notice.key == other }
        #expect(summary(stalled) == ["engagement-stalled 2015-01-15 new"])
        let engagement = try #require(try store.events().last { $0.stream == LogStream.certification(other).description })
        try store.void(event: engagement.id, reason: "entered by mistake", context: .tests(today: "2015-01-17"))
        let afterTheVoid = request("2015-01-17")
        #expect(try startsFromTheCursor(store, afterTheVoid))
        let fullAfterTheVoid = try store.check(request("2015-01-17", listing: .all, dryRun: true))
        let voided = try store.check(afterTheVoid)
        #expect(voided.counts == fullAfterTheVoid.counts && voided.notices == fullAfterTheVoid.notices.filter(CheckListing.quiet.lists))
        #expect(summary(voided) == ["engagement-stalled 2015-01-15 resolved"])
        // A dossier entered late whose calendar starts before the cursor's day, stalled since 2014
        try store.record([(.memberAdded(.sample("ateliers-du-bocage", type: .aci), joined: nil), "2012-11-01")])
        let late = CertificationKey.cedre("ateliers-du-bocage")
        try store.record([(.certificationEngaged(late), "2012-12-01")], context: .tests(today: "2015-01-18"))
        let newDossier = request("2015-01-18")
        #expect(try startsFromTheCursor(store, newDossier))
        let fullWithTheNewDossier = try store.check(request("2015-01-18", listing: .all, dryRun: true))
        let entered = try store.check(newDossier)
        #expect(entered.counts == fullWithTheNewDossier.counts)
        #expect(summary(entered) == ["engagement-stalled 2014-12-01 new"])
        #expect(try store.verify().problem == nil)
    }

    @Test func verifyHoldsTheCursorToTheDossiersNoWriteTouchedSince() throws {
        let store = try Scenario.store()
        try store.check(request("2014-05-10"))
        // A surveillance planned on 9 May for June, entered on the 11th: the overdue notice still
        // holds on the cursor's day, in rows written again
        try store.record([
            (.auditPlanned(key, "A-2014-0001", kind: .surveillance, scheduledOn: "2014-06-20", auditors: []), "2014-05-09"),
        ], context: .tests(today: "2014-05-11"))
        #expect(try store.verify().problem == nil)
        let nextNight = try store.check(request("2014-05-12"))
        #expect(summary(nextNight).isEmpty && nextNight.counts.open == 1)
        #expect(try store.verify().problem == nil)
    }

    @Test func verifyNamesACursorMovedByHandPastNoticesTheLedgerNeverRecorded() throws {
        let store = try Scenario.store()
        try store.check(request("2014-04-01"))
        #expect(try store.verify().problem == nil)
        try store.writer.write { try $0.execute(sql: "UPDATE check_cursor SET as_of = '2014-05-10'") }
        #expect(try store.verify().problem == """
            the check cursor does not match the notice ledger: on 2014-05-10, 1 of the 1 notices holding have no open row, \
            and it counts 0; the next check would miss notices: run 'cedre rebuild', then 'cedre check'.
            """)
        // Facts are still recorded; a rebuild clears the cursor
        try store.record([
            (.auditPlanned(key, "A-2014-0001", kind: .surveillance, scheduledOn: "2014-05-20", auditors: []), "2014-05-10"),
        ], context: .tests(today: "2014-05-10"))
        try store.rebuild()
        #expect(try store.verify().problem == nil)
    }
}
