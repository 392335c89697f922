import CedreCore
import Foundation
import GRDB

extension Day: DatabaseValueConvertible {
    public var databaseValue: DatabaseValue { description.databaseValue }

    public static func fromDatabaseValue(_ dbValue: DatabaseValue) -> Day? {
        String.fromDatabaseValue(dbValue).flatMap { Day($0) }
    }
}

extension MemberID: DatabaseValueConvertible {}
extension SchemeID: DatabaseValueConvertible {}
extension AuditID: DatabaseValueConvertible {}
extension FindingID: DatabaseValueConvertible {}
extension GradeID: DatabaseValueConvertible {}
extension RequirementID: DatabaseValueConvertible {}
extension AuditorID: DatabaseValueConvertible {}
