import Foundation
import GRDBSQLite

/// The system's libsqlite3 called directly, with no library in between: the "raw sqlite3"
/// each benchmark is compared with.
public final class RawDatabase {
    private var handle: OpaquePointer?

    /// Opens (or creates) the database at `path`.
    public init(path: String) throws {
        guard sqlite3_open_v2(path, &handle, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, nil) == SQLITE_OK else {
            throw BenchmarkError.database("cannot open \(path): \(String(cString: sqlite3_errmsg(handle)))")
        }
        sqlite3_busy_timeout(handle, 30_000)
    }

    deinit {
        sqlite3_close_v2(handle)
    }

    /// Runs SQL without results (several statements allowed).
    public func execute(_ sql: String) throws {
        var message: UnsafeMutablePointer<CChar>?
        guard sqlite3_exec(handle, sql, nil, nil, &message) == SQLITE_OK else {
            let text = message.map { String(cString: $0) } ?? "unknown error"
            sqlite3_free(message)
            throw BenchmarkError.database(text)
        }
    }

    /// A compiled statement, to bind and step many times.
    public func prepare(_ sql: String) throws -> Statement {
        var statement: OpaquePointer?
        guard sqlite3_prepare_v3(handle, sql, -1, UInt32(SQLITE_PREPARE_PERSISTENT), &statement, nil) == SQLITE_OK,
            let statement
        else {
            throw BenchmarkError.database("\(sql): \(String(cString: sqlite3_errmsg(handle)))")
        }
        return Statement(statement, database: handle)
    }

    /// Every row of a query, each column as text (NULL as nil).
    public func rows(_ sql: String) throws -> [[String?]] {
        let statement = try prepare(sql)
        var rows: [[String?]] = []
        while try statement.step() {
            rows.append((0..<statement.columnCount).map { statement.text($0) })
        }
        return rows
    }

    /// The first column of the first row, as an integer.
    public func integer(_ sql: String) throws -> Int {
        let statement = try prepare(sql)
        guard try statement.step() else { return 0 }
        return statement.integer(0)
    }

    /// A prepared statement; finalized when released.
    public final class Statement {
        private let statement: OpaquePointer
        private let database: OpaquePointer?
        private static let transient = unsafeBitCast(-1, to: sqlite3_destructor_type.self)

        init(_ statement: OpaquePointer, database: OpaquePointer?) {
            self.statement = statement
            self.database = database
        }

        deinit {
            sqlite3_finalize(statement)
        }

        public var columnCount: Int32 { sqlite3_column_count(statement) }

        /// Binds text (nil as NULL) to the parameters, in order.
        public func bind(_ values: [String?]) {
            sqlite3_reset(statement)
            for (index, value) in values.enumerated() {
                if let value {
                    sqlite3_bind_text(statement, Int32(index + 1), value, -1, Statement.transient)
                } else {
                    sqlite3_bind_null(statement, Int32(index + 1))
                }
            }
        }

        /// Steps once: true while there is a row.
        public func step() throws -> Bool {
            switch sqlite3_step(statement) {
            case SQLITE_ROW: return true
            case SQLITE_DONE: return false
            default: throw BenchmarkError.database(String(cString: sqlite3_errmsg(database)))
            }
        }

        /// Binds and runs to completion.
        public func run(_ values: [String?]) throws {
            bind(values)
            while try step() {}
        }

        public func text(_ column: Int32) -> String? {
            sqlite3_column_text(statement, column).map { String(cString: $0) }
        }

        public func integer(_ column: Int32) -> Int {
            Int(sqlite3_column_int64(statement, column))
        }
    }
}
