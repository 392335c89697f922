import Testing

@testable import CedreCore

/// The notice ledger's order (subject, rule, due day), as `check` sorts a night's new notices
/// before it writes them: the same order as comparing the notices' `LedgerKey`s.
struct LedgerOrderTests {
    /// Subjects that share prefixes, that are prefixes of one another, and that are not ASCII,
    /// "é" written both as one scalar and as "e" and a combining accent (equal as `String`s).
    private static let subjects = [
        "certification/solipass/cedre", "certification/solipass/cedre/A-2013-0001",
        "certification/solipass/cedre/F-2013-0002", "certification/solipass/iso9001",
        "certification/tierce/cedre", "certification/tiercé/cedre", "certification/tierce\u{301}/cedre",
        "certification/tierc/cedre", "certification/zèbre/cedre/A-2014-0003", "certification/Zebre/cedre", "",
    ]

    private static func notices(count: Int, seed: UInt64) -> [Notice] {
        var generator = SeededGenerator(seed: seed)
        let key = CertificationKey(member: "solipass", scheme: "cedre")
        let day = Day(year: 2013, month: 12, day: 31)!
        return (0..<count).map { _ in
            Notice(
                rule: NoticeRule.allCases[generator.index(below: NoticeRule.allCases.count)], key: key,
                subject: subjects[generator.index(below: subjects.count)], due: day.adding(days: generator.index(below: 5)))
        }
    }

    @Test(arguments: [1, 2, 3, 4, 5])
    func sortedNoticesAreInTheOrderOfTheirLedgerKeys(seed: UInt64) {
        let notices = Self.notices(count: 200, seed: seed)
        let expected = notices.indices.sorted { Notice.LedgerKey(notices[$0]) < Notice.LedgerKey(notices[$1]) }.map { notices[$0] }
        let line = { (notice: Notice) in "\(notice.subject) \(notice.rule.rawValue) \(notice.due)" }
        #expect(Notice.sortedInLedgerOrder(notices).map(line) == expected.map(line))
    }

    @Test func aSubjectComesBeforeTheLongerSubjectsItBegins() {
        let day = Day(year: 2014, month: 1, day: 1)!
        let key = CertificationKey(member: "tierce", scheme: "cedre")
        let longer = Notice(rule: .auditNotHeld, key: key, subject: "certification/tierce/cedre/A-2014-0001", due: day)
        let shorter = Notice(rule: .surveillanceOverdue, key: key, subject: "certification/tierce/cedre", due: day)
        let accented = Notice(rule: .auditNotHeld, key: key, subject: "certification/tiercé/cedre", due: day)
        #expect(Notice.sortedInLedgerOrder([accented, longer, shorter]) == [shorter, longer, accented])
    }

    @Test func equalSubjectsAreOrderedByRuleThenByDueDay() {
        let key = CertificationKey(member: "tierce", scheme: "cedre")
        let subject = "certification/tierce/cedre"
        let first = Notice(rule: .certificateExpired, key: key, subject: subject, due: Day(year: 2014, month: 3, day: 1)!)
        let second = Notice(rule: .dueSoon, key: key, subject: subject, due: Day(year: 2014, month: 2, day: 1)!)
        let third = Notice(rule: .dueSoon, key: key, subject: subject, due: Day(year: 2014, month: 2, day: 2)!)
        #expect(Notice.sortedInLedgerOrder([third, second, first]) == [first, second, third])
    }
}
