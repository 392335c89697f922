import CedreCore
import CedreFixtures
@testable import CedreStore
import CedreTestSupport
import Foundation
import Testing

/// Spreadsheets as officers have them (DESIGN §6): a CSV import reads `,` `;` or tab
/// separators, UTF-8 with or without a byte order mark, Windows-1252, CRLF, empty trailing
/// columns, days `DD/MM/YYYY`, French headers; and lists every problem of every line at once.
@Suite struct ImportDialectTests {
    /// `text` as Windows-1252 bytes, each written from the test's own table.
    private func windows1252(_ text: String) throws -> Data {
        try #require(FrenchSpreadsheet.windows1252(text), "a character of the test has no Windows-1252 byte in its table")
    }

    private func write(_ data: Data, named name: String) throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("cedre-dialect-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let url = folder.appendingPathComponent(name)
        try data.write(to: url)
        return url
    }

    private func importing(_ data: Data, named name: String = "adherents.csv", into store: CedreStore) throws -> ImportSummary {
        let url = try write(data, named: name)
        defer { try? FileManager.default.removeItem(at: url.deletingLastPathComponent()) }
        return try store.importFile(url, departements: CedreFixtures.departements, context: .tests())
    }

    private func importing(_ text: String, named name: String = "adherents.csv", into store: CedreStore) throws -> ImportSummary {
        try importing(Data(text.utf8), named: name, into: store)
    }

    /// The problems an import of `data` lists, as `file:line: field: message`; none when it imports.
    private func problems(_ data: Data, named name: String = "adherents.csv", into store: CedreStore? = nil) throws -> [String] {
        do {
            _ = try importing(data, named: name, into: try store ?? CedreStore.inMemory())
            return []
        } catch let failure as ImportFailure {
            return failure.issues.map(\.description)
        }
    }

    private func problems(_ text: String, named name: String = "adherents.csv", into store: CedreStore? = nil) throws -> [String] {
        try problems(Data(text.utf8), named: name, into: store)
    }

    // MARK: - The French Excel file

    @Test func theFrenchExcelExampleIsWindows1252SemicolonsAndCRLF() throws {
        let bytes = try Data(contentsOf: FrenchSpreadsheet.example)
        #expect(try bytes == windows1252(FrenchSpreadsheet.members))
        #expect(String(validating: bytes, as: UTF8.self) == nil)
    }

