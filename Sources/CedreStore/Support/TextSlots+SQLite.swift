import CedreCore
import Foundation
import GRDB

extension TextSlots {
    /// The slot of the text in column `column` of the row `statement` stands on, read where
    /// SQLite holds it.
    func slot(ofColumn column: Int32, in statement: SQLiteStatement) -> Int? {
        columnText(statement, column).flatMap { slot(of: UnsafeRawBufferPointer($0)) }
    }
}
