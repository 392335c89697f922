import Foundation

/// The working days (Monday to Friday) of one campaign year, counted in constant time.
///
/// Public holidays are not removed: a federation plans around them by hand, and a rule that
/// depends on them would need a calendar per région.
struct WorkingCalendar: Sendable {
    let firstDay: Day
    let lastDay: Day
    /// `prefix[k]` is the number of working days among the first `k` days of the year.
    private let prefix: [Int]

    init(year: Int) {
        firstDay = Day.firstDay(ofYear: year)
        lastDay = Day.lastDay(ofYear: year)
        var prefix = [0]
        var day = firstDay
        while day <= lastDay {
            prefix.append(prefix[prefix.count - 1] + (day.weekday <= 5 ? 1 : 0))
            day = day.adding(days: 1)
        }
        self.prefix = prefix
    }

    /// The number of working days between two day ordinals, both included, inside the year.
    func workingDays(fromOrdinal start: Int, throughOrdinal end: Int) -> Int {
        let first = max(start, firstDay.ordinal) - firstDay.ordinal
        let last = min(end, lastDay.ordinal) - firstDay.ordinal
        guard first <= last else { return 0 }
        return prefix[last + 1] - prefix[first]
    }

    /// The working days from `start` to `end`, both included, inside the year.
    func days(from start: Day, through end: Day) -> [Day] {
        var result: [Day] = []
        var day = max(start, firstDay)
        let last = min(end, lastDay)
        while day <= last {
            if day.weekday <= 5 { result.append(day) }
            day = day.adding(days: 1)
        }
        return result
    }
}
