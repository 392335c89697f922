import CedreCore
import CedreReports
import CedreTestSupport
import Foundation
import Testing

@testable import cedre

/// Files and paths (issue 14, item 7): an output that cannot be created, a database that is a
/// folder or cannot be used, each refused with the sysexits code and one sentence naming the
/// path; --output never replaces a file without --force and takes its format from the name.
@Suite struct PathTests {
    /// A database with SOLIPASS certified under cedre on 2013-05-02.
    private func certified() throws -> CommandLineRunner {
        try ContractSteps.certified.runner()
    }

    @Test func anOutputInAMissingFolderOrOnAFolderCannotBeCreated() throws {
        let cli = try certified()
        defer { cli.cleanUp() }
        let missing = cli.folder.appendingPathComponent("missing/dir/x.html").path
        try cli.run(["report", "status", "--output", missing]).expectRefused(status: 73, mentioning: missing)
        #expect(!FileManager.default.fileExists(atPath: cli.folder.appendingPathComponent("missing").path))
        try cli.run(["report", "status", "--output", cli.folder.path])
            .expectRefused(status: 73, mentioning: "cannot write to \(cli.folder.path): it is a folder")
    }

    @Test func anExistingFileIsReplacedOnlyWithForce() throws {
        let cli = try certified()
        defer { cli.cleanUp() }
        let file = try cli.write("keep me\n", to: "status.md")
        try cli.run(["report", "status", "--as-of", "2013-12-31", "--output", file])
            .expectRefused(status: 73, mentioning: "\(file) already exists; add --force")
        #expect(try String(contentsOfFile: file, encoding: .utf8) == "keep me\n")

        try cli.succeed(["report", "status", "--as-of", "2013-12-31", "--output", file, "--force"])
        #expect(try String(contentsOfFile: file, encoding: .utf8).hasPrefix("# "))
        #expect(try FileManager.default.contentsOfDirectory(atPath: cli.folder.path).filter { $0.hasSuffix(".partial") } == [])
    }

    @Test(arguments: [
        ("status.txt", "État de la certification"), ("status.md", "# État de la certification"), ("status.csv", "scheme,region,type,state,members\r\n"),
        ("status.json", "{"), ("status.html", "<!DOCTYPE html>"), ("status.HTM", "<!DOCTYPE html>"),
    ])
    func theOutputsExtensionGivesTheFormat(_ name: String, _ start: String) throws {
        let cli = try certified()
        defer { cli.cleanUp() }
        let file = cli.folder.appendingPathComponent(name).path
        try cli.succeed(["report", "status", "--as-of", "2013-12-31", "--output", file, "--lang", "fr"])
        #expect(try String(contentsOfFile: file, encoding: .utf8).hasPrefix(start), "\(name)")
    }

    @Test func aFormatGivenWinsOverTheExtensionAndAnExtensionNamingNoFormatIsAUsageError() throws {
        let cli = try certified()
        defer { cli.cleanUp() }
        let file = cli.folder.appendingPathComponent("status.txt").path
        try cli.succeed(["report", "status", "--as-of", "2013-12-31", "--output", file, "--format", "json"])
        #expect(try String(contentsOfFile: file, encoding: .utf8).hasPrefix("{"))

        let pdf = cli.folder.appendingPathComponent("status.pdf").path
        try cli.run(["report", "status", "--output", pdf])
            .expectRefused(status: 64, mentioning: "cannot tell the format of \(pdf) from its name; add --format")
        let calendar = cli.folder.appendingPathComponent("status.ics").path
        try cli.run(["report", "status", "--output", calendar])
            .expectRefused(status: 64, mentioning: "this report cannot be written as ics (\(calendar))")
        let programme = cli.folder.appendingPathComponent("audits.ics").path
        try cli.succeed(["report", "audits", "--from", "2013-01-01", "--to", "2013-12-31", "--as-of", "2013-12-31", "--output", programme])
        #expect(try String(contentsOfFile: programme, encoding: .utf8).hasPrefix("BEGIN:VCALENDAR\r\n"))
        #expect(!FileManager.default.fileExists(atPath: pdf) && !FileManager.default.fileExists(atPath: calendar))
    }

    @Test func aDatabaseThatIsAFolderIsBadInputNamingIt() throws {
        let cli = try CommandLineRunner()
        defer { cli.cleanUp() }
        for arguments in [["member", "list"], ["init"], ["cert", "engage", "solipass", "--scheme", "cedre"]] {
            try cli.run(arguments + ["--db", cli.folder.path])
                .expectRefused(status: 65, mentioning: "the database \(cli.folder.path) is a folder; point --db")
        }
    }

    @Test func aFileThatIsNoDatabaseIsBadInputAndAPlaceWhereNoneCanBeCreatedIsNamed() throws {
        let cli = try CommandLineRunner()
        defer { cli.cleanUp() }
        let text = try cli.write("not a database, a letter\n", to: "letter.sqlite")
        try cli.run(["member", "list", "--db", text]).expectRefused(status: 65, mentioning: "\(text) is not a cedre database")
        let underAFile = text + "/cedre.sqlite"
        try cli.run(["init", "--db", underAFile])
            .expectRefused(status: 73, mentioning: "cannot create the database \(underAFile) (\(text) is a file, not a folder)")
    }

