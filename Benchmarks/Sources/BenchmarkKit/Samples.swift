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

    /// Runs `work` `runs` times, timing each run alone.
    public static func measure(runs: Int, _ work: () throws -> Void) rethrows -> Samples {
        var samples = Samples()
        for _ in 0..<runs {
            samples.append(try Stopwatch.time(work))
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
