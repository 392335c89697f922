import CedreReports
import Foundation

/// Writing a command's answer to standard output.
enum Output {
    private static let encoder: JSONEncoder = {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return encoder
    }()

    /// Pretty, key-sorted JSON: stable output that diffs well and validates against Schemas/.
    static func json(_ value: some Encodable) throws -> String {
        String(decoding: try encoder.encode(value), as: UTF8.self) + "\n"
    }

    /// A table in the chosen format (JSON callers encode their own outcome instead).
    static func render(_ table: Table, as format: OutputFormat) -> String {
        switch format {
        case .table, .json: table.text()
        case .markdown: table.markdown()
        case .csv: table.csv()
        }
    }

    /// Prints without adding a newline.
    static func write(_ text: String) {
        FileHandle.standardOutput.write(Data(text.utf8))
    }
}
