import CedreCore
import CedreJSON
import CedreStore
import CedreTestSupport
import Foundation
import Testing

/// Pins the bytes the hash chain is computed over: a change to the canonical payload codec,
/// to a fact's payload, or to the row hash, would make `verify` fail on every existing
/// database, so it must show here first.
@Suite struct ChainGoldenTests {
    private static let key = CertificationKey(member: "solipass", scheme: "cedre")
    private static let group = CertificationKey(member: "site-a", scheme: "cedre-iso")

    /// One fact of every kind, with every field its payload carries, awkward text included.
    static let samples: [Fact] = [
        .memberAdded(
            Member(id: "solipass", name: "SOLIPASS \"Éco\" / Angers\n\t\u{01}", types: [.ai, .aci], departement: "49",
                   region: "Pays de la Loire", group: "ges-anjou", source: "synthetic"),
            joined: "2009-03-01"),
        .memberLeft("solipass"),
        .certificationEngaged(key),
        .certificationDecided(key),
        .certificationMaintained(key),
        .certificationSuspended(key, reason: .surveillanceOverdue),
        .certificationRestored(key),
        .certificationWithdrawn(key, reason: .memberRequest),
        .auditPlanned(key, "A-2013-0001", kind: .initial, scheduledOn: "2013-03-01", auditors: ["A. Martin", "B. Durand"],
                      referential: "V2"),
        // No auditors named yet and the latest referential: both fields left out.
        .auditPlanned(key, "A-2014-0001", kind: .surveillance, scheduledOn: "2014-03-03", auditors: []),
        .auditConfirmed(key, "A-2013-0001", scheduledOn: "2013-03-02", auditors: ["A. Martin"]),
        .auditPostponed(key, "A-2013-0001", to: "2013-03-08", reason: "auditor ill"),
        .auditCancelled(key, "A-2013-0001", reason: "duplicate"),
        .auditConducted(key, "A-2013-0001"),
        .auditReported(key, "A-2013-0001"),
        .auditClosed(key, "A-2013-0001"),
        .findingRaised(key, "F-2013-0001", audit: "A-2013-0001", grade: "major", requirement: "4.2",
                       statement: "no record of the coordinators' training"),
        .findingCorrected(key, "F-2013-0001", statement: "records gathered"),
        .findingPlanProposed(key, "F-2013-0001", statement: "train both coordinators"),
        .findingPlanAccepted(key, "F-2013-0001", due: "2013-05-30"),
        .findingImplemented(key, "F-2013-0001"),
        .findingVerified(key, "F-2013-0001", effective: true),
        .findingRegraded(key, "F-2013-0001", grade: "minor", reason: "single occurrence"),
        .findingAnswered(group, "F-2014-0003", affected: false, statement: "checked, not affected"),
        .membershipApplied(group),
        .membershipJoined(group),
        .membershipSuspended(group, reason: "major finding"),
        .membershipReinstated(group),
        .membershipExcluded(group, reason: "left the group"),
        .sampleDrawn(SampleRecord(
            scheme: "cedre-iso", central: "coorace-national", year: 2014, audit: .surveillance, mode: .sampling,
            seed: 18_446_744_073_709_551_615, sites: ["site-a", "site-b"])),
        .membersLinked(MemberLink("solipass", "tremplin", kind: .supplier)),
        .auditorAdded(Auditor(
            id: "lemoine", name: "Claire Lemoine", member: "tremplin", trainedOn: ["cedre": "2012-06-12", "cedre-iso": "2012-06-12"],
            validityMonths: 36)),
        .auditorQualified("lemoine", scheme: "cedre", trainedOn: "2014-06-10"),
        .campaignPlanned(
            scheme: "cedre", year: 2014, seed: 7,
            assignments: [Campaign.Assignment(member: "solipass", auditor: "lemoine", day: "2014-03-11")],
            unassigned: ["isolee"]),
        .campaignSwapped(
            scheme: "cedre", year: 2014, Campaign.Assignment(member: "solipass", auditor: "durand", day: "2014-03-12"),
            override: "agreed by both"),
        .campaignPublished(scheme: "cedre", year: 2014),
        .campaignCompleted(scheme: "cedre", year: 2014),
        .memberAmended("solipass", MemberAmendment(
            name: "SOLIPASS Anjou", types: [.ges], departement: "72", region: "Pays de la Loire", group: .left)),
        .correction(EventCorrection(
            target: EventID(12), targetKind: .auditConducted, stream: .certification(key),
            change: .corrected(DatedFact(.auditConducted(key, "A-2013-0001"), on: "2013-03-01")),
            reason: "typed the 11th for the 1st")),
        .correction(EventCorrection(
            target: EventID(13), targetKind: .eventCorrected, stream: .certification(key), change: .voided,
            reason: "the first day was right")),
        .schemeAdded(Scheme(
            id: "cedre-v3", name: "CEDRE V3 \"Éco\" / réseau", kind: .group,
            cycle: CycleRules(
                validityMonths: 36, firstSurveillanceWithinMonths: 12, surveillanceEachCalendarYear: true, restoreWindowMonths: 6,
                maximumSuspensionMonths: 6, recertificationPlanningMonths: 4),
            grading: GradingScale(grades: [
                Grade(id: "NCmaj", label: LocalizedText(fr: "Non-conformité majeure", en: "Major"), isNonconformity: true,
                      decision: .blocksUntilVerified, deadline: .daysAfterAudit(60, cappedAtExpiry: true),
                      whenOverdue: .suspensionTrigger, escalatesTo: nil),
                Grade(id: "NCmin", label: LocalizedText(fr: "Non-conformité mineure", en: "Minor"), isNonconformity: true,
                      decision: .blocksUntilPlanAccepted, deadline: .nextAudit, whenOverdue: .none, escalatesTo: "NCmaj"),
            ]),
            group: GroupRules(
                centralFunctionInEveryAudit: true,
                sampling: SamplingRules(
                    initialFactor: Ratio(1, 1), surveillanceFactor: Ratio(3, 5), recertificationFactor: Ratio(4, 5), minimumSample: 1,
                    randomShare: Ratio(1, 4), nonSamplingSurveillanceShare: Ratio(3, 10)),
                minorEscalationSiteShare: Ratio(3, 4), crossAuditBeforeExternalAudit: true),
            crossAudit: CrossAuditRules(
                qualificationValidityMonths: 36, policies: [.ownCompany: true, .reciprocal: false], capacity: 2),
            referentialVersions: [
                ReferentialVersion(id: "cedre-v3", publishedOn: "2016-01-01", transitionMonths: 36, lastAuditBeforeTransitionEndMonths: 6),
            ])),
    ]

