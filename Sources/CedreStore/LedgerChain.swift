import Crypto
import Foundation
import GRDB

/// The notice ledger's hash chain: one link per row of `check_run`, `notice` and
/// `notice_status`, in the order `check` wrote them, each hashing the previous link and the
/// row's columns, so an edited, deleted or inserted ledger row is named by `verify` the way
/// an edited event is.
enum LedgerChain {
    /// The ledger tables a link can point to, with the columns its hash covers (all but `id`).
    enum Entry: String, CaseIterable, Sendable {
        case checkRun = "check_run"
        case notice
        case noticeStatus = "notice_status"

        /// Every column of the row but its id, in the table's order.
        var columns: [String] {
            switch self {
            case .checkRun: ["as_of", "horizon_days", "ran_at", "actor", "last_event_id"]
            case .notice: ["stream", "rule", "due_on", "member_id", "scheme_id", "finding_id", "obligation", "first_run"]
            case .noticeStatus: ["notice_id", "run", "status"]
            }
        }

        /// Whether the table's constrained columns are written from typed values only: a
        /// notice's rule is a `NoticeRule`, a status a `NoticeLedger.LedgerStatus`; a run is
        /// one row, its horizon checked as it goes in.
        var rowsAreTyped: Bool { self != .checkRun }

        /// How `verify` names a row of the table.
        var rowName: String {
            switch self {
            case .checkRun: "check run"
            case .notice: "notice"
            case .noticeStatus: "notice status"
            }
        }
    }

    /// SHA-256 over the previous link's hash, the link's id, the table, the row's id and its
    /// columns, each length-prefixed (a NULL column written `-`), hex.
    static func hash(previous: String, link: Int64, entry: Entry, rowID: Int64, values: [DatabaseValue]) -> String {
        // One buffer per link, hashed at once: a first `check` chains tens of thousands.
        var bytes: [UInt8] = []
        bytes.reserveCapacity(256)
        EventLog.appendLengthPrefixed(previous, to: &bytes)
        EventLog.appendLengthPrefixed(link, to: &bytes)
        EventLog.appendLengthPrefixed(entry.rawValue, to: &bytes)
        EventLog.appendLengthPrefixed(rowID, to: &bytes)
        for value in values {
            switch value.storage {
            case .null: bytes.append(UInt8(ascii: "-"))
            case .int64(let number): EventLog.appendLengthPrefixed(number, to: &bytes)
            case .double(let number): EventLog.appendLengthPrefixed(String(number), to: &bytes)
            case .string(let text): EventLog.appendLengthPrefixed(text, to: &bytes)
            case .blob(let data): EventLog.appendLengthPrefixed(data.base64EncodedString(), to: &bytes)
            }
        }
        return EventLog.hexadecimal(SHA256.hash(data: bytes))
    }

    /// The last link's id and hash, or nil for an empty ledger.
    static func head(_ db: Database) throws -> (id: Int64, hash: String)? {
        try Row.fetchOne(db.cachedStatement(sql: "SELECT id, hash FROM ledger_chain ORDER BY id DESC LIMIT 1")).map { ($0[0], $0[1]) }
    }

    /// The columns a link hashes, read from the row itself: nil when the row is not there.
    static func values(of entry: Entry, row rowID: Int64, in db: Database) throws -> [DatabaseValue]? {
        let columns = entry.columns.joined(separator: ", ")
        let statement = try db.cachedStatement(sql: "SELECT \(columns) FROM \(entry.rawValue) WHERE id = ?")
        guard let row = try Row.fetchOne(statement, arguments: [rowID]) else { return nil }
        return entry.columns.indices.map { row[$0] as DatabaseValue }
    }

    /// Inserts ledger rows and chains each one, in the transaction of one `check` run (or of
    /// the migration that introduced the chain).
    ///
    /// Rows and links go in a hundred per statement, bound through SQLite's C API: a first run
    /// writes tens of thousands of both, and GRDB's boxed arguments and rows read back took 9 %
    /// of a first night's `check`. The chain's head is read once and then kept: the transaction
    /// holds the only writer. A row is chained with the values bound, which every ledger column
    /// stores as they are (texts in TEXT columns, integers in INTEGER ones), under the id
    /// SQLite gave it; a row a trigger discarded fails the write instead of being chained.
    final class Appender {
        private let db: Database
        private var head: (id: Int64, hash: String)?

        /// Rows per INSERT: a notice's 8 columns times this stays far below SQLite's 32,766
        /// bound parameters.
        private static let rowsPerStatement = 100

        init(_ db: Database) {
            self.db = db
        }

        /// Inserts `rows` (each the values of `entry.columns`) into `entry`'s table, chains
        /// them in that order, and returns their ids in that order.
        @discardableResult
        func insert(_ entry: Entry, rows: [[BulkInsert.Value]]) throws -> [Int64] {
            guard !rows.isEmpty else { return [] }
            let ids = try withoutCheckConstraints(entry.rowsAreTyped) {
                let insert = BatchedInsert(
                    into: entry.rawValue, columns: entry.columns, rowsPerStatement: Self.rowsPerStatement, collectingIDs: true,
                    label: "the notice ledger (\(entry.rawValue))", in: db)
                for row in rows { try insert.append(row) }
                try insert.flush()
                return insert.ids
            }
            try link(entry, zip(ids, rows).map { (id: $0, values: $1.map { $0.databaseValue }) })
            return ids
        }

