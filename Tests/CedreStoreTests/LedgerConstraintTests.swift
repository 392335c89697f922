import CedreCore
@testable import CedreStore
import CedreTestSupport
import Foundation
import GRDB
import Testing

/// A check run writes notices, statuses and links without SQLite checking again the values it
/// takes from types: the lists the constraints hold are those types' values, and the
/// constraints hold again for every other statement once the run is over.
@Suite struct LedgerConstraintTests {
    /// The quoted values of the `CHECK (column IN (…))` of `table`, as its schema writes them.
    private func checkList(of column: String, in table: String, _ store: CedreStore) throws -> Set<String> {
        let sql = try #require(try store.writer.read { db in
            try String.fetchOne(db, sql: "SELECT sql FROM sqlite_master WHERE type = 'table' AND name = ?", arguments: [table])
        })
        let start = try #require(sql.range(of: "CHECK (\(column) IN (")).upperBound
        let list = sql[start...]
        let end = try #require(list.firstIndex(of: ")"))
        return Set(list[..<end].split(separator: ",").map {
            $0.trimmingCharacters(in: .whitespacesAndNewlines).trimmingCharacters(in: CharacterSet(charactersIn: "'"))
        })
    }

    @Test func theConstraintsListExactlyTheValuesOfTheTypesTheRunWrites() throws {
        let store = try CedreStore.inMemory()
        #expect(try checkList(of: "rule", in: "notice", store) == Set(NoticeRule.allCases.map(\.rawValue)))
        #expect(try checkList(of: "status", in: "notice_status", store) == Set(NoticeLedger.LedgerStatus.allCases.map(\.rawValue)))
        #expect(try checkList(of: "entry", in: "ledger_chain", store) == Set(LedgerChain.Entry.allCases.map(\.rawValue)))
    }

    @Test func afterARunThatWroteNoticesTheConstraintsRefuseAnUnknownRuleStatusAndTable() throws {
        let store = try Scenario.store()
        let run = try store.check(CheckRequest(asOf: "2016-06-01", horizonDays: 30, dryRun: false, actor: "cron", now: Date()))
        #expect(!run.notices.isEmpty)
        #expect(try store.writer.read { db in try Bool.fetchOne(db, sql: "PRAGMA ignore_check_constraints") } == false)
        let before = try store.ledgerCount()
        #expect(throws: DatabaseError.self) {
            try store.writer.write { db in
                try db.execute(sql: """
                    INSERT INTO notice (stream, rule, due_on, member_id, scheme_id, first_run)
                    VALUES ('certification/solipass/cedre', 'made-up', '2016-06-01', 'solipass', 'cedre', 1)
                    """)
            }
        }
        #expect(throws: DatabaseError.self) {
            try store.writer.write { db in
                try db.execute(sql: """
                    INSERT INTO ledger_chain (entry, row_id, prev_hash, hash) VALUES ('made_up', 1, printf('%064d', 0), printf('%064d', 1))
                    """)
            }
        }
        #expect(throws: DatabaseError.self) {
            try store.writer.write { db in
                try db.execute(sql: "INSERT INTO notice_status (notice_id, run, status) VALUES (1, 1, 'made-up')")
            }
        }
        #expect(try store.ledgerCount() == before)
    }
}
