import Foundation

extension ReportDocument {
    /// The marks of list categories: distinct shapes, so a category reads without colour.
    static let categoryMarks = ["●", "■", "▲", "◆", "★"]

    /// One self-contained HTML file: inline CSS sized for A4, inline SVG charts, no script, no
    /// font, no image and no address outside the file, readable when printed in black and white.
    public func html() -> String {
        let words = Vocabulary(language)
        var body: [String] = ["<h1>\(ReportDocument.escapeHTML(title))</h1>"]
        var chartCount = 0
        for block in renderedBlocks {
            switch block {
            case .heading(let text):
                body.append("<h2>\(ReportDocument.escapeHTML(text))</h2>")
            case .subheading(let text):
                body.append("<h3>\(ReportDocument.escapeHTML(text))</h3>")
            case .paragraph(let text):
                body.append("<p>\(ReportDocument.escapeHTML(text))</p>")
            case .figures(let figures):
                let cells = figures.map { figure in
                    "<div class=\"figure\"><span class=\"value\">\(ReportDocument.escapeHTML(figure.value))</span> "
                        + "<span class=\"label\">\(ReportDocument.escapeHTML(figure.label))</span></div>"
                }
                body.append("<div class=\"figures\">\n" + cells.joined(separator: "\n") + "\n</div>")
            case .table(let table):
                body.append(ReportDocument.html(table))
            case .list(let items):
                body.append(ReportDocument.html(items))
            case .chart(let chart):
                body.append(chart.svgFigure(id: "chart\(chartCount)"))
                chartCount += 1
            }
        }
        body.append("<footer>\(ReportDocument.escapeHTML(words.label(.generatedBy)))</footer>")
        return """
            <!DOCTYPE html>
            <html lang="\(language.rawValue)">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>\(ReportDocument.escapeHTML(title))</title>
            <style>
            \(ReportDocument.styleSheet)
            </style>
            </head>
            <body>
            <main>
            \(body.joined(separator: "\n"))
            </main>
            </body>
            </html>

            """
    }

    private static func html(_ table: Table) -> String {
        // Short cells without spaces (ids, dates, codes) never break across lines.
        let compact = table.columns.indices.map { index in
            table.rows.allSatisfy { row in
                let cell = row.indices.contains(index) ? row[index] : ""
                return cell.count <= 12 && !cell.contains(" ")
            }
        }
        func cellClass(_ index: Int) -> String {
            if table.alignments.indices.contains(index) && table.alignments[index] == .right { return " class=\"number\"" }
            return compact[index] ? " class=\"compact\"" : ""
        }
        let header = table.columns.indices.map { "<th\(cellClass($0))>\(escapeHTML(table.columns[$0]))</th>" }.joined()
        let rows = table.rows.indices.map { rowIndex in
            let row = table.rows[rowIndex]
            let cells = row.indices.map { "<td\(cellClass($0))>\(escapeHTML(row[$0]))</td>" }.joined()
            return table.highlightedRows.contains(rowIndex) ? "<tr class=\"highlight\">\(cells)</tr>" : "<tr>\(cells)</tr>"
        }
        let isCounts = table.alignments.count > 1 && table.alignments.dropFirst().allSatisfy { $0 == .right }
        return (isCounts ? "<table class=\"counts\">" : "<table>") + "\n<thead><tr>\(header)</tr></thead>\n<tbody>\n" + rows.joined(separator: "\n") + "\n</tbody>\n</table>"
    }

    private static func html(_ items: [ListItem]) -> String {
        let lines = items.map { item in
            var classes = item.isNested ? ["nested"] : []
            var mark = ""
            if let category = item.category {
                classes.append("category-\(category % categoryMarks.count)")
                mark = "<span class=\"mark\" aria-hidden=\"true\">\(categoryMarks[category % categoryMarks.count])</span> "
            }
            let note = item.note.map { " <span class=\"note\">\(escapeHTML($0))</span>" } ?? ""
            let attribute = classes.isEmpty ? "" : " class=\"\(classes.joined(separator: " "))\""
            return "<li\(attribute)>\(mark)\(escapeHTML(item.text))\(note)</li>"
        }
        return "<ul class=\"entries\">\n" + lines.joined(separator: "\n") + "\n</ul>"
    }

    /// Text safe inside HTML elements and attribute values.
    static func escapeHTML(_ text: String) -> String {
        var escaped = ""
        for character in text {
            switch character {
            case "&": escaped += "&amp;"
            case "<": escaped += "&lt;"
            case ">": escaped += "&gt;"
            case "\"": escaped += "&quot;"
            case "'": escaped += "&#39;"
            default: escaped.append(character)
            }
        }
        return escaped
    }

    /// A4 pages, system fonts only, and marks that do not depend on colour.
    static let styleSheet = """
        @page { size: A4; margin: 15mm 14mm; }
        :root { color: #1a1a1a; background: #ffffff; }
        body { margin: 0; font-family: system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif; font-size: 10.5pt; line-height: 1.4; }
        main { max-width: 182mm; margin: 0 auto; padding: 8mm 4mm; }
        h1 { font-size: 17pt; margin: 0 0 4mm; }
        h2 { font-size: 13pt; margin: 7mm 0 2mm; padding-bottom: 1mm; border-bottom: 1.5px solid #333333; break-after: avoid; }
        h3 { font-size: 11pt; margin: 4mm 0 1mm; break-after: avoid; }
        p { margin: 2mm 0; }
        .figures { display: flex; flex-wrap: wrap; gap: 3mm; margin: 3mm 0; }
        .figure { border: 1px solid #555555; border-radius: 1.5mm; padding: 2mm 3mm; min-width: 26mm; break-inside: avoid; }
        .figure .value { display: block; font-size: 16pt; font-weight: 700; font-variant-numeric: tabular-nums; }
        .figure .label { font-size: 9pt; }
        table { border-collapse: collapse; width: 100%; margin: 2mm 0; font-size: 9pt; }
        thead { display: table-header-group; }
        th, td { padding: 0.8mm 1.5mm; text-align: left; vertical-align: top; border-bottom: 0.5px solid #aaaaaa; }
        th { border-bottom: 1.5px solid #222222; font-weight: 700; }
        .counts td:first-child, .counts th:first-child, td.compact { white-space: nowrap; }
        .number { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
        tr, li { break-inside: avoid; }
        tr.highlight td { color: #a4001c; font-weight: 700; }
        tr.highlight td:first-child::before { content: "! "; }
        ul.entries { list-style: none; margin: 1mm 0; padding-left: 0; }
        ul.entries li { padding: 0.3mm 0; }
        ul.entries li.nested { padding-left: 6mm; }
        .mark { display: inline-block; width: 4mm; }
        .category-0 .mark { color: #1b6e3c; }
        .category-1 .mark { color: #1f4e8c; }
        .category-2 .mark { color: #b35900; }
        .category-3 .mark { color: #7a1f6e; }
        .category-4 .mark { color: #444444; }
        .note { color: #444444; font-style: italic; font-size: 9pt; }
        figure.chart { margin: 3mm 0 4mm; break-inside: avoid; }
        figure.chart figcaption { font-weight: 700; margin-bottom: 1mm; }
        figure.chart svg { display: block; width: 100%; height: auto; }
        footer { margin-top: 8mm; padding-top: 1mm; border-top: 0.5px solid #aaaaaa; font-size: 8pt; color: #555555; }
        @media print {
          main { max-width: none; padding: 0; }
          h2 { break-before: auto; }
        }
        """
}
