import CedreCore
@testable import CedreStore
import CedreTestSupport
import Foundation
import GRDB
import Testing

/// A new database gets the current schema in one step: the one the migrations, run one by one,
/// would have left, so nothing (verify's schema check, an older or newer cedre, the next
/// migration) can tell the two apart.
@Suite struct NewDatabaseTests {
    /// Every schema object with its text, and the migrations recorded as applied.
    private func schema(of writer: any DatabaseWriter) throws -> [String] {
        try writer.read { db in
            let objects = try Row.fetchAll(db, sql: "SELECT type, name, tbl_name, sql FROM sqlite_master ORDER BY type, name")
            let applied = try String.fetchAll(db, sql: "SELECT identifier FROM grdb_migrations ORDER BY rowid")
            return objects.map(\.description) + applied
        }
    }

    private func migratedOneByOne() throws -> DatabaseQueue {
        let queue = try DatabaseQueue()
        try Migrations.migrator.migrate(queue)
        return queue
    }

    @Test func aNewDatabaseHoldsWhatTheMigrationsLeave() throws {
        let created = try DatabaseQueue()
        #expect(try Migrations.createCurrentSchemaIfEmpty(created))
        let expected = try schema(of: try migratedOneByOne())
        #expect(expected.count > 50)
        #expect(try schema(of: created) == expected)
        #expect(try created.read { db in try SchemaDrift.differences(in: db) }.isEmpty)
    }

    @Test func aStoreOpenedOnANewFileHoldsWhatTheMigrationsLeave() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("cedre-new-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let store = try CedreStore.open(path: folder.appendingPathComponent("cedre.sqlite").path)
        #expect(try schema(of: store.writer) == schema(of: try migratedOneByOne()))
        #expect(try store.verify().problems.isEmpty)
    }

    @Test func aDatabaseThatHoldsATableIsLeftToTheMigrator() throws {
        let older = try DatabaseQueue()
        try Migrations.migrator.migrate(older, upTo: "v2-correction-index")
        let before = try schema(of: older)
        #expect(try !Migrations.createCurrentSchemaIfEmpty(older))
        #expect(try schema(of: older) == before)
        _ = try CedreStore(writer: older)
        #expect(try schema(of: older) == schema(of: try migratedOneByOne()))
    }

    @Test func aNewDatabaseTakesFactsAndVerifies() throws {
        let store = try CedreStore.inMemory()
        try store.record(Scenario.certifiedMember)
        #expect(try store.verify().problems.isEmpty)
    }
}
