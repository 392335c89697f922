import Foundation

extension Day {
    /// Easter Sunday of `year` in the Gregorian calendar: the day the movable holidays of rule 20
    /// (Easter Monday, Ascension, Whit Monday, Good Friday) are counted from.
    ///
    /// The anonymous Gregorian algorithm (Meeus/Jones/Butcher), exact for every Gregorian year.
    public static func easterSunday(ofYear year: Int) -> Day {
        let golden = year % 19
        let century = year / 100
        let yearOfCentury = year % 100
        let skippedLeapDays = century / 4
        let centuryRemainder = century % 4
        let moonCorrection = (century + 8) / 25
        let lunarOffset = (century - moonCorrection + 1) / 3
        let epact = (19 * golden + century - skippedLeapDays - lunarOffset + 15) % 30
        let leapYears = yearOfCentury / 4
        let yearRemainder = yearOfCentury % 4
        let weekdayShift = (32 + 2 * centuryRemainder + 2 * leapYears - epact - yearRemainder) % 7
        let lateCorrection = (golden + 11 * epact + 22 * weekdayShift) / 451
        let shifted = epact + weekdayShift - 7 * lateCorrection + 114
        // March or April: a real day of every year, so the first day of the year is never used.
        return Day(year: year, month: shifted / 31, day: shifted % 31 + 1) ?? Day.firstDay(ofYear: year)
    }
}
