import CedreCore
import CedreTestSupport
import Testing

/// Rules 23 and 3: the initial audit's two stages, and what leads back after a lapse; rule
/// 14: the referential version an audit follows.
@Suite struct InitialAuditStagesTests {
    let key = Scenario.key

    private let engaged: [(Fact, Day)] = [(.certificationEngaged(Scenario.key), "2013-01-10")]

    private func stage(_ kind: Audit.Kind, _ id: AuditID, on day: Day) -> [(Fact, Day)] {
        [(.auditPlanned(key, id, kind: kind, scheduledOn: day, auditors: []), day.adding(days: -20)), (.auditConducted(key, id), day)]
    }

    @Test func rule23AStage1DoesNotMoveTheCertificationToAudited() throws {
        // Given a stage 1 planned on 2013-01-20 and held on 2013-02-09
        var dossier = try Scenario.dossier(engaged + stage(.stage1, "A-2013-0001", on: "2013-02-09"))

        // Then the certification still waits for its certification audit, and no decision is possible
        #expect(dossier.certification?.state == .initialAuditPlanned)
        #expect(throws: TransitionError.illegal(IllegalMove(
            .certification(key, .initialAuditPlanned, .decided), since: dossier.certification?.stateSince, on: "2013-02-20"))) {
            try dossier.apply(.certificationDecided(key), on: "2013-02-20")
        }
    }

    @Test func rule23AStage2MovesItToAuditedAndADecisionRestsOnIt() throws {
        // Given a stage 1 held on 2013-02-09 and a stage 2 held on 2013-03-12
        var dossier = try Scenario.dossier(
            engaged + stage(.stage1, "A-2013-0001", on: "2013-02-09") + stage(.stage2, "A-2013-0002", on: "2013-03-12"))
        #expect(dossier.certification?.state == .audited)

        // When the certification is decided on 2013-04-02
        try dossier.apply(.certificationDecided(key), on: "2013-04-02")

        // Then a three-year cycle starts, under the version stage 2 followed
        #expect(dossier.certification?.currentDecision == Certification.Decision(
            on: "2013-04-02", kind: .initial, expiresOn: "2016-04-02", referential: "cedre-v2"))
    }

    @Test func rule23BothStagesArePlannedBeforeEitherIsHeld() throws {
        // Given both stages planned, then the stage 2 cancelled while the stage 1 is pending
        var dossier = try Scenario.dossier(engaged + [
            (.auditPlanned(key, "A-2013-0001", kind: .stage1, scheduledOn: "2013-02-09", auditors: []), "2013-01-20"),
            (.auditPlanned(key, "A-2013-0002", kind: .stage2, scheduledOn: "2013-03-12", auditors: []), "2013-01-21"),
            (.auditCancelled(key, "A-2013-0002", reason: "stage 1 first"), "2013-01-25"),
        ])

        // Then the initial audit is still planned; cancelling the stage 1 too unplans it
        #expect(dossier.certification?.state == .initialAuditPlanned)
        try dossier.apply(.auditCancelled(key, "A-2013-0001", reason: "postponed to next year"), on: "2013-01-28")
        #expect(dossier.certification?.state == .engaged)
    }

    @Test func anInitialAuditHeldAfterAWithdrawalIsRefusedAndStaysPlanned() throws {
        // Given an initial audit planned for 2013-03-01, then the certification withdrawn
        var dossier = try Scenario.dossier(engaged + [
            (.auditPlanned(key, "A-2013-0001", kind: .initial, scheduledOn: "2013-03-01", auditors: []), "2013-02-01"),
            (.certificationWithdrawn(key, reason: .memberRequest), "2013-02-15"),
        ])
        let before = dossier

        // When the audit is said held: the audit may move, the withdrawn certification may not
        #expect(throws: TransitionError.self) { try dossier.apply(.auditConducted(key, "A-2013-0001"), on: "2013-03-01") }

        // Then the fact changes nothing: the audit is still planned
        #expect(dossier == before)
        #expect(dossier.audit("A-2013-0001")?.state == .planned)
    }

    @Test func rule23TheOneStepInitialAuditKeepsItsMeaning() throws {
        let dossier = try Scenario.dossier(engaged + stage(.initial, "A-2013-0001", on: "2013-03-01"))
        #expect(dossier.certification?.state == .audited)
    }

    @Test func rule3AfterALapseAStage1AloneDoesNotLeadBackButAStage2Does() throws {
        // Given a certificate that lapsed on 2016-11-03 (expired 2016-05-02, restore window closed)
        let lapsed = try Scenario.dossier(Scenario.certified)
        #expect(lapsed.advance(to: "2016-11-03").certification?.state == .lapsed)

        // When only a stage 1 is held on 2017-01-20
        var dossier = lapsed
        try dossier.apply(stage(.stage1, "A-2017-0001", on: "2017-01-20"))

        // Then no decision is possible
        #expect(dossier.certification?.state == .initialAuditPlanned)
        #expect(throws: TransitionError.self) { try dossier.apply(.certificationDecided(key), on: "2017-02-01") }

        // And a stage 2 held on 2017-02-14 leads back to a new certificate
        try dossier.apply(stage(.stage2, "A-2017-0002", on: "2017-02-14"))
        try dossier.apply(.certificationDecided(key), on: "2017-03-01")
        #expect(dossier.certification?.currentDecision == Certification.Decision(
            on: "2017-03-01", kind: .initial, expiresOn: "2020-03-01", referential: "cedre-v2"))

        // And a stage 2 alone, without a stage 1, does too
        var direct = lapsed
        try direct.apply(stage(.stage2, "A-2017-0002", on: "2017-02-14"))
        try direct.apply(.certificationDecided(key), on: "2017-03-01")
        #expect(direct.certification?.state == .certified)
    }

    @Test func rule23TheStagesOfAGroupSampleLikeTheInitialAudit() {
        #expect(SiteSample.AuditKind(.stage2) == .initial)
        #expect(SiteSample.AuditKind(.stage1) == nil)
    }

    @Test func rule14TheReferentialVersionIsTheOneThePlanNames() throws {
        // Given the ISO group's central function engaged, its stage 2 planned under ISO 9001:2008
        // for 2018-03-15, the last day before the transition's cutoff
        var dossier = Dossier(key: .cedreISO("national"), scheme: Schemes.cedreISO)
        let central = CertificationKey.cedreISO("national")
        try dossier.apply(.certificationEngaged(central), on: "2017-06-01")
        try dossier.apply(.auditPlanned(
            central, "A-2018-0001", kind: .stage2, scheduledOn: "2018-03-15", auditors: [], referential: "iso-9001:2008"), on: "2018-01-10")
        #expect(dossier.audit("A-2018-0001")?.referential == "iso-9001:2008")

        // Then one the day after the cutoff is refused, and one naming no version follows the latest
        #expect(throws: TransitionError.referentialRetired("A-2018-0002", version: "iso-9001:2008", cutoff: "2018-03-15")) {
            try dossier.apply(.auditPlanned(
                central, "A-2018-0002", kind: .stage2, scheduledOn: "2018-03-16", auditors: [], referential: "iso-9001:2008"), on: "2018-01-10")
        }
        try dossier.apply(.auditPlanned(central, "A-2018-0003", kind: .stage2, scheduledOn: "2018-03-16", auditors: []), on: "2018-01-10")
        #expect(dossier.audit("A-2018-0003")?.referential == "iso-9001:2015")
    }
}
