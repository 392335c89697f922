import CSV
import CedreCore
import CedreFixtures
import CedreReports
import CedreTestSupport
import Foundation
import Testing

/// What each format promises beyond its golden: CSV that round-trips, HTML that stands alone,
/// Markdown that prints names as written, terminal tables that fit.
@Suite struct ReportFormatTests {
    private func read(_ csv: String) throws -> [[String]] {
        let reader = try CSVReader(string: csv, hasHeaderRow: false)
        var rows: [[String]] = []
        while let row = reader.next() {
            rows.append(row)
        }
        return rows
    }

    @Test(arguments: ReportGoldenTests.Report.allCases)
    func csvRoundTripsThroughTheCSVPackage(_ report: ReportGoldenTests.Report) throws {
        // Given a report's CSV, when read back by the CSV package and written again
        let text = report.csv
        let rows = try read(text)
        // Then nothing changed, every row has the header's width, and lines end with CRLF
        #expect(CSVText.write(rows) == text)
        #expect(rows.count > 1)
        #expect(rows.allSatisfy { $0.count == rows[0].count })
        #expect(!text.replacingOccurrences(of: "\r\n", with: "").contains("\n"))
    }

    /// Cells with every character RFC 4180 quotes for, alone, together, first, last and doubled.
    private static let awkwardCells = [
        "", "plain", "Île-de-France", "a,b", ",", "\"", "\"\"", "say \"hi\"", "\"quoted\"", "line\nbreak", "cr\ronly",
        "crlf\r\nend", "\r\n", "trailing,", ",leading", "all, \"of\"\r\nthem\n", "  spaced  ", "tab\tinside", "😀,🇫🇷",
    ]

