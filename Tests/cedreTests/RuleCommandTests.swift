import CedreCore
import CedreJSON
import CedreSchemas
import CedreTestSupport
import Foundation
import Testing

/// The rules the auditor found not applied everywhere, end to end: findings graded the same in
/// every view (rules 7, 8, 24), rule 13 at every external audit, the initial audit's stages
/// (rule 23) and the referential version (rule 14).
@Suite struct RuleCommandTests {
    /// A group certified on 2013-12-12 after its initial audit of 2013-11-12: the central
    /// function `national` and three sites, each cross-audited on 2013-09-10 and joined.
    /// Built once per test process; each test gets a copy.
    private static let group = SeededDatabase { cedre in
        try cedre.succeed("init")
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
    }

    private static let sites = ["site-a", "site-b", "site-c"]

    @Test func rule13CheckReportsEachSiteAndTheGroupIsNotMaintained() throws {
        // Given the group, and its surveillance audit planned on 2014-06-02
        let cedre = try Self.group.runner()
        defer { cedre.cleanUp() }
        let audit = try cedre.newIdentifier("audit plan national --scheme cedre-iso --kind surveillance --on 2014-10-01 --planned-on 2014-06-02")

        // When check runs that day
        let run = try cedre.run("check --as-of 2014-06-02 --format json --dry-run")
        #expect(run.status == 3)
        let json = run.output

        // Then each site is reported cross-audit-missing, due that day, in JSON its schema accepts
        #expect(try OutputSchema.violations(of: json, against: "check") == [])
        let items = try JSONParser.parse(json)["items"]?.arrayValue?.filter { $0["rule"]?.stringValue == "cross-audit-missing" }
        #expect(items?.compactMap { $0["member"]?.stringValue } == Self.sites)
        #expect(items?.allSatisfy { $0["due"]?.stringValue == "2014-06-02" } == true)

        // And once the audit is held, maintaining the group is refused naming the sites, writing nothing
        try cedre.succeed("audit conduct \(audit) --on 2014-10-01")
        let before = try cedre.databaseContent()
        let refused = try cedre.run("cert maintain national --scheme cedre-iso --on 2014-10-15")
        #expect(refused.status == 65)
        #expect(refused.error.contains("site-a, site-b and site-c had no cross-audit between the group's previous external audit and audit \(audit) (rule 13)"))
        #expect(try cedre.databaseContent() == before)
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
        // Given the group
        let cedre = try Self.group.runner()
        defer { cedre.cleanUp() }

        // When a minor on 8.2 is found at each site's surveillance visit, on 2014-10-01
        var findings: [String] = []
        for site in Self.sites {
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
        #expect(text.hasPrefix("\(findings[0]) — Major nonconformity, requirement 8.2"))
        #expect(text.contains(
            "2014-10-01  escalated: minor nonconformity → major nonconformity (found on the same requirement at 3 of the 3 sites audited in the round (rule 8))"))
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
        #expect(text.contains("2013-03-05  regraded: minor nonconformity → major nonconformity (third minor on 7.1)"))
        let list = try JSONParser.parse(try cedre.succeed("finding list --as-of 2013-05-31 --format json"))
        #expect(list.arrayValue?.first?["deadline"]?.stringValue == "2013-05-30")
        #expect(list.arrayValue?.first?["overdue"]?.boolValue == true)
    }
}
