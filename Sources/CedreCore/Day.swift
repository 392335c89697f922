import Foundation

/// A calendar day, the only unit of time the rules speak of.
///
/// Certification rules count in calendar days and months ("12 months after the decision",
/// "90 days from the audit"), never in hours, so a day is a date without a time or a zone.
/// The value is the number of days since 1970-01-01, which makes comparison and day
/// arithmetic exact and cheap.
///
/// Days run from 0000-01-01 to 9999-12-31, what `YYYY-MM-DD` can write; arithmetic saturates
/// at those ends instead of overflowing, so no number stored in a fact can make a command trap.
public struct Day: Hashable, Comparable, Sendable {
    /// Days since 1970-01-01 (negative before).
    public let ordinal: Int

    /// The ordinal of 0000-01-01, the earliest day.
    static let earliestOrdinal = -719_528
    /// The ordinal of 9999-12-31, the latest day.
    static let latestOrdinal = 2_932_896

    /// The earliest day a `YYYY-MM-DD` writes: 0000-01-01.
    public static let earliest = Day(ordinal: earliestOrdinal)
    /// The latest day a `YYYY-MM-DD` writes: 9999-12-31.
    public static let latest = Day(ordinal: latestOrdinal)

    /// The day `ordinal` days after 1970-01-01, held between 0000-01-01 and 9999-12-31.
    public init(ordinal: Int) {
        self.ordinal = min(max(ordinal, Day.earliestOrdinal), Day.latestOrdinal)
    }

    /// The day with these calendar fields, or nil when they name no real day (2013-02-29) or
    /// one outside the years 0 to 9999.
    public init?(year: Int, month: Int, day: Int) {
        guard Bounds.dayYears.contains(year), (1...12).contains(month),
            (1...Day.length(ofMonth: month, year: year)).contains(day)
        else {
            return nil
        }
        self.ordinal = Day.ordinal(year: year, month: month, day: day)
    }

    /// Parses `YYYY-MM-DD`, the only form dates take in files, options and outputs.
    ///
    /// Read byte by byte from the text's own storage: every row of the log and of the
    /// projections holds days. (Iterating a generic UTF-8 view instead made each byte a
    /// protocol call from the modules that read rows: 7 % of a night's `check`.)
    public init?(_ text: some StringProtocol) {
        let parsed = text.utf8.withContiguousStorageIfAvailable(Day.init(utf8:))
            ?? Array(text.utf8).withUnsafeBufferPointer(Day.init(utf8:))
        guard let day = parsed else { return nil }
        self = day
    }

