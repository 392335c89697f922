import CSV
import Foundation

/// A CSV file as written: its header cells and each row's cells with the line it starts on.
///
/// The separator is the one the header uses most, outside quotes: `,`, `;` (French
/// spreadsheets) or a tab. Line ends may be LF or CRLF.
struct CSVTable {
    /// One row of cells, as written, and the 1-based line it starts on.
    struct Row {
        let line: Int
        let cells: [String]
    }

    let separator: Unicode.Scalar
    let header: [String]
    let rows: [Row]

    /// The separators a file may use, in the order that breaks a tie in the header.
    static let separators: [Unicode.Scalar] = [",", ";", "\t"]

    init(_ text: String) {
        separator = CSVTable.separator(ofHeaderIn: text)
        // A reader over a String never fails: it reads every scalar it is given.
        guard let reader = try? CSVReader(string: text, hasHeaderRow: false, delimiter: separator) else {
            header = []
            rows = []
            return
        }
        var header: [String]?
        var rows: [Row] = []
        var line = 1
        while let cells = reader.next() {
            if header == nil { header = cells } else { rows.append(Row(line: line, cells: cells)) }
            // A quoted cell may hold line breaks; the next row starts after them.
            line += 1 + cells.reduce(0) { $0 + $1.filter { $0 == "\n" || $0 == "\r\n" || $0 == "\r" }.count }
        }
        self.header = header ?? []
        self.rows = rows
    }

    /// The separator the first line uses most often outside quotes (`,` when it has none).
    static func separator(ofHeaderIn text: String) -> Unicode.Scalar {
        var counts: [Unicode.Scalar: Int] = [:]
        var quoted = false
        for scalar in text.unicodeScalars {
            if scalar == "\"" {
                quoted.toggle()
            } else if !quoted {
                if scalar == "\n" || scalar == "\r" { break }
                if separators.contains(scalar) { counts[scalar, default: 0] += 1 }
            }
        }
        // `max` keeps the first of equals, so a header with no separator at all reads as `,`.
        return separators.max { counts[$0, default: 0] < counts[$1, default: 0] } ?? ","
    }
}
