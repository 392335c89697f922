import GRDB

extension CedreStore {
    /// A second connection to the store's database file, for a read that runs on another
    /// thread while the first connection works: the members a check names while its ledger's
    /// rows go in, a status report's lists while its members are counted. None for a database
    /// in memory, which has only its own connection, or when the file cannot be opened again:
    /// the caller then reads on its own connection.
    ///
    /// In WAL mode the second connection reads the last commit; a reader that must see what the
    /// first one sees goes through `CompanionRead`.
    func companionReader() -> DatabaseQueue? {
        guard canOpenCompanion else { return nil }
        var configuration = Configuration()
        configuration.busyMode = .timeout(30)
        configuration.label = "cedre-companion"
        return try? DatabaseQueue(path: writer.path, configuration: configuration)
    }

    /// Whether the store is a file, which a second connection can open.
    var canOpenCompanion: Bool { writer.path != ":memory:" }
}

/// A read started on the store's second connection while the first goes on working, whose
/// answer is used only when that connection saw the same log as the first: every change to the
/// projections appends events, so the same log head means the same rows. Otherwise (another
/// log, a failed read, a database in memory) the first connection reads it itself.
struct CompanionRead<Value: Sendable> {
    private let head: LogHead
    private let read: @Sendable (Database) throws -> Value
    private let beside: BackgroundWork<(head: LogHead, value: Value)>?

    /// Starts `read` on `store`'s second connection, beside the read transaction of `db`.
    ///
    /// The connection is opened on the other thread too, where GRDB checks the file and sets
    /// the connection up: for a status report's two, 4.0 of the 36.2 M instructions of its main
    /// thread at 1,000 members.
    init(_ store: CedreStore, beside db: Database, _ read: @escaping @Sendable (Database) throws -> Value) throws {
        head = try LogHead.read(db)
        self.read = read
        beside = !store.canOpenCompanion ? nil : BackgroundWork {
            guard let reader = store.companionReader() else { throw CompanionUnavailable() }
            return try reader.read { db in (head: try LogHead.read(db), value: try read(db)) }
        }
    }

    /// The second connection could not be opened: the first one reads.
    private struct CompanionUnavailable: Error {}

    /// The answer: the second connection's when it saw the same log, else read on `db`; asked once.
    func value(in db: Database) throws -> Value {
        if let answer = try? beside?.value(), answer.head == head { return answer.value }
        return try read(db)
    }
}