    /// Root reads every file: as root, the run is made as `nobody` (setpriv), for whom the
    /// database, of mode 0600 and belonging to root, is unreadable.
    static let canRunUnprivileged = getuid() != 0 || FileManager.default.isExecutableFile(atPath: "/usr/bin/setpriv")

    @Test(.enabled(if: canRunUnprivileged))
    func aDatabaseThisAccountCannotReadIsAnInputOutputError() throws {
        let cli = try certified()
        defer { cli.cleanUp() }
        let arguments = ["member", "list", "--db", cli.database]
        let result: CommandLineRunner.Result
        if getuid() == 0 {
            try FileManager.default.setAttributes([.posixPermissions: 0o600], ofItemAtPath: cli.database)
            result = try CommandLineRunner.execute(
                URL(fileURLWithPath: "/usr/bin/setpriv"),
                ["--reuid=65534", "--regid=65534", "--clear-groups", CommandLineRunner.executable.path] + arguments,
                environment: cli.environment)
        } else {
            try FileManager.default.setAttributes([.posixPermissions: 0o000], ofItemAtPath: cli.database)
            defer { try? FileManager.default.setAttributes([.posixPermissions: 0o600], ofItemAtPath: cli.database) }
            result = try cli.run(arguments)
        }
        result.expectRefused(status: 74, mentioning: "cannot read and write the database \(cli.database) (Permission denied)")
    }

    @Test func theDefaultDatabaseFollowsXDGWithTheHomeOfTheEnvironment() throws {
        #expect(StoreOptions.databasePath(option: nil, environment: ["HOME": "/home/officier"])
            == "/home/officier/.local/share/cedre/cedre.sqlite")
        #expect(StoreOptions.databasePath(option: nil, environment: ["HOME": "/home/officier", "XDG_DATA_HOME": "/srv/data"])
            == "/srv/data/cedre/cedre.sqlite")
        #expect(StoreOptions.databasePath(option: nil, environment: ["HOME": "/home/officier", "XDG_DATA_HOME": ""])
            == "/home/officier/.local/share/cedre/cedre.sqlite")
        #expect(StoreOptions.databasePath(option: nil, environment: ["HOME": "/home/officier", "CEDRE_DB": "/srv/cedre.sqlite"])
            == "/srv/cedre.sqlite")
        #expect(StoreOptions.databasePath(option: "here.sqlite", environment: ["CEDRE_DB": "/srv/cedre.sqlite"]) == "here.sqlite")

        // And the binary creates it there
        var cli = try CommandLineRunner()
        defer { cli.cleanUp() }
        for variable in ["CEDRE_DB", "XDG_DATA_HOME"] { cli.environment.removeValue(forKey: variable) }
        cli.environment["HOME"] = cli.folder.path
        try cli.succeed("init")
        #expect(FileManager.default.fileExists(atPath: cli.folder.appendingPathComponent(".local/share/cedre/cedre.sqlite").path))
    }

    @Test func aFileAppearingWhileTheReportIsWrittenIsNotReplacedWithoutForce() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("cedre-output-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("report.html").path
        try Output.write("first\n", toFile: file, replacing: false)
        #expect(throws: PathError.outputExists(path: file)) { try Output.write("second\n", toFile: file, replacing: false) }
        #expect(try String(contentsOfFile: file, encoding: .utf8) == "first\n")
        try Output.write("second\n", toFile: file, replacing: true)
        #expect(try String(contentsOfFile: file, encoding: .utf8) == "second\n")
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["report.html"])
    }

    @Test func eachPathErrorHasItsSysexitsCodeAndOneSentence() {
        let cases: [(PathError, Int32)] = [
            (.outputFolderMissing(path: "/srv/x/r.html", folder: "/srv/x"), 73), (.outputIsFolder(path: "/srv"), 73),
            (.outputExists(path: "/srv/r.html"), 73), (.outputNotCreated(path: "/srv/r.html", reason: "Permission denied"), 73),
            (.databaseNotCreated(path: "/srv/c.sqlite", reason: "Permission denied"), 73),
            (.databaseUnusable(path: "/srv/c.sqlite", reason: "Permission denied"), 74), (.databaseIsFolder(path: "/srv"), 65),
            (.formatUnknown(path: "r.pdf", offered: ["table"], extensions: [".txt"]), 64),
            (.formatNotOffered(path: "r.ics", format: "ics", offered: ["table"], extensions: [".txt"]), 64),
        ]
        for (error, code) in cases {
            for language in ReportLanguage.allCases {
                let failure = ExitCodes.failure(for: error, in: language)
                #expect(failure?.code.rawValue == code, "\(error)")
                #expect(failure.map { !$0.message.contains("\n") && $0.message.hasSuffix(".") } == true, "\(error)")
            }
            #expect(ExitCodes.failure(for: error, in: .fr)?.message != ExitCodes.failure(for: error, in: .en)?.message)
        }
    }
}
