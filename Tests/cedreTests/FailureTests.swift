import CedreTestSupport
import Foundation
import Testing

/// A failed command changes nothing: an exit code and one sentence on stderr (DESIGN §6).
@Suite struct FailureTests {
    /// A command refused on the contract's database, with the exit code and what stderr must name.
    struct Refusal: Sendable, CustomTestStringConvertible {
        let arguments: [String]
        let status: Int32
        let mentions: String

        init(_ line: String, status: Int32 = 65, mentions: String) {
            arguments = line.split(separator: " ").map(String.init)
            self.status = status
            self.mentions = mentions
        }

        init(_ arguments: [String], status: Int32 = 65, mentions: String) {
            self.arguments = arguments
            self.status = status
            self.mentions = mentions
        }

        var testDescription: String { "cedre " + arguments.joined(separator: " ") }
    }

    /// Facts the rules refuse on SOLIPASS's dossier (initial audit A-2013-0001 conducted,
    /// major finding F-2013-0001 open).
    static let illegalTransitions: [Refusal] = [
        Refusal("cert decide solipass --scheme cedre --on 2013-04-01", mentions: "F-2013-0001"),
        Refusal("cert engage solipass --scheme cedre --on 2013-02-01", mentions: "already engaged"),
        Refusal("cert restore solipass --scheme cedre --on 2013-03-05", mentions: "solipass"),
        Refusal("cert suspend solipass --scheme cedre --reason other --on 2013-03-05", mentions: "solipass"),
        Refusal("audit conduct A-2013-0001 --on 2013-03-02", mentions: "A-2013-0001"),
        Refusal("audit close A-2013-0001 --on 2013-03-02", mentions: "A-2013-0001"),
        Refusal("finding accept F-2013-0001 --on 2013-03-05", mentions: "F-2013-0001"),
        Refusal("finding verify F-2013-0001 --effective --on 2013-03-05", mentions: "F-2013-0001"),
        Refusal("finding open A-2013-0001 --grade bogus --requirement 4.2 --on 2013-03-01", mentions: "bogus"),
        Refusal("cert engage solipass --scheme cedre --on 2012-12-01", mentions: "event #"),
        Refusal("member add --id solipass --name Again --type AI --departement 49", mentions: "solipass"),
        Refusal("member add --id tierce --name Tiercé --type AI --departement 49 --group nowhere", mentions: "nowhere"),
        Refusal("member add --id tierce --name Tiercé --type XYZ --departement 49", mentions: "XYZ"),
        Refusal("member add --id tierce --name Tiercé --type AI --departement 100", mentions: "100"),
        Refusal(["member", "add", "--id", "Bad Id", "--name", "Bad", "--type", "AI", "--departement", "49"], mentions: "Bad Id"),
    ]

    /// Ids that name nothing in the database.
    static let unknownIdentifiers: [Refusal] = [
        Refusal("cert engage nobody --scheme cedre --on 2013-02-01", mentions: "nobody"),
        Refusal("cert engage solipass --scheme nope --on 2013-02-01", mentions: "nope"),
        Refusal("cert show nobody --scheme cedre --as-of 2013-06-01", mentions: "nobody"),
        Refusal("member show nobody", mentions: "nobody"),
        Refusal("member leave nobody --on 2014-01-01", mentions: "nobody"),
        Refusal("audit plan nobody --scheme cedre --kind initial --on 2013-03-01", mentions: "nobody"),
        Refusal("audit conduct A-2099-0001 --on 2013-03-01", mentions: "A-2099-0001"),
        Refusal("audit cancel A-2099-0001 --reason none --on 2013-03-01", mentions: "A-2099-0001"),
        Refusal("audit show A-2099-0001", mentions: "A-2099-0001"),
        Refusal("finding open A-2099-0001 --grade major --requirement 4.2 --on 2013-03-01", mentions: "A-2099-0001"),
        Refusal("finding propose F-2099-0001 --on 2013-03-20", mentions: "F-2099-0001"),
        Refusal("finding show F-2099-0001", mentions: "F-2099-0001"),
    ]

    /// Facts dated after the command's today (`--as-of`).
    static let factsFromTheFuture: [Refusal] = [
        Refusal("finding propose F-2013-0001 --on 2013-03-20 --as-of 2013-03-10", mentions: "2013-03-20"),
        Refusal("cert decide solipass --scheme cedre --on 2013-05-02 --as-of 2013-05-01", mentions: "after today (2013-05-01)"),
        Refusal("member add --id tierce --name Tiercé --type AI --departement 49 --joined 2013-06-01 --as-of 2013-05-01",
                mentions: "2013-06-01"),
    ]

    @Test(arguments: illegalTransitions)
    func aFactTheRulesRefuseChangesNothing(_ refusal: Refusal) throws {
        try expectNothingChanged(by: refusal)
    }

    @Test(arguments: unknownIdentifiers)
    func anUnknownIdentifierChangesNothing(_ refusal: Refusal) throws {
        try expectNothingChanged(by: refusal)
    }

    @Test(arguments: factsFromTheFuture)
    func aFactDatedAfterTheDayAskedChangesNothing(_ refusal: Refusal) throws {
        try expectNothingChanged(by: refusal)
    }

