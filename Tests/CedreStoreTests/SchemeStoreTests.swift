import CedreCore
import CedreJSON
import CedreStore
import CedreTestSupport
import Foundation
import Testing

/// Rule 8b in the store: a scheme added to the log is a fact, usable at once, versioned.
@Suite struct SchemeStoreTests {
    private let context = RecordingContext.tests(today: "2014-01-01")

    /// The bundled cedre scheme under another id, as `scheme show cedre --format json` then an edit gives it.
    private func renamed(_ id: SchemeID) -> Scheme {
        var scheme = Schemes.cedre
        scheme.id = id
        scheme.name = "CEDRE V3"
        return scheme
    }

    private func engage(_ member: MemberID, under scheme: SchemeID, on day: Day, in store: CedreStore) throws {
        try store.record([
            (.memberAdded(.sample(member), joined: nil), "2013-01-01"),
            (.certificationEngaged(CertificationKey(member: member, scheme: scheme)), day),
        ], context: context)
    }

    @Test func rule8bAnAddedSchemeIsAFactUsableAtOnceAndAfterReopening() throws {
        // Given a database on disk with cedre-v3 added on 2013-06-01
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent(UUID().uuidString)
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("cedre.sqlite").path
        let store = try CedreStore.open(path: path)
        let event = try store.addScheme(renamed("cedre-v3"), revise: false, on: "2013-06-01", context: context)
        #expect(event.kind == "scheme.added")
        #expect(event.stream == "scheme/cedre-v3")

        // Then it is in the catalog at once, and a certification under it can be engaged (on any day)
        #expect(store.catalog["cedre-v3"]?.name == "CEDRE V3")
        try engage("solipass", under: "cedre-v3", on: "2013-01-10", in: store)
        #expect(try store.dossier(CertificationKey(member: "solipass", scheme: "cedre-v3"))?.certification?.state == .engaged)

        // And a store opened again reads it from the log; rebuild and verify agree
        let reopened = try CedreStore.open(path: path)
        #expect(reopened.catalog.versions(of: "cedre-v3").map(\.from) == ["2013-06-01"])
        let before = try reopened.projectionDump()
        try reopened.rebuild()
        #expect(try reopened.projectionDump() == before)
        #expect(try reopened.verify().problem == nil)
    }

    @Test func rule8bAKnownIdNeedsReviseAndReviseNeedsAKnownId() throws {
        let store = try CedreStore.inMemory()
        #expect(throws: StoreError.schemeExists("cedre")) {
            try store.addScheme(Schemes.cedre, revise: false, on: "2013-06-01", context: context)
        }
        #expect(throws: StoreError.noSchemeToRevise("cedre-v3")) {
            try store.addScheme(renamed("cedre-v3"), revise: true, on: "2013-06-01", context: context)
        }
        var group = Schemes.cedreISO
        group.id = "cedre"
        #expect(throws: StoreError.refused(.schemeKindChanged("cedre", from: .single))) {
            try store.addScheme(group, revise: true, on: "2013-06-01", context: context)
        }
        #expect(try store.eventCount() == 0)
    }

    @Test func rule8bARevisionGovernsOnlyCertificationsStartedFromItsDay() throws {
        // Given solipass engaged under cedre on 2013-01-10
        let store = try CedreStore.inMemory()
        try engage("solipass", under: "cedre", on: "2013-01-10", in: store)
        var revised = Schemes.cedre
        revised.grading.grades[0].deadline = .daysAfterAudit(60, cappedAtExpiry: true)

        // When cedre is revised from 2013-01-10, the day solipass started, it is refused
        #expect(throws: StoreError.revisionTooEarly("cedre", on: "2013-01-10", started: .cedre("solipass"), startedOn: "2013-01-10")) {
            try store.addScheme(revised, revise: true, on: "2013-01-10", context: context)
        }

        // And so is the same revision imported as a fact, dated before solipass started
        #expect(throws: StoreError.revisionTooEarly("cedre", on: "2013-01-05", started: .cedre("solipass"), startedOn: "2013-01-10")) {
            try store.record([DatedFact(.schemeAdded(revised), on: "2013-01-05")], context: context)
        }

        // And from the day after it is recorded, solipass keeps 90 days, a member engaged later gets 60
        try store.addScheme(revised, revise: true, on: "2013-01-11", context: context)
        try engage("tremplin", under: "cedre", on: "2013-02-01", in: store)
        for member in ["solipass", "tremplin"] as [MemberID] {
            let key = CertificationKey.cedre(member)
            let audit = AuditID(rawValue: "A-2013-\(member)")
            try store.record([
                (.auditPlanned(key, audit, kind: .initial, scheduledOn: "2013-03-01", auditors: []), "2013-02-15"),
                (.auditConducted(key, audit), "2013-03-01"),
                (.findingRaised(key, FindingID(rawValue: "F-2013-\(member)"), audit: audit, grade: "major", requirement: "4.2", statement: ""), "2013-03-01"),
            ], context: context)
        }
        #expect(try store.findingStatuses(of: .cedre("solipass"), on: "2013-03-01").first?.deadline == "2013-05-30")
        #expect(try store.findingStatuses(of: .cedre("tremplin"), on: "2013-03-01").first?.deadline == "2013-04-30")
        #expect(try store.verify().problem == nil)
    }

    @Test func rule8bEveryProblemOfADefinitionIsNamedByItsJSONPointer() throws {
        // Given a definition with a wrong id, a missing cycle rule and a zero capacity
        let definition = Schemes.cedre.canonicalJSON
            .replacingOccurrences(of: "\"id\":\"cedre\"", with: "\"id\":\"CEDRE V3\"")
            .replacingOccurrences(of: "\"restoreWindowMonths\":6,", with: "")
            .replacingOccurrences(of: "\"capacity\":2", with: "\"capacity\":0")

        // Then reading it names each problem, and nothing is read
        do {
            _ = try SchemeDefinition.read(Data(definition.utf8), file: "cedre-v3.json")
            Issue.record("an invalid definition must be refused")
        } catch {
            guard case .invalidScheme(let file, let problems) = error else {
                Issue.record("expected an invalid scheme, got \(error)")
                return
            }
            #expect(file == "cedre-v3.json")
            #expect(Set(problems.map(\.pointer)) == ["/id", "/cycle/restoreWindowMonths", "/crossAudit/capacity"])
            #expect(problems.count == 3)
        }
    }

    @Test func rule8bADefinitionThatContradictsItselfIsRefusedWithItsLine() throws {
        var scheme = Schemes.cedre
        scheme.id = "cedre-v3"
        scheme.grading.grades[1].escalatesTo = "critical"
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        let data = try encoder.encode(scheme)
        let line = try #require(String(decoding: data, as: UTF8.self).components(separatedBy: "\n")
            .firstIndex { $0.contains("\"critical\"") }) + 1
        #expect(throws: StoreError.invalidScheme(file: "v3.json", problems: [
            SchemaViolation(pointer: "/grading/grades/1/escalatesTo", line: line, field: "escalatesTo",
                            message: "'critical' is not a nonconformity grade of this scale"),
        ])) {
            try SchemeDefinition.read(data, file: "v3.json")
        }
    }

    @Test func rule8bASchemeDefinitionIsNeverVoidedOrCorrected() throws {
        let store = try CedreStore.inMemory()
        let event = try store.addScheme(renamed("cedre-v3"), revise: false, on: "2013-06-01", context: context)
        #expect(throws: StoreError.correctionRefused(event: event.id, .schemeDefinition(event.summary))) {
            try store.void(event: event.id, reason: "typo", context: context)
        }
        #expect(try store.eventCount() == 1)
    }
}
