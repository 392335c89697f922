import Foundation

/// Horizontal stacked bars: one bar per category (a region, a year), one segment per series
/// (a state, a kind of certification).
public struct BarChart: Equatable, Sendable {
    /// One bar and its segments, in series order.
    public struct Bar: Equatable, Sendable {
        /// The category, written left of the bar.
        public let label: String
        /// One value per series.
        public let values: [Int]

        /// A bar of `label`.
        public init(label: String, values: [Int]) {
            self.label = label
            self.values = values
        }

        /// The bar's length.
        public var total: Int { values.reduce(0, +) }
    }

    /// The caption.
    public let title: String
    /// The legend: one name per segment.
    public let series: [String]
    /// The bars, top to bottom.
    public let bars: [Bar]

    /// A chart of `bars`, one segment per series.
    public init(title: String, series: [String], bars: [Bar]) {
        self.title = title
        self.series = series
        self.bars = bars
    }

    /// The same chart without the series that are zero everywhere, so the legend only names what is drawn.
    public func droppingEmptySeries() -> BarChart {
        let kept = series.indices.filter { index in bars.contains { $0.values.indices.contains(index) && $0.values[index] > 0 } }
        return BarChart(
            title: title, series: kept.map { series[$0] },
            bars: bars.map { bar in Bar(label: bar.label, values: kept.map { bar.values.indices.contains($0) ? bar.values[$0] : 0 }) })
    }
}
