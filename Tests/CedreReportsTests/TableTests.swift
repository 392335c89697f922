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

    @Test func aRowShorterThanTheHeaderShowsBlanksAndALongerOneItsFirstCells() {
        let table = Table(columns: ["a", "b", "nombre"], alignments: [.left, .left, .right], rows: [["x"], ["1", "22", "3", "4"]])
        #expect(table.text(style: .plain) == "a  b   nombre\n─  ──  ──────\nx\n1  22       3\n")
    }
}
