@testable import CedreStore
import GRDB
import Testing

/// The rows the bulk insert writes are the values it was given, bound through SQLite's C API:
/// texts whatever their length (stored inside the string or apart), an empty text kept apart
/// from NULL.
@Suite struct BulkInsertTests {
    @Test func eachRowHoldsTheValuesItWasGiven() throws {
        // Given texts stored inside the string (up to 15 bytes) and apart from it, accented, empty
        let texts = ["", "a", "Île-de-France", "synthetique-049762", "certification/synthetique-049762/cedre-iso9001", "é" + String(repeating: "x", count: 300)]
        let queue = try DatabaseQueue()
        let rows = try queue.inDatabase { db in
            try db.execute(sql: "CREATE TABLE row (number INTEGER, text TEXT, other TEXT, absent TEXT)")
            // When each is written beside another text, a number and a NULL, row after row
            let insert = try BulkInsert("INSERT INTO row (number, text, other, absent) VALUES (?, ?, ?, ?)", in: db)
            for (number, text) in texts.enumerated() {
                try insert.execute(.integer(Int64(number)), .text(text), .text(String(text.reversed())), .null)
            }
            return try Row.fetchAll(db, sql: "SELECT number, text, other, absent, typeof(text) FROM row ORDER BY number")
        }
        // Then every row reads back as written, the empty text as text
        #expect(rows.map { $0[1] as String? } == texts)
        #expect(rows.map { $0[2] as String? } == texts.map { String($0.reversed()) })
        #expect(rows.allSatisfy { ($0[3] as String?) == nil && ($0[4] as String?) == "text" })
        #expect(rows.map { $0[0] as Int64 } == texts.indices.map(Int64.init))
    }
}
