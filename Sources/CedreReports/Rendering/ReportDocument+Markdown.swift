import Foundation

extension ReportDocument {
    /// The document as GitHub-flavoured Markdown, to paste in a wiki, a mail or a board paper.
    /// Charts are left out (their numbers are in tables).
    public func markdown() -> String {
        var parts = ["# \(MarkdownText.escape(title))"]
        for block in renderedBlocks {
            switch block {
            case .heading(let text):
                parts.append("## \(MarkdownText.escape(text))")
            case .subheading(let text):
                parts.append("### \(MarkdownText.escape(text))")
            case .paragraph(let text):
                parts.append(MarkdownText.escape(text))
            case .figures(let figures):
                parts.append(figures.map { "- **\(MarkdownText.escape($0.value))** \(MarkdownText.escape($0.label))" }
                    .joined(separator: "\n"))
            case .table(let table):
                parts.append(String(table.markdown().dropLast()))
            case .list(let items):
                parts.append(items.map { item in
                    let note = item.note.map { " — *\(MarkdownText.escape($0))*" } ?? ""
                    return (item.isNested ? "  - " : "- ") + MarkdownText.escape(item.text) + note
                }.joined(separator: "\n"))
            case .chart:
                continue
            }
        }
        return parts.joined(separator: "\n\n") + "\n"
    }
}
