import CedreCore
import CedreFixtures
import CedreGeneration
@testable import CedreStore
import CedreTestSupport
import Foundation
import GRDB
import Testing

/// A rebuild reads the certifications' events on a second connection, a few batches ahead of
/// the thread that writes rows: it must hand the batches a read on the first connection gives,
/// stop when that thread fails, and step aside when it sees another log.
@Suite struct CertificationEventsTests {
    /// Batches small enough that a few hundred members make many.
    private let batchSize = 7
    private let groupSchemes: Set<SchemeID> = [NetworkGenerator.groupScheme]

    private struct TakerFailed: Error {}

    /// A store in a file (a second connection needs one) holding a generated network.
    private func store(in folder: URL) throws -> CedreStore {
        let store = try CedreStore.open(path: folder.appendingPathComponent("cedre.sqlite").path)
        let generated = NetworkGenerator(seed: 7, departements: CedreFixtures.departements).generate(members: 120, years: 2012...2015)
        let context = RecordingContext.tests(today: generated.lastDay)
        try store.recordBatch(
            generated.members.map { DatedFact(.memberAdded($0.member, joined: $0.joined), on: $0.joined ?? "2012-01-01") },
            context: context)
        try store.recordBatch(generated.facts, context: context)
        return store
    }

    private func folder() -> URL {
        FileManager.default.temporaryDirectory.appendingPathComponent("cedre-events-\(UUID().uuidString)")
    }

    /// Each batch as its dossiers and their events' ids.
    private func summary(_ batch: CertificationEvents.Batch) -> [String] {
        batch.map { "\($0.key.member)/\($0.key.scheme): \($0.events.map(\.id))" }
    }

    /// A row no replay can read is refused with its id and why: a kind no fact has (looked up
    /// from SQLite's bytes and found among no kind's name) or a day that names no day.
    @Test(arguments: [
        ("certification.teleported", "2013-05-02", "unknown kind 'certification.teleported'"),
        ("audit.planned", "2013-02-30", "occurred_on is not a day"),
    ])
    func aRowNoReplayReadsIsRefusedWithItsId(kind: String, day: String, reason: String) throws {
        let folder = folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let store = try store(in: folder)
        let id = try store.writer.write { db -> Int64 in
            let stream = try #require(try String.fetchOne(db, sql: "SELECT stream FROM event WHERE stream LIKE 'certification/%'"))
            try db.execute(
                sql: """
                    INSERT INTO event (stream, kind, occurred_on, recorded_at, actor, payload, prev_hash, hash)
                    VALUES (?, ?, ?, '2016-01-01T00:00:00Z', 'tests', '{}', ?, ?)
                    """,
                arguments: [stream, kind, day, String(repeating: "0", count: 64), String(repeating: "f", count: 64)])
            return db.lastInsertedRowID
        }
        #expect(throws: StoreError.unreadableEvent(id: id, reason: reason)) { try store.rebuild() }
    }

    @Test func theSecondConnectionHandsTheBatchesTheFirstReads() throws {
        let folder = folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let store = try store(in: folder)
        try store.writer.read { db in
            var here = try CertificationEvents(in: db, batchSize: batchSize)
            var read: [[String]] = []
            let readGroups = try here.read(groupSchemes: groupSchemes) { read.append(summary($0)) }

            let ahead = try #require(try CertificationEvents.Ahead(store, beside: db, groupSchemes: groupSchemes, batchSize: batchSize))
            var handed: [[String]] = []
            let handedGroups = try ahead.read { handed.append(summary($0)) }

            #expect(read.count > 10)
            #expect(handed == read)
            #expect(handedGroups == readGroups)
            #expect(readGroups[NetworkGenerator.groupScheme]?.isEmpty == false)
        }
    }

    @Test func aFailureOfTheTakerStopsTheReadingAndIsThrown() throws {
        let folder = folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let store = try store(in: folder)
        try store.writer.read { db in
            // When the thread taking the batches fails at the third, the reader still ahead
            let ahead = try #require(try CertificationEvents.Ahead(store, beside: db, groupSchemes: groupSchemes, batchSize: batchSize))
            var taken = 0
            #expect(throws: TakerFailed.self) {
                try ahead.read { _ in
                    taken += 1
                    if taken == 3 { throw TakerFailed() }
                }
            }
            // Then the failure comes back once the reader has stopped, after no other batch
            #expect(taken == 3)
        }
        // And the store rebuilds, its second connection free again
        try store.rebuild()
        #expect(try store.verify().problem == nil)
    }

    @Test func aSecondConnectionThatSeesAnotherLogHandsNothing() throws {
        let folder = folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let store = try store(in: folder)
        // Given a first connection on another log (an empty one)
        let other = try DatabaseQueue()
        try Migrations.migrator.migrate(other)
        try other.read { db in
            let ahead = try #require(try CertificationEvents.Ahead(store, beside: db, groupSchemes: groupSchemes, batchSize: batchSize))
            var taken = 0
            // Then the second connection hands no batch, and says so for the caller to read itself
            #expect(try ahead.read { _ in taken += 1 } == nil)
            #expect(taken == 0)
        }
    }
}
