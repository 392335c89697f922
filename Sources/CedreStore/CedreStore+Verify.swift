import CedreCore
import Foundation
import GRDB

/// What `verify` found.
public struct VerifyReport: Equatable, Sendable {
    /// The number of events in the log.
    public let events: Int
    /// Every problem found, one sentence each; empty when everything holds.
    public let problems: [String]
    /// The first row where the chain breaks, if it does.
    public let chainBreak: ChainBreak?

    /// The problems in one paragraph, or nil when everything holds.
    public var problem: String? {
        problems.isEmpty ? nil : problems.joined(separator: " ")
    }
}

extension CedreStore {
    /// Walks the hash chains of the event log and of the notice ledger, checks the check
    /// cursor against the ledger, checks that the log extends every witnessed head, compares
    /// the schema with `Schemas/schema.sql`, and, when the log holds, replays it and compares
    /// the projections with the replay.
    public func verify(witnessed: [WitnessedHead] = []) throws -> VerifyReport {
        let unextended = try firstUnextended(witnessed)
        return try writer.read { db in
            let events = try Int.fetchOne(db, sql: "SELECT count(*) FROM event") ?? 0
            var problems: [String] = []
            let broken = try EventLog.firstBrokenRow(in: db)
            if let broken {
                problems.append("the event log is broken at event #\(broken.id), the first broken row: \(broken.reason.rawValue).")
            }
            if let ledger = try LedgerChain.firstProblem(in: db) {
                problems.append(ledger)
            }
            if let cursor = try CheckCursor.problem(in: db) {
                problems.append(cursor)
            }
            if let unextended {
                let witness = unextended.head
                problems.append("""
                    the log no longer extends the head witnessed on \(witness.day) (witness line \(witness.line): \
                    \(witness.head.count) events, head \(witness.head.hash.prefix(12))…): \(unextended.reason).
                    """)
            }
            let drift = try SchemaDrift.differences(in: db)
            if !drift.isEmpty {
                problems.append("the schema differs from Schemas/schema.sql: \(drift.joined(separator: ", ")).")
            }
            if broken == nil, let replay = try replayProblem(db) {
                problems.append(replay)
            }
            return VerifyReport(events: events, problems: problems, chainBreak: broken)
        }
    }

    /// Why the projections are not what a replay of the log gives, or nil when they are.
    private func replayProblem(_ db: Database) throws -> String? {
        let replayed = try DatabaseQueue()
        try replayed.write(Migrations.createCurrentSchema)
        do {
            // The copy is only dumped, in primary-key order: it needs no other index.
            try replayed.writeWithoutTransaction { copy in
                try Projections.inReplayTransaction(copy) {
                    _ = try Projections.dropIndexes(of: ProjectionTable.all, copy)
                    try Projections.replay(db, into: copy, catalog: catalog)
                }
            }
        } catch {
            return "the log does not replay: \(error)"
        }
        let expected = try replayed.read { copy in try Projections.dump(copy) }
        let stored = try Projections.dump(db)
        guard expected == stored else {
            let difference = zip(expected, stored).first { $0 != $1 }.map { "\($0.1)" } ?? "a row is missing or extra"
            return "the projections differ from a replay of the log (first difference: \(difference)); run 'cedre rebuild'."
        }
        return nil
    }

    /// Copies the database to `path` with SQLite's online backup API; returns the copy's log head.
    @discardableResult
    public func backup(to path: String) throws -> LogHead {
        _ = FileManager.default.createFile(atPath: path, contents: nil, attributes: [.posixPermissions: 0o600])
        let destination = try DatabaseQueue(path: path)
        try writer.backup(to: destination)
        return try destination.read { db in try LogHead.read(db) }
    }
}
