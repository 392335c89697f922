import CedreCore
import Foundation

/// Markdown's escaping layer: data in a Markdown report renders as the text it is, never as
/// markup. HTML's `<`, `>` and `&` become entities (no tag or entity of the data survives
/// rendering); the punctuation that makes inline markup (`\` `` ` `` `*` `_` `[` `]` `|` `#`
/// `~`) is backslash-escaped everywhere, and the marks that open a block (`-` `+` `=`, `1. `)
/// at the start; line breaks are flattened to one space (a name cannot forge a table row or a
/// new block) and other control characters are shown as the terminal layer shows them.
public enum MarkdownText {
    /// Punctuation that makes inline markup wherever it stands.
    private static let inline: Set<Unicode.Scalar> = ["\\", "`", "*", "_", "[", "]", "|", "#", "~"]
    /// Punctuation that opens a block (list item, setext heading) at the start of a line.
    private static let blockOpening: Set<Unicode.Scalar> = ["-", "+", "="]

    /// `text` as inline Markdown that renders exactly as `text` reads, on one line.
    public static func escape(_ text: String) -> String {
        var escaped = ""
        var atStart = true
        var digitsAtStart = ""
        var previousWasBreak = false
        let scalars = Array(text.trimmingLeadingSpaces.unicodeScalars)
        for (index, scalar) in scalars.enumerated() {
            let isBreak = scalar == "\n" || scalar == "\r" || scalar == "\u{2028}" || scalar == "\u{2029}"
            defer { previousWasBreak = isBreak }
            if isBreak {
                if !previousWasBreak { escaped += " " }
                atStart = false
                continue
            }
            if atStart, scalar.properties.numericType == .decimal, scalar.isASCII {
                digitsAtStart.unicodeScalars.append(scalar)
                escaped.unicodeScalars.append(scalar)
                continue
            }
            // `12.` or `12)` opens an ordered list only when a space, a line break or the end follows it.
            let next = index + 1 < scalars.count ? scalars[index + 1] : " "
            let opensBlock = atStart && (digitsAtStart.isEmpty
                ? blockOpening.contains(scalar) : (scalar == "." || scalar == ")") && next.properties.isWhitespace)
            atStart = false
            switch scalar {
            case "<": escaped += "&lt;"
            case ">": escaped += "&gt;"
            case "&": escaped += "&amp;"
            case _ where scalar.isControlOrLineBreak:
                escaped += TerminalText.visible(scalar).replacingOccurrences(of: "\\", with: "\\\\")
            case _ where inline.contains(scalar) || opensBlock:
                escaped += "\\" + String(scalar)
            default:
                escaped.unicodeScalars.append(scalar)
            }
        }
        return escaped
    }
}

extension StringProtocol {
    /// The text without its leading spaces and tabs: four of them would open a code block.
    fileprivate var trimmingLeadingSpaces: SubSequence {
        self[(firstIndex { $0 != " " && $0 != "\t" } ?? endIndex)...]
    }
}