    /// Parses `YYYY-MM-DD` from its bytes where they lie, such as a column's text in SQLite,
    /// without making a `String` of them first (a replay reads a day from every row of the log).
    public init?(utf8 bytes: UnsafeBufferPointer<UInt8>) {
        var fields = (year: 0, month: 0, day: 0)
        var count = 0
        for byte in bytes {
            if count == 4 || count == 7 {
                guard byte == UInt8(ascii: "-") else { return nil }
            } else {
                guard count < 10, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) else { return nil }
                let digit = Int(byte - UInt8(ascii: "0"))
                switch count {
                case 0..<4: fields.year = fields.year * 10 + digit
                case 5..<7: fields.month = fields.month * 10 + digit
                default: fields.day = fields.day * 10 + digit
                }
            }
            count += 1
        }
        guard count == 10 else { return nil }
        self.init(year: fields.year, month: fields.month, day: fields.day)
    }

    /// Calendar fields of the day.
    public var components: (year: Int, month: Int, day: Int) {
        // Howard Hinnant's civil_from_days.
        let z = ordinal + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let dayOfEra = z - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let shiftedMonth = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * shiftedMonth + 2) / 5 + 1
        let month = shiftedMonth < 10 ? shiftedMonth + 3 : shiftedMonth - 9
        let year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0)
        return (year, month, day)
    }

    public var year: Int { components.year }
    public var month: Int { components.month }
    public var dayOfMonth: Int { components.day }

    /// ISO weekday: 1 is Monday, 7 is Sunday.
    public var weekday: Int {
        // 1970-01-01 was a Thursday (4).
        ((ordinal % 7 + 7 + 3) % 7) + 1
    }

    /// The day `count` days later (earlier when negative), saturating at the earliest and latest days.
    public func adding(days count: Int) -> Day {
        let (sum, overflow) = ordinal.addingReportingOverflow(count)
        guard !overflow else { return count < 0 ? .earliest : .latest }
        return Day(ordinal: sum)
    }

    /// The same day of the month `count` months later, clamped to the month's end.
    ///
    /// Certificates and deadlines are counted in months: 2013-01-31 + 1 month is 2013-02-28,
    /// and 2012-02-29 + 12 months is 2013-02-28, as certification bodies count them.
    ///
    /// Past 9999-12-31 or before 0000-01-01 it saturates at those days.
    public func adding(months count: Int) -> Day {
        let (year, month, day) = components
        let span = 12 * (Bounds.dayYears.upperBound + 1)
        let monthIndex = year * 12 + (month - 1) + min(max(count, -span), span)
        let newYear = monthIndex >= 0 ? monthIndex / 12 : (monthIndex - 11) / 12
        if newYear > Bounds.dayYears.upperBound { return .latest }
        if newYear < Bounds.dayYears.lowerBound { return .earliest }
        let newMonth = monthIndex - newYear * 12 + 1
        let newDay = min(day, Day.length(ofMonth: newMonth, year: newYear))
        return Day(ordinal: Day.ordinal(year: newYear, month: newMonth, day: newDay))
    }

    /// The same day `count` years later, 29 February becoming 28 February in common years.
    public func adding(years count: Int) -> Day {
        let (months, overflow) = count.multipliedReportingOverflow(by: 12)
        return adding(months: overflow ? (count < 0 ? Int.min : Int.max) : months)
    }

    /// Whole days from `self` to `other` (negative when `other` is earlier).
    public func days(to other: Day) -> Int {
        other.ordinal - ordinal
    }

    /// 1 January of `year` (of year 0 or 9999 when `year` is outside them).
    public static func firstDay(ofYear year: Int) -> Day {
        Day(ordinal: ordinal(year: clamped(year), month: 1, day: 1))
    }

    /// 31 December of `year` (of year 0 or 9999 when `year` is outside them).
    public static func lastDay(ofYear year: Int) -> Day {
        Day(ordinal: ordinal(year: clamped(year), month: 12, day: 31))
    }

    private static func clamped(_ year: Int) -> Int {
        min(max(year, Bounds.dayYears.lowerBound), Bounds.dayYears.upperBound)
    }

    /// Whether `year` has a 29 February.
    public static func isLeap(_ year: Int) -> Bool {
        (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
    }

    /// Number of days in `month` of `year`.
    public static func length(ofMonth month: Int, year: Int) -> Int {
        switch month {
        case 2: isLeap(year) ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }

    public static func < (lhs: Day, rhs: Day) -> Bool {
        lhs.ordinal < rhs.ordinal
    }

    private static func ordinal(year: Int, month: Int, day: Int) -> Int {
        // Howard Hinnant's days_from_civil.
        let shiftedYear = month <= 2 ? year - 1 : year
        let era = (shiftedYear >= 0 ? shiftedYear : shiftedYear - 399) / 400
        let yearOfEra = shiftedYear - era * 400
        let dayOfYear = (153 * (month > 2 ? month - 3 : month + 9) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }
}

extension Day: CustomStringConvertible {
    /// `YYYY-MM-DD`: ten ASCII bytes, a string Swift keeps inline without allocating.
    public var description: String {
        numeric(.yearFirst, separator: "-")
    }
}

extension Day: Codable {
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        guard let day = Day(text) else {
            throw DecodingError.dataCorruptedError(
                in: container, debugDescription: "'\(text)' is not a day in the form YYYY-MM-DD")
        }
        self = day
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }
}
