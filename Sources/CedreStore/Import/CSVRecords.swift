import CSV
import CedreCore
import Foundation

/// CSV rows as JSON objects of strings, each with the line it starts on, so CSV and JSON
/// files are checked by the same schema.
enum CSVRecords {
    /// The rows of `data` as an array of objects (empty cells omitted), or the header's problems.
    ///
    /// Accepts a UTF-8 byte-order mark and the semicolon that French spreadsheets write.
    static func read(_ data: Data, file: String, columns: [String], required: [String]) -> Result<JSONValue, ImportFailure> {
        var text = String(decoding: data, as: UTF8.self)
        if text.hasPrefix("\u{FEFF}") { text.removeFirst() }
        let headerLine = text.prefix { $0 != "\n" && $0 != "\r\n" }
        let delimiter: UnicodeScalar = headerLine.contains(";") && !headerLine.contains(",") ? ";" : ","
        func failure(_ line: Int, _ field: String, _ message: String) -> Result<JSONValue, ImportFailure> {
            .failure(ImportFailure(issues: [ImportIssue(file: file, line: line, field: field, message: message)]))
        }
        let reader: CSVReader
        do {
            reader = try CSVReader(string: text, hasHeaderRow: true, delimiter: delimiter)
        } catch {
            return failure(1, "(header)", "the header row cannot be read as CSV")
        }
        let header = (reader.headerRow ?? []).map { $0.trimmingCharacters(in: .whitespaces) }
        var issues: [ImportIssue] = []
        for name in header where !columns.contains(name) {
            issues.append(ImportIssue(file: file, line: 1, field: name, message: "is not a column (expected \(columns.joined(separator: ",")))"))
        }
        for name in required where !header.contains(name) {
            issues.append(ImportIssue(file: file, line: 1, field: name, message: "column is missing from the header"))
        }
        if Set(header).count != header.count {
            issues.append(ImportIssue(file: file, line: 1, field: "(header)", message: "the header repeats a column"))
        }
        guard issues.isEmpty else { return .failure(ImportFailure(issues: issues)) }

        var rows: [JSONValue] = []
        var line = 2
        while let cells = reader.next() {
            defer { line += 1 + cells.reduce(0) { $0 + $1.filter { $0 == "\n" || $0 == "\r\n" }.count } }
            if cells.count == 1, cells[0].trimmingCharacters(in: .whitespaces).isEmpty { continue }
            if cells.count != header.count {
                issues.append(ImportIssue(
                    file: file, line: line, field: "(row)",
                    message: "has \(cells.count) cells where the header has \(header.count) columns"))
                continue
            }
            var members: [JSONValue.Member] = []
            for (name, cell) in zip(header, cells) {
                let value = cell.trimmingCharacters(in: .whitespaces)
                if !value.isEmpty {
                    members.append(JSONValue.Member(key: name, keyLine: line, value: JSONValue(.string(value), line: line)))
                }
            }
            rows.append(JSONValue(.object(members), line: line))
        }
        if let error = reader.error {
            issues.append(ImportIssue(file: file, line: line, field: "(csv)", message: "the CSV is malformed (\(error))"))
        }
        guard issues.isEmpty else { return .failure(ImportFailure(issues: issues)) }
        return .success(JSONValue(.array(rows), line: 1))
    }
}
