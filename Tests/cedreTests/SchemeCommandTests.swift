import CedreCore
import CedreSchemas
import CedreTestSupport
import Foundation
import Testing

/// `cedre scheme add|list|show` (rule 8b), the initial audit's stages (rule 23) and the
/// referential version (rule 14), end to end.
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

    @Test func rule23TheTwoStagesArePlannedAndConductedFromTheCommandLine() throws {
        let cedre = try CommandLineRunner()
        defer { cedre.cleanUp() }
        try cedre.succeed("init")
        try cedre.succeed("member add --id tremplin --name TREMPLIN --type AI --departement 49")
        try cedre.succeed("cert engage tremplin --scheme cedre --on 2014-01-10")

        // Given a stage 1 held on 2014-05-06
        let readiness = try cedre.newIdentifier("audit plan tremplin --scheme cedre --kind stage1 --on 2014-05-06 --planned-on 2014-04-01")
        try cedre.succeed("audit conduct \(readiness) --on 2014-05-06")
        func state(_ day: String) throws -> String? {
            try JSONParser.parse(try cedre.succeed("cert show tremplin --scheme cedre --as-of \(day) --format json"))["state"]?.stringValue
        }
        // Then the certification still waits, and a decision is refused
        #expect(try state("2014-05-06") == "initialAuditPlanned")
        #expect(try cedre.run("cert decide tremplin --scheme cedre --on 2014-05-20").status == 65)

        // And a stage 2 under the version named held on 2014-06-12 makes it audited, then certified
        let stage = try cedre.newIdentifier(
            "audit plan tremplin --scheme cedre --kind stage2 --referential cedre-v2 --on 2014-06-12 --planned-on 2014-05-07")
        try cedre.succeed("audit conduct \(stage) --on 2014-06-12")
        #expect(try state("2014-06-12") == "audited")
        let detail = try JSONParser.parse(try cedre.succeed("audit show \(stage) --format json"))
        #expect(detail["audit"]?["kind"]?.stringValue == "stage2")
        #expect(detail["audit"]?["referential"]?.stringValue == "cedre-v2")
        try cedre.succeed("cert decide tremplin --scheme cedre --on 2014-07-01")
        #expect(try state("2014-07-01") == "certified")

        // And a version the scheme does not have is refused
        let unknown = try cedre.run("audit plan tremplin --scheme cedre --kind special --referential cedre-v9 --on 2014-09-01 --planned-on 2014-08-01")
        #expect(unknown.status == 65)
        #expect(unknown.error.contains("'cedre-v9' is not a referential version of scheme cedre"))
        try cedre.expectVerified()
    }

    @Test func rule8AGroupRegradedMinorIsMajorInFindingListAndShowWithItsReason() throws {
        let cedre = try CommandLineRunner()
        defer { cedre.cleanUp() }
        // Given a group certified on 2013-12-12 with three sites, each cross-audited and joined
        try cedre.succeed("init")
        let sites = ["site-a", "site-b", "site-c"]
        for member in ["national"] + sites {
            try cedre.succeed("member add --id \(member) --name \(member.uppercased()) --type AI --departement 49")
        }
        try cedre.succeed("cert engage national --scheme cedre-iso --on 2012-06-01")
        for site in sites {
            try cedre.succeed("group apply \(site) --scheme cedre-iso --on 2013-03-01")
            let crossAudit = try cedre.newIdentifier("audit plan \(site) --scheme cedre-iso --kind cross-audit --on 2013-09-10")
            try cedre.succeed("audit conduct \(crossAudit) --on 2013-09-10")
        }
        let initial = try cedre.newIdentifier("audit plan national --scheme cedre-iso --kind initial --on 2013-11-12")
        try cedre.succeed("audit conduct \(initial) --on 2013-11-12")
        try cedre.succeed("cert decide national --scheme cedre-iso --on 2013-12-12")
        for site in sites { try cedre.succeed("group join \(site) --scheme cedre-iso --on 2013-12-12") }

        // When a minor on 8.2 is found at each site's surveillance visit, on 2014-10-01
        var findings: [String] = []
        for site in sites {
            let visit = try cedre.newIdentifier("audit plan \(site) --scheme cedre-iso --kind surveillance --on 2014-10-01")
            try cedre.succeed("audit conduct \(visit) --on 2014-10-01")
            findings.append(try cedre.newIdentifier("finding open \(visit) --grade minor --requirement 8.2 --on 2014-10-01"))
        }

        // Then list and show say major, due 2014-10-01 + 90 days, with the reason
        let list = try JSONParser.parse(try cedre.succeed("finding list --as-of 2014-10-05 --format json"))
        #expect(list.arrayValue?.map { $0["grade"]?.stringValue } == ["major", "major", "major"])
        #expect(list.arrayValue?.map { $0["deadline"]?.stringValue } == ["2014-12-30", "2014-12-30", "2014-12-30"])
        let line = try JSONParser.parse(try cedre.succeed("finding show \(findings[0]) --as-of 2014-10-05 --format json"))
        #expect(line["grade"]?.stringValue == "major")
        #expect(line["recordedGrade"]?.stringValue == "minor")
        #expect(line["deadline"]?.stringValue == "2014-12-30")
        #expect(line["escalationReason"]?.stringValue == "found on the same requirement at 3 of the 3 sites audited in the round (rule 8)")
        let text = try cedre.succeed("finding show \(findings[0]) --as-of 2014-10-05")
        #expect(text.hasPrefix("\(findings[0]) — major on requirement 8.2"))
        #expect(text.contains("2014-10-01  escalated: minor → major (found on the same requirement at 3 of the 3 sites audited in the round (rule 8))"))
        let report = try JSONParser.parse(try cedre.succeed("report findings --as-of 2014-10-05 --format json"))
        #expect(report["findings"]?.arrayValue?.map { $0["grade"]?.stringValue } == ["major", "major", "major"])
    }

    @Test func rule24FindingShowGivesTheRegradedMajorsDeadlineFromTheAuditWithItsReason() throws {
        let cedre = try CommandLineRunner()
        defer { cedre.cleanUp() }
        try cedre.succeed("init")
        try cedre.succeed("member add --id solipass --name SOLIPASS --type GES --departement 49")
        try cedre.succeed("cert engage solipass --scheme cedre --on 2013-01-10")
        let audit = try cedre.newIdentifier("audit plan solipass --scheme cedre --kind initial --on 2013-03-01")
        try cedre.succeed("audit conduct \(audit) --on 2013-03-01")
        let finding = try cedre.newIdentifier("finding open \(audit) --grade minor --requirement 7.1 --on 2013-03-01")
        try cedre.succeed(["finding", "regrade", finding, "--grade", "major", "--reason", "third minor on 7.1", "--on", "2013-03-05"])

        // Then list, show and JSON all give major, due 2013-05-30, and the regrade's reason
        let line = try JSONParser.parse(try cedre.succeed("finding show \(finding) --as-of 2013-03-05 --format json"))
        #expect(line["grade"]?.stringValue == "major")
        #expect(line["deadline"]?.stringValue == "2013-05-30")
        #expect(line["history"]?.arrayValue?.last?["reason"]?.stringValue == "third minor on 7.1")
        let text = try cedre.succeed("finding show \(finding) --as-of 2013-03-05")
        #expect(text.contains("deadline 2013-05-30"))
        #expect(text.contains("2013-03-05  regraded: minor → major (third minor on 7.1)"))
        let list = try JSONParser.parse(try cedre.succeed("finding list --as-of 2013-05-31 --format json"))
        #expect(list.arrayValue?.first?["deadline"]?.stringValue == "2013-05-30")
        #expect(list.arrayValue?.first?["overdue"]?.boolValue == true)
    }
}
