import CedreCore
import CedreJSON
import CedreTestSupport
import Foundation
import Testing

/// Output before commit, bounds, escaping and the witness, as an officer's shell sees them
/// (issue 13; DESIGN §5 and §10).
@Suite struct TrustCommandTests {
    /// SOLIPASS certified on 2013-05-02: by 2016-06-01 its certificate has expired, with
    /// surveillance overdue and recertification not planned before that.
    private static let certified = SeededDatabase { cli in
        try cli.succeed("init")
        try cli.succeed("member add --id solipass --name SOLIPASS --type GES --departement 49")
        try cli.succeed("cert engage solipass --scheme cedre --on 2013-01-10")
        let audit = try cli.newIdentifier("audit plan solipass --scheme cedre --kind initial --on 2013-03-01")
        try cli.succeed("audit conduct \(audit) --on 2013-03-01")
        try cli.succeed("cert decide solipass --scheme cedre --on 2013-05-02")
    }

    /// A fresh copy of `certified`.
    private func certifiedMember() throws -> CommandLineRunner {
        try Self.certified.runner()
    }

    private func statuses(_ output: String) throws -> [String] {
        let report = try JSONParser.parse(output)
        return report["items"]?.arrayValue?.compactMap { $0["status"]?.stringValue } ?? []
    }

    // MARK: - Output, then commit

    @Test func aCheckToAFullDiskExits74RecordsNothingAndTheRerunReportsEveryNoticeAsNew() throws {
        let cli = try certifiedMember()
        defer { cli.cleanUp() }
        let full = try cli.runToFullDisk(["check", "--quiet", "--as-of", "2016-06-01"])
        #expect(full.status == 74, "stderr: \(full.error)")
        #expect(full.error.hasPrefix("cedre: could not write to standard output (No space left on device)"))
        #expect(full.error.contains("nothing was recorded in the notice ledger"))
        #expect(full.error.filter { $0 == "\n" }.count == 1)
        let rerun = try cli.run(["check", "--quiet", "--as-of", "2016-06-01", "--format", "json"])
        #expect(rerun.status == 3)
        let seen = try statuses(rerun.output)
        #expect(!seen.isEmpty)
        #expect(seen.allSatisfy { $0 == "new" })
    }

    @Test func anImportACampaignPlanAndADrawWhoseAnswerCannotBeWrittenRecordNothing() throws {
        // Given the 2013 network
        let cli = try SeededDatabase.demo2013.runner()
        defer { cli.cleanUp() }
        let before = try cli.databaseContent()
        let members = cli.folder.appendingPathComponent("new.csv")
        try "id,name,type,departement\nnouveau,NOUVEAU,AI,49\n".write(to: members, atomically: true, encoding: .utf8)

        // When each command that records what it reports writes to a full disk
        for arguments in [
            ["import", members.path], ["campaign", "plan", "--scheme", "cedre-iso", "--year", "2014", "--as-of", "2013-12-31"],
            ["sample", "--scheme", "cedre-iso", "--audit", "surveillance", "--year", "2014", "--seed", "1", "--record", "--as-of", "2013-12-31"],
        ] {
            let full = try cli.runToFullDisk(arguments)

            // Then it exits 74 saying nothing was recorded, and the database is as it was
            #expect(full.status == 74, "\(arguments): \(full.error)")
            #expect(full.error.contains("nothing was recorded: the command was rolled back"), "\(arguments): \(full.error)")
            #expect(try cli.databaseContent() == before, "\(arguments)")
        }
        try cli.run(["campaign", "show", "--scheme", "cedre-iso", "--year", "2014"]).expectRefused(status: 65, mentioning: "campaign")
    }