    @Test func csvIsWrittenByteForByteAsTheCSVPackageWritesIt() throws {
        // Given rows of awkward cells, in every position of a row
        let rows = Self.awkwardCells.indices.map { index in
            (0..<4).map { Self.awkwardCells[(index + $0 * 5) % Self.awkwardCells.count] }
        }
        // When the package's own writer writes them (the oracle: RFC 4180 with CRLF)
        let stream = OutputStream(toMemory: ())
        let writer = try CSVWriter(stream: stream, newline: .crlf)
        for row in rows { try writer.write(row: row) }
        writer.stream.close()
        let oracle = String(decoding: try #require(stream.property(forKey: .dataWrittenToMemoryStreamKey) as? Data), as: UTF8.self)
        // Then cedre's writer gives the same bytes, the last line ended too, and reads back as written
        #expect(CSVText.write(rows, keepingFormulaStarts: true) == oracle + "\r\n")
        #expect(try read(CSVText.write(rows, keepingFormulaStarts: true)) == rows)
    }

    @Test func csvQuotesAQuoteFollowedByACombiningMark() throws {
        // A quote then U+0301: Foundation's search, which the package's writer uses, sees one
        // accented character and no quote in it; a reader sees the quote.
        let rows = [["\"\u{301}x", "é"], ["a\"\u{301}", "\u{301}"]]
        let text = CSVText.write(rows)
        #expect(text == "\"\"\"\u{301}x\",é\r\n\"a\"\"\u{301}\",\u{301}\r\n")
        #expect(try read(text) == rows)
    }

    @Test func certificationsCSVCarriesTheLinesAndISODates() throws {
        let rows = try read(Network2013.certifications.csv())
        #expect(rows[0] == ["region", "member", "name", "departement", "type", "scheme", "kind", "on", "group", "line"])
        #expect(rows.dropFirst().map(\.[9]) == Network2013.certifications.entries.map(\.line))
        #expect(rows.dropFirst().allSatisfy { Day($0[7]) != nil })
        // a name with a comma is quoted, not split
        #expect(rows.contains { $0[2] == "Noveo - Des services, des emplois" })
    }

    @Test(arguments: ReportGoldenTests.Report.allCases, ReportLanguage.allCases)
    func htmlIsOneFileThatRequestsNothing(_ report: ReportGoldenTests.Report, _ language: ReportLanguage) {
        let html = report.document(language).html()
        #expect(html.hasPrefix("<!DOCTYPE html>\n<html lang=\"\(language)\">"))
        #expect(html.contains("<meta charset=\"utf-8\">"))
        #expect(html.contains("@page { size: A4;"))
        for forbidden in ["<script", "http:", "https:", "src=", "href=", "@import", "@font-face", "<link", "<img", "<iframe"] {
            #expect(!html.contains(forbidden), "\(forbidden)")
        }
        let references = html.components(separatedBy: "url(").dropFirst()
        #expect(references.allSatisfy { $0.hasPrefix("#") }, "every url() points inside the file")
    }

    @Test func theStatusPageDrawsStatesByRegionAndCertificationsOverTime() {
        let html = Network2013.status.document(.fr).html()
        #expect(html.components(separatedBy: "<svg ").count - 1 == 2)
        #expect(html.contains("<figcaption>États par région</figcaption>"))
        #expect(html.contains("<figcaption>Certifications par année et par catégorie</figcaption>"))
        // a hatch pattern per drawn series, so bars read in black and white
        #expect(html.contains("<pattern id=\"chart0-s1\""))
        #expect(html.contains("<pattern id=\"chart1-s2\""))
    }

    @Test func htmlEscapesNamesAndMarkdownPrintsThemAsWritten() throws {
        var small = SmallNetwork()
        try small.add(Member(id: "odd", name: "<Ateliers & *Co*_>", types: [.ai], departement: "49", region: "Pays de la Loire"))
        try small.apply(small.certification(of: "odd", decidedOn: "2013-05-02"))
        let report = CertificationsReport(network: small.network, year: 2013, asOf: "2013-12-31")
        #expect(report.document(.fr).html().contains("&lt;Ateliers &amp; *Co*_&gt; (49) - AI"))
        #expect(report.document(.fr).markdown().contains("- &lt;Ateliers &amp; \\*Co\\*\\_&gt; (49) - AI — *nouvelle certification CEDRE*"))
    }

    @Test func anEmptyProgrammeSaysSoInsteadOfDrawingEmptyTables() {
        let programme = AuditProgramme(
            network: Network2013.network, from: "2013-12-01", to: "2013-12-31", asOf: Network2013.day,
            departements: CedreFixtures.departements)
        let document = programme.document(.en)
        #expect(document.markdown().components(separatedBy: "None.").count - 1 == 3)
        #expect(!document.html().contains("<svg"))
        #expect(!document.html().contains("<table"))
    }

    @Test func aTableFitsTheTerminalByCuttingItsWidestTextColumn() {
        // Given a table wider than 40 columns
        var table = Table(
            columns: ["member", "region", "certified"], alignments: [.left, .left, .right],
            rows: [["Les associations d'économie solidaire du pays Voiironnais", "Rhône-Alpes", "1 234"]])
        table.highlightedRows = [0]
        // When written for a 40-column terminal
        let lines = table.text(style: TerminalStyle(width: 40, colour: false)).split(separator: "\n")
        // Then every line fits, the long name ends with an ellipsis, and the number is whole
        #expect(lines.allSatisfy { $0.count <= 40 })
        #expect(lines[2].contains("…"))
        #expect(lines[2].hasSuffix("1 234"))
        #expect(table.text(style: .plain) == table.text())
    }

    @Test func aCellOfFiveThousandCharactersWithALineBreakStaysOnItsRow() {
        // Given a name of 5,000 characters holding a line break and an escape sequence
        let name = "Atelier\n\u{1B}[2J" + String(repeating: "x", count: 4_993)
        let table = Table(columns: ["id", "name", "type"], rows: [["long", name, "AI"], ["short", "REEL", "EI"]])
        // When written for a 100-column terminal
        let lines = table.text(style: TerminalStyle(width: 100, colour: false)).split(separator: "\n", omittingEmptySubsequences: false)
        // Then it keeps its two rows under the header, each within 100 columns, the name escaped and cut
        #expect(lines.count == 5 && lines[4].isEmpty)
        #expect(lines.allSatisfy { $0.count <= 100 })
        #expect(lines[2].hasPrefix("long   Atelier\\n\\u{1B}[2Jxxx"))
        #expect(lines[2].contains("…  AI"))
        #expect(lines[3].hasPrefix("short  REEL "))
    }

    @Test func theSentencesAroundATableWrapAtTheTerminalsWidth() {
        let sentence = "surveillance audit 2014 of cedre-iso as of 2013-12-31: 18 sites in scope, sample of 3 plus the central function"
        let wrapped = TerminalStyle(width: 40, colour: false).wrap(sentence).split(separator: "\n")
        #expect(wrapped.count == 3)
        #expect(wrapped.allSatisfy { $0.count <= 40 })
        #expect(wrapped.joined(separator: " ") == sentence)
        #expect(TerminalStyle.plain.wrap(sentence) == sentence)
    }

    @Test func colourIsOnlyBoldHeadersAndRedHighlightedRows() {
        var table = Table(columns: ["a", "b"], rows: [["1", "2"], ["3", "4"]])
        table.highlightedRows = [1]
        let coloured = table.text(style: TerminalStyle(width: nil, colour: true))
        #expect(coloured.hasPrefix("\u{1B}[1ma  b\u{1B}[0m\n"))
        #expect(coloured.hasSuffix("\u{1B}[31m3  4\u{1B}[0m\n"))
        #expect(!table.text(style: .plain).contains("\u{1B}"))
    }

    @Test func colourNeedsATerminalAndNoNO_COLOR() throws {
        let pipe = Pipe()
        let descriptor = pipe.fileHandleForWriting.fileDescriptor
        // A pipe is not a terminal: no colour, and no width unless COLUMNS says so
        #expect(TerminalStyle.detect(environment: [:], descriptor: descriptor) == TerminalStyle(width: nil, colour: false))
        #expect(TerminalStyle.detect(environment: ["COLUMNS": "77"], descriptor: descriptor).width == 77)
        #expect(TerminalStyle.detect(environment: ["COLUMNS": "wide"], descriptor: descriptor).width == nil)
        #expect(TerminalStyle.detect(environment: ["NO_COLOR": "1", "COLUMNS": "80"], descriptor: descriptor).colour == false)
    }

    @Test func frenchWritesDatesNumbersAndTypesAsOfficersDo() {
        let french = Vocabulary(.fr)
        let english = Vocabulary(.en)
        #expect(french.date("2013-12-31") == "31 décembre 2013")
        #expect(french.date("2014-03-01") == "1er mars 2014")
        #expect(english.date("2013-12-31") == "31 December 2013")
        #expect(french.number(1234) == "1\u{202F}234")
        #expect(english.number(1234) == "1,234")
        #expect(french.type("AI+ACI") == "AI & ACI")
        #expect(french.month("2013-11") == "novembre 2013")
    }
}