        /// Runs `body`, whose INSERTs prepare their own statements and finalize them, with
        /// SQLite's CHECK constraints left out of those statements when `skipping` (the flag
        /// holds for statements prepared while it is set); restored as it was.
        ///
        /// A notice's rule, a status and a link's table are `NoticeRule`, `LedgerStatus` and
        /// `Entry` values, whose raw values the constraints list (`LedgerConstraintTests`), and
        /// a link's hashes are 64 hex digits by construction. Checked again, each `CHECK (… IN
        /// (…))` built and emptied an ephemeral table per row: on a first night at 100,000
        /// members (callgrind, main thread), SQLite's steps took 1,628.0 M instructions with the
        /// checks, 735.9 M without.
        private func withoutCheckConstraints<T>(_ skipping: Bool = true, _ body: () throws -> T) throws -> T {
            guard skipping, try Bool.fetchOne(db, sql: "PRAGMA ignore_check_constraints") == false else { return try body() }
            try db.execute(sql: "PRAGMA ignore_check_constraints = ON")
            defer { try? db.execute(sql: "PRAGMA ignore_check_constraints = OFF") }
            return try body()
        }

        /// Chains rows already in `entry`'s table, in the order of `ids`, each read back first:
        /// a row that is not there fails the write.
        func chain(_ entry: Entry, existing ids: [Int64]) throws {
            let rows = try ids.map { id in
                let values = try LedgerChain.values(of: entry, row: id, in: db)
                    .orThrow(StoreError.writeNotLanded(table: "the notice ledger (\(entry.rawValue))", expected: 1, found: 0))
                return (id: id, values: values)
            }
            try link(entry, rows)
        }

        /// Appends one link per row, in the order given.
        private func link(_ entry: Entry, _ rows: [(id: Int64, values: [DatabaseValue])]) throws {
            guard !rows.isEmpty else { return }
            let links = BatchedInsert(
                into: "ledger_chain", columns: ["id", "entry", "row_id", "prev_hash", "hash"],
                rowsPerStatement: Self.rowsPerStatement, label: "the notice ledger's chain", in: db)
            var (lastID, lastHash) = try head ?? LedgerChain.head(db) ?? (0, EventLog.genesisHash)
            try withoutCheckConstraints {
                for row in rows {
                    let link = lastID + 1
                    let hash = LedgerChain.hash(previous: lastHash, link: link, entry: entry, rowID: row.id, values: row.values)
                    try links.append([.integer(link), .text(entry.rawValue), .integer(row.id), .text(lastHash), .text(hash)])
                    (lastID, lastHash) = (link, hash)
                }
                try links.flush()
            }
            head = (lastID, lastHash)
        }
    }

    /// The first ledger row whose link is missing, broken or does not match it, in one sentence.
    static func firstProblem(in db: Database) throws -> String? {
        var previousHash = EventLog.genesisHash
        var previousID: Int64 = 0
        let links = try Row.fetchCursor(db, sql: "SELECT * FROM ledger_chain ORDER BY id")
        while let link = try links.next() {
            let id: Int64 = link["id"]
            let rowID: Int64 = link["row_id"]
            guard let entry = Entry(rawValue: link["entry"]) else {
                return "the notice ledger's chain is broken at link #\(id): it names no ledger table."
            }
            let name = "\(entry.rowName) #\(rowID)"
            if id != previousID + 1 { return "the notice ledger's chain is broken at link #\(id) (\(name)): links are missing before it." }
            if (link["prev_hash"] as String) != previousHash {
                return "the notice ledger's chain is broken at link #\(id) (\(name)): it does not link to the previous link's hash."
            }
            guard let values = try values(of: entry, row: rowID, in: db) else {
                return "the notice ledger's \(name) was deleted (chain link #\(id))."
            }
            let stored: String = link["hash"]
            if hash(previous: previousHash, link: id, entry: entry, rowID: rowID, values: values) != stored {
                return "the notice ledger's \(name) was changed: it does not match its hash (chain link #\(id))."
            }
            previousHash = stored
            previousID = id
        }
        if let head = try Row.fetchOne(db, sql: "SELECT id, hash FROM ledger_head"),
            (head["id"] as Int64) != previousID || (head["hash"] as String) != previousHash
        {
            return "the notice ledger's last links were removed (its head, kept apart, is link #\(head["id"] as Int64))."
        }
        for entry in Entry.allCases {
            if let stray = try Int64.fetchOne(db, sql: """
                SELECT id FROM \(entry.rawValue)
                WHERE id NOT IN (SELECT row_id FROM ledger_chain WHERE entry = ?) ORDER BY id LIMIT 1
                """, arguments: [entry.rawValue])
            {
                return "the notice ledger's \(entry.rowName) #\(stray) is not in its chain: it was inserted outside cedre."
            }
        }
        return nil
    }
}