    @Test func everyFactKindHasASample() {
        #expect(Set(Self.samples.map(\.kind)) == Set(Fact.Kind.allCases))
    }

    @Test func canonicalPayloadBytesAreStable() {
        let lines = Self.samples.map { "\($0.kind.rawValue) \($0.stream) \($0.payload.canonicalJSON)" }
        Snapshot.expect(lines.joined(separator: "\n") + "\n", matches: "canonical-payloads.txt")
    }

    @Test func everyStreamReadsBackFromTheTextTheLogWrites() {
        for fact in Self.samples {
            #expect(LogStream(fact.stream.description) == fact.stream)
        }
        for text in ["", "member", "member/", "certification/solipass", "certification/solipass/cedre/extra",
                     "campaign/cedre/twenty", "sample/cedre-iso/2014/yearly", "notice/solipass"] {
            #expect(LogStream(text) == nil)
        }
        var void = FactPayload()
        (void.target, void.targetKind, void.stream, void.reason) = (12, "audit.conducted", "notice/solipass", "typo")
        #expect(throws: FactPayloadError(field: "stream", message: "'notice/solipass' is not a stream of the log")) {
            try Fact(kind: .eventVoided, payload: void)
        }
    }

    @Test func canonicalPayloadsReadBackAsTheSameFacts() throws {
        for fact in Self.samples {
            let document = try JSONParser.parse(fact.payload.canonicalJSON)
            #expect(try Fact(kind: fact.kind, payload: FactPayload(json: document)) == fact)
        }
    }

    @Test func theHeadOfThe2013NetworkIsStable() throws {
        let store = try CedreStore.network2013()
        let events = try store.events()
        let head = try #require(events.last)
        Snapshot.expect("\(events.count) \(head.hash)\n", matches: "network-2013-head.txt")
        #expect(try store.verify().problem == nil)
    }
}
