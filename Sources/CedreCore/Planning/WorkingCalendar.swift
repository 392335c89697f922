import Foundation

/// The days of one campaign year on which a cross-audit may take place in one département, counted
/// in constant time: Monday to Friday except its public holidays (rule 20), or every day when the
/// campaign switches the working-day policy off.
struct WorkingCalendar: Sendable {
    let firstDay: Day
    let lastDay: Day
    /// `prefix[k]` is the number of working days among the first `k` days of the year.
    private let prefix: [Int]

    /// The working days of `year` for a département with these holidays; nil holidays: every day.
    init(year: Int, holidays: [Day: String]?) {
        firstDay = Day.firstDay(ofYear: year)
        lastDay = Day.lastDay(ofYear: year)
        var prefix = [0]
        var day = firstDay
        while day <= lastDay {
            let works = holidays.map { day.weekday <= 5 && $0[day] == nil } ?? true
            prefix.append(prefix[prefix.count - 1] + (works ? 1 : 0))
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

    /// Whether `day`, inside the year, is a working day.
    func isWorkingDay(_ day: Day) -> Bool {
        workingDays(fromOrdinal: day.ordinal, throughOrdinal: day.ordinal) == 1
    }

    /// The working days from `start` to `end`, both included, inside the year.
    func days(from start: Day, through end: Day) -> [Day] {
        var result: [Day] = []
        var day = max(start, firstDay)
        let last = min(end, lastDay)
        while day <= last {
            if isWorkingDay(day) { result.append(day) }
            day = day.adding(days: 1)
        }
        return result
    }
}
