import CedreCore
import Foundation
import GRDB

extension Day: DatabaseValueConvertible {
    public var databaseValue: DatabaseValue { description.databaseValue }

    public static func fromDatabaseValue(_ dbValue: DatabaseValue) -> Day? {
        String.fromDatabaseValue(dbValue).flatMap { Day($0) }
    }
}

/// Days and ids are read straight from SQLite's column text (GRDB's fast path) instead of
/// through an intermediate `DatabaseValue`: a status report reads several per dossier, for
/// 100,000 dossiers.
extension Day: StatementColumnConvertible {
    /// Parsed from the column's bytes where SQLite holds them: made a `String` first, each day
    /// was copied and checked as UTF-8 before it was read.
    public init?(sqliteStatement: SQLiteStatement, index: CInt) {
        guard let text = columnText(sqliteStatement, index) else { return nil }
        self.init(utf8: text)
    }
}

extension StatementColumnConvertible where Self: Identifier {
    public init(sqliteStatement: SQLiteStatement, index: CInt) {
        self.init(rawValue: String(sqliteStatement: sqliteStatement, index: index))
    }
}

extension Row {
    /// The day in column `index`, read as text: nil when the column is null or not a day, where
    /// `row[index] as Day?` would stop the program on a malformed day.
    func day(atIndex index: Int) -> Day? {
        try? decode(Day?.self, atIndex: index)
    }

    /// The notice rule named in column `index`, nil when it names none. Looked up by hash: a
    /// night reads tens of thousands, and `NoticeRule(rawValue:)` compares the text with each
    /// rule's name in turn (40 M instructions for 28,788 rows).
    func noticeRule(atIndex index: Int) -> NoticeRule? {
        NoticeRule.byName[self[index] as String]
    }
}

extension NoticeRule {
    fileprivate static let byName = Dictionary(uniqueKeysWithValues: allCases.map { ($0.rawValue, $0) })
}

extension MemberID: DatabaseValueConvertible, StatementColumnConvertible {}
extension SchemeID: DatabaseValueConvertible, StatementColumnConvertible {}
extension AuditID: DatabaseValueConvertible, StatementColumnConvertible {}
extension FindingID: DatabaseValueConvertible, StatementColumnConvertible {}
extension GradeID: DatabaseValueConvertible, StatementColumnConvertible {}
extension RequirementID: DatabaseValueConvertible, StatementColumnConvertible {}
extension AuditorID: DatabaseValueConvertible, StatementColumnConvertible {}
