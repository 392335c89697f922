import CedreCore
import CedreReports
import CedreStore
import CedreTestSupport
import Foundation
import Testing

@testable import cedre

/// Every refusal the command line can give, in both languages (DESIGN §6, issue 14): one
/// sentence that says what is wrong and what to do, in the officer's words, never an internal
/// state or event name. Each case of `TransitionError` and `StoreError` has a sample — most
/// produced by the store refusing a real fact, the rest (tampering, a newer schema, rules a
/// small scenario does not reach) built with real data — and a new case fails here until it has one.
@Suite struct RefusalMessageTests {
    // MARK: - Every case, by name

    /// Every case of `TransitionError`: `name(of:)` does not compile until a new case is named here.
    enum TransitionCase: CaseIterable {
        case illegal, blockedByFindings, recertificationAuditMissing, surveillanceWithoutCertificate, auditHasOpenFindings
        case notEngaged, alreadyEngaged, unknownAudit, unknownFinding, duplicateAudit, duplicateFinding, unknownGrade
        case auditKindNotApplicable, notAGroupScheme, notACandidate, unknownMember, duplicateMember, memberHasLeft
        case unknownGroup, unknownScheme, schemeKindChanged, exclusionWouldHideMajorFindings, groupBlockedByFindings
        case joinRequirementsMissing, crossAuditsMissing, noSuchInvestigation, unknownReferential, referentialRetired
        case duplicateAuditor, unknownAuditor
    }

    static func name(of error: TransitionError) -> TransitionCase {
        switch error {
        case .illegal: .illegal
        case .blockedByFindings: .blockedByFindings
        case .recertificationAuditMissing: .recertificationAuditMissing
        case .surveillanceWithoutCertificate: .surveillanceWithoutCertificate
        case .auditHasOpenFindings: .auditHasOpenFindings
        case .notEngaged: .notEngaged
        case .alreadyEngaged: .alreadyEngaged
        case .unknownAudit: .unknownAudit
        case .unknownFinding: .unknownFinding
        case .duplicateAudit: .duplicateAudit
        case .duplicateFinding: .duplicateFinding
        case .unknownGrade: .unknownGrade
        case .auditKindNotApplicable: .auditKindNotApplicable
        case .notAGroupScheme: .notAGroupScheme
        case .notACandidate: .notACandidate
        case .unknownMember: .unknownMember
        case .duplicateMember: .duplicateMember
        case .memberHasLeft: .memberHasLeft
        case .unknownGroup: .unknownGroup
        case .unknownScheme: .unknownScheme
        case .schemeKindChanged: .schemeKindChanged
        case .exclusionWouldHideMajorFindings: .exclusionWouldHideMajorFindings
        case .groupBlockedByFindings: .groupBlockedByFindings
        case .joinRequirementsMissing: .joinRequirementsMissing
        case .crossAuditsMissing: .crossAuditsMissing
        case .noSuchInvestigation: .noSuchInvestigation
        case .unknownReferential: .unknownReferential
        case .referentialRetired: .referentialRetired
        case .duplicateAuditor: .duplicateAuditor
        case .unknownAuditor: .unknownAuditor
        }
    }

    /// Every case of `StoreError` (and of the correction refusals and missing things it carries).
    enum StoreCase: CaseIterable {
        case refused, lateFactConflict, factInTheFuture, newerSchema, notFound, datedBeforeCreation, unreadableEvent
        case notADemoDatabase, notACedreDatabase, malformed, writeNotLanded, nothingToAmend, correctionRefused
        case correctionConflict, invalidScheme, schemeExists, noSchemeToRevise, revisionTooEarly
    }

