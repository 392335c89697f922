import Foundation

/// JSON as every report writes it: pretty, keys sorted, slashes unescaped, a final newline,
/// so outputs diff well and validate against `Schemas/json/report-*.schema.json`.
public enum JSONText {
    /// `value` as stable JSON text.
    public static func write(_ value: some Encodable) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(value), as: UTF8.self) + "\n"
    }
}
