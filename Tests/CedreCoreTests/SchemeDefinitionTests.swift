import CedreCore
import CedreJSON
import CedreSchemas
import CedreTestSupport
import Foundation
import Testing

/// Rule 8b: schemes are data, checked by `Schemas/json/scheme.schema.json`, and versioned.
@Suite struct SchemeDefinitionTests {
    /// `Fixtures/examples/scheme-afnor-style.json`, read from the source tree.
    static let afnorExample: Data = {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("Fixtures/examples/scheme-afnor-style.json")
        return (try? Data(contentsOf: url)) ?? Data()
    }()

    private func violations(of data: Data) throws -> [String] {
        let schema = try JSONSchema(JSONParser.parse(CedreSchemas.json(named: "scheme")))
        return schema.validate(try JSONParser.parse(data)).map(\.description)
    }

    @Test(arguments: SchemeCatalog.bundledNames)
    func rule8bEveryBundledDefinitionFollowsTheSchema(_ name: String) throws {
        #expect(try violations(of: SchemeCatalog.bundledDefinition(name)) == [])
        let scheme = try JSONDecoder().decode(Scheme.self, from: SchemeCatalog.bundledDefinition(name))
        #expect(scheme.inconsistencies() == [])
    }

    @Test(arguments: SchemeCatalog.bundledNames)
    func eachCompiledInDefinitionIsItsFileDecoded(_ name: String) throws {
        // Given a bundled file as shipped, decoded as any definition is
        let file = try JSONDecoder().decode(Scheme.self, from: SchemeCatalog.bundledDefinition(name))

        // Then the catalog every command starts from holds it, under the file's name
        #expect(file.id.rawValue == name)
        #expect(SchemeCatalog.bundled[file.id] == file, "Scheme+Bundled.swift must say what Schemes/Definitions/\(name).json says")
    }

    @Test func theBundledCatalogHoldsTheBundledFilesOnly() {
        #expect(SchemeCatalog.bundled.ids.map(\.rawValue).sorted() == SchemeCatalog.bundledNames.sorted())
    }

    @Test(arguments: SchemeCatalog.bundledNames + ["afnor-example"])
    func theLightDecoderReadsEachDefinitionAsFoundationsDecoderDoes(_ name: String) throws {
        let data = name == "afnor-example" ? Self.afnorExample : try SchemeCatalog.bundledDefinition(name)
        let foundation = try JSONDecoder().decode(Scheme.self, from: data)
        #expect(try JSONValueDecoder().decode(Scheme.self, from: JSONParser.parse(data)) == foundation)
    }

    @Test func theLightDecoderRefusesAValueOfTheWrongType() throws {
        #expect(throws: DecodingError.self) { try JSONValueDecoder().decode(Scheme.self, from: JSONParser.parse(Data("[1]".utf8))) }
        #expect(throws: DecodingError.self) { try JSONValueDecoder().decode([Int].self, from: JSONParser.parse(Data("[\"1\"]".utf8))) }
        #expect(throws: DecodingError.self) { try JSONValueDecoder().decode(UInt8.self, from: JSONParser.parse(Data("300".utf8))) }
    }

    @Test func rule8bTheAfnorStyleExampleFollowsTheSchemaWithEachGradesDeadlineAndConsequence() throws {
        #expect(try violations(of: Self.afnorExample) == [])
        let scheme = try JSONDecoder().decode(Scheme.self, from: Self.afnorExample)
        #expect(scheme.inconsistencies() == [])
        #expect(scheme.grading.grades.map(\.id) == ["PF", "PP", "PS", "NCmin", "NCmaj"])
        let major = try #require(scheme.grading.grade("NCmaj"))
        #expect(major.deadline == .daysAfterAudit(60, cappedAtExpiry: true))
        #expect(major.decision == .blocksUntilVerified)
        #expect(major.whenOverdue == .suspensionTrigger)
        #expect(scheme.grading.grade("NCmin")?.escalatesTo == "NCmaj")
        #expect(scheme.grading.grade("PS")?.escalatesTo == "NCmin")
        #expect(scheme.grading.grade("PF")?.decision == Grade.DecisionEffect.none)
    }

