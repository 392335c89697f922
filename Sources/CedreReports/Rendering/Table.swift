
/// Rows and columns, written as an aligned terminal table, Markdown or CSV.
///
/// Every list a command prints goes through here, so the three formats always agree.
public struct Table: Equatable, Sendable {
    /// How a column's cells line up.
    public enum Alignment: Sendable {
        case left, right
    }

    public var columns: [String]
    public var alignments: [Alignment]
    public var rows: [[String]]
    /// Rows that need attention (overdue): red on a colour terminal, marked in HTML.
    public var highlightedRows: Set<Int> = []

    public init(columns: [String], alignments: [Alignment]? = nil, rows: [[String]] = []) {
        self.columns = columns
        self.alignments = alignments ?? Array(repeating: .left, count: columns.count)
        self.rows = rows
    }

    /// Aligned columns separated by two spaces, with a rule under the header.
    public func text() -> String {
        text(style: .plain)
    }

    /// Aligned columns fitted to the style's width: the widest text columns shrink first, their
    /// cells cut with an ellipsis; header in bold and highlighted rows in red when colour is on.
    ///
    /// Cells and headers go through the terminal escaping layer first, so a control character
    /// in the data shows as an escape and counts in the width as it shows.
    public func text(style: TerminalStyle) -> String {
        var shown = self
        shown.columns = columns.map(TerminalText.escape)
        // Rows with nothing to escape, nearly all, are kept as they are rather than copied.
        for index in shown.rows.indices where shown.rows[index].contains(where: { $0.firstControlOrLineBreak != nil }) {
            shown.rows[index] = shown.rows[index].map(TerminalText.escape)
        }
        return shown.alignedText(style: style)
    }

    private func alignedText(style: TerminalStyle) -> String {
        // Each cell's width is counted once, into one flat array, and lines are written as
        // bytes: a nightly check can list tens of thousands of rows.
        let columnCount = columns.count
        let headerWidths = columns.map(Table.width)
        var cellWidths: [Int] = []
        cellWidths.reserveCapacity(rows.count * columnCount)
        for row in rows {
            for index in 0..<columnCount { cellWidths.append(index < row.count ? Table.width(row[index]) : 0) }
        }
        let widths = Table.fittedWidths(header: headerWidths, cells: cellWidths, alignments: alignments, to: style.width)
        let rightAligned = (0..<columnCount).map { alignments[safe: $0] == .right }
        func line(_ cells: [String], _ counted: ArraySlice<Int>, into bytes: inout [UInt8]) {
            let start = bytes.count
            for index in 0..<columnCount {
                let width = widths[index]
                let shown = counted[counted.startIndex + index]
                let cell = index < cells.count ? cells[index] : ""
                let padding = width - min(shown, width)
                if index > 0 { bytes += [0x20, 0x20] }
                if rightAligned[index] { bytes += repeatElement(0x20, count: padding) }
                bytes += (shown > width ? Table.cut(cell, to: width) : cell).utf8
                if !rightAligned[index] { bytes += repeatElement(0x20, count: padding) }
            }
            while bytes.count > start, bytes.last == 0x20 { bytes.removeLast() }
        }
        var headerBytes: [UInt8] = []
        line(columns, headerWidths[...], into: &headerBytes)
        let header = style.bold(String(decoding: headerBytes, as: UTF8.self))
        let rule = widths.map { String(repeating: "─", count: $0) }.joined(separator: "  ")
        var text = Array((header + "\n" + rule + "\n").utf8)
        text.reserveCapacity(text.count + rows.count * (widths.reduce(2 * widths.count, +) + 1))
        for index in rows.indices {
            let counted = cellWidths[(index * columnCount)..<((index + 1) * columnCount)]
            if highlightedRows.contains(index) {
                var bytes: [UInt8] = []
                line(rows[index], counted, into: &bytes)
                text += style.alert(String(decoding: bytes, as: UTF8.self)).utf8
            } else {
                line(rows[index], counted, into: &text)
            }
            text.append(0x0A)
        }
        return String(decoding: text, as: UTF8.self)
    }

    /// How many characters `cell` shows: counted scalar by scalar when it holds nothing that
    /// joins characters into one (below U+0300, where combining marks start), which is every
    /// cell of French text but a rare one; read from the text's own bytes when it has them.
    static func width(_ cell: String) -> Int {
        if let counted = cell.utf8.withContiguousStorageIfAvailable(scalarsBelowCombiningMarks), let counted { return counted }
        return cell.unicodeScalars.allSatisfy { $0.value < 0x300 } ? cell.unicodeScalars.count : cell.count
    }

    /// The number of scalars in UTF-8 `bytes`, or nil when one of them is U+0300 or above (its
    /// first byte 0xCC or above; a continuation byte is below 0xC0).
    private static func scalarsBelowCombiningMarks(_ bytes: UnsafeBufferPointer<UInt8>) -> Int? {
        var scalars = 0
        for byte in bytes {
            if byte >= 0xCC { return nil }
            if byte & 0xC0 != 0x80 { scalars += 1 }
        }
        return scalars
    }

