import CedreCore
import CedreJSON
import CedreSchemas
import CedreTestSupport
import Foundation
import Testing

/// `cedre auditor` and `cedre campaign` on the 2013 network, as the acceptance contract runs them.
@Suite struct CampaignCommandTests {
    private func demo() throws -> CommandLineRunner {
        try SeededDatabase.demo2013.runner()
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
        #expect(try cli.run("log --last 1").output.contains("campaign swap"))
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

    @Test func ruleTwentyASwapOntoAHolidayIsRefusedAsWorkingDayThenKeptWithAnOverride() throws {
        let cli = try demo()
        defer { cli.cleanUp() }
        #expect(try cli.run("campaign plan --scheme cedre-iso --year 2014 --seed 2014").status == 0)
        // Tuesday 11 November 2014 is Armistice Day: the working-day policy refuses it
        let refused = try cli.run("campaign swap --scheme cedre-iso --year 2014 --member aider-45 --auditor croise-01 --day 2014-11-11")
        #expect(refused.status == 65)
        #expect(refused.error.contains("(working-day, rule 20) (2014-11-11 is Armistice 1918, a public holiday)"))
        let kept = try cli.run([
            "campaign", "swap", "--scheme", "cedre-iso", "--year", "2014", "--member", "aider-45", "--auditor", "croise-01",
            "--day", "2014-11-11", "--override", "--reason", "the only day the director is there",
        ])
        #expect(kept.status == 0, "\(kept.error)")
        #expect(kept.output.contains("override of not a working day (working-day, rule 20)"))
        #expect(try cli.run("campaign show --scheme cedre-iso --year 2014").output.contains("the only day the director is there"))
    }

    @Test func aSwapOutsideTheCampaignIsRefusedEvenWithAnOverrideAndWritesNothing() throws {
        let cli = try demo()
        defer { cli.cleanUp() }
        #expect(try cli.run("campaign plan --scheme cedre-iso --year 2014 --seed 2014").status == 0)
        let last = try cli.run("log --last 1").output
        let member = try cli.run([
            "campaign", "swap", "--scheme", "cedre-iso", "--year", "2014", "--member", "nobody", "--auditor", "croise-01",
            "--day", "2014-03-04", "--override", "--reason", "forced",
        ])
        #expect(member.status == 65)
        #expect(member.error.contains("nobody is not a member of the federation"))
        let auditor = try cli.run([
            "campaign", "swap", "--scheme", "cedre-iso", "--year", "2014", "--member", "aider-45", "--auditor", "croise-5",
            "--override", "--reason", "forced",
        ])
        #expect(auditor.status == 65)
        #expect(auditor.error.contains("did you mean croise-05?"))
        #expect(try cli.run("log --last 1").output == last)
    }

    @Test func replanningSaysHowManyManualSwapsItKeptOrDiscarded() throws {
        let cli = try demo()
        defer { cli.cleanUp() }
        #expect(try cli.run("campaign plan --scheme cedre-iso --year 2014 --seed 2014 --policy capacity=3").status == 0)
        try cli.run([
            "campaign", "swap", "--scheme", "cedre-iso", "--year", "2014", "--member", "aider-45", "--auditor", "croise-05",
            "--day", "2014-03-04", "--override", "--reason", "the only auditor free",
        ])
        let again = try cli.run("campaign plan --scheme cedre-iso --year 2014 --seed 7 --policy capacity=3")
        #expect(again.status == 0, "\(again.error)")
        #expect(again.output.contains("policies: own-company, same-group, declared-link, qualification, rotation, reciprocal, capacity 3, working-day"))
        #expect(again.output.contains("kept 1 manual swap (1 as override):\n  2014-03-04 aider-45 by croise-05 (override: the only auditor free)"))
        let fresh = try cli.run("campaign plan --scheme cedre-iso --year 2014 --seed 7 --discard-swaps --format json")
        let document = try JSONParser.parse(fresh.output)
        let schema = try JSONSchema(JSONParser.parse(CedreSchemas.json(named: "campaign-plan")))
        #expect(schema.validate(document).isEmpty)
        #expect(document["droppedSwaps"]?.arrayValue?.first?["reason"]?.stringValue == "discarded")
        #expect(document["policies"]?["enabled"]?["capacity"]?.boolValue == true)
        #expect(!(try cli.run("campaign show --scheme cedre-iso --year 2014").output.contains("the only auditor free")))
    }

    @Test func ruleTwentyAnAuditPlannedOnAHolidayIsRecordedWithAWarning() throws {
        let cli = try demo()
        defer { cli.cleanUp() }
        // Friday 26 December 2014 is Saint-Étienne in Moselle, where tremplin-57 is
        let planned = try cli.run("audit plan tremplin-57 --scheme cedre --kind special --on 2014-12-26")
        #expect(planned.status == 0, "\(planned.error)")
        #expect(planned.output.hasPrefix("A-2014-"))
        #expect(planned.error.contains("is planned on 2014-12-26, Saint-Étienne, a public holiday in 57"))
        // A working day says nothing
        let worked = try cli.run("audit plan tremplin-57 --scheme cedre --kind special --on 2014-12-23")
        #expect(worked.status == 0 && worked.error.isEmpty)
    }

    @Test func ruleSeventeenAuditPlanTakesCrossAuditorIdsAndRefusesAMistypedOne() throws {
        let cli = try demo()
        defer { cli.cleanUp() }
        let mistyped = try cli.run("audit plan amie --scheme cedre-iso --kind cross-audit --on 2014-03-04 --auditor croise-5")
        #expect(mistyped.status == 65)
        #expect(mistyped.error.contains("no auditor 'croise-5': did you mean croise-05?"))
        let named = try cli.run(["audit", "plan", "amie", "--scheme", "cedre-iso", "--kind", "cross-audit", "--on", "2014-03-04",
                                 "--auditor", "Jean Martin"])
        #expect(named.status == 65)
        let known = try cli.run("audit plan amie --scheme cedre-iso --kind cross-audit --on 2014-03-04 --auditor croise-05")
        #expect(known.status == 0, "\(known.error)")
        let id = known.output.trimmingCharacters(in: .whitespacesAndNewlines)
        #expect(try cli.run("audit show \(id)").output.contains("croise-05"))
        // A certification body's auditor keeps a free name
        let external = try cli.run(["audit", "plan", "amie", "--scheme", "cedre-iso", "--kind", "special", "--on", "2014-03-05",
                                    "--auditor", "C. Lemoine"])
        #expect(external.status == 0, "\(external.error)")
    }
}
