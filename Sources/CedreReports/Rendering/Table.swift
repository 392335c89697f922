import CedreCore

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
    /// in the data shows as an escape and counts in the width as it shows. Every line, the
    /// last too, ends with a line feed.
    ///
    /// `preface` (a headline, a summary) is written before the table into the same string: a
    /// night's listing is megabytes, not copied again to be put after its headline.
    public func text(style: TerminalStyle, after preface: String = "") -> String {
        // Each cell's bytes are read once, for its width and for what it may hold that steers a
        // terminal, into one flat array; the few cells that need escaping are kept apart, and
        // lines are written as bytes into the text's storage: a nightly check can list tens of
        // thousands of rows.
        let header = columns.map(TerminalText.escape)
        let columnCount = header.count
        let headerWidths = header.map(Table.width)
        var cellWidths: [Int] = []
        cellWidths.reserveCapacity(rows.count * columnCount)
        var escaped: [Int: String] = [:]
        var cellBytes = 0
        for row in rows {
            for index in 0..<columnCount {
                guard index < row.count else {
                    cellWidths.append(0)
                    continue
                }
                if let width = Table.plainWidth(row[index]) {
                    cellWidths.append(width)
                    cellBytes += row[index].utf8.count
                } else {
                    let shown = TerminalText.escape(row[index])
                    if shown != row[index] { escaped[cellWidths.count] = shown }
                    cellWidths.append(Table.width(shown))
                    cellBytes += shown.utf8.count
                }
            }
        }
        let widths = Table.fittedWidths(header: headerWidths, cells: cellWidths, alignments: alignments, to: style.width)
        let rightAligned = (0..<columnCount).map { alignments[safe: $0] == .right }
        func line(_ cells: (Int) -> String?, _ counted: ArraySlice<Int>, into writer: inout ByteWriter) {
            let start = writer.count
            for index in 0..<columnCount {
                let width = widths[index]
                let shown = counted[counted.startIndex + index]
                let cell = cells(index) ?? ""
                let padding = width - min(shown, width)
                if index > 0 { writer.spaces(2) }
                if rightAligned[index] { writer.spaces(padding) }
                writer.write(shown > width ? Table.cut(cell, to: width) : cell)
                if !rightAligned[index] { writer.spaces(padding) }
            }
            writer.trimSpaces(after: start)
        }
        // At most: every cell's bytes (three more for an ellipsis where a cell may be cut), each
        // column's width of padding and two spaces a cell, a line feed a row, the codes around
        // highlighted rows. The text is written once, into the string's own storage.
        let cutting = style.width == nil ? 0 : 3 * columnCount
        let lineBytes = widths.reduce(2 * columnCount + 1 + cutting, +)
        let headerLine = String(unsafeUninitializedCapacity: header.reduce(lineBytes) { $0 + $1.utf8.count }) {
            var writer = ByteWriter($0)
            line({ header[$0] }, headerWidths[...], into: &writer)
            return writer.count
        }
        let rule = widths.map { String(repeating: "─", count: $0) }.joined(separator: "  ")
        let top = preface + style.bold(headerLine) + "\n" + rule + "\n"
        let alert = style.alertCodes
        let capacity = top.utf8.count + cellBytes + rows.count * lineBytes
            + highlightedRows.count * (alert.start.utf8.count + alert.end.utf8.count)
        return String(unsafeUninitializedCapacity: capacity) { buffer in
            var writer = ByteWriter(buffer)
            writer.write(top)
            for (index, row) in rows.enumerated() {
                let first = index * columnCount
                let counted = cellWidths[first..<(first + columnCount)]
                let cells = { (column: Int) -> String? in
                    guard column < row.count else { return nil }
                    return escaped.isEmpty ? row[column] : escaped[first + column] ?? row[column]
                }
                let highlighted = highlightedRows.contains(index)
                if highlighted { writer.write(alert.start) }
                line(cells, counted, into: &writer)
                if highlighted { writer.write(alert.end) }
                writer.write(byte: 0x0A)
            }
            return writer.count
        }
    }

    /// How many characters `cell` shows: counted scalar by scalar when it holds nothing that
    /// joins characters into one (below U+0300, where combining marks start), which is every
    /// cell of French text but a rare one; read from the text's own bytes when it has them.
    static func width(_ cell: String) -> Int {
        if let counted = cell.utf8.withContiguousStorageIfAvailable({ scalarsBelowCombiningMarks($0) }), let counted { return counted }
        return cell.unicodeScalars.allSatisfy { $0.value < 0x300 } ? cell.unicodeScalars.count : cell.count
    }

    /// The width of a cell that shows as it is: nil when it may need the terminal's escaping
    /// layer (a byte that `mayStartSteering`, as `firstControlOrLineBreak` reads them) or holds a
    /// scalar from U+0300 on (bidirectional controls and line separators among them), whose
    /// width `width` counts. Every cell of French text passes.
    private static func plainWidth(_ cell: String) -> Int? {
        cell.utf8.withContiguousStorageIfAvailable { scalarsBelowCombiningMarks($0, refusingSteering: true) } ?? nil
    }

    /// The number of scalars in UTF-8 `bytes`, or nil when one of them is U+0300 or above (its
    /// first byte 0xCC or above; a continuation byte is below 0xC0) or, `refusingSteering`, may
    /// steer a terminal. Eight bytes are taken at once while they are all printable ASCII (a
    /// night's listing measures some 240,000 cells).
    private static func scalarsBelowCombiningMarks(_ bytes: UnsafeBufferPointer<UInt8>, refusingSteering: Bool = false) -> Int? {
        var scalars = 0
        var index = 0
        while index < bytes.count {
            if index + 8 <= bytes.count, let base = UnsafeRawPointer(bytes.baseAddress),
                isPrintableASCII(base.loadUnaligned(fromByteOffset: index, as: UInt64.self))
            {
                scalars += 8
                index += 8
                continue
            }
            let byte = bytes[index]
            if byte >= 0xCC || (refusingSteering && byte.mayStartSteering) { return nil }
            if byte & 0xC0 != 0x80 { scalars += 1 }
            index += 1
        }
        return scalars
    }

    /// Whether each of the eight bytes of `word` is from 0x20 to 0x7E: none has its high bit
    /// set, none is below 0x20, none is DEL (the "has a byte less than" and "has a zero byte"
    /// tests of bit-twiddling lore, exact once no high bit is set).
    private static func isPrintableASCII(_ word: UInt64) -> Bool {
        let highBits: UInt64 = 0x8080_8080_8080_8080
        let belowSpace = (word &- 0x2020_2020_2020_2020) & ~word & highBits
        let delete = word ^ 0x7F7F_7F7F_7F7F_7F7F
        let hasDelete = (delete &- 0x0101_0101_0101_0101) & ~delete & highBits
        return (word & highBits) | belowSpace | hasDelete == 0
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

/// Bytes written one after the other into storage reserved beforehand (a string's), for text
/// whose length is bounded before it is written: a write past the end stops the program
/// rather than overrun the storage.
private struct ByteWriter {
    private let buffer: UnsafeMutableBufferPointer<UInt8>
    /// The bytes written so far.
    private(set) var count = 0

    init(_ buffer: UnsafeMutableBufferPointer<UInt8>) {
        self.buffer = buffer
    }

    /// `text`'s bytes, copied from its own storage.
    mutating func write(_ text: String) {
        var text = text
        text.withUTF8 { bytes in
            guard let source = bytes.baseAddress, let base = buffer.baseAddress else { return }
            precondition(count + bytes.count <= buffer.count, "a table's text outgrew the bytes reserved for it")
            (base + count).initialize(from: source, count: bytes.count)
            count += bytes.count
        }
    }

    mutating func write(byte: UInt8) {
        precondition(count < buffer.count, "a table's text outgrew the bytes reserved for it")
        buffer[count] = byte
        count += 1
    }

    mutating func spaces(_ number: Int) {
        guard number > 0, let base = buffer.baseAddress else { return }
        precondition(count + number <= buffer.count, "a table's text outgrew the bytes reserved for it")
        (base + count).initialize(repeating: 0x20, count: number)
        count += number
    }

    /// Takes back the spaces that end what was written after `start`.
    mutating func trimSpaces(after start: Int) {
        while count > start, buffer[count - 1] == 0x20 { count -= 1 }
    }
}
