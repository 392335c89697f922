import CedreCore
@testable import CedreStore
import CedreTestSupport
import Foundation
import GRDB
import Testing

@Suite struct EventLogTests {
    private func store(with facts: [(Fact, Day)] = Scenario.certified) throws -> CedreStore {
        let store = try CedreStore.inMemory()
        try store.record([(.memberAdded(.sample("solipass", type: .ges), joined: nil), "2013-01-01")] + facts)
        return store
    }

    @Test func eachEventIsChainedToThePreviousOne() throws {
        let events = try store().events()
        #expect(events.count == 10)
        #expect(events.first?.previousHash == String(repeating: "0", count: 64))
        for (previous, next) in zip(events, events.dropFirst()) {
            #expect(next.previousHash == previous.hash)
            #expect(next.id == previous.id + 1)
        }
        #expect(Set(events.map(\.hash)).count == events.count)
    }

    @Test func theLogRefusesUpdatesAndDeletes() throws {
        let store = try store()
        #expect(throws: DatabaseError.self) {
            try store.writer.write { db in try db.execute(sql: "UPDATE event SET actor = 'mallory' WHERE id = 3") }
        }
        #expect(throws: DatabaseError.self) {
            try store.writer.write { db in try db.execute(sql: "DELETE FROM event WHERE id = 10") }
        }
        #expect(try store.verify().problem == nil)
    }

    @Test(arguments: ["payload", "actor", "occurred_on", "recorded_at", "kind", "stream", "hash", "prev_hash"])
    func verifyNamesTheFirstTamperedRow(column: String) throws {
        let store = try store()
        try store.writer.write { db in
            try db.execute(sql: "DROP TRIGGER event_refuses_update")
            let replacement: String
            switch column {
            case "payload": replacement = #"'{"member":"solipass","scheme":"cedre-iso"}'"#
            case "occurred_on": replacement = "'2013-03-02'"
            case "hash", "prev_hash": replacement = "'" + String(repeating: "a", count: 64) + "'"
            default: replacement = "'edited'"
            }
            try db.execute(sql: "UPDATE event SET \(column) = \(replacement) WHERE id = 4")
        }
        let report = try store.verify()
        #expect(report.chainBreak?.id == 4)
        #expect(report.problem?.contains("event #4") == true)
    }

    @Test func verifyNoticesARemovedRow() throws {
        let store = try store()
        try store.writer.write { db in
            try db.execute(sql: "DROP TRIGGER event_refuses_delete")
            try db.execute(sql: "DELETE FROM event WHERE id = 6")
        }
        #expect(try store.verify().chainBreak == ChainBreak(id: 7, reason: .missingRowBefore))
    }

    @Test func verifyNoticesProjectionsThatDoNotMatchTheLog() throws {
        let store = try store()
        try store.writer.write { db in try db.execute(sql: "UPDATE certification SET expires_on = '2017-05-02'") }
        let report = try store.verify()
        #expect(report.chainBreak == nil)
        #expect(report.problem?.contains("rebuild") == true)
        try store.rebuild()
        #expect(try store.verify().problem == nil)
    }

    @Test func rebuildGivesByteIdenticalProjections() throws {
        let store = try store(with: Scenario.certified + [
            (.auditPlanned(Scenario.key, "A-2014-0001", kind: .surveillance, scheduledOn: "2014-04-10", auditors: ["X"]), "2014-03-01"),
            (.auditConducted(Scenario.key, "A-2014-0001"), "2014-04-10"),
            (.findingRaised(Scenario.key, "F-2014-0001", audit: "A-2014-0001", grade: "minor", requirement: "7.1", statement: "s"), "2014-04-10"),
            (.certificationSuspended(Scenario.key, reason: .memberRequest), "2014-06-01"),
        ])
        let before = try store.projectionDump()
        #expect(before.count > 10)
        try store.rebuild()
        #expect(try store.projectionDump() == before)
    }

    @Test func aRebuildOfMoreDossiersThanOneBatchGivesTheSameRowsAndAnUnreadableEventChangesNothing() throws {
        // Given 1,030 engaged certifications: more than one batch (1,024 dossiers) of the streamed replay
        let store = try CedreStore.inMemory()
        var facts: [DatedFact] = []
        for index in 0..<1_030 {
            let id = MemberID(rawValue: "member-\(1_000 + index)")
            facts += [DatedFact(.memberAdded(.sample(id), joined: nil), on: "2013-01-01"), DatedFact(.certificationEngaged(.cedre(id)), on: "2013-01-10")]
        }
        try store.record(facts, context: .tests())
        let before = try store.projectionDump()

        // When it is rebuilt, then every row is as the writes left it
        try store.rebuild()
        #expect(try store.projectionDump() == before)

        // And when an event of the last batch cannot be read, the rebuild fails and changes nothing
        try store.writer.write { db in
            try db.execute(sql: "DROP TRIGGER event_refuses_update")
            try db.execute(sql: #"UPDATE event SET payload = '{"member":"member-2029"}' WHERE stream = 'certification/member-2029/cedre'"#)
        }
        #expect(throws: StoreError.self) { try store.rebuild() }
        #expect(try store.projectionDump() == before)
    }

    /// A rebuild writes its rows without evaluating the tables' CHECK constraints or foreign
    /// keys again (the writes that made them did); the same connection enforces both after it,
    /// whether the rebuild landed or failed, and a rebuilt finding names an audit that exists.
    @Test func afterARebuildTheTablesCheckTheirRowsAgain() throws {
        let store = try store(with: Scenario.certified + [
            (.auditPlanned(Scenario.key, "A-2014-0001", kind: .surveillance, scheduledOn: "2014-04-10", auditors: ["X"]), "2014-03-01"),
            (.auditConducted(Scenario.key, "A-2014-0001"), "2014-04-10"),
            (.findingRaised(Scenario.key, "F-2014-0001", audit: "A-2014-0001", grade: "minor", requirement: "7.1", statement: "s"), "2014-04-10"),
        ])
        func expectRefused() {
            #expect {
                try store.writer.write { db in
                    try db.execute(sql: """
                        INSERT INTO certification (member_id, scheme_id, state, engaged_on, last_fact_on)
                        VALUES ('nobody', 'cedre', 'dreaming', '2014-01-01', '2014-01-01')
                        """)
                }
            } throws: { ($0 as? DatabaseError)?.extendedResultCode == .SQLITE_CONSTRAINT_CHECK }
            #expect {
                try store.writer.write { db in
                    try db.execute(sql: """
                        INSERT INTO finding (id, member_id, scheme_id, audit_id, grade, original_grade, requirement, statement,
                            state, raised_on, audit_on, effective_grade)
                        VALUES ('F-0', 'solipass', 'cedre', 'A-none', 'minor', 'minor', '7.1', 's', 'open', '2014-01-01',
                            '2014-01-01', 'minor')
                        """)
                }
            } throws: { ($0 as? DatabaseError)?.extendedResultCode == .SQLITE_CONSTRAINT_FOREIGNKEY }
        }
        expectRefused()
        try store.rebuild()
        expectRefused()
        #expect(try store.writer.read { db in try Row.fetchAll(db, sql: "PRAGMA foreign_key_check") }.isEmpty)
        #expect(try store.writer.read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM finding") } ?? 0 > 0)
        try store.writer.write { db in
            try db.execute(sql: "DROP TRIGGER event_refuses_update")
            try db.execute(sql: #"UPDATE event SET payload = '{"member":"solipass"}' WHERE stream LIKE 'certification/%'"#)
        }
        #expect(throws: StoreError.self) { try store.rebuild() }
        expectRefused()
    }

    /// A rebuild keeps its statements' journals in memory (`Projections.inReplayTransaction`);
    /// the connection's own setting is back once it lands, or fails.
    @Test func aRebuildGivesBackTheConnectionsTemporaryStore() throws {
        let store = try store(with: Scenario.certified)
        func tempStore() throws -> Int? {
            try store.writer.writeWithoutTransaction { db in try Int.fetchOne(db, sql: "PRAGMA temp_store") }
        }
        for setting in [1, 2, 0] {
            try store.writer.writeWithoutTransaction { db in try db.execute(sql: "PRAGMA temp_store = \(setting)") }
            try store.rebuild()
            #expect(try tempStore() == setting)
        }
        try store.writer.writeWithoutTransaction { db in
            try db.execute(sql: "PRAGMA temp_store = FILE; DROP TRIGGER event_refuses_update")
            try db.execute(sql: #"UPDATE event SET payload = '{"member":"solipass"}' WHERE stream LIKE 'certification/%'"#)
        }
        #expect(throws: StoreError.self) { try store.rebuild() }
        #expect(try tempStore() == 1)
    }

    /// A rebuild writes a hundred rows per statement, and a statement stops at a row that breaks
    /// a key without undoing its own earlier rows: the rebuild as a whole is undone.
    @Test func aRebuildThatBreaksAKeyChangesNothing() throws {
        // Given 120 certifications, each with an audit
        let store = try CedreStore.inMemory()
        var facts: [DatedFact] = []
        for index in 1...120 {
            let id = MemberID(rawValue: "member-\(1_000 + index)")
            facts += [
                DatedFact(.memberAdded(.sample(id), joined: nil), on: "2013-01-01"),
                DatedFact(.certificationEngaged(.cedre(id)), on: "2013-01-10"),
                DatedFact(
                    .auditPlanned(.cedre(id), AuditID(rawValue: "A-2013-\(1_000 + index)"), kind: .initial, scheduledOn: "2013-03-01", auditors: ["X"]),
                    on: "2013-02-01"),
            ]
        }
        try store.record(facts, context: .tests())
        let before = try store.projectionDump()
        // When the log is altered so that the 60th audit has the 50th's id (both in the first
        // statement of audits), and the store is rebuilt
        try store.writer.write { db in
            try db.execute(sql: "DROP TRIGGER event_refuses_update")
            try db.execute(sql: "UPDATE event SET payload = replace(payload, 'A-2013-1060', 'A-2013-1050')")
        }
        // Then the 60th audit's row is refused, and every projection is as it was
        #expect { try store.rebuild() } throws: { ($0 as? DatabaseError)?.extendedResultCode == .SQLITE_CONSTRAINT_PRIMARYKEY }
        #expect(try store.projectionDump() == before)
    }

    @Test func theMigratedSchemaIsTheOneInSchemasFolder() throws {
        let migrated = try DatabaseQueue()
        try Migrations.migrator.migrate(migrated)
        let sql = try migrated.read { db in
            try String.fetchAll(db, sql: """
                SELECT sql || ';' FROM sqlite_master
                WHERE sql IS NOT NULL AND name NOT LIKE 'sqlite_%' AND name <> 'grdb_migrations'
                ORDER BY type DESC, name
                """)
        }
        Snapshot.expect(sql.joined(separator: "\n\n") + "\n", matches: "../../../Schemas/schema.sql")
    }

    @Test func aDatabaseFromANewerCedreIsRefused() throws {
        let queue = try DatabaseQueue()
        _ = try CedreStore(writer: queue)
        try queue.write { db in
            try db.execute(sql: "INSERT INTO grdb_migrations (identifier) VALUES ('v99-from-the-future')")
        }
        #expect(throws: StoreError.newerSchema(path: ":memory:")) { try CedreStore(writer: queue) }
    }

    @Test func aForeignDatabaseIsRefused() throws {
        let queue = try DatabaseQueue()
        try queue.write { db in try db.execute(sql: "CREATE TABLE invoices (id INTEGER)") }
        #expect(throws: StoreError.notACedreDatabase(path: ":memory:")) { try CedreStore(writer: queue) }
    }

    @Test func aFileDatabaseIsCreatedReadableByItsOwnerOnly() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("cedre-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("cedre.sqlite").path
        _ = try CedreStore.open(path: path)
        let attributes = try FileManager.default.attributesOfItem(atPath: path)
        #expect((attributes[.posixPermissions] as? NSNumber)?.intValue == 0o600)
    }
}

extension EventLogTests {
    @Test func verifyNoticesThatTheLastRowsWereRemoved() throws {
        let store = try CedreStore.inMemory()
        try store.record(Scenario.certifiedMember)
        try store.writer.write { db in
            try db.execute(sql: "DROP TRIGGER event_refuses_delete")
            try db.execute(sql: "DELETE FROM event WHERE id = 10")
        }
        #expect(try store.verify().chainBreak == ChainBreak(id: 10, reason: .truncated))
    }
}
