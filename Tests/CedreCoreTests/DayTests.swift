import CedreCore
import CedreTestSupport
import Testing

@Suite struct DayTests {
    private func parse(_ text: String) -> Day? { Day(text) }

    @Test func parsesAndPrintsTheIsoForm() {
        #expect(parse("2013-05-02")?.description == "2013-05-02")
        #expect(parse("0999-01-01")?.description == "0999-01-01")
        #expect(parse("2013-5-2") == nil)
        #expect(parse("2013-02-29") == nil)
        #expect(parse("2012-02-29") != nil)
        #expect(parse("2013-04-31") == nil)
        #expect(parse("2013-13-01") == nil)
        #expect(parse("2013-00-10") == nil)
        #expect(parse("20130502") == nil)
        #expect(parse("2013-05-0x") == nil)
        #expect(parse("2013-05-021") == nil)
        #expect(parse("2013/05/02") == nil)
        #expect(parse("2013-05-0") == nil)
        #expect(parse("") == nil)
        #expect(Day.earliest.description == "0000-01-01" && parse("0000-01-01") == .earliest)
        #expect(Day.latest.description == "9999-12-31" && parse("9999-12-31") == .latest)
        #expect(Day("2013-05-02"[...]) == parse("2013-05-02"))
    }

    @Test func daysWrittenAsOfficersWriteThemAreReadAndCheckedOnTheCalendar() throws {
        #expect(try Day(written: "01/03/2009") == "2009-03-01")
        #expect(try Day(written: "1/3/2009") == "2009-03-01")
        #expect(try Day(written: "2009-03-01") == "2009-03-01")
        #expect(try Day(written: "29/02/2012") == "2012-02-29")
        #expect(try Day(written: "29/02/2000") == "2000-02-29")
        #expect(throws: Day.WritingError.noSuchDay("29/02/2013", year: 2013, month: 2)) { try Day(written: "29/02/2013") }
        #expect(throws: Day.WritingError.noSuchDay("29/02/1900", year: 1900, month: 2)) { try Day(written: "29/02/1900") }
        #expect(throws: Day.WritingError.noSuchDay("31/02/2013", year: 2013, month: 2)) { try Day(written: "31/02/2013") }
        #expect(throws: Day.WritingError.noSuchDay("31/04/2013", year: 2013, month: 4)) { try Day(written: "31/04/2013") }
        #expect(throws: Day.WritingError.noSuchDay("2013-02-29", year: 2013, month: 2)) { try Day(written: "2013-02-29") }
        #expect(throws: Day.WritingError.noSuchMonth("01/13/2013", month: 13)) { try Day(written: "01/13/2013") }
        #expect(throws: Day.WritingError.unreadable("01/03/13")) { try Day(written: "01/03/13") }
        #expect(throws: Day.WritingError.unreadable("2013/03/01")) { try Day(written: "2013/03/01") }
        #expect(throws: Day.WritingError.unreadable("1er/03/2013")) { try Day(written: "1er/03/2013") }
        #expect(Day.WritingError.noSuchDay("31/02/2013", year: 2013, month: 2).description
            == "'31/02/2013' is not a day: February 2013 has 28 days")
        #expect(Day.WritingError.noSuchDay("30/02/2013", year: 2013, month: 2).reason == "February 2013 has 28 days")
        #expect(Day.WritingError.noSuchDay("30/02/2012", year: 2012, month: 2).reason == "February 2012 has 29 days")
        #expect(Day.WritingError.noSuchMonth("01/13/2013", month: 13).reason == "there is no month 13")
        #expect(Day.WritingError.unreadable("1/3/13").reason == "write it YYYY-MM-DD or DD/MM/YYYY")
    }

    @Test func addingAMonthClampsToTheMonthsEnd() {
        #expect(Day("2013-01-31").adding(months: 1) == "2013-02-28")
        #expect(Day("2012-01-31").adding(months: 1) == "2012-02-29")
        #expect(Day("2013-03-31").adding(months: -1) == "2013-02-28")
        #expect(Day("2013-08-31").adding(months: 1) == "2013-09-30")
        #expect(Day("2013-12-15").adding(months: 1) == "2014-01-15")
        #expect(Day("2014-01-15").adding(months: -1) == "2013-12-15")
        #expect(Day("2013-05-02").adding(months: 36) == "2016-05-02")
    }

    @Test func leapDaysBecomeTheTwentyEighthInCommonYears() {
        #expect(Day("2012-02-29").adding(years: 1) == "2013-02-28")
        #expect(Day("2012-02-29").adding(years: 4) == "2016-02-29")
        #expect(Day("2016-02-29").adding(years: 3) == "2019-02-28")
        #expect(Day.isLeap(2000) && !Day.isLeap(1900) && Day.isLeap(2012) && !Day.isLeap(2013))
    }

    @Test func dayArithmeticCrossesMonthsAndYears() {
        #expect(Day("2013-03-01").adding(days: 90) == "2013-05-30")
        #expect(Day("2012-12-31").adding(days: 1) == "2013-01-01")
        #expect(Day("2012-02-28").adding(days: 1) == "2012-02-29")
        #expect(Day("2013-01-01").days(to: "2014-01-01") == 365)
        #expect(Day("2012-01-01").days(to: "2013-01-01") == 366)
        #expect(Day(ordinal: 0) == "1970-01-01")
    }

    @Test func knowsItsWeekday() {
        #expect(Day("2013-12-12").weekday == 4)
        #expect(Day("2013-12-16").weekday == 1)
        #expect(Day("1969-12-31").weekday == 3)
    }

    @Test(arguments: 0..<2000)
    func roundTripsThroughItsComponents(offset: Int) throws {
        let day = Day("2010-01-01").adding(days: offset * 7 + offset % 5)
        let (year, month, dayOfMonth) = day.components
        #expect(Day(year: year, month: month, day: dayOfMonth) == day)
        #expect(parse(day.description) == day)
        #expect(try Day(written: day.numeric(.dayFirst, separator: "/")) == day)
    }

    @Test func daysAreWrittenInTenCharactersEitherWay() {
        #expect(Day("2013-03-01").numeric(.dayFirst, separator: "/") == "01/03/2013")
        #expect(Day("2012-02-29").numeric(.dayFirst, separator: "/") == "29/02/2012")
        #expect(Day("2013-12-31").numeric(.yearFirst, separator: "-") == Day("2013-12-31").description)
        #expect(Day.earliest.numeric(.dayFirst, separator: "/") == "01/01/0000")
        #expect(Day.latest.numeric(.dayFirst, separator: ".") == "31.12.9999")
        #expect(Day("0999-10-09").numeric(.yearFirst, separator: "/") == "0999/10/09")
    }
}