    @Test(arguments: SchemeCatalog.bundledNames)
    func rule8bADefinitionWrittenBackFollowsTheSchemaAndReadsBackTheSame(_ name: String) throws {
        // Given a bundled scheme written as `scheme show --format json` and as the log stores it
        let scheme = try #require(SchemeCatalog.bundled[SchemeID(rawValue: name)])
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        let shown = try encoder.encode(scheme)

        // Then both follow the schema and read back as the same scheme
        #expect(try violations(of: shown) == [])
        #expect(try violations(of: Data(scheme.canonicalJSON.utf8)) == [])
        #expect(try JSONDecoder().decode(Scheme.self, from: shown) == scheme)
        #expect(try JSONDecoder().decode(Scheme.self, from: Data(scheme.canonicalJSON.utf8)) == scheme)
    }

    @Test func rule8bWhatTheSchemaCannotSeeIsNamedByItsPointer() {
        var scheme = Schemes.cedre
        scheme.grading.grades[1].escalatesTo = "critical"
        scheme.grading.grades[2].id = "major"
        scheme.grading.grades[3].decision = .blocksUntilVerified
        scheme.referentialVersions.append(scheme.referentialVersions[0])
        #expect(scheme.inconsistencies().map(\.description) == [
            "line 0, /grading/grades/1/escalatesTo: 'critical' is not a nonconformity grade of this scale",
            "line 0, /grading/grades/2/id: grade 'major' is declared twice",
            "line 0, /grading/grades/3/isNonconformity: a grade that is not a nonconformity has no decision effect, deadline or overdue effect",
            "line 0, /referentialVersions/1/id: version 'cedre-v2' is declared twice",
        ])
    }

    @Test func rule8bARevisionGovernsTheCertificationsStartedFromItsDay() throws {
        // Given cedre revised on 2014-01-01 with majors due 60 days after the audit
        var revised = Schemes.cedre
        revised.grading.grades[0].deadline = .daysAfterAudit(60, cappedAtExpiry: true)
        var network = Network(catalog: .bundled)
        try network.apply(.schemeAdded(revised), on: "2014-01-01")
        #expect(network.catalog.versions(of: "cedre").map(\.from) == [nil, "2014-01-01"])

        // When one member engaged on 2013-12-31 and another on 2014-01-01 each get a major on 2014-03-03
        for (member, engagedOn) in [("avant", "2013-12-31"), ("apres", "2014-01-01")] as [(MemberID, Day)] {
            let key = CertificationKey.cedre(member)
            try network.apply(.memberAdded(.sample(member), joined: nil), on: "2013-01-01")
            try network.apply(.certificationEngaged(key), on: engagedOn)
            try network.apply(.auditPlanned(key, AuditID(rawValue: "A-2014-\(member)"), kind: .initial, scheduledOn: "2014-03-03", auditors: []), on: "2014-02-01")
            try network.apply(.auditConducted(key, AuditID(rawValue: "A-2014-\(member)")), on: "2014-03-03")
            try network.apply(.findingRaised(key, FindingID(rawValue: "F-2014-\(member)"), audit: AuditID(rawValue: "A-2014-\(member)"),
                                             grade: "major", requirement: "4.2", statement: ""), on: "2014-03-03")
        }

        // Then the first keeps 90 days (2014-06-01), the second follows the revision (2014-05-02)
        #expect(network.findingStatuses(of: .cedre("avant"), on: "2014-03-03").first?.deadline == "2014-06-01")
        #expect(network.findingStatuses(of: .cedre("apres"), on: "2014-03-03").first?.deadline == "2014-05-02")
    }

    @Test func rule8bAddingAVersionTwiceChangesNothing() {
        let catalog = SchemeCatalog.bundled.adding(Schemes.cedre, on: "2014-01-01")
        let again = catalog.adding(Schemes.cedre, on: "2014-01-01")
        #expect(again.versions(of: "cedre") == catalog.versions(of: "cedre"))
        #expect(catalog.scheme("cedre", startedOn: "2013-12-31") == SchemeCatalog.bundled["cedre"])
    }
}
