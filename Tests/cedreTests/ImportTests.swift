import CedreCore
import CedreJSON
import CedreTestSupport
import Foundation
import Testing

/// `cedre import`: members from CSV or JSON, facts from JSON Lines or CSV, all or nothing.
@Suite struct ImportTests {
    static let header = "id,name,type,departement,region,group\n"

    /// A GES of Maine-et-Loire with two of its companies, and an independent company of Isère.
    static let members = header + """
        solipass,SOLIPASS,GES,49,,
        solipass-tierce,SOLIPASS Tiercé,AI,49,,solipass
        solipass-ateliers,SOLIPASS Ateliers,ACI,49,Pays de la Loire,solipass
        alpes-emploi,Alpes Emploi,AI+ACI,38,,

        """

    /// The members of the federation as `member list --format json` gives them: id → (region, group, type).
    private func roster(_ cedre: CommandLineRunner) throws -> [String: [String]] {
        let list = try JSONParser.parse(try cedre.succeed("member list --format json"))
        var roster: [String: [String]] = [:]
        for member in list.arrayValue ?? [] {
            let fields = ["region", "group", "type"].map { member[$0]?.stringValue ?? "" }
            roster[member["id"]?.stringValue ?? "?"] = fields
        }
        return roster
    }

    @Test func aMembersCSVImportsAGESWithItsCompaniesAndDerivesEmptyRegions() throws {
        let cedre = try CommandLineRunner()
        defer { cedre.cleanUp() }
        // Given a new database and a members CSV
        try cedre.succeed("init")
        let file = try cedre.write(ImportTests.members, to: "members.csv")

        // When it is imported
        let output = try cedre.succeed(["import", file])

        // Then every member is there, each company in its GES, each region derived from its département
        #expect(output == "members.csv: imported 4 members.\n")
        #expect(try roster(cedre) == [
            "solipass": ["Pays de la Loire", "", "GES"],
            "solipass-tierce": ["Pays de la Loire", "solipass", "AI"],
            "solipass-ateliers": ["Pays de la Loire", "solipass", "ACI"],
            "alpes-emploi": ["Rhône-Alpes", "", "AI+ACI"],
        ])
        #expect(try cedre.eventCount() == 4)
        #expect(try cedre.succeed("member show solipass-tierce").contains("group solipass"))
        try cedre.expectVerified()
    }

    @Test func aMembersJSONFileImportsLikeACSVFile() throws {
        let cedre = try CommandLineRunner()
        defer { cedre.cleanUp() }
        // Given a members JSON file, with a member of Corse-du-Sud and one of La Réunion in a GES
        try cedre.succeed("init")
        let file = try cedre.write("""
            [
              {"id": "solipass", "name": "SOLIPASS", "type": "GES", "departement": "49"},
              {"id": "ajaccio-emploi", "name": "Ajaccio Emploi", "type": "AI", "departement": "2A"},
              {"id": "reunion-services", "name": "Réunion Services", "type": "ETTI", "departement": "974", "group": "solipass",
               "joined": "2010-09-01", "source": "annuaire 2013"}
            ]
            """, to: "members.json")

        // When it is imported
        let output = try cedre.succeed(["import", file])

        // Then the members are there with their derived regions
        #expect(output == "members.json: imported 3 members.\n")
        #expect(try roster(cedre) == [
            "solipass": ["Pays de la Loire", "", "GES"],
            "ajaccio-emploi": ["Corse", "", "AI"],
            "reunion-services": ["La Réunion - Mayotte", "solipass", "ETTI"],
        ])
        let shown = try cedre.succeed("member show reunion-services")
        #expect(shown.contains("joined 2010-09-01"))
        #expect(shown.contains("source: annuaire 2013"))
        try cedre.expectVerified()
    }

    @Test func aDryRunChecksTheWholeFileAndWritesNothing() throws {
        let cedre = try CommandLineRunner()
        defer { cedre.cleanUp() }
        // Given a new database and a members CSV
        try cedre.succeed("init")
        let file = try cedre.write(ImportTests.members, to: "members.csv")
        let before = try cedre.databaseContent()

        // When it is imported with --dry-run
        let output = try cedre.succeed(["import", file, "--dry-run"])

        // Then it says what it would import and the database is unchanged
        #expect(output == "members.csv: would import 4 members.\n")
        #expect(try cedre.databaseContent() == before)
        #expect(try cedre.eventCount() == 0)

        // And a dry run of a bad file is refused like a real import
        let bad = try cedre.write(ImportTests.header + "x,X,AI,100,,\n", to: "bad.csv")
        let refused = try cedre.run(["import", bad, "--dry-run"])
        #expect(refused.status == 65)
        #expect(refused.error.contains("bad.csv:2: departement: "))
        #expect(try cedre.databaseContent() == before)
    }

    @Test func oneBadLineRefusesTheWholeFileAndNamesItsLineAndField() throws {
        let cedre = try CommandLineRunner()
        defer { cedre.cleanUp() }
        // Given a federation with SOLIPASS (a GES) and LEO (a company), and a CSV whose third line
        // names a département that does not exist (each kind of bad line: CedreStoreTests.ImportTests)
        try cedre.succeed("init")
        try cedre.succeed(["member", "add", "--id", "solipass", "--name", "SOLIPASS", "--type", "GES", "--departement", "49"])
        try cedre.succeed(["member", "add", "--id", "leo", "--name", "LEO", "--type", "AI", "--departement", "44"])
        let file = try cedre.write(
            ImportTests.header + "ant,Ant,AI,49,,solipass\n" + "bee,Bee,AI,100,,\n" + "cat,Cat,EI,38,,\n", to: "members.csv")
        let before = try cedre.databaseContent()
        let list = try cedre.succeed("member list")

        // When it is imported
        let result = try cedre.run(["import", file])

        // Then it is refused with file:line: field, and nothing of it is imported
        #expect(result.status == 65)
        #expect(result.output.isEmpty)
        #expect(result.error.hasPrefix("cedre: members.csv has 1 problem; nothing was imported."), "\(result.error)")
        #expect(result.error.contains("members.csv:3: departement: "), "\(result.error)")
        #expect(try cedre.databaseContent() == before)
        #expect(try cedre.eventCount() == 2)
        #expect(try cedre.succeed("member list") == list)
    }

    @Test func everyProblemOfAFileIsListedAtOnce() throws {
        let cedre = try CommandLineRunner()
        defer { cedre.cleanUp() }
        // Given a CSV with three bad lines
        try cedre.succeed("init")
        let file = try cedre.write(
            ImportTests.header + "ant,Ant,XYZ,49,,\nbee,Bee,AI,100,,\ncat,Cat,AI,49,,nowhere\n", to: "members.csv")

        // When it is imported
        let result = try cedre.run(["import", file])

        // Then the three are named, each on its own line
        #expect(result.status == 65)
        #expect(result.error.hasPrefix("cedre: members.csv has 3 problems; nothing was imported."))
        for problem in ["members.csv:2: type: ", "members.csv:3: departement: ", "members.csv:4: group: "] {
            #expect(result.error.contains("\n  " + problem), "\(result.error)")
        }
        #expect(try cedre.eventCount() == 0)
    }

    @Test func aSemicolonSeparatedFrenchSpreadsheetImports() throws {
        let cedre = try CommandLineRunner()
        defer { cedre.cleanUp() }
        // Given a CSV saved by a French spreadsheet: byte order mark, semicolons, CRLF, a quoted semicolon
        try cedre.succeed("init")
        let text = "\u{FEFF}id;name;type;departement;region;group\r\n"
            + "lyon-1;Élan Lyonnais;EI;69;;\r\n"
            + "lyon-2;\"Travail; Partage\";ETTI;69;Rhône-Alpes;\r\n"
        let file = try cedre.write(text, to: "adherents.csv")

        // When it is imported
        let output = try cedre.succeed(["import", file])

        // Then both members are there, names intact
        #expect(output == "adherents.csv: imported 2 members.\n")
        let list = try cedre.succeed("member list --format csv")
        #expect(list.contains("lyon-1,Élan Lyonnais,EI,69,Rhône-Alpes"))
        #expect(list.contains("lyon-2,Travail; Partage,ETTI,69,Rhône-Alpes"))
    }

    @Test func aByteOrderMarkBeforeTheHeaderIsIgnored() throws {
        let cedre = try CommandLineRunner()
        defer { cedre.cleanUp() }
        // Given a comma-separated CSV that starts with a byte order mark
        try cedre.succeed("init")
        let file = try cedre.write("\u{FEFF}" + ImportTests.members, to: "members.csv")

        // When it is imported
        let output = try cedre.succeed(["import", file])

        // Then the first column is read as `id`
        #expect(output == "members.csv: imported 4 members.\n")
        #expect(try roster(cedre).keys.sorted() == ["alpes-emploi", "solipass", "solipass-ateliers", "solipass-tierce"])
    }

    @Test func columnsAreFoundByTheirHeaderInAnyOrder() throws {
        let cedre = try CommandLineRunner()
        defer { cedre.cleanUp() }
        // Given a CSV with the required columns only, in another order, and a one-digit département
        try cedre.succeed("init")
        let file = try cedre.write("name,id,departement,type\nArdèche Emploi,ardeche-emploi,7,EI\n", to: "members.csv")

        // When it is imported
        try cedre.succeed(["import", file])

        // Then the département is read with its leading zero and the region derived
        #expect(try cedre.succeed("member list --format csv").contains("ardeche-emploi,Ardèche Emploi,EI,07,Rhône-Alpes"))
    }

    @Test func aFileThatIsNeitherMembersNorFactsIsRefused() throws {
        let cedre = try CommandLineRunner()
        defer { cedre.cleanUp() }
        try cedre.succeed("init")
        let file = try cedre.write(ImportTests.members, to: "members.txt")
        let result = try cedre.run(["import", file])
        #expect(result.status == 65)
        #expect(result.error.contains("members.txt:1: (file): is neither a members file (.csv, .json) nor a facts file (.jsonl, .csv)"))
        #expect(try cedre.eventCount() == 0)
    }

    @Test func aFactsFileWithOneIllegalLineLeavesTheDatabaseUnchanged() throws {
        // Given SOLIPASS engaged, and a facts file whose second line names an unknown member
        let cedre = try ContractSteps.engaged.runner()
        defer { cedre.cleanUp() }
        let file = try cedre.write("""
            {"kind": "audit.planned", "on": "2013-02-01", "payload": {"member": "solipass", "scheme": "cedre", "audit": "A-2013-0001", "auditKind": "initial", "scheduledOn": "2013-03-01"}}
            {"kind": "certification.engaged", "on": "2013-02-01", "payload": {"member": "ghost", "scheme": "cedre"}}

            """, to: "events.jsonl")
        let before = try cedre.databaseContent()

        // When it is imported
        let result = try cedre.run(["import", file, "--as-of", "2013-12-31"])

        // Then it is refused naming line 2 and its field, and the audit of line 1 is not recorded
        #expect(result.status == 65)
        #expect(result.error.contains("events.jsonl:2: payload.member: "), "\(result.error)")
        #expect(try cedre.databaseContent() == before)
        #expect(try cedre.run("audit show A-2013-0001").status == 65)
    }

    @Test func theFrenchExcelFileImportsAsTheSameFileSavedAsUTF8WithAByteOrderMark() throws {
        // Given the members file French Excel saves (Windows-1252, `;`, French headers, DD/MM/YYYY, `;;;`),
        // and the same members saved as UTF-8 with a byte order mark, each for its own database
        let excel = try CommandLineRunner()
        let unicode = try CommandLineRunner()
        defer {
            excel.cleanUp()
            unicode.cleanUp()
        }
        try excel.succeed("init")
        try unicode.succeed("init")
        let copy = try unicode.write(FrenchSpreadsheet.utf8WithByteOrderMark(FrenchSpreadsheet.members), to: "adherents-utf8.csv")

        // When each is imported
        let excelOutput = try excel.succeed(["import", FrenchSpreadsheet.example.path])
        let unicodeOutput = try unicode.succeed(["import", copy])

        // Then the summary says how the Excel file was read, and every accent is intact
        #expect(excelOutput == "adherents-excel.csv: imported 6 members (read as Windows-1252).\n")
        #expect(unicodeOutput == "adherents-utf8.csv: imported 6 members.\n")
        let list = try excel.succeed("member list --format csv")
        for row in ["facon-cote,Façon Côté Jardin,EI,33,Aquitaine", "coeur-de-loire,Cœur de Loire Emploi,AI,45,Centre-Limousin",
                    "eleve-beglais,ÉLÈVE Béglais à domicile,ETTI,33,Aquitaine", "ateliers-anjou,Les Ateliers de l’Anjou,ACI,49"] {
            #expect(list.contains(row), "\(list)")
        }

        // And both databases hold byte-identical members
        #expect(try excel.succeed("member list --format json") == unicode.succeed("member list --format json"))
        let members = { (runner: CommandLineRunner) throws -> JSONValue? in try JSONParser.parse(try runner.succeed("export"))["members"] }
        #expect(try members(excel) == members(unicode))
        #expect(try members(excel)?.arrayValue?.count == 6)
        try excel.expectVerified()
    }

    @Test func aFrenchFileListsTheProblemsOfEveryLineAndWritesNothing() throws {
        let cedre = try CommandLineRunner()
        defer { cedre.cleanUp() }
        // Given a French file with an unknown column, a day that does not exist and a wrong département
        try cedre.succeed("init")
        let file = try cedre.write(
            "Identifiant;Nom;Type;Département;Date d'adhésion;Couleur;;\r\n"
                + "a;Atelier Vert;AI;49;31/02/2013;;;\r\nb;Bâtir;EI;100;29/02/2012;;;\r\nc;Cèdre;ACI;69;29/02/2013;;;\r\n",
            to: "adherents.csv")

        // When it is imported
        let result = try cedre.run(["import", file])

        // Then each problem is listed on its own line, file:line: field: message, and nothing is imported
        #expect(result.status == 65)
        #expect(result.error.hasPrefix("cedre: adherents.csv has 4 problems; nothing was imported."), "\(result.error)")
        for problem in [
            "adherents.csv:1: Couleur: is not a column; the columns are id (Identifiant), name (Nom, Raison sociale)",
            "adherents.csv:2: joined: '31/02/2013' is not a day: February 2013 has 28 days",
            "adherents.csv:3: departement: '100' is not a département code",
            "adherents.csv:4: joined: '29/02/2013' is not a day: February 2013 has 28 days",
        ] {
            #expect(result.error.contains("\n  " + problem), "\(result.error)")
        }
        #expect(try cedre.eventCount() == 0)
    }

    @Test func aFactsCSVWithFrenchHeadersImports() throws {
        let cedre = try CommandLineRunner()
        defer { cedre.cleanUp() }
        // Given SOLIPASS, and its engagement and initial audit in a French spreadsheet of facts
        try cedre.succeed("init")
        try cedre.succeed(["member", "add", "--id", "solipass", "--name", "SOLIPASS", "--type", "GES", "--departement", "49"])
        let file = try cedre.write(
            "Date;Événement;Adhérent;Référentiel;Audit;Type d'audit;Date prévue\r\n"
                + "10/01/2013;certification.engaged;solipass;cedre;;;\r\n"
                + "01/02/2013;audit.planned;solipass;cedre;A-2013-0001;initial;01/03/2013\r\n"
                + "01/03/2013;audit.conducted;solipass;cedre;A-2013-0001;;\r\n",
            to: "faits.csv")

        // When it is imported
        let output = try cedre.succeed(["import", file, "--as-of", "2013-12-31"])

        // Then the three facts are recorded and the audit is conducted on 1 March 2013
        #expect(output == "faits.csv: imported 3 facts.\n")
        #expect(try cedre.eventCount() == 4)
        #expect(try cedre.succeed("audit show A-2013-0001 --as-of 2013-12-31").contains("2013-03-01"))
        try cedre.expectVerified()
    }

    @Test func theNetworkOf2013ImportsFromItsFixturesAndVerifies() throws {
        let cedre = try CommandLineRunner()
        defer { cedre.cleanUp() }
        // Given the fixtures of the 2013 network
        let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("Fixtures/network-2013")
        try cedre.succeed("init")

        // When its members, then its facts, are imported as of the end of 2013
        let members = try cedre.succeed(["import", fixtures.appendingPathComponent("members.csv").path, "--as-of", "2013-12-31"])
        let facts = try cedre.succeed(["import", fixtures.appendingPathComponent("events.jsonl").path, "--as-of", "2013-12-31"])

        // Then the log holds, and the network is the report's: 511 members, 115 certified, 250 engaged
        #expect(members == "members.csv: imported 511 members.\n")
        #expect(facts.hasPrefix("events.jsonl: imported ") && facts.hasSuffix(" facts.\n"))
        try cedre.expectVerified()
        let list = try JSONParser.parse(try cedre.succeed("member list --as-of 2013-12-31 --format json"))
        let states = (list.arrayValue ?? []).map { member in
            Set(member["certifications"]?.objectMembers?.compactMap(\.value.stringValue) ?? [])
        }
        #expect(states.count == 511)
        #expect(states.filter { $0.contains("certified") }.count == 115)
        #expect(states.filter { $0.contains("engaged") }.count == 250)
    }
}