@Suite struct RatioTests {
    @Test func readsDecimalLiteralsExactly() {
        #expect(Ratio(decimal: "0.6") == Ratio(3, 5))
        #expect(Ratio(decimal: "0.25") == Ratio(1, 4))
        #expect(Ratio(decimal: "1") == Ratio(1, 1))
        #expect(Ratio(decimal: "1.0") == Ratio(1, 1))
        #expect(Ratio(decimal: "x") == nil)
    }

    @Test func squareRootProductsRoundUpExactly() {
        #expect(Ratio(4, 5).ceilingOfProductWithSquareRoot(of: 36) == 5)
        #expect(Ratio(3, 5).ceilingOfProductWithSquareRoot(of: 25) == 3)
        #expect(Ratio(1, 1).ceilingOfProductWithSquareRoot(of: 16) == 4)
        #expect(Ratio(1, 1).ceilingOfProductWithSquareRoot(of: 17) == 5)
        #expect(Ratio(3, 5).ceilingOfProductWithSquareRoot(of: 0) == 0)
    }

    @Test(arguments: 1...400)
    func perfectSquaresNeverRoundUpTooFar(root: Int) {
        for ratio in [Ratio(1, 1), Ratio(3, 5), Ratio(4, 5)] {
            let exact = ratio.numerator * root
            let expected = (exact + ratio.denominator - 1) / ratio.denominator
            #expect(ratio.ceilingOfProductWithSquareRoot(of: root * root) == expected)
        }
    }

    @Test func sharesCompareInIntegers() {
        #expect(Ratio(3, 4).isReached(by: 3, of: 4))
        #expect(!Ratio(3, 4).isReached(by: 2, of: 4))
        #expect(Ratio(3, 4).isReached(by: 6, of: 8))
        #expect(Ratio(1, 4).ceilingOfProduct(with: 5) == 2)
        #expect(Ratio(3, 10).ceilingOfProduct(with: 16) == 5)
    }
}
