import CedreCore
import CedreJSON
import Foundation

/// Reads a facts file, checking every fact against `Schemas/json/events.schema.json` and the
/// fact vocabulary before any write: JSON Lines (`{"kind", "on", "payload"}` per line) or CSV
/// (an `on` and a `kind` column, then one column per payload field).
public struct FactImport: Sendable {
    /// A fact ready to record, with the line it came from.
    public struct Row: Equatable, Sendable {
        public let line: Int
        public let fact: DatedFact
    }

    public let file: String

    public init(file: String) {
        self.file = file
    }

    /// Every fact of the file, or every problem found in it.
    ///
    /// Lines are independent, so they are parsed and checked in chunks on every core; the
    /// result is in line order whatever the scheduling.
    public func read(_ data: Data) -> Result<[Row], ImportFailure> {
        let lines = FactImport.lineRanges(of: data)
        let chunkSize = 2_000
        let chunks = stride(from: 0, to: lines.count, by: chunkSize).map { $0..<min($0 + chunkSize, lines.count) }
        let results = ParallelResults<(rows: [Row], issues: [ImportIssue])>(count: chunks.count)
        DispatchQueue.concurrentPerform(iterations: chunks.count) { index in
            var rows: [Row] = []
            var issues: [ImportIssue] = []
            for lineIndex in chunks[index] {
                read(data[lines[lineIndex]], line: lineIndex + 1, into: &rows, issues: &issues)
            }
            results.set(index, (rows, issues))
        }
        let chunked = results.values
        let (rows, issues) = (chunked.flatMap(\.rows), chunked.flatMap(\.issues))
        guard issues.isEmpty else { return .failure(ImportFailure(issues: issues)) }
        return .success(rows)
    }

    private func read(_ bytes: Data, line lineNumber: Int, into rows: inout [Row], issues: inout [ImportIssue]) {
        if bytes.allSatisfy({ $0 == 0x20 || $0 == 0x09 || $0 == 0x0d }) { return }
        do {
            check(try JSONParser.parse(bytes), line: lineNumber, reported: [], into: &rows, issues: &issues)
        } catch {
            issues.append(ImportIssue(file: file, line: lineNumber, field: error.field, message: error.message))
        }
    }

    /// Whether a CSV header is a facts file's: it names a kind column (`kind`, `Événement`),
    /// which no members file has, or more columns only facts have (`on`, `Adhérent`…) than
    /// columns only members have, so a facts file that lacks its kind column is told so.
    static func holdsFacts(_ header: [String]) throws(ImportFailure) -> Bool {
        let (facts, members) = (try CSVColumns.facts(), try CSVColumns.members())
        let factColumns = header.compactMap { facts.column(forHeader: $0)?.name }
        let memberColumns = Set(header.compactMap { members.column(forHeader: $0)?.name })
        let onlyFacts = factColumns.filter { !memberColumns.contains($0) }.count
        let onlyMembers = memberColumns.subtracting(factColumns).count
        return factColumns.contains("kind") || onlyFacts > onlyMembers
    }

    /// Every fact of a CSV file already decoded, or every problem found in it.
    public func read(csv text: DecodedText) -> Result<[Row], ImportFailure> {
        read(CSVTable(text.text))
    }

    /// Every fact of a CSV table, or every problem of its header, its cells and its facts.
    func read(_ table: CSVTable) -> Result<[Row], ImportFailure> {
        let records: CSVRecords
        do {
            records = CSVRecords(table, columns: try CSVColumns.facts(), file: file)
        } catch {
            return .failure(error)
        }
        var rows: [Row] = []
        var issues = records.issues
        for record in records.records {
            check(record.document, line: record.line, reported: record.reported, into: &rows, issues: &issues)
        }
        guard issues.isEmpty else { return .failure(ImportFailure(issues: ImportIssue.inLineOrder(issues))) }
        return .success(rows)
    }

    /// Checks one fact against the schema, then reads it; `reported` names the fields whose
    /// problem is already listed, which the schema's complaints leave out.
    private func check(
        _ document: JSONValue, line lineNumber: Int, reported: Set<String>, into rows: inout [Row], issues: inout [ImportIssue]
    ) {
        let violations = SchemaCheck.violations(of: document, against: "events", file: file)
        let kind = document["kind"]?.stringValue.flatMap(Fact.Kind.init(rawValue:))
        guard violations.isEmpty else {
            issues += violations.filter { !reported.contains($0.field) }.compactMap { violation in
                Self.readable(violation, kind: kind).map { ImportIssue(file: file, line: lineNumber, field: violation.field, message: $0) }
            }
            return
        }
        guard let kind, let day = document["on"]?.stringValue.flatMap({ Day($0) }), let payload = document["payload"] else { return }
        do {
            rows.append(Row(line: lineNumber, fact: DatedFact(try Fact(kind: kind, payload: FactPayload(json: payload)), on: day)))
        } catch {
            // A field whose cell is already listed as unreadable is not listed twice.
            if !reported.contains(error.field) {
                issues.append(ImportIssue(file: file, line: lineNumber, field: "payload.\(error.field)", message: error.message))
            }
        }
    }

    /// The schema's complaint about a payload field the kind does not carry (`name must be one
    /// of …`, from the kind's condition in `events.schema.json`) said with the kind and its
    /// fields; nil for a name no fact has, which the payload's own schema already refuses.
    private static func readable(_ issue: ImportIssue, kind: Fact.Kind?) -> String? {
        guard let kind, issue.message.hasPrefix("name must be one of") else { return issue.message }
        guard FactPayload.Field(rawValue: issue.field) != nil else { return nil }
        let fields = kind.fields
        let carried = (fields.required + fields.optional).map(\.rawValue).joined(separator: ", ")
        return "is not a field of \(kind.rawValue), whose fields are \(carried)"
    }

    /// The byte range of each line, without its newline.
    private static func lineRanges(of data: Data) -> [Range<Data.Index>] {
        var ranges: [Range<Data.Index>] = []
        var start = data.startIndex
        data.withUnsafeBytes { bytes in
            for (offset, byte) in bytes.enumerated() where byte == UInt8(ascii: "\n") {
                let end = data.startIndex + offset
                ranges.append(start..<end)
                start = end + 1
            }
        }
        if start < data.endIndex { ranges.append(start..<data.endIndex) }
        return ranges
    }
}
