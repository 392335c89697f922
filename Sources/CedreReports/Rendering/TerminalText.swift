import CedreCore
import Foundation

/// The terminal's escaping layer: data shown on a terminal (a cell, a name, an id echoed in
/// an error) never carries a character that steers the terminal. Each control character,
/// line break or bidirectional control is written as a visible escape instead: `\n`, `\r`,
/// `\t`, and `\u{1B}` for the others, so ESC, CSI, U+2028 and U+202E all show as text.
public enum TerminalText {
    /// `text` with every control character and line break written as a visible escape.
    public static func escape(_ text: String) -> String {
        guard text.firstControlOrLineBreak != nil else { return text }
        var escaped = ""
        for scalar in text.unicodeScalars {
            escaped += visible(scalar)
        }
        return escaped
    }

    /// A message of several lines (an import's problems, a usage screen): each line escaped,
    /// the line feeds between them kept.
    public static func escapeLines(_ text: String) -> String {
        text.split(separator: "\n", omittingEmptySubsequences: false).map { escape(String($0)) }.joined(separator: "\n")
    }

    /// The scalar itself when it shows as a glyph, its escape otherwise.
    static func visible(_ scalar: Unicode.Scalar) -> String {
        guard scalar.isControlOrLineBreak else { return String(scalar) }
        switch scalar {
        case "\n": return "\\n"
        case "\r": return "\\r"
        case "\t": return "\\t"
        default: return "\\u{" + String(scalar.value, radix: 16, uppercase: true) + "}"
        }
    }
}
