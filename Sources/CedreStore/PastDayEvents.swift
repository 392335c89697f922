import CedreCore
import Foundation
import GRDB
import Synchronization

/// The events a past day replays for many single-site dossiers, read in one pass over the log
/// and gathered by dossier, the pass cut into parts that the store's two connections share.
///
/// A day late in the log reads most of the table: then the parts are ranges of ids, each
/// scanned in file order, and whichever connection is free takes the next one (the second
/// starts once it has read the stored rows). At 2016-06-30 of the 100,000-member network
/// (870,211 rows of 982,033 certification events) `sqlite3` reads them in 0.68–0.81 s by scan,
/// 1.37–1.43 s through the day index, which looks each row up on its page; at 2013-07-01
/// (257,902 rows, a third of the log) 0.57–0.60 s against 0.69–0.70 s. A day far back reads
/// little: one part, along the day index, and the corrections dated after the day apart. In
/// `cedre report status`, four interleaved rounds against one connection reading along the day
/// index: 3.46–4.08 s against 3.91–5.28 s at 2016-06-30, 1.99–2.23 s against 2.09–2.36 s at
/// 2013-07-01.
///
/// Rows come in record order: a dossier's are in replay order unless a fact was entered late
/// or corrected, which `ReplayedEvent.resolve` puts in order. Every correction is read,
/// whatever its day: one dated after the day may move an event onto it or before.
final class PastDayEvents: Sendable {
    /// The dossiers, in stream order: a dossier's place is its slot.
    let units: [(stream: String, key: CertificationKey)]
    private let slots: TextSlots
    private let day: Day
    private let parts: [Part]
    private let taken = Atomic<Int>(0)
    private let read: Mutex<[[(slot: Int, fact: LoggedFact)]?]>

    /// The parts a scan is cut into: enough for the two connections to end together, few
    /// enough that each query's start costs nothing next to its rows.
    static let scannedParts = 32

    /// One query of the pass.
    private enum Part {
        case ids(ClosedRange<Int64>)
        case throughDay
        case correctionsAfterDay
    }

    /// Prepares the reading of the events of `keys` through `day` in `db`'s log.
    init(_ keys: [CertificationKey], on day: Day, in db: Database) throws {
        units = keys.map { (stream: LogStream.certification($0).description, key: $0) }.sorted { $0.stream < $1.stream }
        slots = TextSlots(units.map(\.stream))
        self.day = day
        parts = try Self.parts(through: day, in: db)
        read = Mutex(Array(repeating: nil, count: parts.count))
    }

    /// Scans by ids when the day's events are at least a quarter of the log, as 64 events
    /// spread over it say: a look-up each, where counting the day index's entries would read up
    /// to a million of them.
    private static func parts(through day: Day, in db: Database) throws -> [Part] {
        // Each bound read apart: SQLite reads the one end of the table only for a lone `min` or `max`.
        let row = try Row.fetchOne(db, sql: "SELECT (SELECT min(id) FROM event), (SELECT max(id) FROM event)")
        guard let first: Int64 = row?[0], let last: Int64 = row?[1] else { return [] }
        let samples = Array(stride(from: first, through: last, by: Int(max((last - first) / 64, 1))))
        let onOrBefore = try Int.fetchOne(db, sql: """
            SELECT count(*) FROM event WHERE id IN (SELECT value FROM json_each(?)) AND occurred_on <= ?
            """, arguments: [JSONArgument.integers(samples), day]) ?? 0
        guard onOrBefore * 4 >= samples.count else { return [.throughDay, .correctionsAfterDay] }
        let size = (last - first) / Int64(scannedParts) + 1
        return stride(from: first, through: last, by: Int(size)).map { .ids($0...min($0 + size - 1, last)) }
    }

    /// Reads the parts no connection has taken yet, one after the other, until none is left.
    func readParts(in db: Database) throws {
        while true {
            let part = taken.wrappingAdd(1, ordering: .relaxed).oldValue
            guard part < parts.count else { return }
            let rows = try rows(of: part, in: db)
            read.withLock { $0[part] = rows }
        }
    }

    /// Each slot's events, in record order; the parts not read yet (by no connection, or by one
    /// that failed) read on `db`. Called once, after every other connection's `readParts` ended.
    func gathered(in db: Database) throws -> [[LoggedFact]] {
        var events = [[LoggedFact]](repeating: [], count: units.count)
        for part in parts.indices {
            let stored = read.withLock { read in
                defer { read[part] = nil }
                return read[part]
            }
            for (slot, fact) in try stored ?? rows(of: part, in: db) { events[slot].append(fact) }
        }
        return events
    }

    private func rows(of part: Int, in db: Database) throws -> [(slot: Int, fact: LoggedFact)] {
        let certifications = "+stream >= 'certification/' AND +stream < 'certification0'"
        let corrections = "kind IN ('event.corrected', 'event.voided')"
        let statement: Statement
        let arguments: StatementArguments
        switch parts[part] {
        case .ids(let ids):
            statement = try db.cachedStatement(sql: """
                SELECT \(LoggedFact.columns) FROM event
                WHERE id BETWEEN ? AND ? AND (occurred_on <= ? OR \(corrections)) AND \(certifications)
                """)
            arguments = [ids.lowerBound, ids.upperBound, day]
        case .throughDay:
            statement = try db.cachedStatement(sql: """
                SELECT \(LoggedFact.columns) FROM event WHERE occurred_on <= ? AND \(certifications)
                ORDER BY occurred_on, id
                """)
            arguments = [day]
        case .correctionsAfterDay:
            statement = try db.cachedStatement(sql: """
                SELECT \(LoggedFact.columns) FROM event WHERE \(corrections) AND occurred_on > ? AND \(certifications) ORDER BY id
                """)
            arguments = [day]
        }
        let cursor = try Row.fetchCursor(statement, arguments: arguments)
        var rows: [(slot: Int, fact: LoggedFact)] = []
        // The cursor's row stands on the statement's current row: its stream is looked up in
        // place, and a kept row takes the unit's own.
        while let row = try cursor.next() {
            guard let slot = slots.slot(ofColumn: 1, in: statement.sqliteStatement) else { continue }
            rows.append((slot, try LoggedFact(row: row, stream: units[slot].stream)))
        }
        return rows
    }
}