    @Test func aCheckToAClosedPipeExits74InsteadOfDyingOfSIGPIPE() throws {
        let cli = try certifiedMember()
        defer { cli.cleanUp() }
        let closed = try cli.runToClosedPipe(["check", "--as-of", "2016-06-01"])
        #expect(closed.status == 74, "stderr: \(closed.error)")
        #expect(closed.error.contains("could not write to standard output (Broken pipe)"))
        let rerun = try cli.run(["check", "--as-of", "2016-06-01", "--format", "json"])
        #expect(try statuses(rerun.output).allSatisfy { $0 == "new" })
    }

    @Test func aReportToAFullDiskExits74AndToAMissingFolder73NamingTheOutput() throws {
        let cli = try certifiedMember()
        defer { cli.cleanUp() }
        for format in ["table", "csv", "json", "html"] {
            let full = try cli.runToFullDisk(["report", "status", "--format", format])
            #expect(full.status == 74, "\(format): \(full.error)")
            #expect(full.error.contains("standard output"))
        }
        let file = cli.folder.appendingPathComponent("no-such-folder/status.html").path
        let missing = try cli.run(["report", "status", "--format", "html", "--output", file])
        missing.expectRefused(status: 73, mentioning: file)
    }

    @Test func helpToAFullDiskExits74() throws {
        let cli = try CommandLineRunner()
        defer { cli.cleanUp() }
        #expect(try cli.runToFullDisk(["check", "--help"]).status == 74)
    }

    // MARK: - Bounds

    @Test func theReviewsNumbersAreRefusedAsUsageErrors() throws {
        let cli = try certifiedMember()
        defer { cli.cleanUp() }
        try cli.run("auditor add --id lemoine --name Lemoine --member solipass --scheme cedre --trained-on 2013-02-04 --validity-months 1000000000000000000")
            .expectUsageError(mentioning: "--validity-months 1000000000000000000 is out of range; give a whole number from 1 to 120")
        try cli.run("campaign plan --scheme cedre --year 9223372036854775807")
            .expectUsageError(mentioning: "--year 9223372036854775807 is out of range")
        try cli.run("log --last 0").expectUsageError(mentioning: "--last 0 is out of range")
        try cli.run("report certifications --year=-1").expectUsageError(mentioning: "--year -1 is out of range")
        try cli.run("check --horizon 3661").expectUsageError(mentioning: "--horizon")
        #expect(try cli.run("auditor list").status == 0)
    }

    @Test(arguments: ["-1", "0", "121", "9223372036854775807"])
    func anImportedValidityOutsideItsBoundsIsRefusedNamingTheField(_ months: String) throws {
        let cli = try certifiedMember()
        defer { cli.cleanUp() }
        let file = try cli.write("""
            {"kind":"auditor.added","on":"2013-02-04","payload":{"auditor":"lemoine","name":"Lemoine","member":"solipass","schemes":["cedre"],"trainedOn":"2013-02-04","validityMonths":\(months)}}

            """, to: "auditors.jsonl")
        let result = try cli.run(["import", file, "--as-of", "2014-01-01"])
        #expect(result.status == 65, "\(result.error)")
        #expect(result.error.contains("auditors.jsonl:1: validityMonths:"), "\(result.error)")
        #expect(try cli.run("auditor list").status == 0)
    }

    @Test(arguments: ["-1", "0", "2201", "9223372036854775807"])
    func anImportedCampaignYearOutsideItsBoundsIsRefused(_ year: String) throws {
        let cli = try certifiedMember()
        defer { cli.cleanUp() }
        let file = try cli.write("""
            {"kind":"campaign.published","on":"2013-06-01","payload":{"scheme":"cedre","year":\(year)}}

            """, to: "campaign.jsonl")
        let result = try cli.run(["import", file, "--as-of", "2014-01-01"])
        #expect(result.status == 65, "\(result.error)")
        #expect(result.error.contains("campaign.jsonl:1: year:"), "\(result.error)")
    }

    // MARK: - Nothing injects

