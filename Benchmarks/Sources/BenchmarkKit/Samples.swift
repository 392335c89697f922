import Foundation

/// Repeated measurements of one piece of work, in seconds.
public struct Samples: Sendable {
    public private(set) var seconds: [Double] = []

    public init(_ seconds: [Double] = []) {
        self.seconds = seconds
    }

    public mutating func append(_ value: Double) {
        seconds.append(value)
    }

    /// The median: the machine is shared and noisy, so one slow run does not move it.
    public var median: Double {
        let sorted = seconds.sorted()
        guard !sorted.isEmpty else { return .nan }
        let middle = sorted.count / 2
        return sorted.count % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2
    }

    public var minimum: Double { seconds.min() ?? .nan }
    public var maximum: Double { seconds.max() ?? .nan }

    /// Times `cedre` and `raw` in turns, `runs` times each, the one that goes first changing
    /// each round: the machine's speed drifts over minutes (other tenants, the page cache), so
    /// a ratio compares runs made under the same conditions, not one block of runs against a
    /// block made minutes later. Each closure returns the seconds of the work it timed, so it
    /// can prepare and clean up outside them.
    public static func inTurns(
        runs: Int, cedre: () throws -> Double, raw: () throws -> Double
    ) rethrows -> (cedre: Samples, raw: Samples) {
        var samples = (cedre: Samples(), raw: Samples())
        for round in 0..<runs {
            if round.isMultiple(of: 2) {
                samples.raw.append(try raw())
                samples.cedre.append(try cedre())
            } else {
                samples.cedre.append(try cedre())
                samples.raw.append(try raw())
            }
        }
        return samples
    }
}

/// Wall-clock time of a piece of work.
public enum Stopwatch {
    /// Seconds `work` took, on the monotonic clock.
    public static func time(_ work: () throws -> Void) rethrows -> Double {
        let start = ContinuousClock.now
        try work()
        return seconds(ContinuousClock.now - start)
    }

    /// A duration in seconds.
    public static func seconds(_ duration: Duration) -> Double {
        Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
    }
}
