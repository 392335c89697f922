import CedreCore
import CedreJSON
import CedreSchemas
import CedreTestSupport
import Foundation
import Testing

/// The verbs beyond the contract, end to end: an audit's whole life, a certification's
/// suspension, restoration and withdrawal, a member leaving, and the maintenance commands.
@Suite struct LifecycleTests {
    /// `cert show --format json`, checked against its schema.
    private func sheet(_ member: String, asOf day: String, _ cedre: CommandLineRunner,
                       sourceLocation: SourceLocation = #_sourceLocation) throws -> JSONValue {
        let json = try cedre.succeed("cert show \(member) --scheme cedre --as-of \(day) --format json", sourceLocation: sourceLocation)
        #expect(try OutputSchema.violations(of: json, against: "certification") == [], sourceLocation: sourceLocation)
        return try JSONParser.parse(json)
    }

    /// SOLIPASS (a GES) and SOLIPASS Tiercé (one of its companies), members since 2009.
    private static func federation(_ cedre: CommandLineRunner) throws {
        try cedre.succeed("init")
        try cedre.succeed("member add --id solipass --name SOLIPASS --type GES --departement 49 --joined 2009-01-01")
        try cedre.succeed(["member", "add", "--id", "tierce", "--name", "SOLIPASS Tiercé", "--type", "AI",
                           "--departement", "49", "--group", "solipass", "--joined", "2009-03-01"])
    }

    /// SOLIPASS certified on 2013-04-02 after an initial audit postponed, confirmed, conducted,
    /// reported and closed, with a minor finding whose plan was accepted: built once per test
    /// process, each test gets a copy.
    private static let certifiedAfterAFullAudit = SeededDatabase { cedre in
        try Self.federation(cedre)
        try cedre.succeed("cert engage solipass --scheme cedre --on 2013-01-10")
        let audit = try cedre.newIdentifier("audit plan solipass --scheme cedre --kind initial --on 2013-03-01 --planned-on 2013-01-15")
        try cedre.succeed(["audit", "postpone", audit, "--to", "2013-03-08", "--reason", "auditor ill", "--on", "2013-02-20"])
        try cedre.succeed(["audit", "confirm", audit, "--auditor", "C. Lemoine", "--confirmed-on", "2013-02-25"])
        try cedre.succeed("audit conduct \(audit) --on 2013-03-08")
        let finding = try cedre.newIdentifier("finding open \(audit) --grade minor --requirement 7.1 --on 2013-03-08")
        try cedre.succeed("audit report \(audit) --on 2013-03-15")
        try cedre.succeed(["finding", "propose", finding, "--plan", "train the coordinators", "--on", "2013-03-20"])
        try cedre.succeed("finding accept \(finding) --due 2013-06-30 --on 2013-03-22")
        try cedre.succeed("audit close \(audit) --on 2013-03-25")
        try cedre.succeed("cert decide solipass --scheme cedre --on 2013-04-02")
    }

