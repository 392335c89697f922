import CedreCore
import Foundation
import GRDB
import GRDBSQLite

/// A prepared INSERT bound and stepped through SQLite's C API, for the rows written by the
/// thousand: imports, rebuilds and projections.
///
/// GRDB's `StatementArguments` box every value; at a million rows that boxing costs more than
/// SQLite's own work, so the hot paths bind text and integers directly. The statement lives
/// for one write and is finalized with it.
final class BulkInsert {
    /// A value to bind.
    enum Value {
        case text(String)
        case integer(Int64)
        case null
    }

    private let connection: OpaquePointer
    private let statement: OpaquePointer
    private let sql: String

    /// SQLite's "copy the bytes now" destructor.
    private static let transient = unsafeBitCast(-1, to: sqlite3_destructor_type.self)

    init(_ sql: String, in db: Database) throws {
        guard let connection = db.sqliteConnection else { throw DatabaseError(resultCode: .SQLITE_MISUSE, message: "closed database") }
        var prepared: OpaquePointer?
        let code = sqlite3_prepare_v2(connection, sql, -1, &prepared, nil)
        guard code == SQLITE_OK, let prepared else {
            throw DatabaseError(resultCode: ResultCode(rawValue: code), message: String(cString: sqlite3_errmsg(connection)), sql: sql)
        }
        self.connection = connection
        self.statement = prepared
        self.sql = sql
    }

    deinit {
        sqlite3_finalize(statement)
    }

    /// Inserts one row.
    func execute(_ values: Value...) throws {
        try execute(values)
    }

    /// Inserts one row.
    func execute(_ values: [Value]) throws {
        defer {
            sqlite3_reset(statement)
            sqlite3_clear_bindings(statement)
        }
        for (offset, value) in values.enumerated() {
            let index = Int32(offset + 1)
            let code: Int32
            switch value {
            case .text(let text):
                code = text.utf8.withContiguousStorageIfAvailable { bytes in
                    sqlite3_bind_text(statement, index, bytes.baseAddress.map { UnsafeRawPointer($0).assumingMemoryBound(to: CChar.self) }, Int32(bytes.count), BulkInsert.transient)
                } ?? sqlite3_bind_text(statement, index, text, -1, BulkInsert.transient)
            case .integer(let number):
                code = sqlite3_bind_int64(statement, index, number)
            case .null:
                code = sqlite3_bind_null(statement, index)
            }
            guard code == SQLITE_OK else { throw failure(code) }
        }
        let code = sqlite3_step(statement)
        guard code == SQLITE_DONE else { throw failure(code) }
    }

    private func failure(_ code: Int32) -> DatabaseError {
        DatabaseError(resultCode: ResultCode(rawValue: code), message: String(cString: sqlite3_errmsg(connection)), sql: sql)
    }
}

extension BulkInsert.Value {
    /// Text, or null when absent.
    static func text(_ value: String?) -> Self { value.map { .text($0) } ?? .null }

    /// A day as `YYYY-MM-DD`, or null.
    static func day(_ value: Day?) -> Self { value.map { .text($0.description) } ?? .null }

    /// The value as a column that stores it as bound reads back.
    var databaseValue: DatabaseValue {
        switch self {
        case .text(let text): text.databaseValue
        case .integer(let number): number.databaseValue
        case .null: .null
        }
    }

    /// An identifier's text, or null.
    static func id<ID: RawRepresentable>(_ value: ID?) -> Self where ID.RawValue == String {
        value.map { .text($0.rawValue) } ?? .null
    }
}

/// Rows of one table inserted a few hundred per statement, bound through SQLite's C API.
///
/// SQLite's cost is partly per statement: 100,000 notice rows with their two indexes and a
/// foreign key take 0.32–0.37 s one per statement and 0.23–0.25 s a hundred or more per
/// statement (C, SQLite 3.40.1). Rows wait in a buffer until a statement's worth is there;
/// `flush()` writes the rest. Nothing may read or delete the table's rows between `append`
/// and `flush`: only writes that insert and nothing else batch their rows (a rebuild, a
/// check run's ledger).
final class BatchedInsert {
    private let db: Database
    private let table: String
    /// How a refusal names what was written (`the notice ledger's chain`).
    private let label: String
    private let columns: [String]
    private let rowsPerStatement: Int
    private var full: BulkInsert?
    private var single: BulkInsert?
    private var pending: [BulkInsert.Value] = []
    private let collectsIDs: Bool
    private let verb: String
    /// The rows this table's foreign key names, written before each of its statements: SQLite
    /// checks the key as each row goes in.
    private let parent: BatchedInsert?
    /// With `collectingIDs`, the ids SQLite gave the rows written so far, in the order they
    /// were appended.
    private(set) var ids: [Int64] = []

    init(
        into table: String, columns: [String], rowsPerStatement: Int, collectingIDs: Bool = false, replacing: Bool = false,
        label: String? = nil, after parent: BatchedInsert? = nil, in db: Database
    ) {
        self.parent = parent
        verb = replacing ? "INSERT OR REPLACE" : "INSERT"
        self.db = db
        self.table = table
        self.label = label ?? table
        self.columns = columns
        self.rowsPerStatement = max(1, rowsPerStatement)
        collectsIDs = collectingIDs
        pending.reserveCapacity(self.rowsPerStatement * columns.count)
    }

    /// Adds a row (the values of `columns`), writing a statement's worth once there.
    func append(_ row: [BulkInsert.Value]) throws {
        precondition(row.count == columns.count, "a row of \(table) binds \(columns.count) values")
        pending += row
        guard pending.count == rowsPerStatement * columns.count else { return }
        if full == nil { full = try statement(rows: rowsPerStatement) }
        try parent?.flush()
        try write(pending, rows: rowsPerStatement, with: full)
        pending.removeAll(keepingCapacity: true)
    }

    /// Writes the rows still waiting, one statement each.
    func flush() throws {
        guard !pending.isEmpty else { return }
        try parent?.flush()
        if single == nil { single = try statement(rows: 1) }
        for start in stride(from: 0, to: pending.count, by: columns.count) {
            try write(Array(pending[start..<start + columns.count]), rows: 1, with: single)
        }
        pending.removeAll(keepingCapacity: true)
    }

    private func statement(rows: Int) throws -> BulkInsert {
        let row = "(" + Array(repeating: "?", count: columns.count).joined(separator: ", ") + ")"
        return try BulkInsert("""
            \(verb) INTO \(table) (\(columns.joined(separator: ", "))) \
            VALUES \(Array(repeating: row, count: rows).joined(separator: ", "))
            """, in: db)
    }

    /// Steps one statement and, when asked, records the ids of its rows: SQLite numbers the
    /// rows of one INSERT into a rowid table one after another, in the order of its VALUES,
    /// the last one `lastInsertedRowID`.
    private func write(_ values: [BulkInsert.Value], rows: Int, with statement: BulkInsert?) throws {
        guard let statement else { preconditionFailure("the statement is prepared before it is written") }
        try statement.execute(values)
        guard db.changesCount == rows else {
            throw StoreError.writeNotLanded(table: label, expected: rows, found: db.changesCount)
        }
        guard collectsIDs else { return }
        let last = db.lastInsertedRowID
        ids += (last - Int64(rows) + 1)...last
    }
}
