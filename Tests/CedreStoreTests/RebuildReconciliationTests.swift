import CedreCore
@testable import CedreStore
import CedreTestSupport
import Foundation
import GRDB
import Testing

/// A rebuild keeps the rows the replay gives again and replaces the others (`ReconciledTable`):
/// whatever the projections held, they end as the writes left them.
@Suite struct RebuildReconciliationTests {
    private static let other = CertificationKey(member: "atelier", scheme: "cedre")

    /// Two members: one certified, audited twice with a finding and suspended; one engaged.
    private func store() throws -> CedreStore {
        let store = try CedreStore.inMemory()
        try store.record([
            (.memberAdded(.sample("solipass", type: .ges), joined: nil), "2013-01-01"),
            (.memberAdded(.sample("atelier"), joined: nil), "2013-01-01"),
            (.certificationEngaged(Self.other), "2013-02-01"),
        ] + Scenario.certified + [
            (.auditPlanned(Scenario.key, "A-2014-0001", kind: .surveillance, scheduledOn: "2014-04-10", auditors: ["X"]), "2014-03-01"),
            (.auditConducted(Scenario.key, "A-2014-0001"), "2014-04-10"),
            (.findingRaised(Scenario.key, "F-2014-0001", audit: "A-2014-0001", grade: "minor", requirement: "7.1", statement: "s"), "2014-04-10"),
            (.certificationSuspended(Scenario.key, reason: .memberRequest), "2014-06-01"),
        ])
        return store
    }

    private func indexes(_ store: CedreStore) throws -> [String] {
        try store.writer.read { db in
            try String.fetchAll(db, sql: "SELECT sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL ORDER BY name")
        }
    }

    @Test func aRebuildOfProjectionsThatMatchTheLogChangesNoRow() throws {
        let store = try store()
        let before = try store.projectionDump()
        let changes = try store.writer.writeWithoutTransaction { db in db.totalChangesCount }
        try store.rebuild()
        #expect(try store.writer.writeWithoutTransaction { db in db.totalChangesCount } == changes)
        #expect(try store.projectionDump() == before)
    }

    @Test func aRebuildReplacesChangedMissingAndStaleRowsInEveryTable() throws {
        // Given projections a hand (or an older release) changed in every way
        let store = try store()
        let before = try store.projectionDump()
        let indexes = try indexes(store)
        try store.writer.write { db in
            try db.execute(sql: """
                UPDATE calendar_notice SET until_on = '2015-01-01' WHERE member_id = 'solipass';
                UPDATE member SET name = 'Renamed' WHERE id = 'atelier';
                INSERT INTO member (id, name, type, departement, region) VALUES ('ghost', 'Ghost', 'EI', '75', 'Île-de-France');
                DELETE FROM finding;
                DELETE FROM decision WHERE member_id = 'solipass';
                INSERT INTO deadline (member_id, scheme_id, obligation, subject, due_on)
                    VALUES ('atelier', 'cedre', 'certificate-expiry', 'certification/atelier/cedre', '2020-01-01');
                INSERT INTO certification (member_id, scheme_id, state, engaged_on, last_fact_on)
                    VALUES ('ghost', 'cedre', 'engaged', '2013-01-01', '2013-01-01');
                INSERT INTO calendar_standing (member_id, scheme_id, from_on, until_on, standing)
                    VALUES ('ghost', 'cedre', '2013-01-01', '9999-12-31', 'engaged');
                DELETE FROM dossier_calendar;
                """)
        }
        #expect(try store.projectionDump() != before)

        // When it is rebuilt, then every row is as the writes left it, and every index is there
        try store.rebuild()
        #expect(try store.projectionDump() == before)
        #expect(try self.indexes(store) == indexes)
        #expect(try store.verify().problem == nil)
    }

    @Test func aRowWhoseIdAStaleRowOfAnotherDossierHoldsTakesItsPlace() throws {
        // Given the audit of solipass stored as atelier's (a stale row holding its id)
        let store = try store()
        let before = try store.projectionDump()
        try store.writer.write { db in
            try db.execute(sql: "UPDATE audit SET member_id = 'atelier' WHERE id = 'A-2014-0001'")
            try db.execute(sql: "UPDATE finding SET member_id = 'atelier' WHERE id = 'F-2014-0001'")
        }

        // When it is rebuilt, then solipass's rows take the ids back
        try store.rebuild()
        #expect(try store.projectionDump() == before)
    }

