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
    /// Every execution binds this many values, so no binding outlives its row.
    private let parameterCount: Int

    /// SQLite's "the bytes stay where they are until the statement is stepped" destructor.
    private static let unmoved = unsafeBitCast(0, to: sqlite3_destructor_type.self)

    /// The texts of the row being inserted, one after the other and then a zero byte, which
    /// SQLite reads in place until the row is stepped: copied by SQLite, each text took a
    /// buffer of its own, allocated and freed, as many instructions as inserting the rows.
    private var texts: [UInt8] = []

    init(_ sql: String, in db: Database) throws {
        let prepared = try preparedStatement(sql, in: db)
        self.connection = sqlite3_db_handle(prepared)
        self.statement = prepared
        self.sql = sql
        parameterCount = Int(sqlite3_bind_parameter_count(prepared))
    }

    deinit {
        sqlite3_finalize(statement)
    }

    /// Inserts one row.
    func execute(_ values: Value...) throws {
        try execute(values)
    }

    /// Inserts one row, binding every parameter of the statement: each binding is replaced at
    /// the next row, so none is cleared (clearing took 5 % of a rebuild's inserts), and none is
    /// read after its row is stepped.
    func execute(_ values: [Value]) throws {
        precondition(values.count == parameterCount, "an INSERT of \(parameterCount) parameters binds \(values.count) values")
        defer { sqlite3_reset(statement) }
        Self.gather(values, into: &texts)
        let code = try texts.withUnsafeBufferPointer { buffer throws -> Int32 in
            let start = UnsafeRawPointer(buffer.baseAddress!).assumingMemoryBound(to: CChar.self)
            var offset = 0
            for (index, value) in zip(Int32(1)..., values) {
                let code: Int32
                switch value {
                case .text(let text):
                    let count = text.utf8.count
                    code = sqlite3_bind_text(statement, index, start + offset, Int32(count), BulkInsert.unmoved)
                    offset += count
                case .integer(let number):
                    code = sqlite3_bind_int64(statement, index, number)
                case .null:
                    code = sqlite3_bind_null(statement, index)
                }
                guard code == SQLITE_OK else { throw failure(code) }
            }
            return sqlite3_step(statement)
        }
        guard code == SQLITE_DONE else { throw failure(code) }
    }

    /// The row's texts one after the other, then a zero byte, so that the buffer is never
    /// empty: every text, the empty one too, has an address inside it. Each text is copied from
    /// its contiguous bytes (through its UTF-8 view the copy went byte by byte), and the buffer
    /// is taken once for the row (each access to the property is checked).
    private static func gather(_ values: [Value], into texts: inout [UInt8]) {
        texts.removeAll(keepingCapacity: true)
        for case .text(var text) in values { text.withUTF8 { texts.append(contentsOf: $0) } }
        texts.append(0)
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
