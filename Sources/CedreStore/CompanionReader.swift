import GRDB

extension CedreStore {
    /// A second connection to the store's database file, for a read that runs on another
    /// thread while the first connection works: the members a check names while its ledger's
    /// rows go in, a status report's lists while its members are counted. None for a database
    /// in memory, which has only its own connection, or when the file cannot be opened again:
    /// the caller then reads on its own connection.
    ///
    /// In WAL mode the second connection reads the last commit; a reader that must see what the
    /// first one sees compares the log's head (every change to the projections appends events).
    func companionReader() -> DatabaseQueue? {
        guard writer.path != ":memory:" else { return nil }
        var configuration = Configuration()
        configuration.busyMode = .timeout(30)
        configuration.label = "cedre-companion"
        return try? DatabaseQueue(path: writer.path, configuration: configuration)
    }
}
