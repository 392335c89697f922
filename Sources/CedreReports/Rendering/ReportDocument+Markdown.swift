import Foundation

extension ReportDocument {
    /// The document as GitHub-flavoured Markdown, to paste in a wiki, a mail or a board paper.
    /// Charts are left out (their numbers are in tables).
    public func markdown() -> String {
        var parts = ["# \(ReportDocument.escapeMarkdown(title))"]
        for block in renderedBlocks {
            switch block {
            case .heading(let text):
                parts.append("## \(ReportDocument.escapeMarkdown(text))")
            case .subheading(let text):
                parts.append("### \(ReportDocument.escapeMarkdown(text))")
            case .paragraph(let text):
                parts.append(ReportDocument.escapeMarkdown(text))
            case .figures(let figures):
                parts.append(figures.map { "- **\(ReportDocument.escapeMarkdown($0.value))** \(ReportDocument.escapeMarkdown($0.label))" }
                    .joined(separator: "\n"))
            case .table(let table):
                parts.append(String(table.markdown().dropLast()))
            case .list(let items):
                parts.append(items.map { item in
                    let note = item.note.map { " — *\(ReportDocument.escapeMarkdown($0))*" } ?? ""
                    return (item.isNested ? "  - " : "- ") + ReportDocument.escapeMarkdown(item.text) + note
                }.joined(separator: "\n"))
            case .chart:
                continue
            }
        }
        return parts.joined(separator: "\n\n") + "\n"
    }

    /// Text with Markdown's active characters escaped, so a member's name prints as written.
    static func escapeMarkdown(_ text: String) -> String {
        var escaped = ""
        for character in text {
            if "\\`*_[]<>|#".contains(character) { escaped.append("\\") }
            escaped.append(character)
        }
        return escaped
    }
}
