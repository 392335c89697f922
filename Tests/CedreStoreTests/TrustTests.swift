import CedreCore
@testable import CedreStore
import CedreTestSupport
import Foundation
import GRDB
import Synchronization
import Testing

/// What `verify` sees beyond the event log (DESIGN §5, "Trust beyond the file"): the chained
/// notice ledger, the schema, writes read back, and heads witnessed outside the database.
@Suite struct TrustTests {
    /// A store whose ledger holds two runs: a notice reported new on 2014-05-03, then closed on
    /// 2016-06-01 when the certificate expired (a run that changes nothing records no run).
    private func checked() throws -> CedreStore {
        let store = try Scenario.store()
        for day: Day in ["2014-05-03", "2014-06-01", "2016-06-01"] {
            try store.check(CheckRequest(asOf: day, horizonDays: 60, dryRun: false, actor: "cron", now: Date()))
        }
        return store
    }

    private func execute(_ store: CedreStore, _ sql: String) throws {
        try store.writer.writeWithoutTransaction { db in try db.execute(sql: sql) }
    }

    // MARK: - Output, then commit

    @Test func aCheckWhoseOutputFailsRecordsNothingAndTheRerunReportsEveryNoticeAsNew() throws {
        struct DiskFull: Error {}
        let store = try Scenario.store()
        let request = CheckRequest(asOf: "2016-06-01", horizonDays: 60, dryRun: false, actor: "cron", now: Date())
        #expect(throws: DiskFull.self) { try store.check(request) { _ in throw DiskFull() } }
        #expect(try store.ledgerCount() == 0)
        let rerun = try store.check(request)
        #expect(!rerun.notices.isEmpty)
        #expect(rerun.notices.allSatisfy { $0.status == .new })
        #expect(try store.verify().problem == nil)
    }

    @Test func aCheckDeliversWhatItFoundWithTheLogHeadThenCommits() throws {
        let store = try Scenario.store()
        let delivery = Mutex<CheckResult?>(nil)
        try store.check(CheckRequest(asOf: "2014-05-03", horizonDays: 0, dryRun: false, actor: "cron", now: Date())) { found in
            delivery.withLock { $0 = found }
        }
        let delivered = delivery.withLock { $0 }
        #expect(delivered?.notices.map(\.notice.rule) == [.surveillanceOverdue])
        #expect(delivered?.head == (try store.head()))
        #expect(delivered?.head.count == 10)
        #expect(try store.ledgerCount() == 1)
    }

    // MARK: - The chained ledger

    @Test func aLedgerThatHoldsPassesVerify() throws {
        let store = try checked()
        #expect(try store.verify().problem == nil)
    }

    @Test func anEditedNoticeIsNamed() throws {
        let store = try checked()
        try execute(store, "DROP TRIGGER notice_refuses_update; UPDATE notice SET due_on = '2014-05-04' WHERE id = 1")
        let problem = try #require(try store.verify().problem)
        #expect(problem.contains("the notice ledger's notice #1 was changed"))
    }

    @Test func aDeletedNoticeIsNamed() throws {
        let store = try checked()
        try execute(store, "PRAGMA foreign_keys = OFF; DROP TRIGGER notice_refuses_delete; DELETE FROM notice WHERE id = 1")
        #expect(try store.verify().problem?.contains("the notice ledger's notice #1 was deleted") == true)
    }

    @Test func aNoticeInsertedWithoutDroppingATriggerIsNamed() throws {
        let store = try checked()
        try execute(store, """
            INSERT INTO notice (stream, rule, due_on, member_id, scheme_id, first_run)
            VALUES ('certification/solipass/cedre', 'major-finding-overdue', '2016-07-01', 'solipass', 'cedre', 1)
            """)
        let inserted = try store.writer.read { db in try Int64.fetchOne(db, sql: "SELECT max(id) FROM notice") ?? 0 }
        let problem = try #require(try store.verify().problem)
        #expect(problem.contains("notice #\(inserted) is not in its chain: it was inserted outside cedre"))
    }

