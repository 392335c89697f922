import CedreCore
import CedreFixtures
import CedreStore
import Foundation
import GRDB

extension CedreStore {
    /// A fresh in-memory store holding the federation's 2013 network: the bundled members,
    /// facts and cross-auditors, imported as `cedre demo` imports them.
    ///
    /// The import takes about a second unoptimised, so it runs once per test process and each
    /// call gets its own copy of the result (SQLite's backup API), free to write to.
    public static func network2013() throws -> CedreStore {
        try Network2013Template.store.get().copy()
    }

    /// A fresh in-memory store holding what this one holds (SQLite's backup API): a template
    /// built once per test process, copied for each test that writes to it.
    public func copy() throws -> CedreStore {
        let copy = try DatabaseQueue()
        try writer.backup(to: copy)
        return try CedreStore(writer: copy)
    }

    /// A store in a new database file at `path` (its folder created if needed) holding what
    /// this one holds, opened as `cedre` opens its files: for what only a file has, such as a
    /// second connection beside the first.
    public func copy(toFile path: String) throws -> CedreStore {
        try FileManager.default.createDirectory(
            at: URL(fileURLWithPath: path).deletingLastPathComponent(), withIntermediateDirectories: true)
        try writer.backup(to: DatabaseQueue(path: path))
        return try CedreStore.open(path: path)
    }
}

/// The 2013 network imported once per process; only ever read, to be copied.
private enum Network2013Template {
    static let store = Result { () throws -> CedreStore in
        let store = try CedreStore.inMemory()
        let context = RecordingContext(actor: "tests", today: "2013-12-31", now: Date(timeIntervalSince1970: 1_388_448_000))
        for file in ["members.csv", "events.jsonl", "auditors.jsonl"] {
            _ = try store.importFile(
                CedreFixtures.network2013.appendingPathComponent(file), departements: CedreFixtures.departements,
                context: context)
        }
        return store
    }
}
