import CedreCore
import CedreJSON
import CedreTestSupport
import Foundation
import Testing

/// Names as people type them (issue 14, item 6), through the command line: every option that
/// takes a region, a member type or a scheme reads it with the matcher of CedreCore.
@Suite struct NameOptionTests {
    /// The report's scope as its JSON writes it, for a restriction typed as an officer would.
    private func scope(_ restriction: [String], _ cli: CommandLineRunner) throws -> JSONValue? {
        let json = try cli.succeed(["report", "status", "--as-of", "2013-12-31", "--format", "json"] + restriction)
        return try JSONParser.parse(json)["filter"]
    }

    @Test func reportsReadRegionsTypesAndSchemesAsTheyAreTyped() throws {
        let cli = try ContractSteps.certified.runner()
        defer { cli.cleanUp() }
        #expect(try scope(["--region", "ile de france"], cli)?["region"]?.stringValue == "Ile-de-France")
        #expect(try scope(["--region", "IDF"], cli)?["region"]?.stringValue == "Ile-de-France")
        #expect(try scope(["--region", "paca"], cli)?["region"]?.stringValue == "P.A.C.A.")
        #expect(try scope(["--region", "pays-de-la-loire"], cli)?["region"]?.stringValue == "Pays de la Loire")
        #expect(try scope(["--type", "ai"], cli)?["type"]?.stringValue == "AI")
        #expect(try scope(["--type", "ai+aci"], cli)?["type"]?.stringValue == "AI+ACI")
        #expect(try scope(["--scheme", "CEDRE"], cli)?["scheme"]?.stringValue == "cedre")
        #expect(try scope(["--scheme", "CEDRE ISO 9001"], cli)?["scheme"]?.stringValue == "cedre-iso")
        try cli.run(["report", "status", "--region", "Atlantide"]).expectRefused(status: 65, mentioning: "no region is named 'Atlantide'")
        try cli.run(["report", "status", "--scheme", "iso"])
            .expectRefused(status: 65, mentioning: "no scheme is named 'iso'; use one of cedre (CEDRE), cedre-iso (CEDRE ISO 9001).")
        try cli.run(["report", "status", "--type", "SCOP"]).expectRefused(status: 65, mentioning: "'SCOP' is not a member type")
    }

    @Test func recordingAndListingCommandsReadSchemesRegionsAndTypesTheSameWay() throws {
        let cli = try CommandLineRunner()
        defer { cli.cleanUp() }
        try cli.succeed("init")
        // A member added with its type and region typed loosely is stored with their codes
        try cli.succeed(["member", "add", "--id", "reel", "--name", "REEL", "--type", "ai+aci", "--departement", "13", "--region", "paca"])
        try cli.succeed(["member", "add", "--id", "solipass", "--name", "SOLIPASS", "--type", "GES", "--departement", "49"])
        let member = try JSONParser.parse(try cli.succeed(["member", "show", "reel", "--format", "json"]))
        #expect(member["type"]?.stringValue == "AI+ACI")
        #expect(member["region"]?.stringValue == "P.A.C.A.")

        // A scheme typed by its name names the same certification as its id
        #expect(try cli.succeed(["cert", "engage", "reel", "--scheme", "CEDRE", "--on", "10/01/2013"])
            == "reel engaged under cedre on 2013-01-10.\n")
        let audit = try cli.newIdentifier(["audit", "plan", "reel", "--scheme", "Cedre", "--kind", "initial", "--on", "01/03/2013"])
        try cli.succeed(["cert", "show", "reel", "--scheme", "cedre"])
        #expect(try cli.succeed(["audit", "list", "--scheme", "CEDRE", "--format", "csv"]).contains(audit))
        #expect(try cli.succeed(["audit", "list", "--scheme", "CEDRE ISO 9001", "--format", "csv"]).contains(audit) == false)
        try cli.succeed(["auditor", "add", "--id", "lemoine", "--name", "C. Lemoine", "--member", "solipass", "--scheme", "CEDRE ISO 9001",
                         "--trained-on", "04/02/2013"])
        #expect(try cli.succeed(["auditor", "list", "--scheme", "cedre iso", "--format", "csv"]).contains("lemoine,C. Lemoine,solipass,cedre-iso"))

        // And lists filter on regions and types as typed
        let list = try cli.succeed(["member", "list", "--region", "provence alpes cote d'azur", "--type", "aci", "--format", "csv"])
        #expect(list.split(separator: "\r\n").count == 2)
        #expect(list.contains("reel,REEL,AI+ACI,13,P.A.C.A."))
        try cli.run(["cert", "engage", "reel", "--scheme", "iso9001"]).expectRefused(status: 65, mentioning: "no scheme is named 'iso9001'")
    }
}

/// `member show` (issue 14, item 7): each certification's state, since when, its expiry and history.
@Suite struct MemberShowTests {
    @Test func memberShowPrintsEachCertificationsStateSinceWhenItsExpiryAndHistory() throws {
        // Given SOLIPASS certified under cedre on 2013-05-02
        let cli = try ContractSteps.certified.runner()
        defer { cli.cleanUp() }

        // When its sheet is shown a year later
        let text = try cli.succeed("member show solipass --as-of 2014-05-02")

        // Then the certification reads with its state, since when, its expiry and every step
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let start = try #require(lines.firstIndex(of: "cedre: certified since 2013-05-02, expires on 2016-05-02"))
        #expect(Array(lines[(start + 1)...].prefix(4)) == [
            "  2013-01-10  engaged",
            "  2013-03-01  initial audit planned: engaged → initial audit planned",
            "  2013-03-01  initial audit conducted: initial audit planned → audited",
            "  2013-05-02  certification decided: audited → certified",
        ])
        #expect(!text.contains("on 2014-05-02"))

        // And after expiry, since the day the calendar expired it
        let expired = try cli.succeed("member show solipass --as-of 2016-05-10")
        #expect(expired.contains("cedre: expired since 2016-05-03, expires on 2016-05-02"))
        #expect(expired.contains("  2016-05-03  certificate expired: certified → expired (calendar)"))

        // And its JSON carries each certification as cert show writes it
        let json = try JSONParser.parse(try cli.succeed("member show solipass --as-of 2014-05-02 --format json"))
        let sheet = try #require(json["sheets"]?.arrayValue?.first)
        #expect(sheet["expiresOn"]?.stringValue == "2016-05-02")
        #expect(sheet["history"]?.arrayValue?.count == 3)
    }
}
