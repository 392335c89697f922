import CedreCore
import CedreStore
import CedreTestSupport
import Testing

/// `confirmAudit`: an audit's day and team are read, decided and recorded in one transaction.
@Suite struct AuditConfirmationTests {
    private let key = CertificationKey.cedre("solipass")

    /// SOLIPASS engaged, its initial audit planned for 1 March 2013 with A. Martin; Claire
    /// Lemoine (`lemoine`) a trained cross-auditor.
    private func store() throws -> CedreStore {
        let store = try CedreStore.inMemory()
        try store.record([
            (.memberAdded(.sample("solipass", type: .ges), joined: nil), "2013-01-01"),
            (.memberAdded(.sample("tremplin", type: .aci), joined: nil), "2013-01-01"),
            (.auditorAdded(Auditor(id: "lemoine", name: "Claire Lemoine", member: "tremplin", trainedOn: ["cedre": "2012-06-12"])), "2013-01-02"),
            (.certificationEngaged(key), "2013-01-10"),
            (.auditPlanned(key, "A-2013-0001", kind: .initial, scheduledOn: "2013-03-01", auditors: ["A. Martin"]), "2013-02-01"),
        ], context: .tests(today: "2013-02-10"))
        return store
    }

    @Test func withoutADayOrATeamThePlannedOnesAreConfirmedOnTheEarlierOfTheAuditDayAndToday() throws {
        let store = try store()
        let confirmed = try store.confirmAudit("A-2013-0001", on: nil, auditors: [], confirmedOn: nil, context: .tests(today: "2013-02-10"))
        #expect(confirmed.audit == "A-2013-0001" && confirmed.day == "2013-03-01" && confirmed.auditors == ["A. Martin"])
        let last = try #require(try store.events().last)
        #expect(last.kind == Fact.Kind.auditConfirmed.rawValue)
        #expect(last.occurredOn == "2013-02-10")
    }

    @Test func aGivenDayAndTeamAreConfirmedAsGiven() throws {
        let store = try store()
        let confirmed = try store.confirmAudit(
            "A-2013-0001", on: "2013-03-04", auditors: ["lemoine", "C. Dupont"], confirmedOn: "2013-02-05", context: .tests(today: "2013-02-10"))
        #expect(confirmed.day == "2013-03-04" && confirmed.auditors == ["lemoine", "C. Dupont"])
        #expect(try store.events().last?.occurredOn == "2013-02-05")
    }

    @Test func aMistypedAuditorIdIsRefusedWithTheIdItMeantAndNothingIsRecorded() throws {
        let store = try store()
        let before = try store.eventCount()
        #expect(throws: CampaignError.unknownAuditor("lemoin", suggestion: "lemoine")) {
            try store.confirmAudit("A-2013-0001", on: nil, auditors: ["lemoin"], confirmedOn: nil, context: .tests(today: "2013-02-10"))
        }
        #expect(try store.eventCount() == before)
    }

    @Test func anUnknownAuditIsRefused() throws {
        let store = try store()
        #expect(throws: StoreError.self) {
            try store.confirmAudit("A-2013-0099", on: nil, auditors: [], confirmedOn: nil, context: .tests(today: "2013-02-10"))
        }
    }
}
