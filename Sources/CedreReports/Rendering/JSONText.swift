import CedreCore
import Foundation

/// JSON as every report and command writes it: pretty, keys sorted, slashes unescaped, a
/// final newline, so outputs diff well and validate against `Schemas/json/*.schema.json`.
///
/// JSON's escaping layer: the encoder escapes C0 controls; DEL, the C1 controls, U+2028,
/// U+2029 and the bidirectional controls are escaped too (`\u009B`), so a string printed to
/// a terminal or pasted into a script cannot steer either.
public enum JSONText {
    /// `value` as stable JSON text.
    public static func write(_ value: some Encodable) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        let text = String(decoding: try encoder.encode(value), as: UTF8.self)
        guard text.unicodeScalars.contains(where: { $0.value >= 0x7F && $0.isControlOrLineBreak }) else { return text + "\n" }
        var escaped = ""
        for scalar in text.unicodeScalars {
            if scalar.value >= 0x7F && scalar.isControlOrLineBreak {
                escaped += "\\u" + scalar.value.zeroPadded(to: 4, radix: 16)
            } else {
                escaped.unicodeScalars.append(scalar)
            }
        }
        return escaped + "\n"
    }
}
