import CedreCore
import CedreSchemas
import CedreTestSupport
import Foundation
import Testing

/// `cedre auditor` and `cedre campaign` on the 2013 network, as the acceptance contract runs them.
@Suite struct CampaignCommandTests {
    private func demo() throws -> CommandLineRunner {
        let cli = try CommandLineRunner()
        let built = try cli.run(["demo", "--db", cli.database])
        #expect(built.status == 0, "\(built.error)")
        return cli
    }

    @Test func planPrintsTheContractAndFollowsItsSchema() throws {
        let cli = try demo()
        defer { cli.cleanUp() }
        try cli.run("auditor add --id extra --name Extra --member coup-d-main --scheme cedre-iso --trained-on 2013-09-02")
        let run = try cli.run("campaign plan --scheme cedre-iso --year 2014 --seed 2014 --format json")
        #expect(run.status == 0, "\(run.error)")
        let document = try JSONParser.parse(run.output)
        let schema = try JSONSchema(JSONParser.parse(CedreSchemas.json(named: "campaign-plan")))
        #expect(schema.validate(document).isEmpty)
        let assignments = document["assignments"]?.arrayValue ?? []
        let unassigned = document["unassigned"]?.arrayValue ?? []
        #expect(assignments.count + unassigned.count == 19)
        #expect(assignments.allSatisfy { $0["member"]?.stringValue != $0["auditorMember"]?.stringValue })
        let again = try cli.run("campaign plan --scheme cedre-iso --year 2014 --seed 2014 --format json --dry-run")
        #expect(again.output == run.output)
    }

    @Test func aSwapThatBreaksAPolicyNeedsAnOverrideWithAReason() throws {
        let cli = try demo()
        defer { cli.cleanUp() }
        #expect(try cli.run("campaign plan --scheme cedre-iso --year 2014 --seed 2014").status == 0)
        let refused = try cli.run("campaign swap --scheme cedre-iso --year 2014 --member aider-45 --auditor croise-05 --day 2014-03-04")
        #expect(refused.status == 65)
        #expect(refused.error.contains("own-company"))
        let kept = try cli.run([
            "campaign", "swap", "--scheme", "cedre-iso", "--year", "2014", "--member", "aider-45", "--auditor", "croise-05",
            "--day", "2014-03-04", "--override", "--reason", "the only auditor free that week",
        ])
        #expect(kept.status == 0, "\(kept.error)")
        let shown = try cli.run("campaign show --scheme cedre-iso --year 2014")
        #expect(shown.output.contains("the only auditor free that week"))
        #expect(try cli.run("log --last 1").output.contains("campaign.swapped"))
    }

    @Test func theCalendarKeepsItsUIDsWhenAnAssignmentMoves() throws {
        let cli = try demo()
        defer { cli.cleanUp() }
        try cli.run("campaign plan --scheme cedre-iso --year 2014 --seed 2014")
        let before = try cli.run("campaign export --scheme cedre-iso --year 2014 --format ics").output
        #expect(before.components(separatedBy: "BEGIN:VEVENT").count - 1 == 14)
        #expect(before.contains("\r\n"))
        try cli.run(["campaign", "swap", "--scheme", "cedre-iso", "--year", "2014", "--member", "aider-45", "--auditor", "croise-05",
                     "--day", "2014-03-04", "--override", "--reason", "moved"])
        let after = try cli.run("campaign export --scheme cedre-iso --year 2014 --format ics").output
        func uids(_ text: String) -> Set<String> {
            Set(text.components(separatedBy: "\r\n").filter { $0.hasPrefix("UID:") })
        }
        #expect(uids(before).isSubset(of: uids(after)))
        #expect(try cli.run("campaign publish --scheme cedre-iso --year 2014").status == 0)
        let audits = try cli.run("audit list --scheme cedre-iso --from 2014-01-01 --to 2014-12-31").output
        #expect(audits.contains("cross-audit"))
        #expect(try cli.run("verify").status == 0)
    }
}
