import CedreCore
import CedreStore
import CedreTestSupport
import Foundation
import GRDB
import Testing

/// DESIGN §5, "Corrections are facts too": a voided fact is as if never entered, a corrected
/// one as if entered right; the original stays in the log and the chain.
@Suite struct CorrectionTests {
    private static let key = Scenario.key
    private static let context = RecordingContext.tests(today: "2015-12-31")

    /// A fresh store holding solipass, certified as in the foundation scenario.
    private func certifiedStore() throws -> CedreStore {
        let store = try CedreStore.inMemory()
        try store.record(Scenario.certifiedMember, context: Self.context)
        return store
    }

    private func eventID(_ store: CedreStore, kind: Fact.Kind, nth: Int = 0) throws -> Int64 {
        try #require(try store.events().filter { $0.kind == kind.rawValue }.dropFirst(nth).first).id
    }

    // MARK: - Every kind can be voided

    /// A history that holds every kind of fact, legal in record order: a single-site
    /// certification through suspension and withdrawal, a group with two sites, an
    /// investigation, a sample, auditors and a campaign.
    static func everyKind() -> [(Fact, Day)] {
        let single = CertificationKey.cedre("solipass")
        let central = CertificationKey.cedreISO("federation")
        let site = CertificationKey.cedreISO("site-a")
        let other = CertificationKey.cedreISO("site-b")
        let assignment = Campaign.Assignment(member: "solipass", auditor: "lemoine", day: "2014-03-11")
        return [
            (.memberAdded(Member(id: "federation", name: "Fédération", types: [.national], departement: "75", region: "Île-de-France"), joined: nil), "2013-01-01"),
            (.memberAdded(.sample("solipass", type: .ges), joined: nil), "2013-01-01"),
            (.memberAdded(.sample("site-a"), joined: nil), "2013-01-01"),
            (.memberAdded(.sample("site-b", type: .ei), joined: nil), "2013-01-01"),
            (.memberAdded(.sample("tremplin", type: .aci), joined: nil), "2013-01-01"),
            (.membersLinked(MemberLink("solipass", "tremplin", kind: .supplier)), "2013-01-05"),
            (.memberAmended("tremplin", MemberAmendment(name: "TREMPLIN Anjou")), "2013-01-06"),
            (.certificationEngaged(single), "2013-01-10"),
            (.auditPlanned(single, "A-2013-0001", kind: .initial, scheduledOn: "2013-03-01", auditors: []), "2013-02-01"),
            (.auditConfirmed(single, "A-2013-0001", scheduledOn: "2013-03-01", auditors: ["A. Martin"]), "2013-02-10"),
            (.auditPlanned(single, "A-2013-0002", kind: .special, scheduledOn: "2013-03-05", auditors: []), "2013-02-11"),
            (.auditPostponed(single, "A-2013-0002", to: "2013-03-12", reason: "auditor ill"), "2013-02-12"),
            (.auditCancelled(single, "A-2013-0002", reason: "not needed"), "2013-02-13"),
            (.auditConducted(single, "A-2013-0001"), "2013-03-01"),
            (.findingRaised(single, "F-2013-0001", audit: "A-2013-0001", grade: "minor", requirement: "4.2", statement: "s"), "2013-03-01"),
            (.findingCorrected(single, "F-2013-0001", statement: "records gathered"), "2013-03-02"),
            (.findingRegraded(single, "F-2013-0001", grade: "major", reason: "three occurrences"), "2013-03-03"),
            (.findingPlanProposed(single, "F-2013-0001", statement: "train"), "2013-03-20"),
            (.findingPlanAccepted(single, "F-2013-0001", due: "2013-05-30"), "2013-03-22"),
            (.findingImplemented(single, "F-2013-0001"), "2013-04-10"),
            (.findingVerified(single, "F-2013-0001", effective: true), "2013-04-20"),
            (.auditReported(single, "A-2013-0001"), "2013-04-21"),
            (.auditClosed(single, "A-2013-0001"), "2013-04-22"),
            (.certificationDecided(single), "2013-05-02"),
            (.certificationSuspended(single, reason: .memberRequest), "2013-06-01"),
            (.certificationRestored(single), "2013-06-15"),
            (.auditPlanned(single, "A-2013-0003", kind: .surveillance, scheduledOn: "2013-11-04", auditors: []), "2013-10-01"),
            (.auditConducted(single, "A-2013-0003"), "2013-11-04"),
            (.certificationMaintained(single), "2013-11-20"),
            (.certificationEngaged(central), "2013-01-10"),
            (.auditPlanned(central, "A-2013-0010", kind: .initial, scheduledOn: "2013-04-02", auditors: []), "2013-02-01"),
            (.auditConducted(central, "A-2013-0010"), "2013-04-02"),
            (.certificationDecided(central), "2013-05-10"),
            (.membershipApplied(site), "2013-03-01"),
            (.membershipApplied(other), "2013-03-01"),
            (.auditPlanned(site, "A-2013-0011", kind: .crossAudit, scheduledOn: "2013-03-20", auditors: []), "2013-03-02"),
            (.auditConducted(site, "A-2013-0011"), "2013-03-20"),
            (.auditPlanned(other, "A-2013-0012", kind: .crossAudit, scheduledOn: "2013-03-21", auditors: []), "2013-03-02"),
            (.auditConducted(other, "A-2013-0012"), "2013-03-21"),
            (.membershipJoined(site), "2013-05-10"),
            (.membershipJoined(other), "2013-05-10"),
            (.auditPlanned(site, "A-2013-0013", kind: .special, scheduledOn: "2013-09-03", auditors: []), "2013-09-01"),
            (.auditConducted(site, "A-2013-0013"), "2013-09-03"),
            (.findingRaised(site, "F-2013-0013", audit: "A-2013-0013", grade: "observation", requirement: "8.2", statement: "o"), "2013-09-03"),
            (.findingAnswered(other, "F-2013-0013", affected: false, statement: "not affected"), "2013-09-10"),
            (.membershipSuspended(other, reason: "late answers"), "2013-09-15"),
            (.membershipReinstated(other), "2013-09-30"),
            (.membershipExcluded(other, reason: "left the group"), "2013-10-15"),
            (.sampleDrawn(SampleRecord(
                scheme: "cedre-iso", central: "federation", year: 2014, audit: .surveillance, mode: .sampling, seed: 7,
                sites: ["federation", "site-a"])), "2013-12-01"),
            (.auditorAdded(Auditor(id: "lemoine", name: "Claire Lemoine", member: "tremplin", trainedOn: ["cedre": "2012-06-12"])), "2013-06-12"),
            (.auditorQualified("lemoine", scheme: "cedre", trainedOn: "2013-06-20"), "2013-06-20"),
            (.auditorAdded(Auditor(id: "durand", name: "Paul Durand", member: "site-b", trainedOn: ["cedre": "2012-06-12"])), "2013-06-12"),
            (.campaignPlanned(scheme: "cedre", year: 2014, seed: 1, assignments: [assignment], unassigned: []), "2013-12-02"),
            (.campaignSwapped(scheme: "cedre", year: 2014, Campaign.Assignment(member: "solipass", auditor: "durand", day: "2014-03-12"), override: nil), "2013-12-03"),
            (.campaignPublished(scheme: "cedre", year: 2014), "2013-12-04"),
            (.campaignCompleted(scheme: "cedre", year: 2014), "2014-12-20"),
            (.certificationWithdrawn(single, reason: .memberRequest), "2015-01-15"),
            (.memberLeft("tremplin"), "2015-02-01"),
        ]
    }

