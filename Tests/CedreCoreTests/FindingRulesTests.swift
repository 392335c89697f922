import CedreCore
import CedreTestSupport
import Testing

/// Rules 6–8b and 24: what findings block, their deadlines, escalation and grading scales as data.
@Suite struct FindingRulesTests {
    let key = Scenario.key
    let major = Scenario.major

    private var minorAtInitialAudit: [(Fact, Day)] {
        [
            (.certificationEngaged(key), "2013-01-10"),
            (.auditPlanned(key, "A-2013-0001", kind: .initial, scheduledOn: "2013-03-01", auditors: []), "2013-02-01"),
            (.auditConducted(key, "A-2013-0001"), "2013-03-01"),
            (.findingRaised(key, "F-2013-0002", audit: "A-2013-0001", grade: "minor", requirement: "7.1", statement: ""), "2013-03-01"),
        ]
    }

    // MARK: Rule 6

    @Test func aMajorBlocksTheDecisionUntilVerifiedEffective() throws {
        var dossier = try Scenario.dossier(Scenario.audited)
        let blocked = TransitionError.blockedByFindings(
            key, findings: [FindingBlock(finding: major, grade: "major", state: "open", missing: .blocksUntilVerified, member: "solipass")],
            on: "2013-04-01")
        #expect(throws: blocked) { try dossier.apply(.certificationDecided(key), on: "2013-04-01") }
        try dossier.apply(Array(Scenario.findingClosed.prefix(3)))
        #expect(throws: TransitionError.self) { try dossier.apply(.certificationDecided(key), on: "2013-04-15") }
        try dossier.apply(Array(Scenario.findingClosed.suffix(1)))
        try dossier.apply(.certificationDecided(key), on: "2013-05-02")
        #expect(dossier.certification?.state == .certified)
    }

    @Test func aMajorIsDueNinetyDaysAfterTheAudit() throws {
        let dossier = try Scenario.dossier(Scenario.audited)
        let status = try #require(dossier.findingStatuses(on: "2013-05-30", context: .none).first)
        #expect(status.deadline == "2013-05-30")
        #expect(!status.isOverdue)
        #expect(dossier.findingStatuses(on: "2013-05-31", context: .none).first?.isOverdue == true)
        let overdue = dossier.notices(on: "2013-05-31", horizon: 0).first { $0.rule == .majorFindingOverdue }
        #expect(overdue?.due == "2013-05-31")
        #expect(overdue?.finding == major)
        #expect(dossier.notices(on: "2013-05-30", horizon: 0).allSatisfy { $0.rule != .majorFindingOverdue })
    }

    @Test func aMajorDeadlineIsCappedAtTheCertificatesExpiry() throws {
        let dossier = try Scenario.dossier(Scenario.certified + [
            (.auditPlanned(key, "A-2016-0001", kind: .special, scheduledOn: "2016-03-15", auditors: []), "2016-03-01"),
            (.auditConducted(key, "A-2016-0001"), "2016-03-15"),
            (.findingRaised(key, "F-2016-0001", audit: "A-2016-0001", grade: "major", requirement: "5.3", statement: ""), "2016-03-15"),
        ])
        // 2016-03-15 + 90 days is 2016-06-13, after the expiry of 2016-05-02
        #expect(dossier.findingStatuses(on: "2016-03-15", context: .none).last?.deadline == "2016-05-02")
    }

    @Test func anIneffectiveActionSendsTheFindingBackToANewPlan() throws {
        var dossier = try Scenario.dossier(Scenario.audited + Array(Scenario.findingClosed.prefix(3)))
        try dossier.apply(.findingVerified(key, major, effective: false), on: "2013-04-20")
        #expect(dossier.finding(major)?.state == .ineffective)
        #expect(dossier.finding(major)?.isOpen == true)
        try dossier.apply(.findingPlanProposed(key, major, statement: "second plan"), on: "2013-04-22")
        #expect(dossier.finding(major)?.state == .planProposed)
    }

    // MARK: Rule 7

