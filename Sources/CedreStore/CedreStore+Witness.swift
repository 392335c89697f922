import CedreCore
import Foundation
import GRDB

/// The event log's head: how many events it holds and the last one's hash. Written to a
/// witness file outside the database by `check` and `backup`, so that a log rewritten with
/// recomputed hashes, or cut short, no longer extends what was witnessed.
public struct LogHead: Equatable, Sendable {
    /// The number of events (the last event's id, in a log that holds).
    public let count: Int
    /// The last event's hash; 64 zeros for an empty log.
    public let hash: String

    public init(count: Int, hash: String) {
        self.count = count
        self.hash = hash
    }

    /// The head of the log as `db` holds it: the last event's number and hash.
    ///
    /// Events are numbered from 1 without a gap (`verify` reports rows missing before one), so
    /// the last number is the count, read in one lookup where counting the rows of a log of a
    /// million events took 40 ms of every `check`.
    static func read(_ db: Database) throws -> LogHead {
        guard let head = try EventLog.head(db) else { return LogHead(count: 0, hash: EventLog.genesisHash) }
        return LogHead(count: Int(head.id), hash: head.hash)
    }

    /// `1596 3fa2… 2014-05-03`: one line of a witness file, without its line break.
    public func witnessLine(on day: Day) -> String {
        "\(count) \(hash) \(day)"
    }
}

/// One line of a witness file: a head the log had on a day.
public struct WitnessedHead: Equatable, Sendable {
    /// The line's number in the file, from 1.
    public let line: Int
    public let head: LogHead
    public let day: Day

    /// Parses `count head-hash day`; nil when the line does not read so.
    public init?(line: Int, text: some StringProtocol) {
        let fields = text.split(separator: " ", omittingEmptySubsequences: true)
        guard fields.count == 3, let count = Int(fields[0]), count >= 0, fields[1].count == 64,
            fields[1].allSatisfy(\.isHexDigit), let day = Day(fields[2])
        else { return nil }
        self.line = line
        self.head = LogHead(count: count, hash: String(fields[1]))
        self.day = day
    }
}

extension CedreStore {
    /// The event log's head now.
    public func head() throws -> LogHead {
        try writer.read { db in try LogHead.read(db) }
    }

    /// The first witnessed head the log no longer extends, with why, or nil when it extends
    /// every one: the event numbered as the witnessed count must still carry the witnessed hash
    /// (the chain from it on is what `verify` walks).
    public func firstUnextended(_ witnessed: [WitnessedHead]) throws -> (head: WitnessedHead, reason: String)? {
        try writer.read { db in
            let count = try Int.fetchOne(db, sql: "SELECT count(*) FROM event") ?? 0
            for entry in witnessed where entry.head.count > 0 {
                guard entry.head.count <= count else {
                    return (entry, "the log holds \(count) events, fewer than the \(entry.head.count) witnessed: its tail was cut")
                }
                let hash = try String.fetchOne(db, sql: "SELECT hash FROM event WHERE id = ?", arguments: [entry.head.count])
                guard let hash else {
                    return (entry, "event #\(entry.head.count) is missing")
                }
                guard hash == entry.head.hash else {
                    return (entry, "event #\(entry.head.count) now has another hash: the chain up to it was rewritten")
                }
            }
            return nil
        }
    }
}