    static func name(of error: StoreError) -> StoreCase {
        switch error {
        case .refused: .refused
        case .lateFactConflict: .lateFactConflict
        case .factInTheFuture: .factInTheFuture
        case .newerSchema: .newerSchema
        case .notFound: .notFound
        case .datedBeforeCreation: .datedBeforeCreation
        case .unreadableEvent: .unreadableEvent
        case .notADemoDatabase: .notADemoDatabase
        case .notACedreDatabase: .notACedreDatabase
        case .malformed: .malformed
        case .writeNotLanded: .writeNotLanded
        case .nothingToAmend: .nothingToAmend
        case .correctionRefused: .correctionRefused
        case .correctionConflict: .correctionConflict
        case .invalidScheme: .invalidScheme
        case .schemeExists: .schemeExists
        case .noSchemeToRevise: .noSchemeToRevise
        case .revisionTooEarly: .revisionTooEarly
        }
    }

    // MARK: - The samples

    static let solipass = CertificationKey.cedre("solipass")
    static let audit: AuditID = "A-2013-0001"
    static let major: FindingID = "F-2013-0001"

    /// The refusals a store gives to facts an officer could record, in the order they are tried.
    static func storeRefusals() throws -> [any Error] {
        let store = try CedreStore.inMemory()
        let context = RecordingContext.tests(today: "2016-06-30")
        var refusals: [any Error] = []
        func refused(_ fact: Fact, on day: Day, today: Day = "2016-06-30") {
            do {
                try store.record([DatedFact(fact, on: day)], context: .tests(today: today))
                Issue.record("\(fact.kind) on \(day) must be refused")
            } catch {
                refusals.append(error)
            }
        }
        func refusal(_ body: () throws -> Void) {
            do {
                try body()
                Issue.record("must be refused")
            } catch {
                refusals.append(error)
            }
        }
        try store.record([
            (.memberAdded(.sample("solipass", type: .ges), joined: nil), "2012-01-01"),
            (.memberAdded(.sample("tierce", group: "solipass"), joined: nil), "2012-01-01"),
            (.memberAdded(.sample("reel"), joined: nil), "2012-01-01"),
            (.memberAdded(.sample("aider-45", departement: "45"), joined: nil), "2012-01-01"),
            (.auditorAdded(Auditor(id: "lemoine", name: "C. Lemoine", member: "aider-45", trainedOn: ["cedre": "2013-02-04"])), "2013-02-04"),
            (.certificationEngaged(solipass), "2013-01-10"),
            (.auditPlanned(solipass, audit, kind: .initial, scheduledOn: "2013-03-01", auditors: []), "2013-01-15"),
        ], context: context)

        // The audit is planned: no finding yet, and nothing before the plan
        refused(.findingRaised(solipass, major, audit: audit, grade: "major", requirement: "4.2", statement: ""), on: "2013-02-01")
        refused(.auditConducted(solipass, audit), on: "2013-01-10")
        refused(.auditConducted(solipass, "A-2013-0099"), on: "2013-03-01")
        refused(.certificationEngaged(solipass), on: "2013-02-01")
        refused(.auditPlanned(solipass, audit, kind: .initial, scheduledOn: "2013-03-02", auditors: []), on: "2013-01-20")
        refused(.auditPlanned(solipass, "A-2013-0002", kind: .initial, scheduledOn: "2013-03-02", auditors: [], referential: "cedre-v9"), on: "2013-01-20")
        try store.record([(.auditConducted(solipass, audit), "2013-03-01")], context: context)
        refused(.findingRaised(solipass, major, audit: audit, grade: "huge", requirement: "4.2", statement: ""), on: "2013-03-01")
        try store.record([(.findingRaised(solipass, major, audit: audit, grade: "major", requirement: "4.2", statement: ""), "2013-03-01")], context: context)
        refused(.findingRaised(solipass, major, audit: audit, grade: "minor", requirement: "5.1", statement: ""), on: "2013-03-01")
        refused(.findingPlanAccepted(solipass, major, due: nil), on: "2013-03-05")
        refused(.findingPlanProposed(solipass, "F-2013-0099", statement: ""), on: "2013-03-05")
        refused(.certificationDecided(solipass), on: "2013-04-01")
        try store.record([(.auditReported(solipass, audit), "2013-03-08")], context: context)
        refused(.auditClosed(solipass, audit), on: "2013-03-10")

        // The finding resolved, the certificate decided: a second decision needs a renewal audit
        try store.record([
            (.findingPlanProposed(solipass, major, statement: "train"), "2013-03-20"),
            (.findingPlanAccepted(solipass, major, due: nil), "2013-03-22"),
            (.findingImplemented(solipass, major), "2013-04-10"),
            (.findingVerified(solipass, major, effective: true), "2013-04-20"),
            (.certificationDecided(solipass), "2013-05-02"),
        ], context: context)
        refused(.certificationDecided(solipass), on: "2013-06-01")
        refused(.findingRaised(solipass, "F-2013-0002", audit: audit, grade: "major", requirement: "7.1", statement: ""), on: "2013-03-02")
        refused(.certificationSuspended(solipass, reason: .memberRequest), on: "2013-07-01", today: "2013-06-30")

        // Members, schemes and groups
        refused(.auditPlanned(.cedre("tierce"), "A-2013-0003", kind: .surveillance, scheduledOn: "2013-09-01", auditors: []), on: "2013-06-01")
        try store.record([(.certificationEngaged(.cedre("tierce")), "2013-06-01")], context: context)
        refused(.auditPlanned(.cedre("tierce"), "A-2013-0003", kind: .surveillance, scheduledOn: "2013-09-01", auditors: []), on: "2013-06-02")
        refused(.certificationEngaged(.cedre("solipas")), on: "2013-06-01")
        refused(.certificationEngaged(CertificationKey(member: "reel", scheme: "cedr")), on: "2013-06-01")
        refused(.memberAdded(.sample("reel"), joined: nil), on: "2013-06-01")
        refused(.memberAdded(.sample("new-one", group: "nowhere"), joined: nil), on: "2013-06-01")
        refused(.membershipApplied(.cedre("reel")), on: "2013-06-01")
        refused(.membershipJoined(.cedreISO("reel")), on: "2013-06-01")
        try store.record([(.membershipApplied(.cedreISO("tierce")), "2013-06-01")], context: context)
        refused(.membershipJoined(.cedreISO("tierce")), on: "2013-06-15")
        refused(.auditPlanned(.cedreISO("tierce"), "A-2013-0004", kind: .initial, scheduledOn: "2013-09-01", auditors: []), on: "2013-06-15")
        refused(.findingAnswered(.cedreISO("tierce"), "F-2013-0077", affected: false, statement: "no"), on: "2013-06-15")
        refused(.membershipSuspended(.cedreISO("solipass"), reason: "premises closed"), on: "2013-06-15")
        try store.record([(.memberLeft("reel"), "2013-06-30")], context: context)
        refused(.certificationEngaged(.cedre("reel")), on: "2013-07-01")
        refused(.auditorAdded(Auditor(id: "lemoine", name: "C. Lemoine", member: "aider-45", trainedOn: ["cedre": "2013-02-04"])), on: "2013-07-01")
        refused(.auditorQualified("lemoin", scheme: "cedre", trainedOn: "2013-07-01"), on: "2013-07-01")
        refused(.certificationEngaged(CertificationKey(member: "a\u{7}b", scheme: "cedre")), on: "2013-07-01")

        // Commands naming what does not exist, corrections, schemes
        refusal { _ = try store.certificationKey(ofAudit: "A-2013-001") }
        refusal { _ = try store.amend(member: "solipass", on: "2013-07-01", context: context) { $0 } }
        refusal { _ = try store.void(event: 999, reason: "typo", context: context) }
        let conducted = try #require(try store.events().first { $0.kind == Fact.Kind.auditConducted.rawValue }?.id)
        refusal { _ = try store.void(event: conducted, reason: "entered by mistake", context: context) }
        refusal { _ = try SchemeDefinition.read(Data(#"{"id": "cedre-v3"}"#.utf8), file: "cedre-v3.json") }
        refusal { _ = try store.addScheme(Schemes.cedre, revise: false, on: "2014-01-01", context: context) }
        var unknown = Schemes.cedre
        unknown.id = "cedre-v3"
        refusal { _ = try store.addScheme(unknown, revise: true, on: "2014-01-01", context: context) }
        refusal { _ = try store.addScheme(Schemes.cedre, revise: true, on: "2013-01-01", context: context) }
        return refusals
    }

    /// Refusals no small scenario reaches from the command line (a tampered or newer database,
    /// group rules over several sites, a scheme revision, a retired referential), built with real data.
    static let builtRefusals: [any Error] = [
        StoreError.newerSchema(path: "/srv/cedre/cedre.sqlite"),
        StoreError.unreadableEvent(id: 12, reason: "occurred_on is not a day"),
        StoreError.notADemoDatabase(path: "/srv/cedre/cedre.sqlite"),
        StoreError.notACedreDatabase(path: "/srv/cedre/notes.txt"),
        StoreError.writeNotLanded(table: "event", expected: 1, found: 0),
        TransitionError.schemeKindChanged("cedre", from: .single),
        TransitionError.exclusionWouldHideMajorFindings(.cedreISO("site-b"), findings: ["F-2014-0001"]),
        TransitionError.groupBlockedByFindings(.cedreISO("national"), findings: [FindingBlock(
            finding: "F-2014-0001", grade: "major", state: "open", missing: .blocksUntilVerified, member: "site-b")], on: "2014-10-15"),
        TransitionError.crossAuditsMissing(.cedreISO("national"), audit: "A-2014-0001", sites: ["site-b", "site-c"], on: "2014-10-15"),
        TransitionError.referentialRetired("A-2018-0004", version: "iso-9001-2008", cutoff: "2018-03-15"),
        TransitionError.illegal(IllegalMove(.finding("F-2013-0001", .verifiedEffective, .planProposed), since: "2013-04-20", on: "2013-05-01")),
        TransitionError.illegal(IllegalMove(.groupMembership(.cedreISO("site-b"), .excluded, .joined), since: "2015-01-31", on: "2015-02-01")),
        TransitionError.illegal(IllegalMove(.campaign("cedre", year: 2014, .published, .swapped), since: "2014-01-10", on: "2014-02-01")),
        TransitionError.illegal(IllegalMove(.audit("A-2014-0003", .cancelled, .conducted), since: "2014-02-10", on: "2014-03-01")),
    ]

    /// The command line's own refusals: campaigns, arguments, output.
    static let commandRefusals: [any Error] = [
        CampaignError.invalidPolicySwitch("rotaton=off", policy: nil),
        CampaignError.invalidPolicySwitch("capacity=many", policy: .capacity),
        CampaignError.invalidProblem(.unknownDepartement("100", member: "reel")),
        CampaignError.noCampaign("cedre", year: 2014),
        CampaignError.notPlanned(campaign: "cedre/2014", state: .published),
        CampaignError.memberNotInCampaign("nobody", campaign: "cedre/2014", .notAMember),
        CampaignError.memberNotInCampaign("reel", campaign: "cedre/2014", .notUnderScheme(on: "2014-01-01")),
        CampaignError.unknownAuditor("croise-5", suggestion: "croise-05"),
        CampaignError.unknownAuditor("Jean", suggestion: nil),
        CampaignError.auditorNotInScheme("lemoine", scheme: "cedre-iso"),
        CampaignError.swapNeedsDay("solipass", campaign: "cedre/2014"),
        CampaignError.swapBreaksPolicies(member: "aider-45", auditor: "croise-01", day: "2014-11-11", broken: [.workingDay, .sameGroup],
                                         dayOff: .holiday("Armistice 1918")),
        CommandError.noDatabase("/srv/cedre/cedre.sqlite"),
        CommandError.notTheGroupCentral(.cedreISO("site-b")),
        CommandError.notAGroupCertificate("cedre", on: "2014-01-01"),
        CommandError.backupExists("/srv/sauvegardes/cedre.sqlite"),
        CommandError.cannotWrite("/srv/reseau/events.jsonl"),
        CommandError.yearAfterToday(year: 2015, today: "2014-06-30"),
        UnknownName(.region, typed: "Provence", known: ["Bretagne", "Pays de la Loire"]),
        UnknownName(.scheme, typed: "cedre-is", known: ["cedre", "cedre-iso"]),
        UnknownName(.type, typed: "SCOP", known: ["AI", "ACI", "EI", "ETTI", "GES"]),
        PathError.outputFolderMissing(path: "/srv/rapports/etat.html", folder: "/srv/rapports"),
        PathError.outputIsFolder(path: "/srv/rapports"),
        PathError.outputExists(path: "/srv/rapports/etat.html"),
        PathError.outputNotCreated(path: "/srv/etat.html", reason: "Permission denied"),
        PathError.databaseIsFolder(path: "/srv/cedre"),
        PathError.databaseUnusable(path: "/srv/cedre.sqlite", reason: "Permission denied"),
        PathError.databaseNotCreated(path: "/srv/cedre.sqlite", reason: "Permission denied"),
        PathError.formatUnknown(path: "etat.pdf", offered: ["table", "html"], extensions: [".txt", ".html"]),
        PathError.formatNotOffered(path: "etat.ics", format: "ics", offered: ["table", "html"], extensions: [".txt", ".html"]),
        CommandError.invalidWitness(file: "/srv/temoin/cedre", line: 3),
        OutputError(output: "standard output", reason: "Broken pipe"),
        FieldIssue(field: "departement", .unknownDepartement("100")),
        FieldIssue(field: "region", .regionMismatch("Bretagne", departement: "49", federationRegion: "Pays de la Loire", region2013: "Pays de la Loire")),
        FieldIssue(field: "id", .invalidIdentifier("Solipass Anjou")),
        FieldIssue(field: "type", .unknownType("SCOP")),
        FieldIssue(field: "name", .nameRequired),
        FieldIssue(field: "group", .groupIsItself),
    ]

    /// The usage problems a command's `validate()` reports.
    static let usageProblems: [UsageProblem] = [
        .outOfRange(option: "--year", value: 12, range: Bounds.year), .reversedPeriod(from: "2014-03-01", to: "2014-01-01"),
        .nothingToCorrect, .reasonRequired, .sampleNeedsAuditAndYear, .quietAndAll,
        .overrideNeedsReason, .groupAndNoGroup, .nothingToAmend, .auditorNeedsScheme,
        .policySwitch(.invalidPolicySwitch("rotaton=off", policy: nil)),
    ]

    /// Every refusal with its message in each language.
    static func messages() throws -> [(error: any Error, fr: String, en: String)] {
        let errors = try storeRefusals() + builtRefusals + commandRefusals
        var messages = try errors.map { error in
            let fr = try #require(ExitCodes.failure(for: error, in: .fr), "\(error) has no message").message
            let en = try #require(ExitCodes.failure(for: error, in: .en), "\(error) has no message").message
            return (error, fr, en)
        }
        messages += usageProblems.map { ($0.validationError, $0.message(.fr), $0.message(.en)) }
        return messages
    }

    // MARK: - Tests

    @Test func everyTransitionErrorCaseHasASample() throws {
        let errors = try Self.storeRefusals() + Self.builtRefusals
        let found = Set(errors.compactMap { error -> TransitionCase? in
            switch error {
            case let error as TransitionError: Self.name(of: error)
            case let StoreError.refused(error): Self.name(of: error)
            case let StoreError.lateFactConflict(_, _, _, error): Self.name(of: error)
            default: nil
            }
        })
        #expect(Set(TransitionCase.allCases).subtracting(found).isEmpty, "no sample for \(Set(TransitionCase.allCases).subtracting(found))")
    }

    @Test func everyStoreErrorCaseHasASample() throws {
        let found = Set((try Self.storeRefusals() + Self.builtRefusals).compactMap { ($0 as? StoreError).map(Self.name) })
        #expect(Set(StoreCase.allCases).subtracting(found).isEmpty, "no sample for \(Set(StoreCase.allCases).subtracting(found))")
    }

    @Test func mostSamplesAreRefusalsOfRealFacts() throws {
        let real = try Self.storeRefusals()
        #expect(real.count >= 35)
        #expect(real.allSatisfy { $0 is StoreError })
    }

    /// A word written like a Swift name (`verifiedEffective`, `findingRaised`), once ids, option
    /// names and the keys of a scheme file (which the officer wrote) are taken out.
    static func internalNames(in message: String) throws -> [String] {
        let legitimate = try Regex(#"--[a-z][a-z-]*|[A-Z]-\d{4}-\d{4}|/[A-Za-z/]+"#)
        let cleaned = message.replacing(legitimate, with: " ")
        let camelCase = try Regex(#"\b[a-z]+[A-Z][A-Za-z]*\b"#)
        return cleaned.matches(of: camelCase).map { String(cleaned[$0.range]) }
    }

    @Test func everyRefusalSaysItInTheOfficersWordsInBothLanguages() throws {
        for (error, fr, en) in try Self.messages() {
            for message in [fr, en] {
                #expect(try Self.internalNames(in: message).isEmpty, "internal name in \(message)")
                #expect(!message.contains("is not allowed then"), "\(message)")
                #expect(!message.contains("Optional("), "\(message)")
                #expect(message.first.map { !$0.isWhitespace } == true && !message.isEmpty, "\(error)")
            }
            #expect(fr != en, "not translated: \(en)")
            #expect(!fr.contains(" :") && !fr.contains(" ;"), "French typography: \(fr)")
            #expect(!fr.contains(" cannot ") && !fr.contains(" the "), "English left in French: \(fr)")
        }
    }

    @Test func theIssuesExamplesNowSayWhatToDo() throws {
        let messages = try Self.messages()
        func message(_ match: (any Error) -> Bool) throws -> (fr: String, en: String) {
            let found = try #require(messages.first { match($0.error) })
            return (found.fr, found.en)
        }
        // A finding on a planned audit: the state, since when, and the command that conducts it
        let planned = try message {
            if case StoreError.refused(.illegal(let move)) = $0, case .audit(_, .planned, .findingRaised) = move.machine { return true }
            return false
        }
        #expect(planned.en == "audit A-2013-0001 is planned, not yet conducted (since 2013-01-15), so no finding can be raised at it on 2013-02-01. First record it as conducted: cedre audit conduct A-2013-0001 --on YYYY-MM-DD.")
        #expect(planned.fr == "l'audit A-2013-0001 est planifié, pas encore réalisé (depuis le 15/01/2013)\u{00A0}: on ne peut pas y relever d'écart le 01/02/2013. Il faut d'abord enregistrer sa réalisation\u{00A0}: cedre audit conduct A-2013-0001 --on JJ/MM/AAAA.")
        // Deciding twice: already certified, since when, and what a renewal needs
        let twice = try message { if case StoreError.refused(.recertificationAuditMissing) = $0 { return true }; return false }
        #expect(twice.en.hasPrefix("solipass is already certified under cedre: decided on 2013-05-02, valid until 2016-05-02."))
        #expect(twice.fr.hasPrefix("solipass est déjà certifié sous cedre\u{00A0}: décision du 02/05/2013, certificat valable jusqu'au 02/05/2016."))
        // Conducting before the plan: the day of the plan, not "does not exist"
        let early = try message { if case StoreError.datedBeforeCreation(.audit, _) = $0 { return true }; return false }
        #expect(early.en.hasPrefix("audit A-2013-0001 was only planned on 2013-01-15 (for 2013-03-01), so nothing about it can be recorded on 2013-01-10"))
        // Mistyped ids: did you mean
        let mistyped = try message { if case StoreError.notFound(.audit) = $0 { return true }; return false }
        #expect(mistyped.en == "no audit A-2013-001: did you mean A-2013-0001?")
        let member = try message { if case StoreError.refused(.unknownMember) = $0 { return true }; return false }
        #expect(member.fr == "aucun adhérent «\u{00A0}solipas\u{00A0}» le 01/06/2013\u{00A0}: vouliez-vous dire solipass\u{202F}?")
        let auditor = try message { if case StoreError.refused(.unknownAuditor) = $0 { return true }; return false }
        #expect(auditor.en == "no auditor 'lemoin': did you mean lemoine?")
    }
}