    @Test func anAuditIsPostponedConfirmedConductedReportedAndClosed() throws {
        // Given SOLIPASS certified after its initial audit
        let cedre = try Self.certifiedAfterAFullAudit.runner()
        defer { cedre.cleanUp() }

        // When the audit is shown
        let detail = try JSONParser.parse(try cedre.succeed("audit show A-2013-0001 --format json"))

        // Then it carries each step of its life, on its day
        let audit = try #require(detail["audit"])
        #expect(audit["state"]?.stringValue == "closed")
        #expect(audit["plannedOn"]?.stringValue == "2013-01-15")
        #expect(audit["scheduledOn"]?.stringValue == "2013-03-08")
        #expect(audit["conductedOn"]?.stringValue == "2013-03-08")
        #expect(audit["reportedOn"]?.stringValue == "2013-03-15")
        #expect(audit["closedOn"]?.stringValue == "2013-03-25")
        #expect(audit["auditors"]?.arrayValue?.compactMap(\.stringValue) == ["C. Lemoine"])
        let steps = detail["history"]?.arrayValue?.compactMap { step in
            [step["on"]?.stringValue, step["event"]?.stringValue].compactMap { $0 }.joined(separator: " ")
        }
        #expect(steps == [
            "2013-02-20 postponed", "2013-02-25 confirmed", "2013-03-08 conducted", "2013-03-08 findingRaised",
            "2013-03-15 reported", "2013-03-25 closed",
        ])
        let findings = detail["findings"]?.arrayValue?.compactMap { $0["id"]?.stringValue }
        #expect(findings == ["F-2013-0001"])
        #expect(try sheet("solipass", asOf: "2013-04-02", cedre)["state"]?.stringValue == "certified")
    }

    @Test func aCancelledAuditStaysInTheListWithItsState() throws {
        // Given SOLIPASS certified, with a surveillance audit planned
        let cedre = try Self.certifiedAfterAFullAudit.runner()
        defer { cedre.cleanUp() }
        let audit = try cedre.newIdentifier("audit plan solipass --scheme cedre --kind surveillance --on 2014-03-01 --planned-on 2013-12-01")
        #expect(audit == "A-2014-0001")

        // When it is cancelled
        try cedre.succeed(["audit", "cancel", audit, "--reason", "site closed for works", "--on", "2014-01-10"])

        // Then the list shows it cancelled, and it cannot be conducted any more
        let list = try cedre.succeed("audit list --member solipass --format csv")
        #expect(list.split(whereSeparator: \.isNewline) == [
            "id,member,scheme,kind,state,scheduled,conducted,auditors",
            "A-2013-0001,solipass,cedre,initial audit,closed,2013-03-08,2013-03-08,C. Lemoine",
            "A-2014-0001,solipass,cedre,surveillance audit,cancelled,2014-03-01,,",
        ])
        try cedre.run("audit conduct \(audit) --on 2014-03-01").expectRefused(status: 65, mentioning: audit)
    }

    @Test func aSuspendedCertificationIsRestoredThenWithdrawn() throws {
        // Given SOLIPASS certified
        let cedre = try Self.certifiedAfterAFullAudit.runner()
        defer { cedre.cleanUp() }

        // When it is suspended at its own request
        try cedre.succeed("cert suspend solipass --scheme cedre --reason member-request --on 2014-05-10")
        // Then the certificate is not valid, for at most six months
        let suspended = try sheet("solipass", asOf: "2014-05-11", cedre)
        #expect(suspended["state"]?.stringValue == "suspended")
        #expect(suspended["suspendedOn"]?.stringValue == "2014-05-10")
        #expect(suspended["suspensionEndsBy"]?.stringValue == "2014-11-10")

        // When the suspension is lifted
        try cedre.succeed("cert restore solipass --scheme cedre --on 2014-06-01")
        // Then it is certified again, in the same cycle
        let restored = try sheet("solipass", asOf: "2014-06-01", cedre)
        #expect(restored["state"]?.stringValue == "certified")
        #expect(restored["expiresOn"]?.stringValue == "2016-04-02")
        #expect(restored["suspendedOn"]?.isNull == true)

        // When it is withdrawn
        try cedre.succeed("cert withdraw solipass --scheme cedre --reason member-request --on 2014-07-01")
        // Then it is withdrawn from that day, and nothing moves it afterwards
        let withdrawn = try sheet("solipass", asOf: "2014-07-01", cedre)
        #expect(withdrawn["state"]?.stringValue == "withdrawn")
        #expect(withdrawn["withdrawnOn"]?.stringValue == "2014-07-01")
        #expect(try sheet("solipass", asOf: "2020-01-01", cedre)["state"]?.stringValue == "withdrawn")
        try cedre.run("cert restore solipass --scheme cedre --on 2014-07-02").expectRefused(status: 65, mentioning: "solipass")
    }

    @Test func aMemberWhoLeavesHasItsCertificationsWithdrawn() throws {
        let cedre = try CommandLineRunner()
        defer { cedre.cleanUp() }
        // Given SOLIPASS Tiercé engaged under cedre
        try Self.federation(cedre)
        try cedre.succeed("cert engage tierce --scheme cedre --on 2013-02-01")

        // When it leaves the federation
        let output = try cedre.succeed("member leave tierce --on 2014-08-01")

        // Then its certification is withdrawn the same day, and it is no longer listed
        #expect(output.hasPrefix("Member tierce left on 2014-08-01"))
        let left = try sheet("tierce", asOf: "2014-08-02", cedre)
        #expect(left["state"]?.stringValue == "withdrawn")
        #expect(left["withdrawnOn"]?.stringValue == "2014-08-01")
        let listed = try JSONParser.parse(try cedre.succeed("member list --as-of 2014-08-02 --format json"))
        #expect(listed.arrayValue?.compactMap { $0["id"]?.stringValue } == ["solipass"])
        #expect(try cedre.succeed("member show tierce --as-of 2014-08-02").contains("left 2014-08-01"))

        // And its log tells the story in order
        let log = try JSONParser.parse(try cedre.succeed("log --member tierce --format json"))
        #expect(log.arrayValue?.compactMap { $0["kind"]?.stringValue } == [
            "member.added", "certification.engaged", "certification.withdrawn", "member.left",
        ])
        #expect(log.arrayValue?.allSatisfy { $0["actor"]?.stringValue == "tests" } == true)

        // And a fact about it after it left is refused
        try cedre.run("cert engage tierce --scheme cedre-iso --on 2014-09-01").expectRefused(status: 65, mentioning: "tierce")
    }

    @Test func theExportFollowsItsSchemaAndHoldsTheWholeLog() throws {
        // Given a federation with an audit, a finding, a suspension and a member who left
        let cedre = try Self.certifiedAfterAFullAudit.runner()
        defer { cedre.cleanUp() }
        try cedre.succeed("cert suspend solipass --scheme cedre --reason member-request --on 2014-05-10")
        try cedre.succeed("cert engage tierce --scheme cedre --on 2013-02-01")
        try cedre.succeed("member leave tierce --on 2014-08-01")

        // When it is exported
        let json = try cedre.succeed("export")

        // Then the export follows its schema, holds every event chained, and every member
        #expect(try OutputSchema.violations(of: json, against: "export") == [])
        let export = try JSONParser.parse(json)
        let events = export["events"]?.arrayValue ?? []
        #expect(events.count == (try cedre.eventCount()))
        #expect(events.first?["previousHash"]?.stringValue == String(repeating: "0", count: 64))
        for (previous, event) in zip(events, events.dropFirst()) {
            #expect(event["previousHash"] == previous["hash"])
        }
        let members = export["members"]?.arrayValue ?? []
        #expect(members.compactMap { $0["member"]?["id"]?.stringValue }.sorted() == ["solipass", "tierce"])
        #expect(members.first { $0["member"]?["id"]?.stringValue == "tierce" }?["leftOn"]?.stringValue == "2014-08-01")
    }

    @Test func theExportSchemaKnowsEveryKindAndFieldOfTheFactsImport() throws {
        // Given the schema of a facts import line and the schema of the export
        let facts = try JSONParser.parse(CedreSchemas.json(named: "events"))
        let export = try JSONParser.parse(CedreSchemas.json(named: "export"))

        // Then an exported event has the same kinds and payload fields as an imported fact
        let kinds = { (value: JSONValue?) in Set(value?["enum"]?.arrayValue?.compactMap(\.stringValue) ?? []) }
        let fields = { (value: JSONValue?) in Set(value?["properties"]?.objectMembers?.map(\.key) ?? []) }
        #expect(kinds(export["$defs"]?["event"]?["properties"]?["kind"]) == kinds(facts["properties"]?["kind"]))
        #expect(fields(export["$defs"]?["payload"]) == fields(facts["$defs"]?["payload"]))
    }

    @Test func aBackupIsACompleteDatabaseThatVerifies() throws {
        // Given SOLIPASS certified
        let cedre = try Self.certifiedAfterAFullAudit.runner()
        defer { cedre.cleanUp() }
        let events = try cedre.eventCount()
        let copy = cedre.folder.appendingPathComponent("backup/cedre-2014.sqlite").path
        try FileManager.default.createDirectory(
            atPath: (copy as NSString).deletingLastPathComponent, withIntermediateDirectories: true)

        // When it is backed up
        let output = try cedre.succeed(["backup", copy])

        // Then the copy holds the same facts and verifies on its own
        #expect(output == "Backed up \(events) events to \(copy).\n")
        #expect(try cedre.succeed(["verify", "--db", copy]).hasPrefix("The event log holds: \(events) events chained"))
        #expect(try cedre.succeed(["export", "--db", copy]) == (try cedre.succeed("export")))
        let permissions = try FileManager.default.attributesOfItem(atPath: copy)[.posixPermissions] as? Int
        #expect(permissions.map { $0 & 0o077 } == 0, "a backup holds personal data: readable by its owner only")
    }

    @Test func aRebuildReplaysTheLogIntoTheSameProjections() throws {
        // Given SOLIPASS certified then suspended
        let cedre = try Self.certifiedAfterAFullAudit.runner()
        defer { cedre.cleanUp() }
        try cedre.succeed("cert suspend solipass --scheme cedre --reason member-request --on 2014-05-10")
        let before = try cedre.databaseContent()
        let members = try cedre.succeed("member list --as-of 2014-06-01")
        let events = try cedre.eventCount()

        // When the projections are rebuilt
        let output = try cedre.succeed("rebuild")

        // Then the log is untouched, the projections match it, and the answers are the same
        #expect(output == "Rebuilt the projections from \(events) events.\n")
        try cedre.expectVerified()
        #expect(try cedre.databaseContent() == before)
        #expect(try cedre.succeed("member list --as-of 2014-06-01") == members)
    }

    @Test func theDatabaseIsReadableByItsOwnerOnly() throws {
        let cedre = try CommandLineRunner()
        defer { cedre.cleanUp() }
        try cedre.succeed("init")
        let permissions = try FileManager.default.attributesOfItem(atPath: cedre.database)[.posixPermissions] as? Int
        #expect(permissions.map { $0 & 0o077 } == 0)
        #expect(try cedre.succeed("init") == "\(cedre.database) is ready (already a cedre database).\n")
    }
}
