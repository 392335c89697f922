import CedreCore
import CedreTestSupport
import Testing

/// Rules 1–5 of DESIGN §3, with their numbers, at their boundaries.
@Suite struct CertificationRulesTests {
    let key = Scenario.key

    private func rules(_ dossier: Dossier, on day: Day) -> [NoticeRule] {
        dossier.notices(on: day, horizon: 0).map(\.rule).filter { $0 != .dueSoon }
    }

    private func notice(_ rule: NoticeRule, in dossier: Dossier, on day: Day) -> Notice? {
        dossier.notices(on: day, horizon: 0).first { $0.rule == rule }
    }

    private func surveillance(_ id: AuditID, on day: Day) -> [(Fact, Day)] {
        [(.auditPlanned(key, id, kind: .surveillance, scheduledOn: day, auditors: []), day), (.auditConducted(key, id), day)]
    }

    private func recertification(_ id: AuditID, on day: Day) -> [(Fact, Day)] {
        [(.auditPlanned(key, id, kind: .recertification, scheduledOn: day, auditors: []), day), (.auditConducted(key, id), day)]
    }

    // MARK: Rule 1

    @Test func aDecisionStartsAThreeYearCycle() throws {
        let dossier = try Scenario.dossier(Scenario.certified)
        let certification = try #require(dossier.certification)
        #expect(certification.state == .certified)
        #expect(certification.certifiedOn == "2013-05-02")
        #expect(certification.expiresOn == "2016-05-02")
        #expect(certification.decisions == [
            Certification.Decision(on: "2013-05-02", kind: .initial, expiresOn: "2016-05-02", referential: "cedre-v2"),
        ])
    }

    @Test func aRenewalBeforeExpiryAddsThreeYearsToTheOldExpiry() throws {
        var dossier = try Scenario.dossier(Scenario.certified + surveillance("A-2014-0001", on: "2014-04-10")
            + surveillance("A-2015-0001", on: "2015-04-10") + recertification("A-2016-0001", on: "2016-02-01"))
        try dossier.apply(.certificationDecided(key), on: "2016-03-15")
        let certification = try #require(dossier.certification)
        #expect(certification.expiresOn == "2019-05-02")
        #expect(certification.certifiedOn == "2016-03-15")
        #expect(certification.currentDecision?.kind == .renewal)
        #expect(certification.nextSurveillanceDueBy == "2017-03-15")
    }

    @Test func aRenewalNeedsARecertificationAuditInTheCycle() throws {
        var dossier = try Scenario.dossier(Scenario.certified)
        let decision = try #require(dossier.certification?.currentDecision)
        #expect(decision.on == "2013-05-02")
        #expect(throws: TransitionError.recertificationAuditMissing(key, state: .certified, current: decision, on: "2016-03-15")) {
            try dossier.apply(.certificationDecided(key), on: "2016-03-15")
        }
        #expect(dossier == (try Scenario.dossier(Scenario.certified)))
    }

    // MARK: Rule 2

    @Test func firstSurveillanceIsDueWithinTwelveMonths() throws {
        let dossier = try Scenario.dossier(Scenario.certified)
        #expect(dossier.certification?.nextSurveillanceDueBy == "2014-05-02")
        #expect(!rules(dossier, on: "2014-05-02").contains(.surveillanceOverdue))
        let overdue = try #require(notice(.surveillanceOverdue, in: dossier, on: "2014-05-03"))
        #expect(overdue.due == "2014-05-03")
        #expect(overdue.subject == "certification/solipass/cedre")
    }

    @Test func thenOneSurveillanceInEachCalendarYearButTheRecertificationYear() throws {
        let first = try Scenario.dossier(Scenario.certified + surveillance("A-2014-0001", on: "2014-04-10"))
        #expect(first.certification?.nextSurveillanceDueBy == "2015-12-31")
        #expect(!rules(first, on: "2015-12-31").contains(.surveillanceOverdue))
        #expect(notice(.surveillanceOverdue, in: first, on: "2016-01-01")?.due == "2016-01-01")
        let second = try Scenario.dossier(Scenario.certified + surveillance("A-2014-0001", on: "2014-04-10")
            + surveillance("A-2015-0001", on: "2015-11-20"))
        #expect(second.certification?.nextSurveillanceDueBy == nil)
    }

    @Test func aSurveillanceInTheDecisionYearDoesNotSpareTheNextYear() throws {
        let dossier = try Scenario.dossier(Scenario.certified + surveillance("A-2013-0002", on: "2013-11-15"))
        #expect(dossier.certification?.nextSurveillanceDueBy == "2014-12-31")
    }

    @Test(arguments: [
        ("2013-01-31", "2014-01-31"), ("2012-02-29", "2013-02-28"), ("2013-12-31", "2014-12-31"), ("2013-08-31", "2014-08-31"),
    ])
    func firstSurveillanceDeadlineFollowsTheCalendar(decided: String, dueBy: String) throws {
        let decision = Day(stringLiteral: decided)
        let facts: [(Fact, Day)] = [
            (.certificationEngaged(key), decision.adding(days: -60)),
            (.auditPlanned(key, "A-0001-0001", kind: .initial, scheduledOn: decision.adding(days: -30), auditors: []), decision.adding(days: -50)),
            (.auditConducted(key, "A-0001-0001"), decision.adding(days: -30)),
            (.certificationDecided(key), decision),
        ]
        let dossier = try Scenario.dossier(facts)
        let due = Day(stringLiteral: dueBy)
        #expect(dossier.certification?.nextSurveillanceDueBy == due)
        #expect(!rules(dossier, on: due).contains(.surveillanceOverdue))
        #expect(rules(dossier, on: due.adding(days: 1)).contains(.surveillanceOverdue))
    }

    // MARK: Rule 3

    @Test func withoutRecertificationTheCertificateExpiresTheDayAfterItsExpiry() throws {
        let dossier = try Scenario.dossier(Scenario.certified)
        #expect(dossier.advance(to: "2016-05-02").certification?.state == .certified)
        #expect(dossier.advance(to: "2016-05-03").certification?.state == .expired)
        #expect(notice(.certificateExpired, in: dossier, on: "2016-05-03")?.due == "2016-05-03")
        #expect(notice(.certificateExpired, in: dossier, on: "2016-05-02") == nil)
    }

    @Test func anExpiredCertificateCanBeRestoredWithinSixMonths() throws {
        var dossier = try Scenario.dossier(Scenario.certified + surveillance("A-2014-0001", on: "2014-04-10")
            + surveillance("A-2015-0001", on: "2015-04-10") + recertification("A-2016-0001", on: "2016-06-01"))
        #expect(dossier.certification?.state == .expired)
        #expect(dossier.certification?.restorableUntil == "2016-11-02")
        try dossier.apply(.certificationDecided(key), on: "2016-11-02")
        #expect(dossier.certification?.state == .certified)
        #expect(dossier.certification?.currentDecision?.kind == .restoration)
        #expect(dossier.certification?.expiresOn == "2019-05-02")
    }

    @Test func afterTheRestoreWindowOnlyANewInitialAuditLeadsBack() throws {
        var dossier = try Scenario.dossier(Scenario.certified + recertification("A-2016-0001", on: "2016-06-01"))
        #expect(dossier.advance(to: "2016-11-02").certification?.state == .expired)
        #expect(dossier.advance(to: "2016-11-03").certification?.state == .lapsed)
        #expect(notice(.certificationLapsed, in: dossier, on: "2016-11-03")?.due == "2016-11-03")
        #expect(throws: TransitionError.illegal(IllegalMove(.certification(key, .lapsed, .decided), since: "2016-11-03", on: "2016-11-03"))) {
            try dossier.apply(.certificationDecided(key), on: "2016-11-03")
        }
        try dossier.apply([
            (.auditPlanned(key, "A-2017-0001", kind: .initial, scheduledOn: "2017-02-01", auditors: []), "2017-01-05"),
            (.auditConducted(key, "A-2017-0001"), "2017-02-01"),
            (.certificationDecided(key), "2017-03-01"),
        ])
        #expect(dossier.certification?.currentDecision == Certification.Decision(
            on: "2017-03-01", kind: .initial, expiresOn: "2020-03-01", referential: "cedre-v2"))
    }

    // MARK: Rule 4

    @Test func aSuspensionLastsAtMostSixMonthsThenTheCertificateIsWithdrawn() throws {
        var dossier = try Scenario.dossier(Scenario.certified)
        try dossier.apply(.certificationSuspended(key, reason: .surveillanceOverdue), on: "2014-05-10")
        #expect(dossier.certification?.suspensionEndsBy == "2014-11-10")
        #expect(dossier.advance(to: "2014-11-10").certification?.state == .suspended)
        let withdrawn = try #require(dossier.advance(to: "2014-11-11").certification)
        #expect(withdrawn.state == .withdrawn)
        #expect(withdrawn.withdrawal?.reason == .suspensionMaximumReached)
        #expect(notice(.suspensionExpired, in: dossier, on: "2014-11-11")?.due == "2014-11-11")
        #expect(notice(.suspensionExpired, in: dossier, on: "2014-11-10") == nil)
    }

    @Test func aSuspendedCertificateIsNotValidUntilRestored() throws {
        var dossier = try Scenario.dossier(Scenario.certified)
        try dossier.apply(.certificationSuspended(key, reason: .memberRequest), on: "2014-05-10")
        let status = try #require(CertificationRegister.status(of: dossier, on: "2014-05-11", groups: [:]))
        #expect(status.standing == .suspended && !status.standing.isCertified)
        try dossier.apply(.certificationRestored(key), on: "2014-06-01")
        #expect(dossier.certification?.state == .certified)
        #expect(dossier.certification?.suspension == nil)
    }

    @Test func aCertificateCannotBeRestoredAfterItsSuspensionMaximum() throws {
        var dossier = try Scenario.dossier(Scenario.certified)
        try dossier.apply(.certificationSuspended(key, reason: .memberRequest), on: "2014-05-10")
        #expect(throws: TransitionError.self) { try dossier.apply(.certificationRestored(key), on: "2014-11-11") }
    }

    // MARK: Rule 5

    @Test func warnsWhenRecertificationIsNotPlannedFourMonthsBeforeExpiry() throws {
        let facts = Scenario.certified + surveillance("A-2014-0001", on: "2014-04-10") + surveillance("A-2015-0001", on: "2015-04-10")
        let dossier = try Scenario.dossier(facts)
        #expect(dossier.certification?.recertificationPlanningDueBy == "2016-01-02")
        #expect(notice(.recertificationNotPlanned, in: dossier, on: "2016-01-02") == nil)
        #expect(notice(.recertificationNotPlanned, in: dossier, on: "2016-01-03")?.due == "2016-01-03")
        let planned = try Scenario.dossier(facts + [
            (.auditPlanned(key, "A-2016-0001", kind: .recertification, scheduledOn: "2016-03-01", auditors: []), "2016-01-02"),
        ])
        #expect(notice(.recertificationNotPlanned, in: planned, on: "2016-01-03") == nil)
    }

    @Test func cancellingTheOnlyRecertificationAuditBringsTheWarningBack() throws {
        let dossier = try Scenario.dossier(Scenario.certified + [
            (.auditPlanned(key, "A-2016-0001", kind: .recertification, scheduledOn: "2016-03-01", auditors: []), "2015-12-01"),
            (.auditCancelled(key, "A-2016-0001", reason: "moved"), "2016-01-10"),
        ])
        #expect(notice(.recertificationNotPlanned, in: dossier, on: "2016-01-10")?.due == "2016-01-03")
    }

    @Test func dueSoonAnnouncesDeadlinesWithinTheHorizon() throws {
        let dossier = try Scenario.dossier(Scenario.certified)
        let soon = dossier.notices(on: "2014-03-03", horizon: 60).filter { $0.rule == .dueSoon }
        #expect(soon.map(\.due) == ["2014-05-02"])
        #expect(soon.first?.obligation == .surveillanceAudit)
        #expect(dossier.notices(on: "2014-03-02", horizon: 60).filter { $0.rule == .dueSoon }.isEmpty)
    }
}