    /// The narrowest a text column gets when a table is fitted to a terminal.
    static let minimumFittedWidth = 6

    /// Each column's width: its widest cell, then, while the table is wider than `limit`, one
    /// character less for the widest column that can still shrink. Text columns shrink down to
    /// `minimumFittedWidth`; number columns only lose header characters, so a number is never cut.
    /// `cells` holds the rows' widths one after the other, `header.count` to a row.
    static func fittedWidths(header: [Int], cells: [Int], alignments: [Alignment], to limit: Int?) -> [Int] {
        var widths = header
        var cellWidths = Array(repeating: 0, count: header.count)
        for (position, width) in cells.enumerated() {
            let index = position % header.count
            cellWidths[index] = max(cellWidths[index], width)
        }
        for index in widths.indices { widths[index] = max(widths[index], cellWidths[index]) }
        guard let limit else { return widths }
        let minimums = header.indices.map { index in
            alignments[safe: index] == .right ? max(1, cellWidths[index]) : min(widths[index], Table.minimumFittedWidth)
        }
        var excess = widths.reduce(0, +) + 2 * max(0, widths.count - 1) - limit
        while excess > 0 {
            let shrinkable = widths.indices.filter { widths[$0] > minimums[$0] }
            guard let widest = shrinkable.max(by: { widths[$0] < widths[$1] }) else { break }
            widths[widest] -= 1
            excess -= 1
        }
        return widths
    }

    /// `cell` cut to `width` characters, the last one an ellipsis when something was cut.
    static func cut(_ cell: String, to width: Int) -> String {
        guard cell.count > width else { return cell }
        guard width > 1 else { return String(cell.prefix(width)) }
        return String(cell.prefix(width - 1)) + "…"
    }

    /// A GitHub-flavoured Markdown table, every cell through the Markdown escaping layer.
    public func markdown() -> String {
        let header = "| " + columns.map(MarkdownText.escape).joined(separator: " | ") + " |"
        let rule = "|" + alignments.map { $0 == .right ? " ---: |" : " --- |" }.joined()
        let body = rows.map { "| " + $0.map(MarkdownText.escape).joined(separator: " | ") + " |" }
        return ([header, rule] + body).joined(separator: "\n") + "\n"
    }

    /// RFC 4180 CSV: a header row, CRLF line ends, quotes where needed.
    public func csv() -> String {
        CSVText.write([columns] + rows)
    }
}

/// The CSV escaping layer, and the only CSV writer: RFC 4180 (a field holding a comma, a quote, a
/// CR or an LF is quoted, its quotes doubled; CRLF line ends), and every cell a spreadsheet
/// could read as a formula neutralised (OWASP CSV injection): a cell starting with `=`, `+`,
/// `-`, `@`, a tab or a carriage return gets a leading `'`.
///
/// Written byte by byte here, and read back by the CSV package in the tests: the package's
/// writer puts each byte through a Foundation stream and searches each field four times with
/// Foundation, which took 1.6 s of a 100,000-member `member list --format csv` (7.7 MB).
public enum CSVText {
    /// The characters that make a spreadsheet read a cell as a formula when they start it.
    static let formulaStarts: Set<Unicode.Scalar> = ["=", "+", "-", "@", "\t", "\r"]

    /// The cell as a spreadsheet must show it: with a leading `'` when it would start a formula.
    public static func cell(_ value: String) -> String {
        guard let first = value.unicodeScalars.first, formulaStarts.contains(first) else { return value }
        return "'" + value
    }

    /// The rows as CSV, each ended by CRLF, every cell neutralised; `keepingFormulaStarts`
    /// writes the cells as they are, for a file cedre reads back (an import file), whose values
    /// must not change.
    public static func write(_ rows: [[String]], keepingFormulaStarts: Bool = false) -> String {
        var bytes: [UInt8] = []
        for row in rows {
            for (index, value) in row.enumerated() {
                if index > 0 { bytes.append(comma) }
                appendField(keepingFormulaStarts ? value : cell(value), to: &bytes)
            }
            bytes += [carriageReturn, lineFeed]
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    private static let (comma, quote, carriageReturn, lineFeed): (UInt8, UInt8, UInt8, UInt8) = (0x2C, 0x22, 0x0D, 0x0A)

    /// `field` as RFC 4180 writes it: as it is, or quoted with its quotes doubled when it holds
    /// a comma, a quote or a line break.
    private static func appendField(_ field: String, to bytes: inout [UInt8]) {
        let utf8 = field.utf8
        guard utf8.contains(where: { $0 == comma || $0 == quote || $0 == carriageReturn || $0 == lineFeed }) else {
            bytes += utf8
            return
        }
        bytes.append(quote)
        for byte in utf8 {
            if byte == quote { bytes.append(quote) }
            bytes.append(byte)
        }
        bytes.append(quote)
    }
}

extension Array where Element == Table.Alignment {
    fileprivate subscript(safe index: Int) -> Table.Alignment {
        indices.contains(index) ? self[index] : .left
    }
}
