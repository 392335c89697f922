import Foundation

/// Rule 20: the public holidays of a country, and those some of its départements add, as data
/// (`Calendar/Holidays/france.json`, checked against `Schemas/json/holidays.schema.json`).
///
/// Audits happen on working days: never a Saturday, a Sunday or a holiday of the audited
/// member's département. The calendar answers for any year: fixed days are the same every year,
/// movable ones are counted from Easter Sunday.
public struct HolidayCalendar: Equatable, Sendable {
    /// One public holiday and how its day is found each year.
    public struct Holiday: Equatable, Sendable {
        /// How a holiday's day is found in a given year.
        public enum Rule: Equatable, Sendable {
            /// The same month and day every year (14 July).
            case fixed(month: Int, day: Int)
            /// So many days after Easter Sunday (Ascension: 39), before it when negative (Good Friday: -2).
            case afterEaster(days: Int)
        }

        /// The name officers know it by (`Lundi de Pâques`).
        public let name: String
        /// How its day is found each year.
        public let rule: Rule

        public init(name: String, rule: Rule) {
            self.name = name
            self.rule = rule
        }

        /// The holiday's day in `year`; nil for a fixed day that the year does not have (29 February).
        public func day(in year: Int) -> Day? {
            switch rule {
            case .fixed(let month, let day): Day(year: year, month: month, day: day)
            case .afterEaster(let days): Day.easterSunday(ofYear: year).adding(days: days)
            }
        }
    }

    /// Why a day is not a working day (rule 20).
    public enum DayOff: Equatable, Sendable {
        case saturday
        case sunday
        /// A public holiday of the département, by name.
        case holiday(String)
    }

    /// `france`: the definition's file name.
    public let id: String
    /// `Jours fériés en France`: how a person names the calendar.
    public let name: String
    /// The holidays of every département.
    public let national: [Holiday]
    /// The holidays a département adds to the national ones, by département code (`57`, `971`).
    public let departements: [String: [Holiday]]

    public init(id: String, name: String, national: [Holiday], departements: [String: [Holiday]]) {
        self.id = id
        self.name = name
        self.national = national
        self.departements = departements
    }

    /// The holidays of `departement`: the national ones and its own.
    public func holidays(of departement: String) -> [Holiday] {
        national + (departements[departement] ?? [])
    }

    /// The holidays of `departement` in `year`, by day.
    public func holidays(in year: Int, departement: String) -> [Day: String] {
        var days: [Day: String] = [:]
        for holiday in holidays(of: departement) {
            if let day = holiday.day(in: year), days[day] == nil { days[day] = holiday.name }
        }
        return days
    }

    /// Why `day` is not a working day in `departement`, or nil when it is one.
    public func dayOff(_ day: Day, departement: String) -> DayOff? {
        switch day.weekday {
        case 6: return .saturday
        case 7: return .sunday
        default:
            return holidays(of: departement).first { $0.day(in: day.year) == day }.map { .holiday($0.name) }
        }
    }

    /// Rule 20: whether an audit may take place on `day` in `departement`.
    public func isWorkingDay(_ day: Day, departement: String) -> Bool {
        dayOff(day, departement: departement) == nil
    }

    /// The key shared by départements with the same holidays: their own code when they add
    /// some, the empty string otherwise (the planner builds one calendar per key).
    func holidayKey(of departement: String) -> String {
        departements[departement] == nil ? "" : departement
    }
}
