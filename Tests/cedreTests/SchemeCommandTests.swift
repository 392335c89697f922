import CedreCore
import CedreJSON
import CedreSchemas
import CedreTestSupport
import Foundation
import Testing

/// `cedre scheme add|list|show` (rule 8b), end to end.
@Suite struct SchemeCommandTests {
    /// `Fixtures/examples/scheme-afnor-style.json` in the source tree.
    private static let afnorExample = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Fixtures/examples/scheme-afnor-style.json").path

    @Test func rule8bASchemeShownRenamedAndAddedBackWorksEndToEnd() throws {
        let cedre = try CommandLineRunner()
        defer { cedre.cleanUp() }
        try cedre.succeed("init")

        // Given cedre written as JSON by `scheme show`, valid against the scheme schema
        let shown = try cedre.succeed("scheme show cedre --format json")
        let schema = try JSONSchema(JSONParser.parse(CedreSchemas.json(named: "scheme")))
        #expect(schema.validate(try JSONParser.parse(shown)).isEmpty)

        // When it is renamed cedre-v3 and added back
        let renamed = shown.replacingOccurrences(of: "\"id\" : \"cedre\"", with: "\"id\" : \"cedre-v3\"")
            .replacingOccurrences(of: "\"name\" : \"CEDRE\"", with: "\"name\" : \"CEDRE V3\"")
        let file = try cedre.write(renamed, to: "cedre-v3.json")
        #expect(try cedre.succeed(["scheme", "add", file, "--on", "2013-01-02"]) == "Scheme cedre-v3 (CEDRE V3) added on 2013-01-02.\n")

        // Then it is listed, shown as added, and a member goes through engage, audit and decide under it
        let list = try JSONParser.parse(try cedre.succeed("scheme list --format json"))
        #expect(list.arrayValue?.compactMap { $0["id"]?.stringValue } == ["cedre", "cedre-iso", "cedre-v3"])
        #expect(list.arrayValue?.last?["versions"]?.arrayValue?.first?["from"]?.stringValue == "2013-01-02")
        try cedre.succeed("member add --id solipass --name SOLIPASS --type GES --departement 49")
        try cedre.succeed("cert engage solipass --scheme cedre-v3 --on 2013-01-10")
        let audit = try cedre.newIdentifier("audit plan solipass --scheme cedre-v3 --kind initial --on 2013-03-01")
        try cedre.succeed("audit conduct \(audit) --on 2013-03-01")
        let finding = try cedre.newIdentifier("finding open \(audit) --grade minor --requirement 7.1 --on 2013-03-01")
        try cedre.succeed("finding propose \(finding) --plan train --on 2013-03-10")
        try cedre.succeed("finding accept \(finding) --on 2013-03-12")
        #expect(try cedre.succeed("cert decide solipass --scheme cedre-v3 --on 2013-04-02") == "solipass certified under cedre-v3 on 2013-04-02.\n")
        let sheet = try JSONParser.parse(try cedre.succeed("cert show solipass --scheme cedre-v3 --as-of 2013-04-02 --format json"))
        #expect(sheet["state"]?.stringValue == "certified")
        #expect(sheet["expiresOn"]?.stringValue == "2016-04-02")
        #expect(try OutputSchema.violations(of: try cedre.succeed("export"), against: "export") == [])
        try cedre.expectVerified()
    }

    @Test func rule8bTheAfnorStyleExampleIsAddedAndGradesFindings() throws {
        let cedre = try CommandLineRunner()
        defer { cedre.cleanUp() }
        try cedre.succeed("init")
        try cedre.succeed(["scheme", "add", Self.afnorExample, "--on", "2013-01-02"])
        let shown = try cedre.succeed("scheme show cedre-afnor")
        #expect(shown.contains("NCmaj — Major nonconformity: nonconformity; blocks decisions until verified effective; due 60 days after the audit (capped at expiry); late: suspension trigger"))
        try cedre.succeed("member add --id solipass --name SOLIPASS --type GES --departement 49")
        try cedre.succeed("cert engage solipass --scheme cedre-afnor --on 2013-01-10")
        let audit = try cedre.newIdentifier("audit plan solipass --scheme cedre-afnor --kind initial --on 2013-03-01")
        try cedre.succeed("audit conduct \(audit) --on 2013-03-01")
        let finding = try cedre.newIdentifier("finding open \(audit) --grade NCmaj --requirement 4.2 --on 2013-03-01")
        let line = try JSONParser.parse(try cedre.succeed("finding show \(finding) --as-of 2013-03-01 --format json"))
        // 2013-03-01 + 60 days
        #expect(line["deadline"]?.stringValue == "2013-04-30")
        let refused = try cedre.run("cert decide solipass --scheme cedre-afnor --on 2013-04-02")
        #expect(refused.status == 65)
    }

    @Test func rule8bAnInvalidDefinitionIsRefusedNamingEveryProblemAndWritesNothing() throws {
        let cedre = try CommandLineRunner()
        defer { cedre.cleanUp() }
        try cedre.succeed("init")
        let shown = try cedre.succeed("scheme show cedre --format json")
        let broken = shown.replacingOccurrences(of: "\"id\" : \"cedre\"", with: "\"id\" : \"Cedre V3\"")
            .replacingOccurrences(of: "\"validityMonths\" : 36", with: "\"validityMonths\" : 0")
        let file = try cedre.write(broken, to: "broken.json")
        let result = try cedre.run(["scheme", "add", file])
        #expect(result.status == 65)
        #expect(result.error.contains("broken.json is not a valid scheme definition (2 problems; nothing was written)"))
        #expect(result.error.contains(", /id: must match"))
        #expect(result.error.contains(", /cycle/validityMonths: must be at least 1"))
        let again = try cedre.run(["scheme", "add", try cedre.write(shown, to: "cedre.json")])
        #expect(again.status == 65)
        #expect(again.error.contains("scheme cedre already exists; pass --revise"))
        #expect(try cedre.eventCount() == 0)
    }
}
