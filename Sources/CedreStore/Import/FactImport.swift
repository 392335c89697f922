import CedreCore
import Foundation

/// Reads a JSON Lines file of facts (`{"kind", "on", "payload"}` per line), checking every
/// line against `Schemas/json/events.schema.json` and the fact vocabulary before any write.
public struct FactImport {
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
    public func read(_ data: Data) -> Result<[Row], ImportFailure> {
        var rows: [Row] = []
        var issues: [ImportIssue] = []
        var lineNumber = 0
        for line in data.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false) {
            lineNumber += 1
            let bytes = Data(line)
            if bytes.allSatisfy({ $0 == 0x20 || $0 == 0x09 || $0 == 0x0d }) { continue }
            let document: JSONValue
            do {
                document = try JSONParser.parse(bytes)
            } catch {
                issues.append(ImportIssue(file: file, line: lineNumber, field: "", message: error.message))
                continue
            }
            let violations = SchemaCheck.violations(of: document, against: "events", file: file)
            guard violations.isEmpty else {
                issues += violations.map { ImportIssue(file: file, line: lineNumber, field: $0.field, message: $0.message) }
                continue
            }
            guard let kind = document["kind"]?.stringValue.flatMap(Fact.Kind.init(rawValue:)),
                let day = document["on"]?.stringValue.flatMap({ Day($0) }), let payload = document["payload"]
            else { continue }
            do {
                rows.append(Row(line: lineNumber, fact: DatedFact(try Fact(kind: kind, payload: FactPayload(json: payload)), on: day)))
            } catch {
                issues.append(ImportIssue(file: file, line: lineNumber, field: "payload.\(error.field)", message: error.message))
            }
        }
        guard issues.isEmpty else { return .failure(ImportFailure(issues: issues)) }
        return .success(rows)
    }
}
