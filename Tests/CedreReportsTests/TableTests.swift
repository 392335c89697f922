import CedreCore
import Testing

@testable import CedreReports

/// The aligned terminal table: widths counted as characters show, whatever their bytes.
@Suite struct TableTests {
    @Test(arguments: [
        ("Adélie", 6), ("Ade\u{301}lie", 6), ("👍🏽 ok", 4), ("ÆØÅ ŒŸ ʼ", 8), ("plain", 5), ("", 0),
        // the last scalar below the combining marks, and the first of them, alone and on a letter
        ("\u{2FF}x", 2), ("a\u{300}", 1), ("\u{300}", 1), ("x\u{36F}y", 2),
    ])
    func aCellIsAsWideAsTheCharactersItShows(cell: String, width: Int) {
        #expect(Table.width(cell) == width)
        #expect(Table.width(cell) == cell.count)
    }

    @Test func columnsLineUpWhenAccentsAreComposedDecomposedOrEmoji() {
        let table = Table(
            columns: ["nom", "région", "n"], alignments: [.left, .left, .right],
            rows: [["Adélie", "Corse", "1"], ["Ade\u{301}lie", "Île-de-France", "22"], ["👍🏽", "", "333"]])
        let lines = table.text(style: .plain).split(separator: "\n").map(String.init)
        // Each line's last column ends at the same character, and nothing trails it.
        #expect(Set(lines.map(\.count)) == [lines[0].count])
        // "Île-de-France" sets the region column's width: 13 characters, not its 14 bytes.
        #expect(lines[4] == "👍🏽" + String(repeating: " ", count: 5 + 2 + 13 + 2) + "333")
        #expect(lines.allSatisfy { $0.last != " " })
    }

    @Test func anyTableIsWrittenWithinTheBytesReservedForItAndLinesUp() {
        // Tables are written into storage reserved for their longest text: cells cut to a
        // narrow terminal with a three-byte ellipsis, escaped controls, wide and combined
        // characters, highlighted rows in colour, rows shorter and longer than the header.
        let pool = [
            "", "a", "Adélie", "Ade\u{301}lie", "👍🏽 ok", "€€€€€€€€€", "x\u{1B}[2Jy", "tab\there", "« Île »", "\u{202E}rtl",
            String(repeating: "é", count: 40), String(repeating: "x", count: 70), "1 234", "ÆØÅ ŒŸ ʼ",
        ]
        var random = SeededGenerator(seed: 7)
        for round in 0..<300 {
            let columns = Int.random(in: 1...5, using: &random)
            var table = Table(
                columns: (0..<columns).map { pool[($0 + round) % pool.count] },
                alignments: (0..<columns).map { _ in Bool.random(using: &random) ? .left : .right },
                rows: (0..<Int.random(in: 0...6, using: &random)).map { _ in
                    (0..<Int.random(in: 0...(columns + 1), using: &random)).map { _ in pool.randomElement(using: &random)! }
                })
            table.highlightedRows = Set((0..<table.rows.count).filter { _ in Bool.random(using: &random) })
            let width = [nil, 1, 8, 20, 40].randomElement(using: &random)!
            let colour = Bool.random(using: &random)
            let text = table.text(style: TerminalStyle(width: width, colour: colour), after: "préface\n")
            let lines = text.replacingOccurrences(of: "\u{1B}[1m", with: "").replacingOccurrences(of: "\u{1B}[31m", with: "")
                .replacingOccurrences(of: "\u{1B}[0m", with: "").split(separator: "\n", omittingEmptySubsequences: false)
            #expect(lines.count == table.rows.count + 4 && lines.first == "préface" && lines.last == "", "round \(round)")
            // No line is wider than the rule under the header.
            let ruleWidth = Table.width(String(lines[2]))
            #expect(lines.dropFirst().allSatisfy { Table.width(String($0)) <= ruleWidth }, "round \(round)")
        }
    }

    @Test func aNarrowColumnOfHighlightedRowsInColourHoldsItsCodes() {
        // The codes around each row outweigh its one-letter cell and its padding
        var table = Table(columns: ["a"], rows: Array(repeating: ["b"], count: 50))
        table.highlightedRows = Set(0..<50)
        let text = table.text(style: TerminalStyle(width: nil, colour: true))
        #expect(text.hasSuffix(String(repeating: "\u{1B}[31mb\u{1B}[0m\n", count: 50)))
    }

    @Test func aRowShorterThanTheHeaderShowsBlanksAndALongerOneItsFirstCells() {
        let table = Table(columns: ["a", "b", "nombre"], alignments: [.left, .left, .right], rows: [["x"], ["1", "22", "3", "4"]])
        #expect(table.text(style: .plain) == "a  b   nombre\n─  ──  ──────\nx\n1  22       3\n")
    }
    /// A list on a narrow terminal: texts cut to the room left by the longest note, with an
    /// ellipsis, notes in one column, a nested line indented by four, widths as characters show.
    @Test func aListOnANarrowTerminalCutsItsTextsAndLinesUpItsNotes() {
        let items = [
            ReportDocument.ListItem(text: "Abeilles (49) - AI", note: "certifié"),
            ReportDocument.ListItem(text: "Entreprise d’insertion du Maine-et-Loire", note: "suspendu"),
            ReportDocument.ListItem(text: "Ade\u{301}lie", note: "x", isNested: true),
            ReportDocument.ListItem(text: "Zèbre"),
        ]
        #expect(ReportDocument.listLines(items, width: 24) == [
            "  Abeilles (4…  certifié", "  Entreprise …  suspendu", "    Ade\u{301}lie      x", "  Zèbre",
        ])
        #expect(ReportDocument.listLines(items, width: nil) == [
            "  Abeilles (49) - AI                        certifié", "  Entreprise d’insertion du Maine-et-Loire  suspendu",
            "    Ade\u{301}lie                                  x", "  Zèbre",
        ])
    }
    /// A drawn table goes into a text document as its lines would, each joined to the next by
    /// a line feed: with a cell holding a carriage return and line feed (escaped when drawn) and
    /// a decomposed accent, and with one cell (a document says "Aucun." for a table of no row).
    @Test func aDrawnTableGoesIntoATextAsItsLines() {
        let tables = [
            Table(columns: ["a", "b"], alignments: [.left, .right], rows: [["x\r\ny", "e\u{301}"], ["1", "22"]]),
            Table(columns: ["nombre"], alignments: [.right], rows: [["3"]]),
        ]
        for table in tables {
            let drawn = table.text(style: .plain)
            let split = drawn.split(separator: "\n", omittingEmptySubsequences: false).dropLast().map(String.init)
            #expect(drawn.hasSuffix("\n") && !drawn.contains("\r"))
            let document = ReportDocument(language: .fr, title: "T", blocks: [.table(table)])
            #expect(document.text() == "T\n\n" + split.joined(separator: "\n") + "\n")
        }
    }
}
