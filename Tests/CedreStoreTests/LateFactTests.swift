import CedreCore
import CedreStore
import CedreTestSupport
import Foundation
import Testing

/// DESIGN §5: a fact entered late is accepted when its certification still replays legally in
/// day order, and refused otherwise, naming the conflicting event.
@Suite struct LateFactTests {
    let key = Scenario.key

    @Test func aSurveillanceAuditEnteredLateCorrectsThePicture() throws {
        let store = try Scenario.store()
        try store.record([
            (.auditPlanned(key, "A-2014-0001", kind: .surveillance, scheduledOn: "2014-05-20", auditors: []), "2014-03-01"),
        ])
        let overdue = try #require(try store.dossier(key)).notices(on: "2014-05-10", horizon: 0)
        #expect(overdue.map(\.rule) == [.surveillanceOverdue])
        try store.record([(.auditConducted(key, "A-2014-0001"), "2014-03-25")], context: .tests(today: "2014-04-12"))
        let corrected = try #require(try store.dossier(key))
        #expect(corrected.notices(on: "2014-05-10", horizon: 0).isEmpty)
        #expect(corrected.certification?.nextSurveillanceDueBy == "2015-12-31")
        #expect(try store.verify().problem == nil)
    }

    @Test func aLateFactThatBreaksALaterEventIsRefusedNamingIt() throws {
        let store = try Scenario.store()
        let before = try store.eventCount()
        let late = [DatedFact(.certificationSuspended(key, reason: .memberRequest), on: "2013-05-01")]
        #expect(throws: StoreError.refused(.illegal(IllegalMove(
            .certification(key, .audited, .suspended), since: "2013-03-01", on: "2013-05-01")))) {
            try store.record(late, context: .tests())
        }
        let conflicting = [DatedFact(.findingVerified(key, Scenario.major, effective: false), on: "2013-04-19")]
        do {
            try store.record(conflicting, context: .tests())
            Issue.record("a late ineffective verification before the effective one must be refused")
        } catch let error as StoreError {
            guard case .lateFactConflict(let kind, let day, let event, _) = error else {
                Issue.record("expected a late-fact conflict, got \(error)")
                return
            }
            #expect(kind == .findingVerified && day == "2013-04-19")
            #expect(event.kind == "finding.verified" && event.on == "2013-04-20" && event.id == 9)
        }
        #expect(try store.eventCount() == before)
    }

    @Test func aLateMajorFindingThatWouldHaveBlockedTheDecisionIsRefused() throws {
        let store = try Scenario.store()
        let late = [DatedFact(
            .findingRaised(key, "F-2013-0009", audit: Scenario.initialAudit, grade: "major", requirement: "5.1", statement: ""),
            on: "2013-03-01")]
        #expect(throws: StoreError.self) { try store.record(late, context: .tests()) }
    }

    @Test func factsDatedAfterTodayAreRefused() throws {
        let store = try Scenario.store()
        let future = [DatedFact(.certificationSuspended(key, reason: .memberRequest), on: "2014-02-01")]
        #expect(throws: StoreError.factInTheFuture(.certificationSuspended, on: "2014-02-01", today: "2014-01-31")) {
            try store.record(future, context: .tests(today: "2014-01-31"))
        }
    }

    @Test func asOfSeesOnlyFactsThatHappenedByThen() throws {
        let store = try Scenario.store()
        #expect(try store.dossier(key, through: "2013-04-30")?.certification?.state == .audited)
        #expect(try store.dossier(key, through: "2013-05-02")?.certification?.state == .certified)
        let network = try store.network(through: "2013-02-15")
        #expect(network.dossiers[key]?.audits.map(\.id) == [Scenario.initialAudit])
        #expect(network.dossiers[key]?.findings.isEmpty == true)
        #expect(network.members["solipass"] != nil)
    }

    @Test func leavingWithdrawsAndRefusesLaterFacts() throws {
        let store = try Scenario.store()
        try store.record([
            (.certificationWithdrawn(key, reason: .memberLeft), "2014-06-30"),
            (.memberLeft("solipass"), "2014-06-30"),
        ])
        #expect(throws: StoreError.refused(.memberHasLeft("solipass", leftOn: "2014-06-30", on: "2014-07-01"))) {
            try store.record([DatedFact(.certificationEngaged(.cedreISO("solipass")), on: "2014-07-01")], context: .tests())
        }
        #expect(throws: StoreError.self) {
            try store.record([DatedFact(.memberLeft("solipass"), on: "2014-08-01")], context: .tests())
        }
    }

    @Test func aLateDepartureBeforeExistingFactsIsRefused() throws {
        let store = try Scenario.store()
        #expect(throws: StoreError.self) {
            try store.record([DatedFact(.memberLeft("solipass"), on: "2013-04-01")], context: .tests())
        }
    }
}