    @Test func everyKindOfFactCanBeVoidedLastFirstUntilNothingIsLeft() throws {
        let store = try CedreStore.inMemory()
        try store.record(Self.everyKind(), context: Self.context)
        let recorded = try store.events()
        let kinds = Set(recorded.compactMap { Fact.Kind(rawValue: $0.kind) })
        // A scheme definition is revised, never voided (SchemeStoreTests).
        #expect(kinds == Set(Fact.Kind.allCases.filter { !$0.isCorrection && $0 != .schemeAdded }))
        for event in recorded.reversed() {
            try store.void(event: event.id, reason: "entered by mistake", context: Self.context)
        }
        #expect(try store.projectionDump().isEmpty)
        #expect(try store.network().members.isEmpty)
        #expect(try store.verify().problem == nil)
        try store.rebuild()
        #expect(try store.projectionDump().isEmpty)
    }

    @Test func aVoidAndAVoidOfAVoidCanBothBeVoided() throws {
        let store = try certifiedStore()
        let decision = try eventID(store, kind: .certificationDecided)
        let void = try store.void(event: decision, reason: "decided by mistake", context: Self.context)
        #expect(try store.dossier(Self.key)?.certification?.state == .audited)
        let restore = try store.void(event: void.id, reason: "the decision was right", context: Self.context)
        #expect(try store.dossier(Self.key)?.certification?.state == .certified)
        try store.void(event: restore.id, reason: "it was not", context: Self.context)
        #expect(try store.dossier(Self.key)?.certification?.state == .audited)
        #expect(try store.verify().problem == nil)
    }

