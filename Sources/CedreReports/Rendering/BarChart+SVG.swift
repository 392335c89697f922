import Foundation

extension BarChart {
    /// Fills of the series: a light colour under a dark pattern (solid, diagonal, dots,
    /// cross-hatch, horizontal, empty, vertical), so segments stay apart on a black-and-white print.
    private static let fills: [(background: String, ink: String, shape: String)] = [
        ("#2f5f8f", "#2f5f8f", "solid"),
        ("#a9cbe8", "#1d3f5e", "diagonal"),
        ("#f3d27a", "#5c4300", "dots"),
        ("#dddddd", "#333333", "crosshatch"),
        ("#f2b0a8", "#7a1f1f", "horizontal"),
        ("#ffffff", "#333333", "empty"),
        ("#c6e3c0", "#1f5a2a", "vertical"),
    ]

    private static let width = 680.0
    private static let rowHeight = 18.0
    private static let barHeight = 12.0
    private static let legendRowHeight = 18.0
    private static let characterWidth = 6.8

    /// The chart as an HTML `<figure>` holding an inline `<svg>`: a caption, a legend with
    /// the patterns, one labelled bar per category with its total, and a tooltip per segment.
    /// `id` prefixes the pattern ids so several charts live in one page.
    func svgFigure(id: String) -> String {
        let chart = droppingEmptySeries()
        let labelWidth = min(220, max(60, Double(chart.bars.map(\.label.count).max() ?? 0) * BarChart.characterWidth + 10))
        let barStart = labelWidth + 6
        let barArea = BarChart.width - barStart - 48
        let maximum = max(1, chart.bars.map(\.total).max() ?? 1)
        let scale = barArea / Double(maximum)

        var legend: [String] = []
        var x = 0.0
        var y = 0.0
        for (index, name) in chart.series.enumerated() {
            let itemWidth = 14 + 6 + Double(name.count) * BarChart.characterWidth + 16
            if x > 0, x + itemWidth > BarChart.width {
                x = 0
                y += BarChart.legendRowHeight
            }
            legend.append(
                "<rect x=\"\(BarChart.format(x))\" y=\"\(BarChart.format(y + 2))\" width=\"14\" height=\"12\" fill=\"url(#\(id)-s\(index))\" stroke=\"#222222\" stroke-width=\"0.6\"/>"
                    + "<text x=\"\(BarChart.format(x + 20))\" y=\"\(BarChart.format(y + 12))\">\(ReportDocument.escapeHTML(name))</text>")
            x += itemWidth
        }
        let top = y + BarChart.legendRowHeight + 8
        var rows: [String] = []
        for (row, bar) in chart.bars.enumerated() {
            let rowTop = top + Double(row) * BarChart.rowHeight
            let baseline = rowTop + BarChart.barHeight - 2
            rows.append("<text x=\"\(BarChart.format(labelWidth))\" y=\"\(BarChart.format(baseline))\" text-anchor=\"end\">\(ReportDocument.escapeHTML(bar.label))</text>")
            var start = barStart
            for (index, value) in bar.values.enumerated() where value > 0 {
                let length = Double(value) * scale
                rows.append(
                    "<rect x=\"\(BarChart.format(start))\" y=\"\(BarChart.format(rowTop))\" width=\"\(BarChart.format(length))\" height=\"\(BarChart.format(BarChart.barHeight))\" fill=\"url(#\(id)-s\(index))\" stroke=\"#222222\" stroke-width=\"0.6\">"
                        + "<title>\(ReportDocument.escapeHTML("\(bar.label) · \(chart.series[index]) : \(value)"))</title></rect>")
                start += length
            }
            rows.append("<text x=\"\(BarChart.format(start + 4))\" y=\"\(BarChart.format(baseline))\">\(bar.total)</text>")
        }
        let height = top + Double(chart.bars.count) * BarChart.rowHeight + 4
        let patterns = chart.series.indices.map { BarChart.pattern(id: "\(id)-s\($0)", fill: BarChart.fills[$0 % BarChart.fills.count]) }
        return """
            <figure class="chart">
            <figcaption>\(ReportDocument.escapeHTML(chart.title))</figcaption>
            <svg viewBox="0 0 \(BarChart.format(BarChart.width)) \(BarChart.format(height))" width="\(BarChart.format(BarChart.width))" height="\(BarChart.format(height))" role="img" aria-label="\(ReportDocument.escapeHTML(chart.title))" font-family="system-ui, sans-serif" font-size="11" fill="#1a1a1a">
            <defs>
            \(patterns.joined(separator: "\n"))
            </defs>
            \(legend.joined(separator: "\n"))
            \(rows.joined(separator: "\n"))
            </svg>
            </figure>
            """
    }

    private static func pattern(id: String, fill: (background: String, ink: String, shape: String)) -> String {
        let open = "<pattern id=\"\(id)\" width=\"6\" height=\"6\" patternUnits=\"userSpaceOnUse\">"
        let ground = "<rect width=\"6\" height=\"6\" fill=\"\(fill.background)\"/>"
        let ink = "stroke=\"\(fill.ink)\""
        let marks: String
        switch fill.shape {
        case "diagonal": marks = "<path d=\"M-1,1 l2,-2 M0,6 l6,-6 M5,7 l2,-2\" \(ink) stroke-width=\"1.2\"/>"
        case "dots": marks = "<circle cx=\"3\" cy=\"3\" r=\"1.2\" fill=\"\(fill.ink)\"/>"
        case "crosshatch": marks = "<path d=\"M0,0 L6,6 M6,0 L0,6\" \(ink) stroke-width=\"0.8\"/>"
        case "horizontal": marks = "<path d=\"M0,3 L6,3\" \(ink) stroke-width=\"1.2\"/>"
        case "vertical": marks = "<path d=\"M3,0 L3,6\" \(ink) stroke-width=\"1.2\"/>"
        default: marks = ""
        }
        return open + ground + marks + "</pattern>"
    }

    private static func format(_ value: Double) -> String {
        let rounded = (value * 10).rounded() / 10
        return rounded == rounded.rounded() ? String(Int(rounded)) : String(format: "%.1f", rounded)
    }
}
