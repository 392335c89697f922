import GRDB

/// Rows of one table inserted many per statement, bound through SQLite's C API.
///
/// SQLite's cost is partly per statement: 100,000 notice rows with their two indexes and a
/// foreign key take 0.32–0.37 s one per statement and 0.23–0.25 s a hundred or more per
/// statement (C, SQLite 3.40.1). Rows wait in a buffer until a statement's worth is there;
/// `flush()` writes the rest. With more than one row per statement, nothing may read or delete
/// the table's rows between `append` and `flush`: only writes that do nothing but insert batch
/// their rows (a rebuild, a check run's ledger).
final class BatchedInsert {
    private let db: Database
    private let table: String
    private let columns: [String]
    private let rowsPerStatement: Int
    private let conflict: Conflict
    /// How a refusal names what was written (`the notice ledger's chain`).
    private let label: String
    /// The rows this table's foreign key names, written before each of its statements: SQLite
    /// checks the key as each row goes in.
    private let parent: BatchedInsert?
    private let collectsIDs: Bool
    private var full: BulkInsert?
    private var single: BulkInsert?
    private var pending: [BulkInsert.Value] = []
    /// With `collectingIDs`, the ids SQLite gave the rows written so far, in the order they
    /// were appended.
    private(set) var ids: [Int64] = []

    /// What a statement does with a row that breaks a constraint: SQLite's conflict clause.
    enum Conflict: String {
        /// Undo the statement's own rows, and fail (SQLite's default): SQLite then journals
        /// every page a statement of several rows changes, to undo them.
        case abort = "INSERT"
        /// Fail, leaving the statement's earlier rows, with no journal per statement: for a
        /// write that is undone whole when any of its statements fails (a rebuild of 1,082,564
        /// events journaled 903 MB into temporary files, and took 0.7–1.2 s longer).
        case fail = "INSERT OR FAIL"
        /// Replace the row of the same key.
        case replace = "INSERT OR REPLACE"
    }

    init(
        into table: String, columns: [String], rowsPerStatement: Int, collectingIDs: Bool = false,
        onConflict conflict: Conflict = .abort, label: String? = nil, after parent: BatchedInsert? = nil, in db: Database
    ) {
        self.db = db
        self.table = table
        self.columns = columns
        self.rowsPerStatement = max(1, rowsPerStatement)
        self.conflict = conflict
        self.label = label ?? table
        self.parent = parent
        collectsIDs = collectingIDs
        pending.reserveCapacity(self.rowsPerStatement * columns.count)
    }

    /// Adds a row (the values of `columns`), writing a statement's worth once there.
    func append(_ row: [BulkInsert.Value]) throws {
        precondition(row.count == columns.count, "a row of \(table) binds \(columns.count) values")
        pending += row
        guard pending.count == rowsPerStatement * columns.count else { return }
        let statement = try full ?? statement(rows: rowsPerStatement)
        full = statement
        try parent?.flush()
        try write(pending, rows: rowsPerStatement, with: statement)
        pending.removeAll(keepingCapacity: true)
    }

    /// Writes the rows still waiting, one statement each.
    func flush() throws {
        guard !pending.isEmpty else { return }
        try parent?.flush()
        let statement = try single ?? statement(rows: 1)
        single = statement
        for start in stride(from: 0, to: pending.count, by: columns.count) {
            try write(Array(pending[start..<start + columns.count]), rows: 1, with: statement)
        }
        pending.removeAll(keepingCapacity: true)
    }

    private func statement(rows: Int) throws -> BulkInsert {
        let row = "(" + Array(repeating: "?", count: columns.count).joined(separator: ", ") + ")"
        return try BulkInsert("""
            \(conflict.rawValue) INTO \(table) (\(columns.joined(separator: ", "))) \
            VALUES \(Array(repeating: row, count: rows).joined(separator: ", "))
            """, in: db)
    }

    /// Steps one statement and, when asked, records the ids of its rows: SQLite numbers the
    /// rows of one INSERT into a rowid table one after another, in the order of its VALUES,
    /// the last one `lastInsertedRowID`.
    private func write(_ values: [BulkInsert.Value], rows: Int, with statement: BulkInsert) throws {
        try statement.execute(values)
        guard db.changesCount == rows else {
            throw StoreError.writeNotLanded(table: label, expected: rows, found: db.changesCount)
        }
        guard collectsIDs else { return }
        let last = db.lastInsertedRowID
        ids += (last - Int64(rows) + 1)...last
    }
}