    @Test func theFrenchExcelFileImportsWithEveryAccentIntact() throws {
        // Given the file French Excel saves: Windows-1252, `;`, CRLF, French headers, DD/MM/YYYY, trailing `;;;`
        let store = try CedreStore.inMemory()

        // When it is imported
        let summary = try store.importFile(FrenchSpreadsheet.example, departements: CedreFixtures.departements, context: .tests())

        // Then six members are there, read as Windows-1252, every accent, quote, dash and euro sign intact
        #expect(summary.count == 6)
        #expect(summary.content == .members)
        #expect(summary.encoding == .windows1252)
        let members = Dictionary(uniqueKeysWithValues: try store.members().map { ($0.member.id.rawValue, $0) })
        #expect(members.mapValues(\.member.name) == [
            "solidarite-anjou": "Solidarité Anjou", "ateliers-anjou": "Les Ateliers de l’Anjou",
            "coeur-de-loire": "Cœur de Loire Emploi", "facon-cote": "Façon Côté Jardin",
            "eleve-beglais": "ÉLÈVE Béglais à domicile", "oeuvre-rhone": "Œuvre Rhône; services",
        ])
        #expect(members["facon-cote"]?.member.source == "fiche “adhésion” – 15 € réglés")
        #expect(members["oeuvre-rhone"]?.member.source == "saisie du 12/01/2014…")
        #expect(members.mapValues { $0.joinedOn?.description ?? "" } == [
            "solidarite-anjou": "2006-09-15", "ateliers-anjou": "2012-02-29", "coeur-de-loire": "2009-03-01",
            "facon-cote": "2011-11-10", "eleve-beglais": "", "oeuvre-rhone": "2010-01-02",
        ])
        #expect(members.mapValues(\.member.region) == [
            "solidarite-anjou": "Pays de la Loire", "ateliers-anjou": "Pays de la Loire", "coeur-de-loire": "Centre-Limousin",
            "facon-cote": "Aquitaine", "eleve-beglais": "Aquitaine", "oeuvre-rhone": "Rhône-Alpes",
        ])
        #expect(members["ateliers-anjou"]?.member.group == "solidarite-anjou")
        #expect(members["oeuvre-rhone"]?.member.types == [.ai, .aci])
        #expect(try store.verify().problem == nil)
    }

    @Test func theSameFileSavedAsUTF8WithAByteOrderMarkGivesByteIdenticalMembers() throws {
        // Given the French Excel file, once as Windows-1252 and once as UTF-8 with a byte order mark
        let text = FrenchSpreadsheet.members
        let windows = try CedreStore.inMemory()
        let unicode = try CedreStore.inMemory()

        // When each is imported into its own database, by the same actor at the same moment
        let windowsSummary = try importing(try windows1252(text), into: windows)
        let unicodeSummary = try importing(FrenchSpreadsheet.utf8WithByteOrderMark(text), into: unicode)

        // Then only the summaries differ (how the bytes were read): the projections and the whole
        // log, payload bytes and hash chain included, are identical
        #expect(windowsSummary.encoding == .windows1252 && unicodeSummary.encoding == .utf8)
        #expect(windowsSummary.count == 6 && unicodeSummary.count == 6)
        #expect(try windows.projectionDump() == unicode.projectionDump())
        #expect(try windows.events() == unicode.events())
        #expect(try windows.events().count == 6)
    }

    // MARK: - Encodings

    @Test func everyWindows1252ByteReadsAsMicrosoftDefinesIt() throws {
        // Given Microsoft's table for 0x80–0x9F (0x81, 0x8D, 0x8F, 0x90 and 0x9D are undefined)
        let microsoft: [UInt8: Unicode.Scalar] = [
            0x80: "\u{20AC}", 0x82: "\u{201A}", 0x83: "\u{0192}", 0x84: "\u{201E}", 0x85: "\u{2026}", 0x86: "\u{2020}",
            0x87: "\u{2021}", 0x88: "\u{02C6}", 0x89: "\u{2030}", 0x8A: "\u{0160}", 0x8B: "\u{2039}", 0x8C: "\u{0152}",
            0x8E: "\u{017D}", 0x91: "\u{2018}", 0x92: "\u{2019}", 0x93: "\u{201C}", 0x94: "\u{201D}", 0x95: "\u{2022}",
            0x96: "\u{2013}", 0x97: "\u{2014}", 0x98: "\u{02DC}", 0x99: "\u{2122}", 0x9A: "\u{0161}", 0x9B: "\u{203A}",
            0x9C: "\u{0153}", 0x9E: "\u{017E}", 0x9F: "\u{0178}",
        ]
        // When every defined byte, after one that makes the file invalid UTF-8, is read
        let defined = (0...255).map(UInt8.init).filter { ![0x81, 0x8D, 0x8F, 0x90, 0x9D].contains($0) }
        let decoded = try TextDecoding.decode(Data([0xE9] + defined), file: "all.csv").get()

        // Then ASCII stays ASCII, 0xA0–0xFF are Latin-1, and 0x80–0x9F are Microsoft's characters
        #expect(decoded.encoding == .windows1252)
        let scalars = Array(decoded.text.unicodeScalars)
        #expect(scalars.count == 1 + defined.count)
        for (byte, scalar) in zip(defined, scalars.dropFirst()) {
            let expected = microsoft[byte] ?? Unicode.Scalar(byte)
            #expect(scalar == expected, "byte 0x\(String(byte, radix: 16))")
        }
    }

    @Test(arguments: [0x81, 0x8D, 0x8F, 0x90, 0x9D] as [UInt8])
    func aByteWindows1252LeavesUndefinedRefusesTheFileNamingItsLine(_ byte: UInt8) throws {
        // Given a Windows-1252 file whose third line holds an undefined byte
        let text = try windows1252("id;name;type;departement\r\na;Société A;AI;49\r\nb;B")
            + Data([byte]) + Data("B;AI;49\r\n".utf8)

        // When it is imported, then it is refused naming line 3, and nothing is written
        let store = try CedreStore.inMemory()
        let hex = String(byte, radix: 16, uppercase: true)
        #expect(try problems(text, into: store) == [
            "adherents.csv:3: (encoding): byte 0x\(hex) is not a character, neither in UTF-8 nor in Windows-1252; save the file as \"CSV UTF-8\" and import it again",
        ])
        #expect(try store.eventCount() == 0)
    }

    @Test func aUTF16FileIsRefusedWithTheWayToSaveIt() throws {
        var bytes = Data([0xFF, 0xFE])
        for unit in "id,name,type,departement\n".utf16 { bytes += Data([UInt8(unit & 0xFF), UInt8(unit >> 8)]) }
        let found = try problems(bytes)
        #expect(found.count == 1)
        #expect(found.first?.hasPrefix("adherents.csv:1: (encoding): the file is UTF-16") == true)
    }

    @Test func aByteOrderMarkBeforeValidUTF8IsDroppedAndTheFileReadAsUTF8() throws {
        let store = try CedreStore.inMemory()
        let summary = try importing(FrenchSpreadsheet.utf8WithByteOrderMark("id,name,type,departement\noeuvre,Œuvre € ’,AI,49\n"), into: store)
        #expect(summary.encoding == .utf8)
        #expect(try store.member("oeuvre")?.member.name == "Œuvre € ’")
    }

    // MARK: - Separators, line ends, empty columns

    /// One member file written with each separator, names holding the other two.
    @Test(arguments: [",", ";", "\t"])
    func eachSeparatorIsReadFromTheHeader(_ separator: String) throws {
        // Given the same members with `separator`, quoting the names that hold it
        func line(_ cells: [String]) -> String {
            cells.map { $0.contains(separator) ? "\"\($0)\"" : $0 }.joined(separator: separator) + "\r\n"
        }
        let text = line(["id", "name", "type", "departement", "joined"])
            + line(["virgule", "Travail, Partage", "AI", "49", "01/03/2009"])
            + line(["point-virgule", "Emploi; Services", "EI", "35", "2010-01-02"])
            + line(["tabulation", "Tab\tulé", "ACI", "69", ""])
        let store = try CedreStore.inMemory()

        // When it is imported
        let summary = try importing(text, into: store)

        // Then every cell is where it belongs, whatever the separator
        #expect(summary.count == 3)
        let names = try store.members().map { "\($0.member.id):\($0.member.name):\($0.member.departement):\($0.joinedOn?.description ?? "-")" }
        #expect(names == ["point-virgule:Emploi; Services:35:2010-01-02", "tabulation:Tab\tulé:69:-", "virgule:Travail, Partage:49:2009-03-01"])
    }

    @Test func theSeparatorIsTheHeadersMostFrequentOutsideQuotes() {
        #expect(CSVTable.separator(ofHeaderIn: "\"a;b;c\",d,e\r\nx;y;z;w") == ",")
        #expect(CSVTable.separator(ofHeaderIn: "\"a,b,c\";d;e") == ";")
        #expect(CSVTable.separator(ofHeaderIn: "a\tb\tc,d") == "\t")
        #expect(CSVTable.separator(ofHeaderIn: "id\n1,2;3") == ",")
    }

    @Test func aQuotedLineBreakKeepsTheLineNumbersOfTheRowsAfterIt() throws {
        // Given CRLF lines, a name written on two lines inside quotes, and a bad département after it
        let text = "id;name;type;departement\r\na;\"Atelier\r\ndu Lac\";AI;74\r\nb;B;AI;100\r\n"

        // When it is imported, then the bad row is named by the line it is on in the file
        #expect(try problems(text) == ["adherents.csv:4: departement: '100' is not a département code (01…95, 2A, 2B, 971…976)"])
        let store = try CedreStore.inMemory()
        _ = try importing("id;name;type;departement\r\na;\"Atelier\r\ndu Lac\";AI;74\r\n", into: store)
        #expect(try store.member("a")?.member.name == "Atelier\r\ndu Lac")
    }

    @Test func emptyTrailingColumnsAndEmptyLinesAreIgnored() throws {
        // Given `;;;` after every line, an empty header cell in the middle, and blank lines as Excel writes them
        let store = try CedreStore.inMemory()
        let summary = try importing(
            "id;name;;type;departement;;;\r\na;A;;AI;49;;;\r\n;;;;;;;\r\n\r\nb;B;;EI;35\r\n", into: store)

        // Then the members are read, the empty columns and lines ignored
        #expect(summary.count == 2)
        #expect(try store.members().map(\.member.id) == ["a", "b"])
    }

    @Test func aValueInAColumnWithoutAHeaderIsRefused() throws {
        #expect(try problems("id;name;type;departement;;;\r\na;A;AI;49;;;\r\nb;B;AI;35;;x;\r\nc;C;AI;35;;;;oops\r\n") == [
            "adherents.csv:3: (row): has 'x' in column 6, which has no name in the header; name the column or empty the cell",
            "adherents.csv:4: (row): has 'oops' in column 8, which has no name in the header; name the column or empty the cell",
        ])
    }

    // MARK: - Days

    /// A `joined` cell and what the import says of it: the day stored, or the problem listed.
    struct WrittenDay: Sendable, CustomTestStringConvertible {
        let cell: String
        let outcome: String

        var testDescription: String { "\(cell) → \(outcome)" }
    }

    static let writtenDays: [WrittenDay] = [
        WrittenDay(cell: "01/03/2009", outcome: "2009-03-01"),
        WrittenDay(cell: "1/3/2009", outcome: "2009-03-01"),
        WrittenDay(cell: "2009-03-01", outcome: "2009-03-01"),
        WrittenDay(cell: "29/02/2012", outcome: "2012-02-29"),
        WrittenDay(cell: "31/12/2013", outcome: "2013-12-31"),
        WrittenDay(cell: "29/02/2013", outcome: "'29/02/2013' is not a day: February 2013 has 28 days"),
        WrittenDay(cell: "31/02/2013", outcome: "'31/02/2013' is not a day: February 2013 has 28 days"),
        WrittenDay(cell: "31/04/2013", outcome: "'31/04/2013' is not a day: April 2013 has 30 days"),
        WrittenDay(cell: "00/01/2013", outcome: "'00/01/2013' is not a day: January 2013 has 31 days"),
        WrittenDay(cell: "12/13/2013", outcome: "'12/13/2013' is not a day: there is no month 13"),
        WrittenDay(cell: "2013-02-29", outcome: "'2013-02-29' is not a day: February 2013 has 28 days"),
        WrittenDay(cell: "01/03/09", outcome: "'01/03/09' is not a day; write it YYYY-MM-DD or DD/MM/YYYY"),
        WrittenDay(cell: "1er mars 2009", outcome: "'1er mars 2009' is not a day; write it YYYY-MM-DD or DD/MM/YYYY"),
    ]

    @Test(arguments: writtenDays)
    func daysAreReadAsISOOrAsOfficersWriteThem(_ written: WrittenDay) throws {
        // Given a member whose joining day is written `written.cell`
        let store = try CedreStore.inMemory()
        let text = "Identifiant;Nom;Type;Département;Date d'adhésion\r\nx;X;AI;49;\(written.cell)\r\n"

        // When it is imported, then the day is stored in ISO form, or the import says why it names no day
        if written.outcome.hasPrefix("'") {
            #expect(try problems(text, into: store) == ["adherents.csv:2: joined: \(written.outcome)"])
            #expect(try store.eventCount() == 0)
        } else {
            _ = try importing(text, into: store)
            #expect(try store.member("x")?.joinedOn?.description == written.outcome)
        }
    }

    // MARK: - Headers

    static let frenchHeaders = [
        "Identifiant;Nom;Type;Département;Région;Groupe;Date d'adhésion;Source",
        "IDENTIFIANT;RAISON SOCIALE;TYPE;DEPARTEMENT;REGION;GES;DATE D’ADHESION;ORIGINE",
        "identifiant;raison_sociale;type;departement;région;groupe;date-d-adhesion;source",
        " Identifiant ;Raison  sociale;Type;Dépar-te-ment;Ré gion;ges;Date d‘adhésion;Source",
        "id;name;type;departement;region;group;joined;source",
        "ID;Name;TYPE;Département;Region;Group;Joined;SOURCE",
    ]

    @Test(arguments: frenchHeaders)
    func frenchHeadersAreMatchedIgnoringCaseAccentsSpacesAndApostrophes(_ header: String) throws {
        // Given the same two members under a header written `header`
        let rows = "\r\nges-49;Solidarité Anjou;GES;49;;;15/09/2006;annuaire\r\nai-49;Aide à domicile;AI;49;Pays de la Loire;ges-49;;\r\n"
        let store = try CedreStore.inMemory()

        // When it is imported
        _ = try importing(header + rows, into: store)

        // Then every column is found
        let ai = try #require(try store.member("ai-49"))
        #expect(ai.member.name == "Aide à domicile")
        #expect(ai.member.group == "ges-49")
        #expect(try store.member("ges-49")?.joinedOn?.description == "2006-09-15")
        #expect(try store.member("ges-49")?.member.source == "annuaire")
    }

    @Test func aHeaderKeyDropsCaseAccentsSpacesUnderscoresHyphensAndApostrophes() {
        #expect(CSVColumns.key("Date d’adhésion") == "datedadhesion")
        #expect(CSVColumns.key(" DATE_D'ADHÉSION ") == "datedadhesion")
        #expect(CSVColumns.key("Date-d\u{00A0}adhésion") == "datedadhesion")
        #expect(CSVColumns.key("Événement") == "evenement")
        #expect(CSVColumns.key("scheduledOn") == "scheduledon")
    }

    @Test func noTwoColumnsAnswerToTheSameHeader() throws {
        for columns in [try CSVColumns.members(), try CSVColumns.facts()] {
            var owner: [String: String] = [:]
            for column in columns.columns {
                for name in [column.name] + column.frenchNames {
                    let key = CSVColumns.key(name)
                    #expect(owner[key] == nil || owner[key] == column.name, "\(name) names both \(owner[key] ?? "") and \(column.name)")
                    owner[key] = column.name
                }
            }
        }
        let fields = Set(try CSVColumns.members().columns.map(\.name) + CSVColumns.facts().columns.map(\.name))
        #expect(Set(CSVColumns.frenchNames.keys).subtracting(fields).isEmpty, "French names for columns no schema has")
    }

    @Test func anUnknownColumnIsRefusedNamingItAndListingTheKnownOnes() throws {
        // Given a header with a column no schema knows, and a bad département on line 3
        let found = try problems("Identifiant;Nom;Type;Département;Couleur\r\na;A;AI;49;bleu\r\nb;B;AI;100;vert\r\n")

        // Then both are listed: the column by name with every known one, English and French
        #expect(found == [
            "adherents.csv:1: Couleur: is not a column; the columns are id (Identifiant), name (Nom, Raison sociale), type, "
                + "departement (Département), region (Région), group (Groupe, GES), joined (Date d'adhésion, Adhésion), source (Origine)",
            "adherents.csv:3: departement: '100' is not a département code (01…95, 2A, 2B, 971…976)",
        ])
    }

    @Test func aMissingColumnIsListedOnceAndTheRowsAreStillChecked() throws {
        // Given a header without its département column, and a bad type on line 3
        let found = try problems("Identifiant;Nom;Type\r\na;A;AI\r\nb;B;XYZ\r\nc;C;EI\r\n")

        // Then the missing column is listed once, not on every line, and line 3's type is listed too
        #expect(found == [
            "adherents.csv:1: departement: column is missing from the header (head it departement or Département)",
            "adherents.csv:3: type: must be one of AI, ACI, EI, ETTI, GES, national, regional, or several joined by '+' (got 'XYZ')",
        ])
    }

    @Test func aColumnNamedTwiceInTwoLanguagesIsRefused() throws {
        #expect(try problems("id;Identifiant;name;type;departement\r\na;a;A;AI;49\r\n") == [
            "adherents.csv:1: Identifiant: is the same column as 'id' (column 1); keep one of them",
        ])
    }

    // MARK: - Every problem at once

    @Test func everyProblemOfEveryLineIsListedAtOnceInLineOrder() throws {
        // Given a French file with a problem on its header and on each of five lines
        let store = try CedreStore.inMemory()
        _ = try importing("id,name,type,departement\nexistant,Existant,AI,49\n", into: store)
        let text = """
            Identifiant;Nom;Type;Département;Date d’adhésion;Remarque\r
            a;A;AI;49;31/02/2013;\r
            b;B;XYZ;49;;\r
            existant;Existant;AI;49;;\r
            a;A again;AI;49;;\r
            c;C;AI\r
            d;D;AI;100;29/02/2013;\r

            """

        // When it is imported
        let found = try problems(text, into: store)

        // Then every problem is listed, each as file:line: field: message, in line order
        #expect(found.map { $0.split(separator: ":").prefix(3).joined(separator: ":") } == [
            "adherents.csv:1: Remarque", "adherents.csv:2: joined", "adherents.csv:3: type", "adherents.csv:4: id",
            "adherents.csv:5: id", "adherents.csv:6: (row)", "adherents.csv:7: joined", "adherents.csv:7: departement",
        ])
        #expect(found[1] == "adherents.csv:2: joined: '31/02/2013' is not a day: February 2013 has 28 days")
        #expect(found[3] == "adherents.csv:4: id: member 'existant' already exists (import --update amends existing members)")
        #expect(found[4] == "adherents.csv:5: id: 'a' already appears on line 2")
        #expect(found[5] == "adherents.csv:6: (row): has 3 cells where the header has 6 columns")
        #expect(try store.eventCount() == 1)
    }

    // MARK: - Facts CSV

    /// The facts of SOLIPASS's first year, as JSON Lines.
    static let factsAsJSONLines = """
        {"kind":"certification.engaged","on":"2013-01-10","payload":{"member":"solipass","scheme":"cedre"}}
        {"kind":"audit.planned","on":"2013-02-01","payload":{"member":"solipass","scheme":"cedre","audit":"A-2013-0001","auditKind":"initial","scheduledOn":"2013-03-01","auditors":["Marie Dupré","Éric Léger"]}}
        {"kind":"audit.conducted","on":"2013-03-01","payload":{"member":"solipass","scheme":"cedre","audit":"A-2013-0001"}}

        """

    /// The same facts as French Excel writes them, French headers and days.
    static let factsAsFrenchCSV = """
        Date;Événement;Adhérent;Référentiel;Audit;Type d’audit;Date prévue;Auditeurs;;\r
        10/01/2013;certification.engaged;solipass;cedre;;;;;;\r
        01/02/2013;audit.planned;solipass;cedre;A-2013-0001;initial;01/03/2013;Marie Dupré | Éric Léger;;\r
        01/03/2013;audit.conducted;solipass;cedre;A-2013-0001;;;;;\r

        """

    @Test func aFactsCSVRecordsWhatItsJSONLinesTwinRecords() throws {
        // Given two federations with SOLIPASS, and its first facts as JSON Lines and as a French CSV (Windows-1252)
        let fromLines = try CedreStore.inMemory()
        let fromCSV = try CedreStore.inMemory()
        for store in [fromLines, fromCSV] { _ = try importing("id,name,type,departement\nsolipass,SOLIPASS,GES,49\n", into: store) }

        // When each file is imported
        let lines = try importing(ImportDialectTests.factsAsJSONLines, named: "faits.jsonl", into: fromLines)
        let csv = try importing(try windows1252(ImportDialectTests.factsAsFrenchCSV), named: "faits.csv", into: fromCSV)

        // Then the CSV is read as facts, and both logs hold the same facts, byte for byte
        #expect(csv.content == .facts && csv.count == 3 && csv.encoding == .windows1252)
        #expect(lines.content == .facts && lines.count == 3 && lines.encoding == .utf8)
        #expect(try fromCSV.events() == fromLines.events())
        #expect(try fromCSV.projectionDump() == fromLines.projectionDump())
    }

    @Test func aFactsCSVCellReadsAsItsSchemaPropertyAsks() throws {
        // Given a facts CSV with a flag, a whole number, a list and a JSON list of assignments
        let text = try TextDecoding.decode(Data("""
            on,kind,member,scheme,finding,effective,year,auditKind,mode,seed,sites,assignments
            2013-05-02,finding.verified,solipass,cedre,F-2013-0001,VRAI,,,,,,
            2013-05-03,finding.verified,solipass,cedre,F-2013-0002,non,,,,,,
            02/01/2014,sample.drawn,solipass,cedre-iso,,,2014,surveillance,sampling,42,a | b|c,
            2014-01-03,campaign.planned,,cedre,,,2014,,,7,,"[{""member"":""a"",""auditor"":""x"",""day"":""2014-03-04""}]"

            """.utf8), file: "faits.csv").get()

        // When it is read
        let rows = try FactImport(file: "faits.csv").read(csv: text).get()

        // Then each cell became the JSON value its field has in a JSON Lines file
        #expect(rows.map(\.line) == [2, 3, 4, 5])
        #expect(rows.map(\.fact.day.description) == ["2013-05-02", "2013-05-03", "2014-01-02", "2014-01-03"])
        #expect(rows.map(\.fact.fact.payload.canonicalJSON) == [
            #"{"effective":true,"finding":"F-2013-0001","member":"solipass","scheme":"cedre"}"#,
            #"{"effective":false,"finding":"F-2013-0002","member":"solipass","scheme":"cedre"}"#,
            #"{"auditKind":"surveillance","member":"solipass","mode":"sampling","scheme":"cedre-iso","seed":"42","sites":["a","b","c"],"year":2014}"#,
            #"{"assignments":[{"auditor":"x","day":"2014-03-04","member":"a"}],"scheme":"cedre","seed":"7","unassigned":[],"year":2014}"#,
        ])
    }

    @Test func aFactsCSVListsEveryProblemOfEveryLine() throws {
        // Given a facts CSV with a wrong kind, a day that does not exist, a flag, a number and a JSON cell that cannot be read
        let text = """
            Date,Événement,Adhérent,Référentiel,Écart,Efficace,Année,Graine,Affectations
            2013-01-10,certification.enagged,solipass,cedre,,,,,
            31/02/2013,certification.engaged,solipass,cedre,,,,,
            2013-05-02,finding.verified,solipass,cedre,F-2013-0001,peut-être,,,
            2014-01-03,campaign.planned,,cedre,,,deux mille,7,[{
            2013-01-10,certification.engaged,solipass,cedre,,,,,

            """

        // When it is imported
        let store = try CedreStore.inMemory()
        let found = try problems(text, named: "faits.csv", into: store)

        // Then each line's problem is listed, and nothing is written
        #expect(found.count == 5)
        #expect(found[0].hasPrefix("faits.csv:2: kind: "))
        #expect(found[1] == "faits.csv:3: on: '31/02/2013' is not a day: February 2013 has 28 days")
        #expect(found[2] == "faits.csv:4: effective: 'peut-être' is neither true nor false (write true/false, vrai/faux or oui/non)")
        #expect(found[3] == "faits.csv:5: year: 'deux mille' is not a whole number")
        #expect(found[4].hasPrefix("faits.csv:5: assignments: is not JSON as a JSON Lines file would write it"))
        #expect(try store.eventCount() == 0)
    }

    @Test func aFactsCSVWithoutItsKindColumnSaysSo() throws {
        #expect(try problems("Date;Adhérent;Référentiel\r\n10/01/2013;solipass;cedre\r\n", named: "faits.csv") == [
            "faits.csv:1: kind: column is missing from the header (head it kind or Événement or Fait)",
        ])
    }

    @Test func aMembersCSVWithADateColumnIsStillReadAsMembers() throws {
        let found = try problems("Identifiant;Nom;Type;Département;Date\r\na;A;AI;49;01/03/2009\r\n")
        #expect(found.count == 1)
        #expect(found.first?.hasPrefix("adherents.csv:1: Date: is not a column; the columns are id (Identifiant)") == true)
        #expect(found.first?.hasSuffix("joined (Date d'adhésion, Adhésion), source (Origine)") == true)
    }
}
