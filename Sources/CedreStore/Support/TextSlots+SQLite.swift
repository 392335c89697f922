import CedreCore
import Foundation
import GRDB
import GRDBSQLite

extension TextSlots {
    /// The slot of the text in column `column` of the row `statement` stands on, read where
    /// SQLite holds it.
    func slot(ofColumn column: Int32, in statement: SQLiteStatement) -> Int? {
        guard let text = sqlite3_column_text(statement, column) else { return nil }
        return slot(of: UnsafeRawBufferPointer(start: text, count: Int(sqlite3_column_bytes(statement, column))))
    }
}
