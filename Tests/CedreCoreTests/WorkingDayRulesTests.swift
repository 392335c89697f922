import CedreCore
import CedreJSON
import CedreSchemas
import CedreTestSupport
import Foundation
import Testing

/// Rule 20 of DESIGN §3: audits happen on working days — never a Saturday, a Sunday or a public
/// holiday of the audited member's département — with the holiday calendar as data.
@Suite struct WorkingDayRulesTests {
    /// Why `day` is off in `departement`, or nil when it is worked (France's calendar).
    private func off(_ day: Day, _ departement: String) -> HolidayCalendar.DayOff? {
        HolidayCalendar.france.dayOff(day, departement: departement)
    }

    private func worked(_ day: Day, _ departement: String) -> Bool { off(day, departement) == nil }

    @Test(arguments: [
        (2013, "2013-03-31"), (2014, "2014-04-20"), (2015, "2015-04-05"), (2016, "2016-03-27"), (2024, "2024-03-31"),
        (2025, "2025-04-20"),
        // The extremes of the Gregorian computus: as early as 22 March, as late as 25 April.
        (1818, "1818-03-22"), (2285, "2285-03-22"), (2038, "2038-04-25"),
    ] as [(Int, Day)])
    func easterSundayIsComputedExactly(year: Int, easter: Day) {
        #expect(Day.easterSunday(ofYear: year) == easter)
        #expect(easter.weekday == 7)
    }

    @Test(arguments: [
        // year, Easter Monday, Ascension (Easter + 39), Whit Monday (Easter + 50), Good Friday (Easter − 2)
        (2013, "2013-04-01", "2013-05-09", "2013-05-20", "2013-03-29"),
        (2014, "2014-04-21", "2014-05-29", "2014-06-09", "2014-04-18"),
        (2015, "2015-04-06", "2015-05-14", "2015-05-25", "2015-04-03"),
        (2024, "2024-04-01", "2024-05-09", "2024-05-20", "2024-03-29"),
    ] as [(Int, Day, Day, Day, Day)])
    func theMovableHolidaysFollowEaster(year: Int, easterMonday: Day, ascension: Day, whitMonday: Day, goodFriday: Day) {
        // Everywhere: Easter Monday, Ascension and Whit Monday; the days around them are worked,
        // except the eve of Ascension when it is 8 May (2013, 2024)
        for departement in ["75", "57", "971"] {
            #expect(off(easterMonday, departement) == .holiday("Lundi de Pâques"))
            #expect(off(ascension, departement) == .holiday("Ascension"))
            #expect(off(whitMonday, departement) == .holiday("Lundi de Pentecôte"))
            #expect(worked(easterMonday.adding(days: 1), departement))
            let eve = ascension.adding(days: -1)
            #expect(off(eve, departement) == (eve.month == 5 && eve.dayOfMonth == 8 ? .holiday("Victoire 1945") : nil))
            #expect(worked(ascension.adding(days: 1), departement))
            #expect(worked(whitMonday.adding(days: 1), departement))
        }
        // Good Friday only in Moselle, Bas-Rhin and Haut-Rhin
        for departement in ["57", "67", "68"] {
            #expect(off(goodFriday, departement) == .holiday("Vendredi saint"))
        }
        for departement in ["75", "54", "88", "971"] {
            #expect(worked(goodFriday, departement))
        }
    }

    @Test func theFixedNationalHolidaysOf2014AreOffEverywhere() {
        let national: [(Day, String)] = [
            ("2014-01-01", "Jour de l'an"), ("2014-05-01", "Fête du Travail"), ("2014-05-08", "Victoire 1945"),
            ("2014-07-14", "Fête nationale"), ("2014-08-15", "Assomption"), ("2014-11-11", "Armistice 1918"),
            ("2014-12-25", "Noël"),
        ]
        for (day, name) in national {
            for departement in ["75", "67", "974"] {
                #expect(off(day, departement) == .holiday(name), "\(day) in \(departement)")
            }
        }
        // 1 November 2014 is a Saturday: a day off either way, and first of all a Saturday.
        #expect(off("2014-11-01", "75") == .saturday)
        let france = HolidayCalendar.france
        #expect(france.holidays(in: 2014, departement: "75")["2014-11-01"] == "Toussaint")
        #expect(france.holidays(in: 2014, departement: "75").count == 11)
        #expect(france.holidays(in: 2014, departement: "57").count == 13)
        #expect(france.holidays(in: 2014, departement: "971").count == 12)
    }

    @Test(arguments: [
        ("57", "2014-12-26", "Saint-Étienne"), ("67", "2014-12-26", "Saint-Étienne"), ("68", "2014-12-26", "Saint-Étienne"),
        ("971", "2014-05-27", "Abolition de l'esclavage"), ("972", "2014-05-22", "Abolition de l'esclavage"),
        ("973", "2014-06-10", "Abolition de l'esclavage"), ("974", "2013-12-20", "Abolition de l'esclavage"),
        ("976", "2015-04-27", "Abolition de l'esclavage"),
    ] as [(String, Day, String)])
    func eachDepartementAddsItsOwnHoliday(departement: String, day: Day, name: String) {
        // Given a weekday that is a holiday in this département only
        #expect(day.weekday <= 5)
        // Then it is off there, and worked in Paris and in every listed département that does not share it
        #expect(off(day, departement) == .holiday(name))
        let sharing: Set<String> = ["57", "67", "68"].contains(departement) ? ["57", "67", "68"] : [departement]
        for other in ["75", "57", "67", "68", "971", "972", "973", "974", "976"] where !sharing.contains(other) {
            #expect(worked(day, other), "\(day) in \(other)")
        }
        // And the day after it is worked again (a weekday) or a weekend
        let next = day.adding(days: 1)
        #expect(off(next, departement) == (next.weekday == 6 ? .saturday : nil))
    }

    @Test func saturdaysAndSundaysAreNeverWorkingDays() {
        #expect(off("2014-03-08", "75") == .saturday)
        #expect(off("2014-03-09", "75") == .sunday)
        #expect(off("2014-03-10", "75") == nil)
        #expect(off("2014-03-07", "75") == nil)
    }

    @Test func theBundledCalendarFollowsItsSchema() throws {
        let schema = try JSONSchema(JSONParser.parse(CedreSchemas.json(named: "holidays")))
        let data = try #require(HolidayCalendar.definition(named: "france"))
        let document = try JSONParser.parse(String(decoding: data, as: UTF8.self))
        #expect(schema.validate(document) == [])
        // And the schema refuses a holiday with both a fixed day and an Easter offset, or a bad département
        let broken = try JSONParser.parse("""
            {"id": "x", "name": "X", "national": [{"name": "Y", "month": 5, "day": 1, "daysAfterEaster": 1}],
             "departements": {"99": [{"name": "Z", "month": 13, "day": 1}]}}
            """)
        #expect(Set(schema.validate(broken).map(\.pointer)).isSuperset(of: ["/national/0", "/departements/99"]))
    }
}
