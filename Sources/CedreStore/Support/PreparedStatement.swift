import GRDB
import GRDBSQLite

/// `sql` prepared on `db`'s connection through SQLite's C API, for a statement stepped many
/// times without GRDB's per-row values; the caller finalizes it.
func preparedStatement(_ sql: String, in db: Database) throws -> SQLiteStatement {
    guard let connection = db.sqliteConnection else { throw DatabaseError(resultCode: .SQLITE_MISUSE, message: "closed database") }
    var prepared: SQLiteStatement?
    let code = sqlite3_prepare_v2(connection, sql, -1, &prepared, nil)
    guard code == SQLITE_OK, let prepared else {
        throw DatabaseError(resultCode: ResultCode(rawValue: code), message: String(cString: sqlite3_errmsg(connection)), sql: sql)
    }
    return prepared
}