    @Test func anEditedCheckRunAndStatusAreNamed() throws {
        let store = try checked()
        try execute(store, "DROP TRIGGER check_run_refuses_update; UPDATE check_run SET horizon_days = 0 WHERE id = 2")
        #expect(try store.verify().problem?.contains("check run #2 was changed") == true)
    }

    @Test func aCutLedgerTailIsNamed() throws {
        let store = try checked()
        let last = try #require(try store.writer.read { db in
            try Row.fetchOne(db, sql: "SELECT id, entry, row_id FROM ledger_chain ORDER BY id DESC LIMIT 1")
        })
        let table: String = last["entry"]
        try execute(store, """
            PRAGMA foreign_keys = OFF; DROP TRIGGER ledger_chain_refuses_delete; DROP TRIGGER \(table)_refuses_delete;
            DELETE FROM ledger_chain WHERE id = \(last["id"] as Int64); DELETE FROM \(table) WHERE id = \(last["row_id"] as Int64)
            """)
        #expect(try store.verify().problem?.contains("the notice ledger's last links were removed") == true)
    }

    @Test func theMigrationChainsALedgerWrittenBeforeIt() throws {
        let store = try checked()
        try store.writer.write { db in
            try db.execute(sql: """
                DROP TABLE ledger_chain; DROP TABLE ledger_head;
                DELETE FROM grdb_migrations WHERE identifier IN ('v2-chained-ledger', 'v8-ledger-hashes-unindexed')
                """)
        }
        let migrated = try CedreStore(writer: store.writer)
        let (links, rows) = try migrated.writer.read { db in
            (try Int.fetchOne(db, sql: "SELECT count(*) FROM ledger_chain") ?? 0,
             try Int.fetchOne(db, sql: "SELECT (SELECT count(*) FROM check_run) + (SELECT count(*) FROM notice) + (SELECT count(*) FROM notice_status)") ?? -1)
        }
        #expect(links == rows)
        #expect(links > 2)
        #expect(try migrated.verify().problem == nil)
    }

    @Test func theLedgerHashesLoseTheirIndexAndKeepEveryLinkAndTheHead() throws {
        // Given a database of v7, whose ledger hashes were UNIQUE
        let store = try checked()
        let tables = ["event", "ledger_chain", "ledger_head", "log_head"]
        let before = try store.writer.read { db in try tables.map { try Row.fetchAll(db, sql: "SELECT * FROM \($0) ORDER BY 1") } }
        try store.writer.write { db in
            try Migrations.rebuild("ledger_chain", in: db) { sql in
                sql.replacingOccurrences(of: " hash TEXT NOT NULL CHECK", with: " hash TEXT NOT NULL UNIQUE CHECK")
            }
            try db.execute(sql: "DELETE FROM grdb_migrations WHERE identifier = 'v8-ledger-hashes-unindexed'")
        }
        #expect(try store.writer.read { db in try Self.uniqueIndexes(of: "ledger_chain", db) }.count == 2)

        // When the store opens it
        let migrated = try CedreStore(writer: store.writer)

        // Then every event, link and head is the same, the links' hashes have no index left
        // (the log's keep theirs), the schema is Schemas/schema.sql's, the ledger is still
        // append-only, and it verifies
        let (after, eventIndexes, linkIndexes, drift) = try migrated.writer.read { db in
            (try tables.map { try Row.fetchAll(db, sql: "SELECT * FROM \($0) ORDER BY 1") },
             try Self.uniqueIndexes(of: "event", db), try Self.uniqueIndexes(of: "ledger_chain", db), try SchemaDrift.differences(in: db))
        }
        #expect(after == before)
        #expect(eventIndexes == [["hash"]])
        #expect(linkIndexes == [["entry", "row_id"]])
        #expect(drift.isEmpty)
        try migrated.writer.write { db in
            #expect(throws: DatabaseError.self) { try db.execute(sql: "DELETE FROM ledger_chain WHERE id = 1") }
            #expect(throws: DatabaseError.self) { try db.execute(sql: "UPDATE ledger_chain SET hash = prev_hash WHERE id = 1") }
        }
        #expect(try migrated.verify().problem == nil)
    }

    /// The columns of each index a UNIQUE constraint of `table` gives it.
    private static func uniqueIndexes(of table: String, _ db: Database) throws -> [[String]] {
        try String.fetchAll(db, sql: "SELECT name FROM pragma_index_list(?) WHERE origin = 'u' ORDER BY name", arguments: [table])
            .map { try String.fetchAll(db, sql: "SELECT name FROM pragma_index_info(?) ORDER BY seqno", arguments: [$0]) }
    }

    // MARK: - The schema

    @Test func aDroppedTriggerIsNamed() throws {
        let store = try Scenario.store()
        try execute(store, "DROP TRIGGER event_refuses_delete")
        #expect(try store.verify().problem == "the schema differs from Schemas/schema.sql: trigger event_refuses_delete is missing.")
    }

    @Test func anAddedTriggerAndAChangedTableAreNamed() throws {
        let store = try Scenario.store()
        try execute(store, """
            CREATE TRIGGER event_discards_inserts BEFORE INSERT ON event BEGIN SELECT RAISE(IGNORE); END;
            DROP INDEX member_by_region; CREATE INDEX member_by_region ON member(region);
            """)
        #expect(try store.verify().problem == """
            the schema differs from Schemas/schema.sql: index member_by_region was changed, trigger event_discards_inserts was added.
            """)
    }

    // MARK: - Writes read back

    @Test func aWriteThatATriggerDiscardsFailsInsteadOfReportingSuccess() throws {
        let store = try Scenario.store()
        try execute(store, "CREATE TRIGGER event_discards_inserts BEFORE INSERT ON event BEGIN SELECT RAISE(IGNORE); END")
        let before = try store.eventCount()
        #expect(throws: StoreError.writeNotLanded(table: "the event log", expected: 1, found: 0)) {
            try store.record([DatedFact(.certificationSuspended(Scenario.key, reason: .memberRequest), on: "2014-01-10")], context: .tests())
        }
        #expect(try store.eventCount() == before)
    }

    @Test func aLedgerWriteThatATriggerDiscardsFailsTheCheck() throws {
        let store = try Scenario.store()
        try execute(store, "CREATE TRIGGER notice_discarded BEFORE INSERT ON notice BEGIN SELECT RAISE(IGNORE); END")
        #expect(throws: StoreError.self) {
            try store.check(CheckRequest(asOf: "2014-05-03", horizonDays: 0, dryRun: false, actor: "cron", now: Date()))
        }
        #expect(try store.ledgerCount() == 0)
    }

    @Test func aFileDatabaseSyncsEveryCommitSoAFactSurvivesAPowerCut() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("cedre-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let store = try CedreStore.open(path: folder.appendingPathComponent("cedre.sqlite").path)
        let synchronous = try store.writer.read { db in try Int.fetchOne(db, sql: "PRAGMA synchronous") }
        #expect(synchronous == 2, "2 is FULL")
    }

    @Test func aFileDatabaseDoesNotZeroTheRowsItDeletes() throws {
        // Only derived rows are deleted, and what they held stays in the log: zeroing them made
        // a rebuild empty its projections 4 times slower where SQLite is built to (Debian).
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("cedre-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let store = try CedreStore.open(path: folder.appendingPathComponent("cedre.sqlite").path)
        let secureDelete = try store.writer.read { db in try Int.fetchOne(db, sql: "PRAGMA secure_delete") }
        #expect(secureDelete == 0)
    }

    @Test func aNewFileDatabaseHasSixteenKibibytePagesAndAnOlderOneKeepsItsOwn() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("cedre-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let pageSize = { (store: CedreStore) in try store.writer.read { db in try Int.fetchOne(db, sql: "PRAGMA page_size") } }
        let fresh = try CedreStore.open(path: folder.appendingPathComponent("new.sqlite").path)
        #expect(try pageSize(fresh) == 16_384)

        let olderPath = folder.appendingPathComponent("older.sqlite").path
        do {
            let queue = try DatabaseQueue(path: olderPath)
            try queue.writeWithoutTransaction { db in try db.execute(sql: "PRAGMA page_size = 4096; PRAGMA journal_mode = WAL") }
            _ = try CedreStore(writer: queue)
        }
        let older = try CedreStore.open(path: olderPath)
        #expect(try pageSize(older) == 4_096)
        try older.record(Scenario.certifiedMember)
        #expect(try older.rebuild() == Scenario.certifiedMember.count)
        #expect(try older.member("solipass") != nil)
    }

    // MARK: - Witnessed heads

    private func witnessed(_ head: LogHead, line: Int = 1, on day: Day = "2014-05-03") throws -> WitnessedHead {
        try #require(WitnessedHead(line: line, text: head.witnessLine(on: day)))
    }

    @Test func theLogExtendsAHeadWitnessedBeforeLaterFacts() throws {
        let store = try Scenario.store()
        let early = try witnessed(try store.head())
        try store.record([(.certificationSuspended(Scenario.key, reason: .memberRequest), "2014-01-10")])
        #expect(try store.verify(witnessed: [early, try witnessed(try store.head(), line: 2)]).problem == nil)
    }

    @Test func aChainRewrittenWithRecomputedHashesNoLongerExtendsTheWitnessedHead() throws {
        let store = try Scenario.store()
        let head = try witnessed(try store.head(), line: 1)
        try rewriteActor(of: store, from: 6)
        #expect(try store.verify().problem == nil, "without a witness, a careful rewrite passes")
        let problem = try #require(try store.verify(witnessed: [head]).problem)
        #expect(problem.contains("witness line 1: 10 events"))
        #expect(problem.contains("event #10 now has another hash: the chain up to it was rewritten"))
    }

    @Test func aCutTailNoLongerExtendsTheWitnessedHead() throws {
        let store = try Scenario.store()
        let head = try witnessed(try store.head())
        try store.writer.write { db in
            try db.execute(sql: "DROP TRIGGER event_refuses_delete; DELETE FROM event WHERE id > 8")
            try db.execute(sql: "UPDATE log_head SET id = 8, hash = (SELECT hash FROM event WHERE id = 8)")
        }
        let problem = try #require(try store.verify(witnessed: [head]).problem)
        #expect(problem.contains("the log holds 8 events, fewer than the 10 witnessed: its tail was cut"))
    }

    @Test func aWitnessLineMustReadCountHashDay() {
        #expect(WitnessedHead(line: 1, text: "10 \(String(repeating: "a", count: 64)) 2014-05-03") != nil)
        #expect(WitnessedHead(line: 1, text: "10 \(String(repeating: "a", count: 63)) 2014-05-03") == nil)
        #expect(WitnessedHead(line: 1, text: "-1 \(String(repeating: "a", count: 64)) 2014-05-03") == nil)
        #expect(WitnessedHead(line: 1, text: "10 \(String(repeating: "a", count: 64))") == nil)
    }

    /// Rewrites every row's actor from `first` on, recomputing each hash and the head, as
    /// someone who can write the file could.
    private func rewriteActor(of store: CedreStore, from first: Int64) throws {
        try store.writer.write { db in
            try db.execute(sql: "DROP TRIGGER event_refuses_update")
            var previous = try String.fetchOne(db, sql: "SELECT hash FROM event WHERE id = ?", arguments: [first - 1]) ?? ""
            for row in try Row.fetchAll(db, sql: "SELECT * FROM event WHERE id >= ? ORDER BY id", arguments: [first]) {
                let id: Int64 = row["id"]
                let hash = EventLog.hash(
                    id: id, stream: row["stream"], kind: row["kind"], occurredOn: try #require(Day(row["occurred_on"] as String)),
                    recordedAt: row["recorded_at"], actor: "someone else", payload: row["payload"], previousHash: previous)
                try db.execute(
                    sql: "UPDATE event SET actor = 'someone else', prev_hash = ?, hash = ? WHERE id = ?",
                    arguments: [previous, hash, id])
                previous = hash
            }
            try db.execute(sql: "UPDATE log_head SET hash = ?", arguments: [previous])
            try db.execute(sql: """
                CREATE TRIGGER event_refuses_update BEFORE UPDATE ON event
                BEGIN
                    SELECT RAISE(ABORT, 'the event log is append-only: events cannot be changed');
                END
                """)
        }
    }
}
