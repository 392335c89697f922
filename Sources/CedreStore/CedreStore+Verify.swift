import CedreCore
import Foundation
import GRDB

/// What `verify` found.
public struct VerifyReport: Equatable, Sendable {
    /// The number of events in the log.
    public let events: Int
    /// The first problem, in one sentence, or nil when everything holds.
    public let problem: String?
    /// The first row where the chain breaks, if it does.
    public let chainBreak: ChainBreak?
}

extension CedreStore {
    /// Walks the hash chain, replays the log and compares the projections with the replay.
    public func verify() throws -> VerifyReport {
        try writer.read { db in
            let events = try Int.fetchOne(db, sql: "SELECT count(*) FROM event") ?? 0
            if let broken = try EventLog.firstBrokenRow(in: db) {
                return VerifyReport(
                    events: events,
                    problem: "the event log is broken at event #\(broken.id), the first broken row: \(broken.reason.rawValue).",
                    chainBreak: broken)
            }
            let replayed = try DatabaseQueue()
            try Migrations.migrator.migrate(replayed)
            do {
                try replayed.write { copy in try Projections.replay(db, into: copy, catalog: catalog) }
            } catch {
                return VerifyReport(events: events, problem: "the log does not replay: \(error)", chainBreak: nil)
            }
            let expected = try replayed.read { copy in try Projections.dump(copy) }
            let stored = try Projections.dump(db)
            guard expected == stored else {
                let difference = zip(expected, stored).first { $0 != $1 }.map { "\($0.1)" } ?? "a row is missing or extra"
                return VerifyReport(
                    events: events,
                    problem: "the projections differ from a replay of the log (first difference: \(difference)); run 'cedre rebuild'.",
                    chainBreak: nil)
            }
            return VerifyReport(events: events, problem: nil, chainBreak: nil)
        }
    }

    /// Copies the database to `path` with SQLite's online backup API; returns the events copied.
    @discardableResult
    public func backup(to path: String) throws -> Int {
        _ = FileManager.default.createFile(atPath: path, contents: nil, attributes: [.posixPermissions: 0o600])
        let destination = try DatabaseQueue(path: path)
        try writer.backup(to: destination)
        return try destination.read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM event") ?? 0 }
    }
}
