import Foundation

/// How far long work has got, on one line of standard error that rewrites itself.
///
/// Shown only when standard error is a terminal: under cron or in a pipe nothing is written,
/// so mailed output stays clean. Redrawn at most ten times a second, whatever the rate of
/// `update`; `finish()` writes the final count and ends the line.
final class Progress {
    private let label: String
    private let unit: String
    private var total: Int?
    private let isShown: Bool
    private let started = ContinuousClock.now
    private var lastDrawn: ContinuousClock.Instant?
    private var done = 0

    /// A progress line `label: done / total unit (percent)`; `total` nil when unknown.
    init(_ label: String, total: Int?, unit: String, isShown: Bool = RunContext.current.drawsProgress) {
        self.label = label
        self.total = total
        self.unit = unit
        self.isShown = isShown
    }

    /// Records that `done` units are finished, redrawing the line if it is time to.
    func update(_ done: Int, total: Int? = nil) {
        self.done = done
        if let total { self.total = total }
        guard isShown else { return }
        let now = ContinuousClock.now
        if let lastDrawn, now - lastDrawn < .milliseconds(100) { return }
        lastDrawn = now
        draw(ending: "")
    }

    /// Writes the final count with the time taken, and ends the line.
    func finish() {
        guard isShown else { return }
        let elapsed = ContinuousClock.now - started
        let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
        draw(ending: String(format: ", %.1f s\n", seconds))
    }

    private func draw(ending: String) {
        var text = "\r\(label): \(Progress.grouped(done))"
        if let total, total > 0 {
            text += " / \(Progress.grouped(total)) \(unit) (\(min(100, done * 100 / total)) %)"
        } else {
            text += " \(unit)"
        }
        Output.standardError.write(text + "\u{1B}[K" + ending)
    }

    /// `1,000,000`: thousands separated as English readers expect.
    static func grouped(_ number: Int) -> String {
        let digits = String(number.magnitude)
        var result = ""
        for (index, digit) in digits.enumerated() {
            if index > 0, (digits.count - index) % 3 == 0 { result.append(",") }
            result.append(digit)
        }
        return number < 0 ? "-" + result : result
    }
}
