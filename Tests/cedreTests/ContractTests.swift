import CedreCore
import CedreJSON
import CedreTestSupport
import Foundation
import Testing

/// The foundation issue's contract, command by command, on a temporary database.
@Suite struct ContractTests {
    @Test func aMajorFindingBlocksTheDecisionUntilItsActionIsVerifiedEffective() throws {
        let cedre = try CommandLineRunner()
        defer { cedre.cleanUp() }

        // Given SOLIPASS engaged under cedre
        try cedre.succeed("init")
        try cedre.succeed(["member", "add", "--id", "solipass", "--name", "SOLIPASS", "--type", "GES", "--departement", "49"])
        try cedre.succeed("cert engage solipass --scheme cedre --on 2013-01-10")

        // When its initial audit is planned and conducted, and raises a major finding
        let plan = try cedre.run("audit plan solipass --scheme cedre --kind initial --on 2013-03-01")
        #expect(plan.status == 0 && plan.error.isEmpty)
        #expect(plan.output == "A-2013-0001\n")
        let audit = plan.output.trimmingCharacters(in: .newlines)
        try cedre.succeed("audit conduct \(audit) --on 2013-03-01")
        let open = try cedre.run("finding open \(audit) --grade major --requirement 4.2 --on 2013-03-01")
        #expect(open.status == 0 && open.error.isEmpty)
        #expect(open.output == "F-2013-0001\n")
        let finding = open.output.trimmingCharacters(in: .newlines)

        // Then a decision is refused, naming the open major finding, and nothing is written
        let before = try cedre.databaseContent()
        let refused = try cedre.run("cert decide solipass --scheme cedre --on 2013-04-01")
        refused.expectRefused(status: 65, mentioning: finding)
        #expect(refused.error.contains("major"))
        #expect(try cedre.databaseContent() == before)

        // When the corrective action is proposed, accepted, implemented and verified effective
        try cedre.succeed("finding propose \(finding) --on 2013-03-20")
        try cedre.succeed("finding accept \(finding) --on 2013-03-22")
        try cedre.succeed("finding implement \(finding) --on 2013-04-10")
        try cedre.succeed("finding verify \(finding) --effective --on 2013-04-20")

        // Then the decision certifies SOLIPASS
        #expect(try cedre.succeed("cert decide solipass --scheme cedre --on 2013-05-02")
            == "solipass certified under cedre on 2013-05-02.\n")

        // And a year and a day later its first surveillance is overdue
        let json = try cedre.succeed("cert show solipass --scheme cedre --as-of 2014-05-03 --format json")
        #expect(try OutputSchema.violations(of: json, against: "certification") == [])
        let sheet = try JSONParser.parse(json)
        #expect(sheet["member"]?.stringValue == "solipass")
        #expect(sheet["scheme"]?.stringValue == "cedre")
        #expect(sheet["asOf"]?.stringValue == "2014-05-03")
        #expect(sheet["state"]?.stringValue == "certified")
        #expect(sheet["certifiedOn"]?.stringValue == "2013-05-02")
        #expect(sheet["expiresOn"]?.stringValue == "2016-05-02")
        #expect(sheet["nextSurveillanceDueBy"]?.stringValue == "2014-05-02")
        #expect(sheet["flags"]?.arrayValue?.compactMap(\.stringValue) == ["surveillance-overdue"])
        #expect(sheet["openFindings"]?.arrayValue?.isEmpty == true)
        try cedre.expectVerified()
    }

    @Test func theFirstSurveillanceIsNotOverdueOnItsDueDay() throws {
        // Given SOLIPASS certified on 2013-05-02
        let cedre = try ContractSteps.certified.runner()
        defer { cedre.cleanUp() }

        // When its certification is shown as of the due day of its first surveillance
        let json = try cedre.succeed("cert show solipass --scheme cedre --as-of 2014-05-02 --format json")

        // Then it is certified with no flag
        #expect(try OutputSchema.violations(of: json, against: "certification") == [])
        let sheet = try JSONParser.parse(json)
        #expect(sheet["state"]?.stringValue == "certified")
        #expect(sheet["nextSurveillanceDueBy"]?.stringValue == "2014-05-02")
        #expect(sheet["flags"]?.arrayValue?.isEmpty == true)
    }

    @Test func theCertificationSheetReadsAsItsGoldenFile() throws {
        // Given SOLIPASS certified on 2013-05-02
        let cedre = try ContractSteps.certified.runner()
        defer { cedre.cleanUp() }

        // When its certification is shown on a terminal the day after its surveillance was due
        let text = try cedre.succeed("cert show solipass --scheme cedre --as-of 2014-05-03")

        // Then it is the golden sheet
        Snapshot.expect(text, matches: "contract-cert-show.txt")
    }

    @Test func aSurveillanceAuditEnteredLateClearsTheOverdueFlag() throws {
        // Given SOLIPASS certified on 2013-05-02, overdue for surveillance on 2014-05-03
        let cedre = try ContractSteps.certified.runner()
        defer { cedre.cleanUp() }

        // When its surveillance audit of 2014-04-25 is recorded afterwards
        let audit = try cedre.newIdentifier(
            "audit plan solipass --scheme cedre --kind surveillance --on 2014-04-25 --as-of 2014-05-12")
        try cedre.succeed("audit conduct \(audit) --on 2014-04-25 --as-of 2014-05-12")

        // Then as of 2014-05-03 nothing is overdue any more
        let sheet = try JSONParser.parse(try cedre.succeed("cert show solipass --scheme cedre --as-of 2014-05-03 --format json"))
        #expect(sheet["flags"]?.arrayValue?.isEmpty == true)
        #expect(sheet["nextSurveillanceDueBy"]?.stringValue == "2015-12-31")
    }
}
