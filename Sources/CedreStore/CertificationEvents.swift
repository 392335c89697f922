import CedreCore
import Foundation
import GRDB

/// The certifications' events of the log, dossier by dossier in stream order and each in day
/// order, in batches a rebuild replays one after the other; the dossiers of group schemes are
/// only named, since a group replays as a whole.
///
/// The events are read in file order and sorted by SQLite, not through the stream index: in
/// stream order each event lies on another page of the table, read from the disk one by one.
struct CertificationEvents {
    typealias Batch = [(key: CertificationKey, events: [LoggedFact])]

    /// Dossiers per batch: enough to keep every core busy, few enough that the batches in hand
    /// at once (read ahead, replaying, being written) stay a few megabytes.
    static let batchSize = 1_024

    private let statement: Statement
    private let rows: RowCursor
    private var next: LoggedFact?
    /// The stream of the row last read.
    private var stream = ""
    private let batchSize: Int

    /// Starts reading on `db`, `batchSize` dossiers a batch: SQLite sorts the events before the
    /// first one comes, so the sort runs while the caller goes on.
    init(in db: Database, batchSize: Int = Self.batchSize) throws {
        self.batchSize = batchSize
        statement = try db.makeStatement(sql: """
            SELECT \(LoggedFact.columns) FROM event NOT INDEXED
            WHERE stream >= 'certification/' AND stream < 'certification0'
            ORDER BY stream, occurred_on, id
            """)
        rows = try Row.fetchCursor(statement)
        next = try readNext()
    }

    /// The next row of the log. A row of the stream the row before had takes its `String`, as
    /// nearly every row does: a rebuild made one for each of a million rows, copied from SQLite
    /// and checked as UTF-8 (28 M of 3,099 M instructions in a rebuild of the 5,000-member network).
    private mutating func readNext() throws -> LoggedFact? {
        guard let row = try rows.next() else { return nil }
        if !Self.column(1, of: statement.sqliteStatement, holds: stream) { stream = row[1] }
        return try LoggedFact(row: row, stream: stream)
    }

    /// Whether column `column` of the row `statement` stands on holds exactly the bytes of `text`.
    private static func column(_ column: Int32, of statement: SQLiteStatement, holds text: String) -> Bool {
        guard let bytes = columnText(statement, column) else { return false }
        var text = text
        return text.withUTF8 { $0.count == bytes.count && (bytes.isEmpty || memcmp($0.baseAddress!, bytes.baseAddress!, bytes.count) == 0) }
    }

    /// Hands every batch to `take`, in order, and returns the dossiers of `groupSchemes`.
    mutating func read(
        groupSchemes: Set<SchemeID>, take: (Batch) throws -> Void
    ) throws -> [SchemeID: Set<CertificationKey>] {
        var groupKeys: [SchemeID: Set<CertificationKey>] = [:]
        var batch: Batch = []
        // What the stream names is found once per stream, not for each of its rows.
        var current: (stream: String, key: CertificationKey?) = ("", nil)
        while let event = next {
            next = try readNext()
            if event.stream != current.stream {
                current = (event.stream, LogStream(event.stream)?.certificationKey)
                if let key = current.key, groupSchemes.contains(key.scheme) {
                    groupKeys[key.scheme, default: []].insert(key)
                    current.key = nil
                }
            }
            guard let key = current.key else { continue }
            if batch.last?.key != key {
                if batch.count >= batchSize {
                    try take(batch)
                    batch = []
                }
                batch.append((key, []))
            }
            batch[batch.count - 1].events.append(event)
        }
        if !batch.isEmpty { try take(batch) }
        return groupKeys
    }
}

extension CertificationEvents {
    /// The events read and sorted on a store's second connection, on another thread, at most
    /// two batches ahead of the thread that takes them: that thread then only writes rows.
    final class Ahead: Sendable {
        private enum Message: Sendable {
            case batch(Batch)
            case done([SchemeID: Set<CertificationKey>])
            /// The second connection saw another log than the first: nothing was sent.
            case otherLog
            case failed(any Error)
        }

        private let channel = BoundedChannel<Message>(capacity: 2)
        private let reading: BackgroundWork<Void>

        /// Starts reading on `store`'s second connection; nil when it has none.
        init?(
            _ store: CedreStore, beside db: Database, groupSchemes: Set<SchemeID>,
            batchSize: Int = CertificationEvents.batchSize
        ) throws {
            guard let reader = store.companionReader() else { return nil }
            let head = try LogHead.read(db)
            reading = BackgroundWork { [channel] in
                let last: Message
                do {
                    last = try reader.read { db in
                        guard try LogHead.read(db) == head else { return .otherLog }
                        var events = try CertificationEvents(in: db, batchSize: batchSize)
                        return .done(try events.read(groupSchemes: groupSchemes) { batch in
                            guard channel.send(.batch(batch)) else { throw CancellationError() }
                        })
                    }
                } catch {
                    last = .failed(error)
                }
                _ = channel.send(last)
            }
        }

        /// A reading never asked for (its caller failed first) stops at its next batch.
        deinit {
            channel.close()
        }

        /// Hands every batch to `take`, as `CertificationEvents.read` does; nil, having handed
        /// none, when the second connection saw another log (the caller reads on its own).
        func read(take: (Batch) throws -> Void) throws -> [SchemeID: Set<CertificationKey>]? {
            // However this ends, the reading thread stops and is waited for.
            defer {
                channel.close()
                try? reading.value()
            }
            while true {
                switch channel.receive() {
                case .batch(let batch): try take(batch)
                case .done(let groupKeys): return groupKeys
                case .otherLog: return nil
                case .failed(let error): throw error
                }
            }
        }
    }
}