    @Test func anIdWithALineBreakOrAnEscapeIsRefusedAndEchoedEscaped() throws {
        let cli = try CommandLineRunner()
        defer { cli.cleanUp() }
        try cli.succeed("init")
        for id in ["abc\n", "abc\u{2028}", "a\u{1B}[2Jb"] {
            let result = try cli.run(["member", "add", "--id", id, "--name", "X", "--type", "AI", "--departement", "49"])
            result.expectRefused(status: 65, mentioning: "id")
            #expect(result.error.firstControlOrLineBreak == "\n" && result.error.filter(\.isNewline).count == 1)
        }
        let unknown = try cli.run(["cert", "show", "x\u{1B}]0;owned\u{07}", "--scheme", "cedre"])
        #expect(unknown.status == 65)
        #expect(unknown.error.contains("x\\u{1B}]0;owned\\u{7}"), "\(unknown.error)")
        #expect(!unknown.error.contains("\u{1B}") && !unknown.error.contains("\u{07}"))
    }

    @Test func aNameThatStartsAFormulaOrHoldsEscapesReachesNoReaderRaw() throws {
        let cli = try certifiedMember()
        defer { cli.cleanUp() }
        try cli.succeed(["member", "add", "--id", "evil", "--name", "=HYPERLINK(\"x\")\u{1B}[2J<script>alert(1)</script>\nforged", "--type", "AI", "--departement", "49"])
        let table = try cli.succeed(["member", "list"])
        #expect(!table.contains("\u{1B}") && table.contains("\\u{1B}[2J") && table.contains("\\nforged"))
        let csv = try cli.succeed(["member", "list", "--format", "csv"])
        #expect(csv.contains("\"'=HYPERLINK(\"\"x\"\")"))
        let markdown = try cli.succeed(["member", "list", "--format", "markdown"])
        #expect(markdown.contains("&lt;script&gt;") && !markdown.contains("<script>") && !markdown.contains("\nforged"))
    }

    // MARK: - A witnessed head

    @Test func checkAndBackupWitnessTheHeadAndVerifyProvesTheLogExtendsIt() throws {
        let cli = try certifiedMember()
        defer { cli.cleanUp() }
        let witness = cli.folder.appendingPathComponent("witness").path
        try cli.run("check --as-of 2014-05-03")
        try cli.succeed(["backup", cli.folder.appendingPathComponent("copy.sqlite").path])
        let lines = try String(contentsOfFile: witness, encoding: .utf8).split(separator: "\n")
        #expect(lines.count == 2)
        #expect(lines.first?.hasPrefix("5 ") == true && lines.first?.hasSuffix(" 2014-05-03") == true)
        let attributes = try FileManager.default.attributesOfItem(atPath: witness)
        #expect((attributes[.posixPermissions] as? NSNumber)?.intValue == 0o600)
        #expect(try cli.succeed(["verify", "--witness", witness]).contains("the log extends 2 witnessed heads"))

        let forged = try cli.write("6 \(String(repeating: "f", count: 64)) 2014-05-03\n", to: "forged-witness")
        try cli.run(["verify", "--witness", forged])
            .expectRefused(status: 65, mentioning: "the log no longer extends the head witnessed on 2014-05-03 (witness line 1")
        let garbled = try cli.write("six events\n", to: "garbled-witness")
        try cli.run(["verify", "--witness", garbled]).expectRefused(status: 65, mentioning: "line 1 of the witness file")
    }

    @Test func aWitnessThatCannotBeWrittenFailsTheCheckAndRecordsNothing() throws {
        let cli = try certifiedMember()
        defer { cli.cleanUp() }
        let result = try cli.run(["check", "--as-of", "2016-06-01", "--witness", "/dev/full"])
        #expect(result.status == 74, "\(result.error)")
        #expect(result.error.contains("could not write to /dev/full"))
        let rerun = try cli.run(["check", "--as-of", "2016-06-01", "--format", "json"])
        #expect(try statuses(rerun.output).allSatisfy { $0 == "new" })
    }
}
