import Foundation

/// The benchmark table: each line a piece of work, cedre's median next to raw sqlite3's on the
/// same data in the same run, their ratio, and the DESIGN §9 target it is checked against.
public struct ResultTable {
    /// One measured piece of work.
    public struct Line: Sendable {
        public let work: String
        public let size: String
        public let cedre: Samples
        /// Raw sqlite3's times, when the work has a raw equivalent.
        public let raw: Samples?
        /// The DESIGN §9 target, as the table prints it.
        public let target: String
        /// Whether the target is met.
        public let met: Bool
        /// Anything else measured: throughput, peak memory, counts.
        public let note: String

        public init(work: String, size: String, cedre: Samples, raw: Samples?, target: String, met: Bool, note: String = "") {
            self.work = work
            self.size = size
            self.cedre = cedre
            self.raw = raw
            self.target = target
            self.met = met
            self.note = note
        }

        /// cedre's median over raw sqlite3's.
        public var ratio: Double? { raw.map { cedre.median / $0.median } }
    }

    public private(set) var lines: [Line] = []

    public init() {}

    /// Adds a line and prints it at once, so a long run shows its figures as they come, with
    /// every run's time in the order they ran: the spread a median hides.
    public mutating func add(_ line: Line) {
        lines.append(line)
        ResultTable.say(ResultTable.row(line))
        let raw = line.raw.map { "; raw " + ResultTable.list($0) } ?? ""
        ResultTable.say("  runs: cedre \(ResultTable.list(line.cedre))\(raw)")
    }

    /// `582.2, 601.0, 892.8 ms`: each run in the unit of the slowest.
    static func list(_ samples: Samples) -> String {
        let inSeconds = samples.maximum >= 1
        let values = samples.seconds.map { String(format: inSeconds ? "%.2f" : "%.1f", inSeconds ? $0 : $0 * 1000) }
        return values.joined(separator: ", ") + (inSeconds ? " s" : " ms")
    }

    /// Prints a line now, even when standard output is a file.
    public static func say(_ text: String) {
        print(text)
        fflush(nil)
    }

    /// The whole table in Markdown, as docs/performance.md shows it.
    public var markdown: String {
        ([ResultTable.header, ResultTable.rule] + lines.map(ResultTable.row)).joined(separator: "\n")
    }

    static let header = "| work | size | cedre median (runs) | raw sqlite3 median | ratio | target | met | notes |"
    static let rule = "|---|---|---|---|---|---|---|---|"

    static func row(_ line: Line) -> String {
        let cedre = "\(format(line.cedre.median)) (\(line.cedre.seconds.count))"
        let raw = line.raw.map { format($0.median) } ?? "—"
        let ratio = line.ratio.map { String(format: "%.2f×", $0) } ?? "—"
        return "| \(line.work) | \(line.size) | \(cedre) | \(raw) | \(ratio) | \(line.target) | \(line.met ? "yes" : "**no**") | \(line.note) |"
    }

    /// `12.3 ms`, `4.56 s`.
    public static func format(_ seconds: Double) -> String {
        seconds < 1 ? String(format: "%.1f ms", seconds * 1000) : String(format: "%.2f s", seconds)
    }
}
