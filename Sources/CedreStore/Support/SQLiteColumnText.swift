import Foundation
import GRDB
import GRDBSQLite

/// The text of column `column` of the row `statement` stands on, as SQLite holds it (valid
/// until the statement steps or resets); nil when the column is NULL. A replay reads a day, a
/// kind and a stream this way from each of a million rows, without making a `String` of them.
func columnText(_ statement: SQLiteStatement, _ column: Int32) -> UnsafeBufferPointer<UInt8>? {
    guard let text = sqlite3_column_text(statement, column) else { return nil }
    return UnsafeBufferPointer(start: text, count: Int(sqlite3_column_bytes(statement, column)))
}
