import CSV
import Foundation

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

    public init(columns: [String], alignments: [Alignment]? = nil, rows: [[String]] = []) {
        self.columns = columns
        self.alignments = alignments ?? Array(repeating: .left, count: columns.count)
        self.rows = rows
    }

    /// Aligned columns separated by two spaces, with a rule under the header.
    public func text() -> String {
        let widths = columns.indices.map { index in
            ([columns[index]] + rows.map { $0[safe: index] }).map(\.count).max() ?? 0
        }
        func line(_ cells: [String]) -> String {
            cells.indices.map { index in
                let cell = cells[index]
                let padding = String(repeating: " ", count: max(0, widths[index] - cell.count))
                return alignments[safe: index] == .right ? padding + cell : cell + padding
            }.joined(separator: "  ").trimmingTrailingSpaces()
        }
        let rule = widths.map { String(repeating: "─", count: $0) }.joined(separator: "  ")
        return ([line(columns), rule] + rows.map(line)).joined(separator: "\n") + "\n"
    }

    /// A GitHub-flavoured Markdown table.
    public func markdown() -> String {
        func escape(_ cell: String) -> String { cell.replacingOccurrences(of: "|", with: "\\|") }
        let header = "| " + columns.map(escape).joined(separator: " | ") + " |"
        let rule = "|" + alignments.map { $0 == .right ? " ---: |" : " --- |" }.joined()
        let body = rows.map { "| " + $0.map(escape).joined(separator: " | ") + " |" }
        return ([header, rule] + body).joined(separator: "\n") + "\n"
    }

    /// RFC 4180 CSV: a header row, CRLF line ends, quotes where needed.
    public func csv() -> String {
        CSVText.write([columns] + rows)
    }
}

/// RFC 4180 writing through the CSV package.
public enum CSVText {
    /// The rows as CSV with CRLF line ends, the last one included.
    public static func write(_ rows: [[String]]) -> String {
        let stream = OutputStream(toMemory: ())
        do {
            let writer = try CSVWriter(stream: stream, newline: .crlf)
            for row in rows {
                try writer.write(row: row)
            }
            writer.stream.close()
        } catch {
            preconditionFailure("writing CSV to memory cannot fail: \(error)")
        }
        let data = stream.property(forKey: .dataWrittenToMemoryStreamKey) as? Data ?? Data()
        let text = String(decoding: data, as: UTF8.self)
        return rows.isEmpty ? text : text + "\r\n"
    }
}

extension Array where Element == String {
    fileprivate subscript(safe index: Int) -> String {
        indices.contains(index) ? self[index] : ""
    }
}

extension Array where Element == Table.Alignment {
    fileprivate subscript(safe index: Int) -> Table.Alignment {
        indices.contains(index) ? self[index] : .left
    }
}

extension String {
    fileprivate func trimmingTrailingSpaces() -> String {
        var text = self
        while text.last == " " { text.removeLast() }
        return text
    }
}
