@testable import CedreStore
import GRDB
import Testing

/// The merge behind the status counts hands each member its own rows, in SQLite's order of
/// member ids, whatever rows the pass has no member for.
@Suite struct MemberOrderedRowsTests {
    @Test func eachMemberTakesItsOwnRowsAndRowsOfUnknownMembersArePassedOver() throws {
        // Given rows sorted by SQLite, some of members the pass does not ask for (before the
        // first, between two, after the last), one skipped by its reader, and ids that Swift
        // compares otherwise than SQLite: é precomposed, and e with a combining accent, which
        // Swift holds equal (and "éx" written with the accent after "éa") but SQLite sorts
        // by their bytes
        let queue = try DatabaseQueue()
        let taken = try queue.inDatabase { db in
            try db.execute(sql: """
                CREATE TEMP TABLE row (member_id TEXT NOT NULL, value INTEGER);
                INSERT INTO row VALUES ('A', 1), ('B', 2), ('B', 3), ('C', 4), ('D', NULL), ('D', 5), ('Z', 6),
                    ('e\u{301}', 7), ('e\u{301}x', 8), ('\u{E9}', 9), ('\u{E9}a', 10), ('\u{E9}a', 11), ('\u{FF}', 12);
                """)
            var rows = MemberOrderedRows(try Row.fetchCursor(db, sql: "SELECT member_id, value FROM row ORDER BY member_id")) { row in
                row[1] as Int?
            }
            // When the pass asks for its members in SQLite's order, one of them without rows
            var taken: [String: [Int]] = [:]
            for member in ["B", "D", "M", "Z", "\u{E9}", "\u{E9}a"] {
                try rows.take(member) { taken[member, default: []].append($0) }
            }
            return taken
        }
        // Then each member has its own rows: those of A, C, the accented e's and ÿ are nobody's
        #expect(taken == ["B": [2, 3], "D": [5], "Z": [6], "\u{E9}": [9], "\u{E9}a": [10, 11]])
    }
}
