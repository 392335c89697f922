import CedreCore
import Foundation

/// Hands out audit and finding numbers the way the store does (`A-2013-0001`, at least four
/// digits, one series per year), so generated ids look like recorded ones and never collide.
struct IdentifierCounter {
    private var audits: [Int: Int] = [:]
    private var findings: [Int: Int] = [:]

    /// The next audit of the year of its scheduled day.
    mutating func audit(year: Int) -> AuditID {
        AuditID(rawValue: IdentifierCounter.next(&audits, prefix: "A", year: year))
    }

    /// The next finding of the year it is raised.
    mutating func finding(year: Int) -> FindingID {
        FindingID(rawValue: IdentifierCounter.next(&findings, prefix: "F", year: year))
    }

    private static func next(_ series: inout [Int: Int], prefix: String, year: Int) -> String {
        let number = (series[year] ?? 0) + 1
        series[year] = number
        return "\(prefix)-\(year)-" + number.zeroPadded(to: 4)
    }
}
