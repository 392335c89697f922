import CedreCore
import Foundation

/// One problem of an import file, named by file, line and field.
public struct ImportIssue: Equatable, Sendable, CustomStringConvertible {
    public let file: String
    public let line: Int
    /// The field (column or JSON member), or empty when the problem is the whole line.
    public let field: String
    public let message: String

    public init(file: String, line: Int, field: String, message: String) {
        self.file = file
        self.line = line
        self.field = field
        self.message = message
    }

    /// `members.csv:4: departement: '100' is not a département code …`
    public var description: String {
        field.isEmpty ? "\(file):\(line): \(message)" : "\(file):\(line): \(field): \(message)"
    }
}

extension JSONParseError {
    /// The key a duplicate-key error names, or `(json)` for a syntax error of the line.
    var field: String {
        guard let start = message.range(of: "duplicate key \""),
            let end = message[start.upperBound...].firstIndex(of: "\"")
        else { return "(json)" }
        return String(message[start.upperBound..<end])
    }
}

/// An import refused as a whole: nothing was written.
public struct ImportFailure: Error, Equatable, Sendable, CustomStringConvertible {
    public let issues: [ImportIssue]

    public init(issues: [ImportIssue]) {
        self.issues = issues
    }

    /// The most problems listed before the rest are counted.
    static let listed = 50

    public var description: String {
        let file = issues.first?.file ?? "the file"
        let count = issues.count
        var lines = ["\(file) has \(count) problem\(count == 1 ? "" : "s"); nothing was imported. Fix them and import again:"]
        lines += issues.prefix(ImportFailure.listed).map { "  \($0)" }
        if count > ImportFailure.listed { lines.append("  … and \(count - ImportFailure.listed) more") }
        return lines.joined(separator: "\n")
    }
}
