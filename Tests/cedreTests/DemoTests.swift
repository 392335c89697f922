import CedreTestSupport
import Foundation
import Testing

/// `cedre demo`: the README's first command builds the 2013 network and prints its status.
@Suite struct DemoTests {
    @Test func theDemoPrintsTheFiguresOfThe2013Report() throws {
        let cedre = try CommandLineRunner()
        defer { cedre.cleanUp() }
        // When the demo runs in French, the default (CEDRE_DB names a path where nothing exists yet)
        var french = cedre
        french.environment.removeValue(forKey: "CEDRE_LANG")
        let output = try french.succeed("demo")

        // Then it prints the report's figures as of 31 December 2013, and where its database is
        #expect(output.hasPrefix("État de la certification du réseau au 31 décembre 2013\n"))
        let summary = try #require(output.split(separator: "\n").first { $0.hasPrefix("511 adhérents · ") })
        for figure in ["115 certifiés", "22,5", "250 engagés"] {
            #expect(summary.contains(figure), "\(summary)")
        }
        let last = output.split(separator: "\n").last ?? ""
        #expect(last.hasPrefix("Base de démonstration") && last.hasSuffix(" " + cedre.database), "\(last)")
        try cedre.expectVerified()
    }

    @Test func theDemoSpeaksEnglishWhenAsked() throws {
        // Given what `demo --lang en` printed without CEDRE_LANG (the seeded demo database keeps it)
        let cedre = try SeededDatabase.demo2013.runner()
        defer { cedre.cleanUp() }
        let output = try String(contentsOf: cedre.folder.appendingPathComponent(SeededDatabase.demoOutput), encoding: .utf8)

        // Then it is the report in English, and it names where its database is
        #expect(output.hasPrefix("Network certification status as of 31 December 2013\n"))
        let summary = try #require(output.split(separator: "\n").first { $0.hasPrefix("511 members · ") })
        for figure in ["115 certified", "22.5", "250 engaged"] {
            #expect(summary.contains(figure), "\(summary)")
        }
        let last = output.split(separator: "\n").last ?? ""
        #expect(last.hasPrefix("Demo database: /") && last.hasSuffix("/cedre.sqlite"), "\(last)")
    }

    @Test func withoutADatabasePathTheDemoBuildsInATemporaryFolder() throws {
        var cedre = try CommandLineRunner()
        defer { cedre.cleanUp() }
        // Given no CEDRE_DB, and a temporary folder inside the runner's own
        cedre.environment.removeValue(forKey: "CEDRE_DB")
        cedre.environment["TMPDIR"] = cedre.folder.path

        // When the demo runs
        let output = try cedre.succeed("demo")

        // Then its database is in a new folder of the temporary folder, and it verifies
        let path = try #require(output.split(separator: "\n").last?.split(separator: " ").last.map(String.init))
        #expect(path.hasPrefix(cedre.folder.path + "/cedre-demo-"))
        #expect(FileManager.default.fileExists(atPath: path))
        #expect(try cedre.succeed(["verify", "--db", path]).hasPrefix("The event log holds"))
    }

    @Test func theDemoRefusesToReplaceADatabaseThatIsNotADemo() throws {
        // Given an officer's database at CEDRE_DB
        let cedre = try ContractSteps.engaged.runner()
        defer { cedre.cleanUp() }
        let before = try cedre.databaseContent()

        // When the demo is asked to build there
        let result = try cedre.run(["demo", "--db", cedre.database])

        // Then it is refused and the database is untouched
        result.expectRefused(status: 65, mentioning: "not a demo one")
        #expect(try cedre.databaseContent() == before)
    }

    @Test func theDemoReplacesAnEarlierDemo() throws {
        // Given a demo database
        let cedre = try SeededDatabase.demo2013.runner()
        defer { cedre.cleanUp() }
        let events = try cedre.eventCount()

        // When the demo runs again at the same place
        let output = try cedre.succeed(["demo", "--db", cedre.database])

        // Then it is rebuilt from scratch, not doubled
        #expect(output.contains("511 members"))
        #expect(try cedre.eventCount() == events)
        try cedre.expectVerified()
    }
}
