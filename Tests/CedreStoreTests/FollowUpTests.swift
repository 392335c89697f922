import CedreCore
import CedreStore
import CedreTestSupport
import Foundation
import Testing

/// Rules 21 and 22, and a check that follows up: narrowed to a region or a scheme, reminding of
/// what nobody acted on.
@Suite struct FollowUpTests {
    private let key = Scenario.key

    private func store(_ facts: [(Fact, Day)]) throws -> CedreStore {
        let store = try CedreStore.inMemory()
        try store.record([
            (.memberAdded(.sample("solipass", type: .ges), joined: nil), "2013-01-01"),
            (.memberAdded(Member(id: "tremplin", name: "TREMPLIN", types: [.aci], departement: "57", region: "Lorraine"), joined: nil), "2013-01-01"),
        ] + facts, context: .tests(today: "2030-01-01"))
        return store
    }

    private func check(
        _ store: CedreStore, _ day: Day, region: String? = nil, scheme: SchemeID? = nil, remindEvery: Int? = nil,
        dryRun: Bool = false
    ) throws -> [String] {
        try store.check(CheckRequest(
            asOf: day, horizonDays: 0, dryRun: dryRun, actor: "cron", now: Date(), region: region, scheme: scheme,
            remindEveryDays: remindEvery)).notices.map { "\($0.notice.key.member) \($0.notice.rule.rawValue) \($0.notice.due) \($0.status.rawValue)" }
    }

    @Test func rule21AnAuditWhosePlannedDayPassedIsANoticeFromTheDayAfter() throws {
        let store = try store([
            (.certificationEngaged(key), "2013-01-10"),
            (.auditPlanned(key, "A-2013-0001", kind: .initial, scheduledOn: "2013-03-01", auditors: []), "2013-02-01"),
        ])
        #expect(try check(store, "2013-03-01", dryRun: true).isEmpty)
        #expect(try check(store, "2013-03-02") == ["solipass audit-not-held 2013-03-02 new"])
        try store.record([DatedFact(.auditPostponed(key, "A-2013-0001", to: "2013-03-15", reason: "auditor ill"), on: "2013-03-05")],
                         context: .tests(today: "2030-01-01"))
        #expect(try check(store, "2013-03-06") == ["solipass audit-not-held 2013-03-02 resolved"])
        #expect(try check(store, "2013-03-16") == ["solipass audit-not-held 2013-03-16 new"])
        try store.record([DatedFact(.auditConducted(key, "A-2013-0001"), on: "2013-03-15")], context: .tests(today: "2030-01-01"))
        #expect(try check(store, "2013-03-17") == ["solipass audit-not-held 2013-03-16 resolved"])
    }

    @Test func rule22AnEngagementWithNoInitialAuditPlannedStallsAfterTwentyFourMonths() throws {
        let store = try store([(.certificationEngaged(key), "2013-01-10")])
        #expect(try check(store, "2015-01-09", dryRun: true).isEmpty)
        #expect(try check(store, "2015-01-10") == ["solipass engagement-stalled 2015-01-10 new"])
        try store.record(
            [DatedFact(.auditPlanned(key, "A-2015-0001", kind: .initial, scheduledOn: "2015-03-02", auditors: []), on: "2015-02-01")],
            context: .tests(today: "2030-01-01"))
        #expect(try check(store, "2015-02-02") == ["solipass engagement-stalled 2015-01-10 resolved"])
    }

    @Test func rule22ALeapDayEngagementStallsOnTheLastDayOfFebruary() throws {
        let store = try store([(.certificationEngaged(key), "2016-02-29")])
        #expect(try check(store, "2018-02-27", dryRun: true).isEmpty)
        #expect(try check(store, "2018-02-28") == ["solipass engagement-stalled 2018-02-28 new"])
    }

    @Test func aRegionalCheckLeavesTheOtherRegionsNoticesNewForTheirRun() throws {
        let other = CertificationKey.cedre("tremplin")
        let store = try store([(.certificationEngaged(key), "2013-01-10"), (.certificationEngaged(other), "2013-01-10")])
        #expect(try check(store, "2015-02-01", region: "Pays de la Loire") == ["solipass engagement-stalled 2015-01-10 new"])
        #expect(try check(store, "2015-02-02", region: "Lorraine") == ["tremplin engagement-stalled 2015-01-10 new"])
        #expect(try check(store, "2015-02-03", scheme: "cedre-iso").isEmpty)
        #expect(try check(store, "2015-02-04") == [
            "solipass engagement-stalled 2015-01-10 open", "tremplin engagement-stalled 2015-01-10 open",
        ])
    }

    @Test func aNoticeNobodyActedOnIsShownAgainEveryNDays() throws {
        let store = try store([(.certificationEngaged(key), "2013-01-10")])
        #expect(try check(store, "2015-01-10", remindEvery: 7) == ["solipass engagement-stalled 2015-01-10 new"])
        #expect(try check(store, "2015-01-16", remindEvery: 7) == ["solipass engagement-stalled 2015-01-10 open"])
        #expect(try check(store, "2015-01-17", remindEvery: 7) == ["solipass engagement-stalled 2015-01-10 reminder"])
        #expect(try check(store, "2015-01-23", remindEvery: 7) == ["solipass engagement-stalled 2015-01-10 open"])
        #expect(try check(store, "2015-01-24", remindEvery: 7) == ["solipass engagement-stalled 2015-01-10 reminder"])
        #expect(try store.verify().problem == nil)
    }

    @Test func theDemoNetworkHasBothFollowUpNoticesAtTheEndOf2014() throws {
        let store = try CedreStore.network2013()
        let rules = Set(try store.check(CheckRequest(asOf: "2014-12-31", horizonDays: 60, dryRun: true, actor: "cron", now: Date()))
            .notices.map(\.notice.rule))
        #expect(rules.contains(.auditNotHeld))
        #expect(rules.contains(.engagementStalled))
    }
}