    /// Command lines ArgumentParser refuses before anything runs.
    static let usageErrors: [Refusal] = [
        Refusal("cert engage solipass --scheme cedre --on 2013-02-30", status: 64, mentions: "2013-02-30"),
        Refusal("cert engage solipass --scheme cedre --on 30/02/2013", status: 64, mentions: "February 2013 has 28 days"),
        Refusal("cert engage solipass --scheme cedre --on 13/01/13", status: 64, mentions: "write it YYYY-MM-DD or DD/MM/YYYY"),
        Refusal("cert show solipass --scheme cedre --as-of 2013-13-01", status: 64, mentions: "2013-13-01"),
        Refusal("cert engage solipass --on 2013-02-01", status: 64, mentions: "--scheme"),
        Refusal("audit plan solipass --scheme cedre --on 2014-03-01", status: 64, mentions: "--kind"),
        Refusal("audit plan solipass --scheme cedre --kind yearly --on 2014-03-01", status: 64, mentions: "yearly"),
        Refusal("cert suspend solipass --scheme cedre --reason boredom", status: 64, mentions: "boredom"),
        Refusal("finding verify F-2013-0001 --on 2013-04-20", status: 64, mentions: "--effective"),
        Refusal("finding verify F-2013-0001 --effective --ineffective", status: 64, mentions: "--ineffective"),
        Refusal("member list --format xml", status: 64, mentions: "xml"),
        Refusal("member list --colour", status: 64, mentions: "--colour"),
        Refusal("cert frobnicate solipass", status: 64, mentions: "frobnicate"),
        Refusal("frobnicate", status: 64, mentions: "frobnicate"),
    ]

    @Test(arguments: usageErrors)
    func aMalformedCommandLineIsAUsageErrorAndChangesNothing(_ refusal: Refusal) throws {
        // Given the contract's database with an open major finding
        let cedre = try ContractSteps.majorFindingOpen.runner()
        defer { cedre.cleanUp() }
        let before = try cedre.databaseContent()

        // When the command line is malformed
        let result = try cedre.run(refusal.arguments)

        // Then ArgumentParser reports it with the usage, exit 64, and nothing is written
        result.expectUsageError(mentioning: refusal.mentions)
        #expect(try cedre.databaseContent() == before)
    }

    @Test func aBackupOntoAnExistingFileIsRefused() throws {
        // Given a database and a file where the backup would go
        let cedre = try ContractSteps.majorFindingOpen.runner()
        defer { cedre.cleanUp() }
        let existing = try cedre.write("keep me\n", to: "existing.sqlite")

        // When a backup is asked onto that file
        let result = try cedre.run(["backup", existing])

        // Then it is refused and the file is untouched
        result.expectRefused(status: 64, mentioning: existing)
        #expect(try String(contentsOfFile: existing, encoding: .utf8) == "keep me\n")
    }

    /// Every command that only reads.
    static let readingCommands: [String] = [
        "member list", "member show solipass", "cert show solipass --scheme cedre", "audit list",
        "audit show A-2013-0001", "finding list", "finding show F-2013-0001", "export", "verify", "rebuild", "log",
        "log --member solipass", "backup copy.sqlite",
    ]

    @Test(arguments: readingCommands)
    func aReadingCommandOnAMissingDatabaseCreatesNothing(_ line: String) throws {
        let cedre = try CommandLineRunner()
        defer { cedre.cleanUp() }
        // Given no database at CEDRE_DB
        #expect(!cedre.databaseExists)

        // When a reading command runs
        let result = try cedre.run(line)

        // Then it is refused, naming the path, and no file appears
        result.expectRefused(status: 65, mentioning: "no database at \(cedre.database)")
        #expect(!cedre.databaseExists)
        #expect(!FileManager.default.fileExists(atPath: cedre.folder.appendingPathComponent("copy.sqlite").path))
    }

    @Test func aMissingImportFileIsBadInputNotAnInternalError() throws {
        let cedre = try CommandLineRunner()
        defer { cedre.cleanUp() }
        try cedre.succeed("init")
        let before = try cedre.databaseContent()
        // When the file to import does not exist
        let result = try cedre.run("import adherents.csv")
        // Then it is refused as bad input, naming the file
        result.expectRefused(status: 65, mentioning: "adherents.csv")
        #expect(try cedre.databaseContent() == before)
    }

    @Test func aBackupIntoAMissingFolderIsBadInputNotAnInternalError() throws {
        let cedre = try CommandLineRunner()
        defer { cedre.cleanUp() }
        try cedre.succeed("init")
        // When the backup's folder does not exist
        let target = cedre.folder.appendingPathComponent("missing/copy.sqlite").path
        let result = try cedre.run(["backup", target])
        // Then it is refused as bad input, naming the path
        result.expectRefused(status: 65, mentioning: target)
        #expect(!FileManager.default.fileExists(atPath: target))
    }

    /// Runs a refused command on the contract's database and checks that it changed nothing.
    private func expectNothingChanged(
        by refusal: Refusal, sourceLocation: SourceLocation = #_sourceLocation
    ) throws {
        // Given SOLIPASS's initial audit conducted with a major finding open
        let cedre = try ContractSteps.majorFindingOpen.runner()
        defer { cedre.cleanUp() }
        let before = try cedre.databaseContent()
        let witnessBefore = cedre.witnessContent()

        // When the refused command runs
        let result = try cedre.run(refusal.arguments)

        // Then it exits with its code and one sentence, and the database (every table and the
        // schema, so `verify` says what it said before: `theDatabaseTheRefusalsRunOnVerifies`)
        // and the witness file are as they were
        result.expectRefused(status: refusal.status, mentioning: refusal.mentions, sourceLocation: sourceLocation)
        #expect(try cedre.databaseContent() == before, sourceLocation: sourceLocation)
        #expect(cedre.witnessContent() == witnessBefore, sourceLocation: sourceLocation)
    }

    @Test func theDatabaseTheRefusalsRunOnVerifies() throws {
        let cedre = try ContractSteps.majorFindingOpen.runner()
        defer { cedre.cleanUp() }
        try cedre.expectVerified()
    }
}
