import CedreCore
import CedreJSON
import Foundation

/// One problem of an import file, named by file, line and field.
public struct ImportIssue: Equatable, Sendable, CustomStringConvertible {
    public let file: String
    public let line: Int
    /// The field (JSON member or column) as the schema names it, whatever the language of the
    /// header (an unknown column as the header writes it), or `(row)`, `(json)`, `(file)`,
    /// `(encoding)` when the problem is the whole line or file.
    public let field: String
    /// What is wrong with the field, for a problem of the file's shape or content (in English:
    /// the words of the file's schema); empty for a refusal by the rules.
    public let message: String
    /// The rules' refusal of the line's fact, which the command line words in the reader's language.
    public let refusal: StoreError?

    public init(file: String, line: Int, field: String, message: String) {
        self.file = file
        self.line = line
        self.field = field
        self.message = message
        self.refusal = nil
    }

    /// The issue of a line whose fact the rules refused.
    public init(file: String, line: Int, field: String, refusal: StoreError) {
        self.file = file
        self.line = line
        self.field = field
        self.message = ""
        self.refusal = refusal
    }

    /// `issues` by line, those of one line in the order they were found.
    static func inLineOrder(_ issues: [ImportIssue]) -> [ImportIssue] {
        issues.enumerated().sorted { ($0.element.line, $0.offset) < ($1.element.line, $1.offset) }.map(\.element)
    }

    /// `members.csv:4: departement: '100' is not a département code …`; a refusal by the rules
    /// is named by its case, the command line words it (see `located(_:)`).
    public var description: String {
        located(refusal.map { "\($0)" } ?? message)
    }

    /// `file:line: field: ` followed by `message`, the problem in the reader's words.
    public func located(_ message: String) -> String {
        "\(file):\(line): \(printedField): \(message)"
    }

    /// The field, quoted with JSON escapes when it is empty or holds a space, a colon, a quote
    /// or a control character: a mangled key or header cannot break the line's shape.
    private var printedField: String {
        let plain = !field.isEmpty && !field.unicodeScalars.contains { scalar in
            scalar.properties.isWhitespace || scalar.value < 0x20 || scalar == ":" || scalar == "\"" || scalar == "\\"
        }
        return plain ? field : JSONValue.quoted(field)
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
public struct ImportFailure: Error, Equatable, Sendable {
    public let issues: [ImportIssue]

    public init(issues: [ImportIssue]) {
        self.issues = issues
    }

    /// The most problems listed before the rest are counted.
    public static let listed = 50
}
