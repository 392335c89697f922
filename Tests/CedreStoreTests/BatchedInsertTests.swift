@testable import CedreStore
import GRDB
import Testing

/// Rows batched a few per statement land as appended, in order, with the ids SQLite gave them,
/// the last ones (fewer than a statement's worth) written by `flush()`.
@Suite struct BatchedInsertTests {
    @Test func rowsAcrossStatementsLandInOrderWithTheirIDs() throws {
        let queue = try DatabaseQueue()
        let (ids, rows) = try queue.inDatabase { db in
            try db.execute(sql: "CREATE TABLE row (id INTEGER PRIMARY KEY, number INTEGER, text TEXT); INSERT INTO row VALUES (40, 0, 'before')")
            // Given 7 rows written 3 per statement
            let insert = BatchedInsert(into: "row", columns: ["number", "text"], rowsPerStatement: 3, collectingIDs: true, in: db)
            for number in 1...7 {
                try insert.append([.integer(Int64(number)), number == 5 ? .null : .text("row \(number)")])
            }
            // When the rest is flushed
            try insert.flush()
            return (insert.ids, try Row.fetchAll(db, sql: "SELECT id, number, text FROM row WHERE id > 40 ORDER BY id"))
        }
        // Then each row has its own id, numbered after the table's last one, in the order appended
        #expect(ids == Array(41...47))
        #expect(rows.map { $0[0] as Int64 } == ids)
        #expect(rows.map { $0[1] as Int64 } == Array(1...7))
        #expect(rows.map { $0[2] as String? } == ["row 1", "row 2", "row 3", "row 4", nil, "row 6", "row 7"])
    }

    @Test func rowsThatNameOthersStillWaitingWriteThemFirst() throws {
        let queue = try DatabaseQueue()
        let (audits, findings) = try queue.inDatabase { db in
            try db.execute(sql: """
                CREATE TABLE audit (id TEXT PRIMARY KEY);
                CREATE TABLE finding (id TEXT PRIMARY KEY, audit_id TEXT NOT NULL REFERENCES audit(id));
                """)
            // Given findings batched 2 per statement, each naming an audit batched 3 per statement
            let audit = BatchedInsert(into: "audit", columns: ["id"], rowsPerStatement: 3, in: db)
            let finding = BatchedInsert(into: "finding", columns: ["id", "audit_id"], rowsPerStatement: 2, after: audit, in: db)
            // When each audit is appended before its finding, whose statement comes first
            for number in 1...5 {
                try audit.append([.text("A\(number)")])
                try finding.append([.text("F\(number)"), .text("A\(number)")])
            }
            try finding.flush()
            try audit.flush()
            return (try String.fetchAll(db, sql: "SELECT id FROM audit ORDER BY id"), try String.fetchAll(db, sql: "SELECT id FROM finding ORDER BY id"))
        }
        // Then every audit went in before the findings that name it: the foreign key holds
        #expect(audits == ["A1", "A2", "A3", "A4", "A5"])
        #expect(findings == ["F1", "F2", "F3", "F4", "F5"])
    }

    @Test func aRowATriggerDiscardsFailsTheWrite() throws {
        let queue = try DatabaseQueue()
        // Given a trigger that silently drops one row
        try queue.inDatabase { db in
            try db.execute(sql: """
                CREATE TABLE row (id INTEGER PRIMARY KEY, number INTEGER);
                CREATE TRIGGER drops BEFORE INSERT ON row WHEN NEW.number = 2 BEGIN SELECT RAISE(IGNORE); END;
                """)
        }
        for rowsPerStatement in [1, 4] {
            // When rows including it are batched
            let thrown = #expect(throws: StoreError.self) {
                try queue.inDatabase { db in
                    let insert = BatchedInsert(
                        into: "row", columns: ["number"], rowsPerStatement: rowsPerStatement, label: "the rows", in: db)
                    for number in 1...4 { try insert.append([.integer(Int64(number))]) }
                    try insert.flush()
                }
            }
            // Then the write fails, naming what was written
            guard case .writeNotLanded(let table, _, _) = thrown else {
                Issue.record("expected writeNotLanded, got \(String(describing: thrown))")
                continue
            }
            #expect(table == "the rows")
        }
    }
}
