import CedreSchemas
import CedreTestSupport
import Foundation
import Testing

@testable import CedreCore
@testable import CedreJSON

/// Every number has a range, and day arithmetic saturates instead of trapping (issue 13).
@Suite struct BoundsTests {
    @Test(arguments: [Int.min, -1_000_000_000_000, -1, 0, 1, 1_000_000_000_000, Int.max])
    func dayArithmeticSaturatesAtTheDaysAYYYYMMDDCanWrite(_ count: Int) {
        let day: Day = "2013-05-02"
        for moved in [day.adding(days: count), day.adding(months: count), day.adding(years: count)] {
            #expect(moved >= Day.earliest && moved <= Day.latest)
            #expect(moved.description.count == 10)
        }
        if count == Int.max {
            #expect(day.adding(days: count) == Day.latest)
            #expect(day.adding(months: count) == Day.latest)
            #expect(day.adding(years: count) == Day.latest)
        }
        if count == Int.min {
            #expect(day.adding(days: count) == Day.earliest)
            #expect(day.adding(years: count) == Day.earliest)
        }
    }

    @Test func theEndsAreTheFirstAndLastDaysOfYearsZeroAnd9999() {
        #expect(Day.earliest.description == "0000-01-01")
        #expect(Day.latest.description == "9999-12-31")
        #expect(Day(ordinal: Int.max) == Day.latest)
        #expect(Day(ordinal: Int.min) == Day.earliest)
        #expect(Day(year: 10_000, month: 1, day: 1) == nil)
        #expect(Day(year: -1, month: 12, day: 31) == nil)
        #expect(Day.firstDay(ofYear: Int.max) == Day.firstDay(ofYear: 9999))
        #expect(Day.lastDay(ofYear: Int.min) == Day.lastDay(ofYear: 0))
        #expect(Day.latest.adding(days: 1) == Day.latest)
        #expect(Day(stringLiteral: "9999-12-31").adding(months: 1) == Day.latest)
    }

    @Test func monthArithmeticInsideTheRangeIsUnchanged() {
        #expect(Day(stringLiteral: "2013-01-31").adding(months: 1) == Day(stringLiteral: "2013-02-28"))
        #expect(Day(stringLiteral: "2012-02-29").adding(years: 1) == Day(stringLiteral: "2013-02-28"))
        #expect(Day(stringLiteral: "2013-05-02").adding(months: 120) == Day(stringLiteral: "2023-05-02"))
    }

    @Test func anAuditorQualifiedForInt64MaxMonthsIsQualifiedUntilTheLastDay() {
        let auditor = Auditor(id: "lemoine", name: "Lemoine", member: "solipass", trainedOn: ["cedre": "2013-02-04"], validityMonths: Int.max)
        #expect(auditor.qualifiedUntil(Schemes.cedre) == Day.latest)
    }

    @Test(arguments: [-1, 0, 121, Int.max, Int.min])
    func aValidityOutsideOneToOneHundredTwentyMonthsIsMalformed(_ months: Int) {
        let fact = Fact.auditorAdded(Auditor(
            id: "lemoine", name: "Lemoine", member: "solipass", trainedOn: ["cedre": "2013-02-04"], validityMonths: months))
        #expect(fact.malformation?.field == "validityMonths")
    }

    @Test(arguments: [-1, 0, 1899, 2201, Int.max])
    func aCampaignYearOutside1900To2200IsMalformed(_ year: Int) {
        #expect(Fact.campaignPublished(scheme: "cedre", year: year).malformation?.field == "year")
    }

    @Test func numbersAtTheirBoundsAreWellFormed() {
        #expect(Fact.campaignPublished(scheme: "cedre", year: 1900).malformation == nil)
        #expect(Fact.campaignPublished(scheme: "cedre", year: 2200).malformation == nil)
        let auditor = Auditor(id: "lemoine", name: "Lemoine", member: "solipass", trainedOn: ["cedre": "2013-02-04"], validityMonths: 120)
        #expect(Fact.auditorAdded(auditor).malformation == nil)
    }

    @Test(arguments: ["abc\n", "abc\r", "a\u{1B}[2Jb", "abc\u{2028}", "abc\u{2029}", "abc\u{85}", "ab\u{202E}c", "\tabc", ""])
    func anIdWithAControlCharacterOrLineBreakAnywhereIsMalformed(_ id: String) {
        #expect(Fact.memberLeft(MemberID(rawValue: id)).malformation?.field == "member")
        #expect(Fact.certificationEngaged(CertificationKey(member: "solipass", scheme: SchemeID(rawValue: id))).malformation?.field == "scheme")
        #expect(Fact.auditorQualified(AuditorID(rawValue: id), scheme: "cedre", trainedOn: "2013-02-04").malformation?.field == "auditor")
    }

    @Test func theImportSchemasRefuseAnIdEndingWithALineBreak() throws {
        let schema = try JSONSchema(JSONParser.parse(CedreSchemas.json(named: "members")))
        for id in ["abc\\n", "abc\\u2028", "abc\\r\\n"] {
            let document = try JSONParser.parse(#"[{"id":"\#(id)","name":"X","type":"AI","departement":"49"}]"#)
            #expect(!schema.validate(document).isEmpty, "\(id) passed")
        }
        #expect(schema.validate(try JSONParser.parse(#"[{"id":"abc","name":"X","type":"AI","departement":"49"}]"#)).isEmpty)
        #expect(JSONSchema.icuPattern(#"^[a-z$]+\$x$"#) == #"^[a-z$]+\$x\z"#)
    }

    @Test func theSchemasCarryTheBoundsOfTheCode() throws {
        func range(_ value: JSONValue?) -> ClosedRange<Int>? {
            guard let low = value?["minimum"]?.intValue, let high = value?["maximum"]?.intValue else { return nil }
            return low...high
        }
        let payload = try JSONParser.parse(CedreSchemas.json(named: "events"))["$defs"]?["payload"]?["properties"]
        #expect(range(payload?["year"]) == Bounds.year)
        #expect(range(payload?["validityMonths"]) == Bounds.validityMonths)
        let scheme = try JSONParser.parse(CedreSchemas.json(named: "scheme"))["properties"]
        let cycle = scheme?["cycle"]?["properties"]
        #expect(range(cycle?["validityMonths"]) == Bounds.validityMonths)
        for name in ["restoreWindowMonths", "recertificationPlanningMonths"] {
            #expect(range(cycle?[name]) == Bounds.months, "\(name)")
        }
        let crossAudit = scheme?["crossAudit"]?["properties"]
        #expect(range(crossAudit?["capacity"]) == Bounds.capacity)
        #expect(range(crossAudit?["qualificationValidityMonths"]) == Bounds.validityMonths)
    }
}