    @Test func aMinorNeedsAnAcceptedPlanBeforeADecision() throws {
        var dossier = try Scenario.dossier(minorAtInitialAudit)
        #expect(throws: TransitionError.blockedByFindings(
            key, findings: [FindingBlock(finding: "F-2013-0002", grade: "minor", state: "open", missing: .blocksUntilPlanAccepted, member: "solipass")],
            on: "2013-04-01")) {
            try dossier.apply(.certificationDecided(key), on: "2013-04-01")
        }
        try dossier.apply([
            (.findingPlanProposed(key, "F-2013-0002", statement: ""), "2013-03-10"),
            (.findingPlanAccepted(key, "F-2013-0002", due: nil), "2013-03-15"),
            (.certificationDecided(key), "2013-04-01"),
        ])
        #expect(dossier.certification?.state == .certified)
        #expect(dossier.findingStatuses(on: "2013-04-01", context: .none).first?.deadline == nil)
    }

    private func certifiedWithOpenMinor() throws -> Dossier {
        try Scenario.dossier(minorAtInitialAudit + [
            (.findingPlanProposed(key, "F-2013-0002", statement: ""), "2013-03-10"),
            (.findingPlanAccepted(key, "F-2013-0002", due: nil), "2013-03-15"),
            (.certificationDecided(key), "2013-04-01"),
            (.findingImplemented(key, "F-2013-0002"), "2013-06-01"),
            (.auditPlanned(key, "A-2014-0001", kind: .surveillance, scheduledOn: "2014-03-10", auditors: []), "2014-01-10"),
        ])
    }

    @Test func aMinorStillOpenAtTheNextAuditIsEscalatedToMajor() throws {
        var dossier = try certifiedWithOpenMinor()
        try dossier.apply(.auditConducted(key, "A-2014-0001"), on: "2014-03-10")
        let status = try #require(dossier.findingStatuses(on: "2014-03-10", context: .none).first)
        #expect(status.grade == "major")
        #expect(status.finding.grade == "minor")
        #expect(status.escalation == FindingStatus.Escalation(
            on: "2014-03-10", audit: "A-2014-0001", from: "minor", cause: .stillOpenAtNextAudit))
        #expect(status.deadline == "2014-06-08")
        let notice = dossier.notices(on: "2014-03-10", horizon: 0).first { $0.rule == .minorFindingEscalated }
        #expect(notice?.due == "2014-03-10")
        #expect(notice?.subject == "certification/solipass/cedre/F-2013-0002")
    }

    /// Audits are kept in the order they were planned, not held: the first held must win
    /// whichever was planned first.
    @Test(arguments: [true, false])
    func aMinorStillOpenAtTwoLaterAuditsIsEscalatedAtTheFirstHeld(firstHeldIsPlannedFirst: Bool) throws {
        let special: (Fact, Day) = (.auditPlanned(key, "A-2014-0002", kind: .special, scheduledOn: "2014-02-01", auditors: []), "2014-01-15")
        let surveillance: (Fact, Day) = (
            .auditPlanned(key, "A-2014-0001", kind: .surveillance, scheduledOn: "2014-03-10", auditors: []), "2014-01-15"
        )
        let dossier = try Scenario.dossier(minorAtInitialAudit + [
            (.findingPlanProposed(key, "F-2013-0002", statement: ""), "2013-03-10"),
            (.findingPlanAccepted(key, "F-2013-0002", due: nil), "2013-03-15"),
            (.certificationDecided(key), "2013-04-01"),
        ] + (firstHeldIsPlannedFirst ? [special, surveillance] : [surveillance, special]) + [
            (.auditConducted(key, "A-2014-0002"), "2014-02-01"),
            (.auditConducted(key, "A-2014-0001"), "2014-03-10"),
        ])
        let status = try #require(dossier.findingStatuses(on: "2014-03-10", context: .none).first)
        #expect(status.escalation == FindingStatus.Escalation(
            on: "2014-02-01", audit: "A-2014-0002", from: "minor", cause: .stillOpenAtNextAudit))
        // 2014-02-01 + 90 days
        #expect(status.deadline == "2014-05-02")
    }

    @Test func aMinorClosedOnTheDayOfTheNextAuditIsNotEscalated() throws {
        var dossier = try certifiedWithOpenMinor()
        try dossier.apply(.auditConducted(key, "A-2014-0001"), on: "2014-03-10")
        try dossier.apply(.findingVerified(key, "F-2013-0002", effective: true), on: "2014-03-10")
        let status = try #require(dossier.findingStatuses(on: "2014-03-10", context: .none).first)
        #expect(status.escalation == nil)
        #expect(status.grade == "minor")
    }

    @Test func anEscalatedMinorKeepsItsHistoryOnceClosed() throws {
        var dossier = try certifiedWithOpenMinor()
        try dossier.apply(.auditConducted(key, "A-2014-0001"), on: "2014-03-10")
        try dossier.apply(.findingVerified(key, "F-2013-0002", effective: true), on: "2014-04-01")
        let status = try #require(dossier.findingStatuses(on: "2014-04-01", context: .none).first)
        #expect(status.escalation?.on == "2014-03-10")
        #expect(!status.finding.isOpen)
        #expect(dossier.notices(on: "2014-04-01", horizon: 0).allSatisfy { $0.rule != .minorFindingEscalated })
    }

    // MARK: Rule 8

    @Test func theAuditorMayGradeSeveralMinorsAsMajor() throws {
        var dossier = try Scenario.dossier(minorAtInitialAudit)
        try dossier.apply(.findingRegraded(key, "F-2013-0002", grade: "major", reason: "third minor on 7.1"), on: "2013-03-05")
        let status = try #require(dossier.findingStatuses(on: "2013-03-05", context: .none).first)
        #expect(status.grade == "major")
        #expect(status.finding.originalGrade == "minor")
        #expect(status.finding.regradings.map(\.reason) == ["third minor on 7.1"])
        #expect(throws: TransitionError.unknownGrade("observation", scheme: "cedre")) {
            try dossier.apply(.findingRegraded(key, "F-2013-0002", grade: "observation", reason: ""), on: "2013-03-06")
        }
    }

    // MARK: Rule 24

    @Test func rule24ARegradedMajorIsDueNinetyDaysAfterTheAuditNotAfterTheRegrade() throws {
        // Given a minor raised at the audit of 2013-03-01, graded major on 2013-03-05
        var dossier = try Scenario.dossier(minorAtInitialAudit)
        try dossier.apply(.findingRegraded(key, "F-2013-0002", grade: "major", reason: "third minor on 7.1"), on: "2013-03-05")

        // Then its deadline is 2013-03-01 + 90 days = 2013-05-30, not 2013-03-05 + 90 = 2013-06-03
        let status = try #require(dossier.findingStatuses(on: "2013-05-30", context: .none).first)
        #expect(status.grade == "major")
        #expect(status.deadline == "2013-05-30")
        #expect(!status.isOverdue)
        // And it is overdue from the day after, and the notice says so from then
        #expect(dossier.findingStatuses(on: "2013-05-31", context: .none).first?.isOverdue == true)
        #expect(dossier.notices(on: "2013-05-31", horizon: 0).first { $0.rule == .majorFindingOverdue }?.due == "2013-05-31")
        #expect(dossier.notices(on: "2013-05-30", horizon: 0).allSatisfy { $0.rule != .majorFindingOverdue })
    }

    @Test func rule24AMinorEscalatedAtTheNextAuditIsDueNinetyDaysAfterThatAudit() throws {
        // Given a minor raised at the audit of 2013-03-01 and still open at the surveillance
        // audit of 2014-02-10
        var dossier = try Scenario.dossier(minorAtInitialAudit + [
            (.findingPlanProposed(key, "F-2013-0002", statement: ""), "2013-03-10"),
            (.findingPlanAccepted(key, "F-2013-0002", due: nil), "2013-03-15"),
            (.certificationDecided(key), "2013-04-01"),
            (.auditPlanned(key, "A-2014-0001", kind: .surveillance, scheduledOn: "2014-02-10", auditors: []), "2014-01-10"),
        ])
        try dossier.apply(.auditConducted(key, "A-2014-0001"), on: "2014-02-10")

        // Then it is major from that audit, due 2014-02-10 + 90 days = 2014-05-11
        let status = try #require(dossier.findingStatuses(on: "2014-05-11", context: .none).first)
        #expect(status.grade == "major")
        #expect(status.escalation?.on == "2014-02-10")
        #expect(status.escalation?.reason == "still open at audit A-2014-0001 on 2014-02-10 (rule 7)")
        #expect(status.deadline == "2014-05-11")
        #expect(!status.isOverdue)
        #expect(dossier.findingStatuses(on: "2014-05-12", context: .none).first?.isOverdue == true)
    }

    @Test func rule24AnEscalatedMinorsDeadlineIsCappedAtTheCertificatesExpiry() throws {
        // Given a certificate decided 2013-04-01 (expiring 2016-04-01) and a minor of its
        // surveillance audit of 2015-03-02 still open at the special audit of 2016-02-15
        var dossier = try Scenario.dossier(minorAtInitialAudit + [
            (.findingPlanProposed(key, "F-2013-0002", statement: ""), "2013-03-10"),
            (.findingPlanAccepted(key, "F-2013-0002", due: nil), "2013-03-15"),
            (.findingImplemented(key, "F-2013-0002"), "2013-03-20"),
            (.findingVerified(key, "F-2013-0002", effective: true), "2013-03-25"),
            (.certificationDecided(key), "2013-04-01"),
            (.auditPlanned(key, "A-2015-0001", kind: .surveillance, scheduledOn: "2015-03-02", auditors: []), "2015-01-10"),
            (.auditConducted(key, "A-2015-0001"), "2015-03-02"),
            (.findingRaised(key, "F-2015-0001", audit: "A-2015-0001", grade: "minor", requirement: "8.2", statement: ""), "2015-03-02"),
            (.auditPlanned(key, "A-2016-0001", kind: .special, scheduledOn: "2016-02-15", auditors: []), "2016-01-10"),
        ])
        try dossier.apply(.auditConducted(key, "A-2016-0001"), on: "2016-02-15")

        // Then 2016-02-15 + 90 days (2016-05-15) is capped at the expiry, 2016-04-01
        let status = try #require(dossier.findingStatuses(on: "2016-02-15", context: .none).last)
        #expect(status.grade == "major")
        #expect(status.deadline == "2016-04-01")
    }

    @Test func rule24AGroupSitesDeadlineIsCappedAtTheGroupCertificatesExpiry() throws {
        // Given a site's major raised on 2016-11-01 under a group certificate expiring 2016-12-12
        var dossier = Dossier(key: .cedreISO("site-a"), scheme: Schemes.cedreISO)
        let site = CertificationKey.cedreISO("site-a")
        try dossier.apply([
            (.membershipApplied(site), "2013-03-01"),
            (.auditPlanned(site, "A-2016-0100", kind: .surveillance, scheduledOn: "2016-11-01", auditors: []), "2016-10-01"),
            (.auditConducted(site, "A-2016-0100"), "2016-11-01"),
            (.findingRaised(site, "F-2016-0100", audit: "A-2016-0100", grade: "major", requirement: "7.5", statement: ""), "2016-11-01"),
        ])

        // Then alone it is due 2016-11-01 + 90 = 2017-01-30, and with its group's context the
        // group certificate's expiry caps it
        #expect(dossier.findingStatuses(on: "2016-11-01", context: .none).first?.deadline == "2017-01-30")
        let context = FindingContext(certificateExpiresOn: "2016-12-12")
        #expect(dossier.findingStatuses(on: "2016-11-01", context: context).first?.deadline == "2016-12-12")
    }

    // MARK: Rule 8b

    @Test func anotherGradingScaleIsJustData() throws {
        var scheme = Schemes.cedre
        scheme.grading = GradingScale(grades: [
            Grade(id: "PF", label: LocalizedText(fr: "Point fort", en: "Strength"), isNonconformity: false,
                  decision: .none, deadline: nil, whenOverdue: .none, escalatesTo: nil),
            Grade(id: "PS", label: LocalizedText(fr: "Point sensible", en: "Sensitive point"), isNonconformity: false,
                  decision: .none, deadline: nil, whenOverdue: .none, escalatesTo: nil),
            Grade(id: "NCmin", label: LocalizedText(fr: "Non-conformité mineure", en: "Minor"), isNonconformity: true,
                  decision: .blocksUntilPlanAccepted, deadline: .nextAudit, whenOverdue: .none, escalatesTo: "NCmaj"),
            Grade(id: "NCmaj", label: LocalizedText(fr: "Non-conformité majeure", en: "Major"), isNonconformity: true,
                  decision: .blocksUntilVerified, deadline: .daysAfterAudit(60, cappedAtExpiry: false),
                  whenOverdue: .suspensionTrigger, escalatesTo: nil),
        ])
        var dossier = try Scenario.dossier(Array(Scenario.audited.prefix(3)), scheme: scheme)
        try dossier.apply([
            (.findingRaised(key, "F-2013-0001", audit: "A-2013-0001", grade: "NCmaj", requirement: "4.2", statement: ""), "2013-03-01"),
            (.findingRaised(key, "F-2013-0002", audit: "A-2013-0001", grade: "PF", requirement: "4.3", statement: ""), "2013-03-01"),
        ])
        #expect(dossier.findingStatuses(on: "2013-03-01", context: .none).map(\.deadline) == ["2013-04-30", nil])
        #expect(dossier.finding("F-2013-0002")?.state == .noted)
        #expect(dossier.blockingFindings(on: "2013-03-02").map(\.finding) == ["F-2013-0001"])
        #expect(throws: TransitionError.unknownGrade("major", scheme: "cedre")) {
            try dossier.apply(.findingRaised(key, "F-2013-0003", audit: "A-2013-0001", grade: "major", requirement: "1", statement: ""), on: "2013-03-01")
        }
    }

    @Test func anImmediateCorrectionIsRecordedBeforeTheRootCauseAnalysis() throws {
        var dossier = try Scenario.dossier(Scenario.audited)
        try dossier.apply(.findingCorrected(key, major, statement: "register completed on site"), on: "2013-03-01")
        #expect(dossier.finding(major)?.correction == "register completed on site")
        #expect(dossier.finding(major)?.state == .open)
    }

    @Test func anAuditClosesOnlyWhenEachFindingIsClosedOrAccepted() throws {
        var dossier = try Scenario.dossier(Scenario.audited + [(.auditReported(key, "A-2013-0001"), "2013-03-05")])
        #expect(throws: TransitionError.auditHasOpenFindings("A-2013-0001", findings: [major])) {
            try dossier.apply(.auditClosed(key, "A-2013-0001"), on: "2013-03-10")
        }
        try dossier.apply(Array(Scenario.findingClosed.prefix(2)))
        try dossier.apply(.auditClosed(key, "A-2013-0001"), on: "2013-03-25")
        #expect(dossier.audit("A-2013-0001")?.state == .closed)
    }

    @Test func findingsAreRaisedOnlyByAConductedAudit() throws {
        var dossier = try Scenario.dossier(Array(Scenario.audited.prefix(2)))
        #expect(throws: TransitionError.illegal(IllegalMove(.audit("A-2013-0001", .planned, .findingRaised), since: "2013-02-01", on: "2013-02-15"))) {
            try dossier.apply(.findingRaised(key, major, audit: "A-2013-0001", grade: "major", requirement: "4.2", statement: ""), on: "2013-02-15")
        }
    }

    /// A calendar reads these of the states, in place: a finding is open in every state but
    /// verified effective and noted; an audit is pending while planned, confirmed or postponed
    /// (rule 21).
    @Test func theStatesSayWhichFindingsAreOpenAndWhichAuditsArePending() {
        #expect(Finding.State.allCases.filter(\.isOpen) == [.open, .planProposed, .planAccepted, .implemented, .ineffective])
        #expect(Audit.State.allCases.filter(\.isPending) == [.planned, .postponed, .confirmed])
    }
}