    // MARK: - A corrected fact answers as if entered right

    /// Everything a reader can ask of two stores on these days agrees: projections, the
    /// register, the registry, every notice and every dossier.
    private func expectSameAnswers(
        _ corrected: CedreStore, _ right: CedreStore, on days: [Day], sourceLocation: SourceLocation = #_sourceLocation
    ) throws {
        #expect(try corrected.projectionDump() == right.projectionDump(), sourceLocation: sourceLocation)
        #expect(try corrected.verify().problem == nil, sourceLocation: sourceLocation)
        for day in days {
            let a = try corrected.network(through: day), b = try right.network(through: day)
            #expect(a.dossiers == b.dossiers, "dossiers on \(day)", sourceLocation: sourceLocation)
            #expect(a.members == b.members, "members on \(day)", sourceLocation: sourceLocation)
            #expect(a.notices(on: day, horizon: 60) == b.notices(on: day, horizon: 60), "notices on \(day)", sourceLocation: sourceLocation)
            #expect(CertificationRegister(network: a, on: day).registry == CertificationRegister(network: b, on: day).registry,
                    "registry on \(day)", sourceLocation: sourceLocation)
        }
    }

    private func store(_ facts: [(Fact, Day)]) throws -> CedreStore {
        let store = try CedreStore.inMemory()
        try store.record([(.memberAdded(.sample("solipass", type: .ges), joined: nil), "2013-01-01")] + facts, context: Self.context)
        return store
    }

    /// `facts` with the fact at `index` on another day.
    private func moving(_ facts: [(Fact, Day)], _ index: Int, to day: Day) -> [(Fact, Day)] {
        var moved = facts
        moved[index].1 = day
        return moved
    }

    private static let checkedDays: [Day] = ["2013-03-05", "2013-05-10", "2014-05-03", "2016-05-03", "2016-11-03"]

    @Test func anEngagementOnTheWrongDayIsCorrected() throws {
        let right = try store(Scenario.certified)
        let wrong = try store(moving(Scenario.certified, 0, to: "2013-01-20"))
        try wrong.correct(event: try eventID(wrong, kind: .certificationEngaged), on: "2013-01-10", setting: [],
                          reason: "engaged on the 10th", context: Self.context)
        try expectSameAnswers(wrong, right, on: ["2013-01-15"] + Self.checkedDays)
    }

    @Test func aConductOnTheWrongDayIsCorrectedWithItsFinding() throws {
        let right = try store(Scenario.certified)
        let wrong = try store(moving(moving(Scenario.certified, 2, to: "2013-03-11"), 3, to: "2013-03-11"))
        try wrong.correct(event: try eventID(wrong, kind: .auditConducted), on: "2013-03-01", setting: [],
                          reason: "conducted on the 1st, typed the 11th", context: Self.context)
        try wrong.correct(event: try eventID(wrong, kind: .findingRaised), on: "2013-03-01", setting: [],
                          reason: "raised at the audit of the 1st", context: Self.context)
        try expectSameAnswers(wrong, right, on: Self.checkedDays)
    }

    @Test func aDecisionOnTheWrongDayIsCorrected() throws {
        let right = try store(Scenario.certified)
        let wrong = try store(moving(Scenario.certified, 8, to: "2013-05-20"))
        try wrong.correct(event: try eventID(wrong, kind: .certificationDecided), on: "2013-05-02", setting: [],
                          reason: "decided on the 2nd", context: Self.context)
        try expectSameAnswers(wrong, right, on: Self.checkedDays)
    }

    @Test func aFindingOpenedOnTheWrongAuditIsMovedToTheRightOne() throws {
        let special: (Fact, Day) = (.auditPlanned(Self.key, "A-2013-0002", kind: .special, scheduledOn: "2013-03-01", auditors: []), "2013-02-02")
        let conducted: (Fact, Day) = (.auditConducted(Self.key, "A-2013-0002"), "2013-03-01")
        let facts = Array(Scenario.audited.prefix(3)) + [special, conducted, Scenario.audited[3]] + Scenario.findingClosed
            + [(.certificationDecided(Self.key), "2013-05-02")]
        let right = try store(facts)
        var mistaken = facts
        mistaken[5].0 = .findingRaised(Self.key, Scenario.major, audit: "A-2013-0002", grade: "major", requirement: "4.2", statement: "")
        let wrong = try store(mistaken)
        try wrong.correct(event: try eventID(wrong, kind: .findingRaised), on: nil, setting: [("audit", "A-2013-0001")],
                          reason: "raised at the initial audit", context: Self.context)
        try expectSameAnswers(wrong, right, on: Self.checkedDays)
    }

    @Test func aMembershipJoinedOnTheWrongDayIsCorrected() throws {
        let facts = Self.everyKind().prefix(41).map { $0 }
        let index = try #require(facts.firstIndex { if case .membershipJoined = $0.0 { true } else { false } })
        let right = try CedreStore.inMemory()
        try right.record(facts, context: Self.context)
        let wrong = try CedreStore.inMemory()
        try wrong.record(moving(facts, index, to: "2013-05-24"), context: Self.context)
        try wrong.correct(event: try eventID(wrong, kind: .membershipJoined), on: "2013-05-10", setting: [],
                          reason: "joined with the decision", context: Self.context)
        try expectSameAnswers(wrong, right, on: ["2013-05-11", "2013-05-30", "2014-06-01"])
    }

    @Test func aCampaignSwapAndAMemberNameAreCorrected() throws {
        let facts = Self.everyKind()
        let right = try CedreStore.inMemory()
        try right.record(facts, context: Self.context)
        var mistaken = facts
        let swap = try #require(facts.firstIndex { $0.0.kind == .campaignSwapped })
        mistaken[swap].0 = .campaignSwapped(
            scheme: "cedre", year: 2014, Campaign.Assignment(member: "solipass", auditor: "durand", day: "2014-03-21"), override: nil)
        mistaken[0].0 = .memberAdded(Member(id: "federation", name: "Federatoin", types: [.national], departement: "75", region: "Île-de-France"), joined: nil)
        let wrong = try CedreStore.inMemory()
        try wrong.record(mistaken, context: Self.context)
        try wrong.correct(event: try eventID(wrong, kind: .campaignSwapped), on: nil,
                          setting: [("assignments", #"[{"auditor":"durand","day":"2014-03-12","member":"solipass"}]"#)],
                          reason: "the 12th", context: Self.context)
        try wrong.correct(event: 1, on: nil, setting: [("name", "Fédération")], reason: "typo", context: Self.context)
        #expect(try wrong.network().campaign("cedre", year: 2014) == right.network().campaign("cedre", year: 2014))
        try expectSameAnswers(wrong, right, on: ["2014-01-01", "2015-06-01"])
    }

    // MARK: - Refusals: nothing written

    /// Runs `attempt`, which must throw a `StoreError`, and checks the log did not grow.
    private func refusal(
        _ store: CedreStore, sourceLocation: SourceLocation = #_sourceLocation, _ attempt: () throws -> Void
    ) throws -> StoreError? {
        let before = try store.eventCount()
        defer { #expect((try? store.eventCount()) == before, "a refused correction wrote nothing", sourceLocation: sourceLocation) }
        do {
            try attempt()
        } catch let error as StoreError {
            return error
        }
        Issue.record("expected a refusal", sourceLocation: sourceLocation)
        return nil
    }

    @Test func aCorrectionThatBreaksAStreamIsRefusedNamingTheEventAndTheDay() throws {
        let store = try certifiedStore()
        let conduct = try eventID(store, kind: .auditConducted)
        let raised = try eventID(store, kind: .findingRaised)
        let error = try refusal(store) {
            try store.correct(event: conduct, on: "2013-03-15", setting: [], reason: "r", context: Self.context)
        }
        guard case .correctionConflict(false, let target, let conflicting, _) = error else {
            Issue.record("expected a conflict, got \(String(describing: error))")
            return
        }
        #expect(target.id == conduct)
        #expect(conflicting.id == raised && conflicting.on == "2013-03-01")
    }

    @Test func voidingWhatLaterFactsNeedIsRefused() throws {
        let store = try certifiedStore()
        let planned = try eventID(store, kind: .auditPlanned)
        let error = try refusal(store) { try store.void(event: planned, reason: "r", context: Self.context) }
        guard case .correctionConflict(true, let target, let conflicting, _) = error else {
            Issue.record("expected a conflict, got \(String(describing: error))")
            return
        }
        #expect(target.id == planned && conflicting.kind == "audit.conducted" && conflicting.on == "2013-03-01")
    }

    @Test func aCorrectionMustNameAnEventThatCanChange() throws {
        let store = try certifiedStore()
        let decision = try eventID(store, kind: .certificationDecided)
        #expect(try refusal(store) { try store.void(event: 999, reason: "r", context: Self.context) }
                == .correctionRefused(event: 999, .noSuchEvent))
        let error = try refusal(store) {
            try store.correct(event: decision, on: "2013-05-02", setting: [], reason: "r", context: Self.context)
        }
        guard case .correctionRefused(_, .changesNothing) = error else { Issue.record("\(String(describing: error))"); return }
        let void = try store.void(event: decision, reason: "r", context: Self.context)
        guard case .correctionRefused(_, .alreadyVoided(_, by: void.id)) = try refusal(store, {
            try store.void(event: decision, reason: "again", context: Self.context)
        }) else { Issue.record("voiding twice"); return }
        guard case .correctionRefused(_, .isACorrection) = try refusal(store, {
            try store.correct(event: void.id, on: "2013-05-03", setting: [], reason: "r", context: Self.context)
        }) else { Issue.record("correcting a correction"); return }
    }

    @Test func aFieldMustBeOneTheFactHasAndKeepItsStream() throws {
        let store = try certifiedStore()
        let raised = try eventID(store, kind: .findingRaised)
        guard case .correctionRefused(_, .unknownField("effective", _, let known)) = try refusal(store, {
            try store.correct(event: raised, on: nil, setting: [("effective", "true")], reason: "r", context: Self.context)
        }) else { Issue.record("unknown field"); return }
        #expect(known.contains("audit") && known.contains("grade") && !known.contains("member") && !known.contains("scheme"))
        guard case .correctionRefused(_, .unknownField("member", _, _)) = try refusal(store, {
            try store.correct(event: raised, on: nil, setting: [("member", "tremplin")], reason: "r", context: Self.context)
        }) else { Issue.record("moving to another stream"); return }
        guard case .correctionRefused(_, .invalidValue(field: "due", _)) = try refusal(store, {
            try store.correct(event: try eventID(store, kind: .findingPlanAccepted), on: nil, setting: [("due", "30/02/2013")],
                              reason: "r", context: Self.context)
        }) else { Issue.record("invalid day"); return }
    }

    @Test func aCorrectedDayAfterTodayIsRefused() throws {
        let store = try certifiedStore()
        let error = try refusal(store) {
            try store.correct(event: try eventID(store, kind: .certificationDecided), on: "2016-01-01", setting: [], reason: "r",
                              context: Self.context)
        }
        guard case .factInTheFuture = error else { Issue.record("\(String(describing: error))"); return }
    }

    // MARK: - What a correction leaves behind

    @Test func aVoidedDecisionNeverShowsInTheRegistryAndItsNumberIsNotReused() throws {
        let store = try certifiedStore()
        let day: Day = "2013-12-31"
        #expect(CertificationRegister(network: try store.network(through: day), on: day).registry.map(\.certificate) == ["CEDRE-2013-solipass"])
        try store.void(event: try eventID(store, kind: .certificationDecided), reason: "not decided yet", context: Self.context)
        #expect(CertificationRegister(network: try store.network(through: day), on: day).registry.isEmpty)
        try store.record([DatedFact(.certificationDecided(Self.key), on: "2013-06-03")], context: Self.context)
        let registry = CertificationRegister(network: try store.network(through: day), on: day).registry
        #expect(registry.map(\.certificate) == ["CEDRE-2013-solipass-2"])
        #expect(registry.first?.certifiedOn == "2013-06-03")
    }

    @Test func aVoidedAuditsNumberIsNotHandedOutAgain() throws {
        let store = try certifiedStore()
        let planned = try store.record(context: Self.context) { allocator in
            [DatedFact(.auditPlanned(Self.key, try allocator.nextAudit(year: 2014), kind: .surveillance, scheduledOn: "2014-04-01", auditors: []),
                       on: "2014-03-01")]
        }
        try store.void(event: planned[0].id, reason: "planned twice", context: Self.context)
        let next = try store.record(context: Self.context) { allocator in
            [DatedFact(.auditPlanned(Self.key, try allocator.nextAudit(year: 2014), kind: .surveillance, scheduledOn: "2014-04-02", auditors: []),
                       on: "2014-03-01")]
        }
        guard case .auditPlanned(_, let id, _, _, _, _) = try next[0].fact() else { Issue.record("not a plan"); return }
        #expect(id == "A-2014-0002")
    }

    @Test func aNoticeAVoidMakesMootIsShownOnceAsResolved() throws {
        let store = try certifiedStore()
        let late: [(Fact, Day)] = [
            (.auditPlanned(Self.key, "A-2014-0001", kind: .surveillance, scheduledOn: "2014-05-20", auditors: []), "2014-05-01"),
            (.auditConducted(Self.key, "A-2014-0001"), "2014-05-20"),
        ]
        try store.record(late, context: Self.context)
        func check(_ day: Day) throws -> [ReportedNotice] {
            try store.check(CheckRequest(asOf: day, horizonDays: 0, dryRun: false, actor: "cron", now: Date(timeIntervalSince1970: 0))).notices
        }
        #expect(try check("2014-05-10").contains { $0.notice.rule == .surveillanceOverdue && $0.status == .new })
        try store.correct(event: try eventID(store, kind: .auditPlanned, nth: 1), on: "2014-04-01",
                          setting: [("scheduledOn", "2014-04-25")], reason: "planned for 25 April", context: Self.context)
        try store.correct(event: try eventID(store, kind: .auditConducted, nth: 1), on: "2014-04-25", setting: [],
                          reason: "held on 25 April", context: Self.context)
        #expect(try check("2014-05-11").filter { $0.notice.rule == .surveillanceOverdue }.map(\.status) == [.resolved])
        #expect(try check("2014-05-12").filter { $0.notice.rule == .surveillanceOverdue }.isEmpty)
    }

    @Test func anAmendedMemberIsShownAsItWasOnEachDay() throws {
        let store = try certifiedStore()
        try store.amend(member: "solipass", on: "2014-01-01", context: Self.context) { member in
            var moved = member
            moved.departement = "75"
            moved.region = "Île-de-France"
            moved.types = [.ei]
            return moved
        }
        #expect(try store.network(through: "2013-12-31").members["solipass"]?.member.region == "Pays de la Loire")
        #expect(try store.network(through: "2013-12-31").members["solipass"]?.member.types == [.ges])
        #expect(try store.network(through: "2014-01-01").members["solipass"]?.member.region == "Île-de-France")
        #expect(try store.member("solipass")?.member.types == [.ei])
        #expect(throws: StoreError.nothingToAmend("solipass")) {
            try store.amend(member: "solipass", on: "2014-02-01", context: Self.context) { $0 }
        }
        #expect(try store.verify().problem == nil)
    }
}
