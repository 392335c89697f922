import Foundation

/// A deterministic random number generator (SplitMix64): the same seed gives the same draws
/// on every machine, so a sample or a plan can be replayed from the seed in the log.
///
/// The domain never draws from the system's randomness; callers pass a seed.
public struct SeededGenerator: RandomNumberGenerator, Sendable {
    private var state: UInt64

    public init(seed: UInt64) {
        state = seed
    }

    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// A uniform integer in `0..<upperBound`, without modulo bias.
    public mutating func index(below upperBound: Int) -> Int {
        precondition(upperBound > 0, "an empty range has no index to draw")
        let bound = UInt64(upperBound)
        let threshold = (0 &- bound) % bound
        while true {
            let value = next()
            if value >= threshold { return Int(value % bound) }
        }
    }

    /// The elements in an order drawn from this generator (Fisher–Yates).
    public mutating func shuffled<Element>(_ elements: [Element]) -> [Element] {
        var result = elements
        var index = result.count
        while index > 1 {
            let other = self.index(below: index)
            index -= 1
            result.swapAt(index, other)
        }
        return result
    }
}
