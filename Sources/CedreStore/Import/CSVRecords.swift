import CedreCore
import CedreJSON
import Foundation

/// The rows of a CSV table as JSON objects keyed by the schema's names, each with the line it
/// starts on, and every problem of the header and of the cells, so CSV and JSON files are
/// checked by the same schema and a file's problems are all listed at once.
///
/// Header cells may be English or French (`CSVColumns`). Columns whose header is empty are
/// ignored while their cells are empty: French Excel ends every line with `;;;` when a
/// formatted column is blank. Empty cells are omitted, as are rows whose cells are all empty.
struct CSVRecords {
    /// One row as a JSON object, with the fields whose problem is already listed (a column
    /// the header lacks, a cell that could not be read), which the schema must not list again.
    struct Record {
        let line: Int
        let document: JSONValue
        let reported: Set<String>
    }

    let records: [Record]
    let issues: [ImportIssue]

    init(_ table: CSVTable, columns: CSVColumns, file: String) {
        var issues: [ImportIssue] = []
        var columnAt: [Int: CSVColumns.Column] = [:]
        var indexOf: [String: Int] = [:]
        // Columns up to the last named one: a row must reach it, the empty ones after it may be cut.
        var width = 0
        for (index, cell) in table.header.enumerated() {
            let header = cell.trimmingSpaces
            if header.isEmpty { continue }
            width = index + 1
            guard let column = columns.column(forHeader: header) else {
                issues.append(ImportIssue(
                    file: file, line: 1, field: header, message: "is not a column; the columns are \(columns.listing)"))
                continue
            }
            if let first = indexOf[column.name] {
                issues.append(ImportIssue(
                    file: file, line: 1, field: header,
                    message: "is the same column as '\(table.header[first])' (column \(first + 1)); keep one of them"))
                continue
            }
            indexOf[column.name] = index
            columnAt[index] = column
        }
        let missing = columns.required.filter { indexOf[$0] == nil }
        for name in missing {
            let spellings = [name] + (columns.column(named: name)?.frenchNames ?? [])
            issues.append(ImportIssue(
                file: file, line: 1, field: name,
                message: "column is missing from the header (head it \(spellings.joined(separator: " or ")))"))
        }
        let placed = table.header.indices.compactMap { index in columnAt[index].map { (index, $0) } }
        let hasPayload = columns.columns.contains(where: \.inPayload)
        let named = table.header.map { !$0.trimmingSpaces.isEmpty }

        var records: [Record] = []
        for row in table.rows {
            let cells = row.cells.map { $0.trimmingSpaces }
            if cells.allSatisfy(\.isEmpty) { continue }
            if cells.count < width {
                issues.append(ImportIssue(
                    file: file, line: row.line, field: "(row)", message: "has \(cells.count) cells where the header has \(width) columns"))
                continue
            }
            if let stray = cells.indices.first(where: { !cells[$0].isEmpty && !(named.indices.contains($0) && named[$0]) }) {
                issues.append(ImportIssue(
                    file: file, line: row.line, field: "(row)",
                    message: "has '\(cells[stray])' in column \(stray + 1), which has no name in the header; "
                        + "name the column or empty the cell"))
            }
            var reported = Set(missing)
            var beside: [JSONValue.Member] = []
            var payload: [JSONValue.Member] = []
            for (index, column) in placed where !cells[index].isEmpty {
                switch column.cell.value(of: cells[index], line: row.line) {
                case .success(let value):
                    let member = JSONValue.Member(key: column.name, keyLine: row.line, value: value)
                    if column.inPayload { payload.append(member) } else { beside.append(member) }
                case .failure(let error):
                    issues.append(ImportIssue(file: file, line: row.line, field: column.name, message: error.message))
                    reported.insert(column.name)
                }
            }
            if hasPayload {
                beside.append(JSONValue.Member(key: "payload", keyLine: row.line, value: JSONValue(.object(payload), line: row.line)))
            }
            records.append(Record(line: row.line, document: JSONValue(.object(beside), line: row.line), reported: reported))
        }
        self.records = records
        self.issues = issues
    }
}