    @Test func twoDossiersOfTheLogGivingOneIdStillFailTheRebuild() throws {
        // Given a log altered so that atelier plans an audit of solipass's id, after solipass's
        let store = try store()
        try store.record([
            (.auditPlanned(Self.other, "A-2014-0002", kind: .initial, scheduledOn: "2014-09-10", auditors: ["Y"]), "2014-08-01"),
        ])
        let before = try store.projectionDump()
        try store.writer.write { db in
            try db.execute(sql: "DROP TRIGGER event_refuses_update")
            try db.execute(sql: "UPDATE event SET payload = replace(payload, 'A-2014-0002', 'A-2014-0001')")
        }

        // Then the rebuild is refused on the key, whichever dossier comes first, and nothing changes
        #expect { try store.rebuild() } throws: { ($0 as? DatabaseError)?.extendedResultCode == .SQLITE_CONSTRAINT_PRIMARYKEY }
        #expect(try store.projectionDump() == before)
    }

    /// "atelier-2"'s stream comes before "atelier"'s ('-' before '/'), its key after: the scan
    /// of each table has gone past "atelier"'s rows when its dossier comes.
    @Test func aDossierThatComesOutOfTheTablesOrderIsLookedFor() throws {
        let store = try CedreStore.inMemory()
        try store.record([
            (.memberAdded(.sample("atelier"), joined: nil), "2013-01-01"),
            (.memberAdded(.sample("atelier-2"), joined: nil), "2013-01-01"),
            (.certificationEngaged(CertificationKey(member: "atelier", scheme: "cedre")), "2013-02-01"),
            (.certificationEngaged(CertificationKey(member: "atelier-2", scheme: "cedre")), "2013-02-03"),
        ])
        let before = try store.projectionDump()
        let changes = try store.writer.writeWithoutTransaction { db in db.totalChangesCount }
        try store.rebuild()
        #expect(try store.writer.writeWithoutTransaction { db in db.totalChangesCount } == changes)

        try store.writer.write { db in
            try db.execute(sql: "UPDATE certification SET last_fact_on = '2013-03-01'; UPDATE dossier_calendar SET from_on = '2013-03-01'")
        }
        try store.rebuild()
        #expect(try store.projectionDump() == before)
    }

    /// On a generated network, whatever rows are missing, changed, stale or moved, and whichever
    /// table is empty, a rebuild ends with the rows the writes left.
    @Test(arguments: [UInt64(1), 2, 3])
    func onAGeneratedNetworkAnyBrokenProjectionsAreRebuiltAsWritten(seed: UInt64) throws {
        let (store, _) = try StoredStateTests.store(seed: seed, members: 120)
        let before = try store.projectionDump()
        let tables = ProjectionTable.all.map(\.name)
        let shift = Int(seed)
        try store.writer.writeWithoutTransaction { db in
            try db.execute(sql: "PRAGMA foreign_keys = OFF")
            defer { try? db.execute(sql: "PRAGMA foreign_keys = ON") }
            try db.inTransaction {
                for (index, table) in tables.enumerated() where table != "member" {
                    try db.execute(sql: "DELETE FROM \(table) WHERE unicode(substr(member_id, -1)) % 7 = \((shift + index) % 7)")
                }
                try db.execute(sql: """
                    UPDATE calendar_notice SET until_on = '2013-01-01' WHERE unicode(substr(member_id, -1)) % 5 = \(shift % 5);
                    UPDATE certification SET last_fact_on = '2012-01-01' WHERE unicode(substr(member_id, -2)) % 3 = \(shift % 3);
                    UPDATE member SET name = 'renamed' WHERE unicode(substr(id, -1)) % 4 = \(shift % 4);
                    UPDATE audit SET member_id = (SELECT min(id) FROM member) WHERE unicode(substr(id, -1)) % 4 = \(shift % 4);
                    INSERT INTO deadline SELECT member_id || '-stale', scheme_id, obligation, subject, due_on FROM deadline
                        WHERE unicode(substr(member_id, -1)) % 3 = \(shift % 3);
                    DELETE FROM \(tables[(shift * 3) % tables.count]);
                    """)
                return .commit
            }
        }
        #expect(try store.projectionDump() != before)
        try store.rebuild()
        #expect(try store.projectionDump() == before)
    }
}
