import CedreCore
import Foundation

/// Reads a JSON Lines file of facts (`{"kind", "on", "payload"}` per line), checking every
/// line against `Schemas/json/events.schema.json` and the fact vocabulary before any write.
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
        let results = ChunkResults(count: chunks.count)
        DispatchQueue.concurrentPerform(iterations: chunks.count) { index in
            var rows: [Row] = []
            var issues: [ImportIssue] = []
            for lineIndex in chunks[index] {
                read(data[lines[lineIndex]], line: lineIndex + 1, into: &rows, issues: &issues)
            }
            results.set(index, rows: rows, issues: issues)
        }
        let (rows, issues) = results.merged()
        guard issues.isEmpty else { return .failure(ImportFailure(issues: issues)) }
        return .success(rows)
    }

    private func read(_ bytes: Data, line lineNumber: Int, into rows: inout [Row], issues: inout [ImportIssue]) {
        if bytes.allSatisfy({ $0 == 0x20 || $0 == 0x09 || $0 == 0x0d }) { return }
        let document: JSONValue
        do {
            document = try JSONParser.parse(bytes)
        } catch {
            issues.append(ImportIssue(file: file, line: lineNumber, field: error.field, message: error.message))
            return
        }
        let violations = SchemaCheck.violations(of: document, against: "events", file: file)
        guard violations.isEmpty else {
            issues += violations.map { ImportIssue(file: file, line: lineNumber, field: $0.field, message: $0.message) }
            return
        }
        guard let kind = document["kind"]?.stringValue.flatMap(Fact.Kind.init(rawValue:)),
            let day = document["on"]?.stringValue.flatMap({ Day($0) }), let payload = document["payload"]
        else { return }
        do {
            rows.append(Row(line: lineNumber, fact: DatedFact(try Fact(kind: kind, payload: FactPayload(json: payload)), on: day)))
        } catch {
            issues.append(ImportIssue(file: file, line: lineNumber, field: "payload.\(error.field)", message: error.message))
        }
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

/// The rows and issues of each chunk, filled from several threads, merged in order.
private final class ChunkResults: @unchecked Sendable {
    private let lock = NSLock()
    private var rows: [[FactImport.Row]]
    private var issues: [[ImportIssue]]

    init(count: Int) {
        rows = Array(repeating: [], count: count)
        issues = Array(repeating: [], count: count)
    }

    func set(_ index: Int, rows chunk: [FactImport.Row], issues problems: [ImportIssue]) {
        lock.lock()
        rows[index] = chunk
        issues[index] = problems
        lock.unlock()
    }

    func merged() -> ([FactImport.Row], [ImportIssue]) {
        lock.lock()
        defer { lock.unlock() }
        return (rows.flatMap { $0 }, issues.flatMap { $0 })
    }
}
