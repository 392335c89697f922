import CedreCore
import CedreJSON
import CedreSchemas
import CedreTestSupport
import Foundation
import Synchronization
import Testing

/// `cedre check` as cron runs it: exit codes, --quiet, --dry-run, JSON, two runs at once.
@Suite struct CheckCommandTests {
    /// SOLIPASS certified on 2013-05-02 after its initial audit, built once per test process;
    /// each test gets a copy.
    private static let certified = SeededDatabase { cli in
        try cli.run("init")
        try cli.run("member add --id solipass --name SOLIPASS --type GES --departement 49")
        try cli.run("cert engage solipass --scheme cedre --on 2013-01-10")
        let audit = try cli.run("audit plan solipass --scheme cedre --kind initial --on 2013-03-01").output
            .trimmingCharacters(in: .whitespacesAndNewlines)
        try cli.run("audit conduct \(audit) --on 2013-03-01")
        let decided = try cli.run("cert decide solipass --scheme cedre --on 2013-05-02")
        #expect(decided.status == 0, "\(decided.error)")
    }

    private func certifiedMember() throws -> CommandLineRunner {
        try Self.certified.runner()
    }

    @Test func exitsThreeWhenSomethingNeedsAttentionAndZeroOtherwise() throws {
        let cli = try certifiedMember()
        defer { cli.cleanUp() }
        let calm = try cli.run("check --as-of 2013-06-01 --lang fr")
        #expect(calm.status == 0)
        #expect(calm.output.contains("0 nouveau · 0 toujours ouvert · 0 résolu"))
        let late = try cli.run("check --as-of 2014-05-03 --lang en")
        #expect(late.status == 3)
        #expect(late.output.contains("surveillance-overdue"))
        #expect(late.output.contains("2014-05-03"))
    }

    @Test func quietPrintsNothingWhenNothingChanged() throws {
        let cli = try certifiedMember()
        defer { cli.cleanUp() }
        #expect(try cli.run("check --as-of 2014-05-03 --quiet").status == 3)
        let again = try cli.run("check --as-of 2014-05-03 --quiet")
        #expect(again.status == 0)
        #expect(again.output.isEmpty && again.error.isEmpty)
    }

    @Test func aDryRunPrintsExactlyWhatARealRunPrints() throws {
        let cli = try certifiedMember()
        defer { cli.cleanUp() }
        let dry = try cli.run("check --as-of 2014-05-03 --dry-run --format json")
        let real = try cli.run("check --as-of 2014-05-03 --format json")
        #expect(dry.output == real.output)
        #expect(dry.status == real.status)
        let after = try cli.run("check --as-of 2014-05-03 --format json")
        #expect(after.output.contains("\"open\""))
    }

    @Test func theJSONOutputFollowsItsSchema() throws {
        let cli = try certifiedMember()
        defer { cli.cleanUp() }
        let run = try cli.run("check --as-of 2016-06-01 --horizon 120d --format json")
        let document = try JSONParser.parse(run.output)
        let schema = try JSONSchema(JSONParser.parse(CedreSchemas.json(named: "check")))
        #expect(schema.validate(document).isEmpty)
        #expect(document["asOf"]?.stringValue == "2016-06-01")
        let rules = document["items"]?.arrayValue?.compactMap { $0["rule"]?.stringValue } ?? []
        #expect(rules.contains("certificate-expired"))
        #expect(document["items"]?.arrayValue?.allSatisfy { $0["status"]?.stringValue == "new" } == true)
    }

    @Test func twoProcessesAtOnceReportEachNoticeAsNewOnce() throws {
        let cli = try certifiedMember()
        defer { cli.cleanUp() }
        let runs = Outputs()
        DispatchQueue.concurrentPerform(iterations: 2) { _ in
            runs.add((try? cli.run("check --as-of 2016-06-01 --format json").output) ?? "")
        }
        let newCounts = runs.all.map { output in
            (try? JSONParser.parse(output))?["counts"]?["new"]?.intValue ?? -1
        }
        #expect(newCounts.sorted().first == 0)
        #expect(newCounts.sorted().last ?? 0 > 0)
        #expect(try cli.run("verify").status == 0)
    }

    @Test func checkingAMissingDatabaseCreatesNothing() throws {
        let cli = try CommandLineRunner()
        defer { cli.cleanUp() }
        let run = try cli.run("check")
        #expect(run.status == 65)
        #expect(!FileManager.default.fileExists(atPath: cli.database))
    }

    @Test func onTheDemoNetworkAtTheEndOf2014ItFollowsUpAuditsNotHeldAndStalledEngagements() throws {
        let cli = try SeededDatabase.demo2013.runner()
        defer { cli.cleanUp() }
        let run = try cli.run("check --as-of 2014-12-31 --format json --dry-run")
        #expect(run.status == 3)
        let document = try JSONParser.parse(run.output)
        let schema = try JSONSchema(JSONParser.parse(CedreSchemas.json(named: "check")))
        #expect(schema.validate(document).isEmpty)
        let items = try #require(document["items"]?.arrayValue)
        let rules = Set(items.compactMap { $0["rule"]?.stringValue })
        #expect(rules.contains("audit-not-held") && rules.contains("engagement-stalled"))
        let held = try #require(items.first { $0["rule"]?.stringValue == "audit-not-held" })
        #expect(held["due"]?.stringValue == "2014-01-21")
        #expect(held["name"]?.stringValue?.isEmpty == false && held["region"]?.stringValue?.isEmpty == false)
        #expect(held["departement"]?.stringValue?.isEmpty == false)
    }

    @Test func aRegionalRunReportsAndRecordsOnlyItsRegionAndMailsAnHTMLPage() throws {
        let cli = try certifiedMember()
        defer { cli.cleanUp() }
        try cli.run("member add --id tremplin --name TREMPLIN --type ACI --departement 57")
        try cli.run("cert engage tremplin --scheme cedre --on 2013-01-10")
        let lorraine = try cli.run(["check", "--as-of", "2015-01-10", "--region", "Lorraine", "--format", "json"])
        let members = try JSONParser.parse(lorraine.output)["items"]?.arrayValue?.compactMap { $0["member"]?.stringValue }
        #expect(Set(members ?? []) == ["tremplin"])
        let html = try cli.run(["check", "--as-of", "2015-01-11", "--format", "html", "--lang", "en"])
        #expect(html.output.contains("<html") && html.output.contains("solipass") && html.output.contains("new"))
        try cli.run(["check", "--as-of", "2015-01-12", "--region", "Atlantis"]).expectRefused(status: 65, mentioning: "no region is named 'Atlantis'")
    }

    @Test func aQuietCronRemindsOfWhatNobodyActedOn() throws {
        let cli = try certifiedMember()
        defer { cli.cleanUp() }
        #expect(try cli.run("check --as-of 2014-05-03 --quiet --remind-every 7d").status == 3)
        #expect(try cli.run("check --as-of 2014-05-09 --quiet --remind-every 7d").output.isEmpty)
        let reminder = try cli.run("check --as-of 2014-05-10 --quiet --remind-every 7d --format json")
        #expect(reminder.status == 3)
        let document = try JSONParser.parse(reminder.output)
        #expect(document["items"]?.arrayValue?.compactMap { $0["status"]?.stringValue } == ["reminder"])
        #expect(document["counts"]?["reminders"]?.intValue == 1)
    }
}

/// Outputs collected across threads.
private final class Outputs: Sendable {
    private let values = Mutex<[String]>([])

    func add(_ value: String) {
        values.withLock { $0.append(value) }
    }

    var all: [String] {
        values.withLock { $0 }
    }
}
