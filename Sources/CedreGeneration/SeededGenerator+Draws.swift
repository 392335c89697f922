import CedreCore
import Foundation

extension SeededGenerator {
    /// A uniform number in `0..<1`, from the top 53 bits of one draw.
    mutating func unitInterval() -> Double {
        Double(next() >> 11) * 0x1.0p-53
    }

    /// Whether an event of probability `probability` happens on this draw.
    mutating func chance(_ probability: Double) -> Bool {
        unitInterval() < probability
    }

    /// A uniform whole number in `range`.
    mutating func integer(in range: ClosedRange<Int>) -> Int {
        range.lowerBound + index(below: range.count)
    }

    /// A uniform day in `first...last` (`first` when the range is empty).
    mutating func day(from first: Day, through last: Day) -> Day {
        guard last > first else { return first }
        return first.adding(days: index(below: first.days(to: last) + 1))
    }

    /// One of `choices`, drawn in proportion to its weight.
    mutating func weighted<Value>(_ choices: [(value: Value, weight: Int)]) -> Value {
        let total = choices.reduce(0) { $0 + $1.weight }
        var draw = index(below: total)
        for choice in choices {
            if draw < choice.weight { return choice.value }
            draw -= choice.weight
        }
        return choices[choices.count - 1].value
    }

    /// One element of a non-empty array, uniformly.
    mutating func element<Value>(of values: [Value]) -> Value {
        values[index(below: values.count)]
    }
}
