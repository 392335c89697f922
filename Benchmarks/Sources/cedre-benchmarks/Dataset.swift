import BenchmarkKit
import Foundation

/// One generated network on disk: its files, an empty migrated database to copy, and the
/// database the import left (the "golden" copy every other benchmark starts from).
struct Dataset {
    let workspace: Workspace
    let members: Int
    let years: ClosedRange<Int>
    let seed: UInt64
    let folder: URL

    init(workspace: Workspace, options: Options) throws {
        self.workspace = workspace
        members = options.members
        years = options.years
        seed = options.seed
        folder = try workspace.folder("network-\(members)-\(years.lowerBound)-\(years.upperBound)-seed\(seed)")
        try forgetDatabasesOfAnotherBuild()
    }

    /// The databases were made by one `cedre`; another build may migrate or import otherwise,
    /// so they are made again (the generated files are kept).
    private func forgetDatabasesOfAnotherBuild() throws {
        let attributes = try FileManager.default.attributesOfItem(atPath: workspace.cedre.path)
        let modified = (attributes[.modificationDate] as? Date)?.timeIntervalSince1970 ?? 0
        let stamp = "\(workspace.cedre.path) \(attributes[.size] ?? 0) \(modified)"
        let stampFile = folder.appendingPathComponent("databases-made-by")
        if (try? String(contentsOf: stampFile, encoding: .utf8)) != stamp {
            for database in [golden, template] { Dataset.remove(database) }
            try stamp.write(to: stampFile, atomically: true, encoding: .utf8)
        }
    }

    var membersFile: URL { folder.appendingPathComponent("members.csv") }
    var eventsFile: URL { folder.appendingPathComponent("events.jsonl") }
    /// The database after a complete import.
    var golden: URL { folder.appendingPathComponent("golden.sqlite") }
    /// An empty database, migrated by `cedre init`.
    var template: URL { folder.appendingPathComponent("template.sqlite") }
    /// `--as-of` for every command: the last day of the generated years.
    var lastDay: String { "\(years.upperBound)-12-31" }
    /// A day in the middle of the years, for `--as-of` reports that must replay.
    var middleDay: String { "\((years.lowerBound + years.upperBound) / 2)-07-01" }

    /// The environment `cedre` runs with: the database, a fixed actor, no colour.
    func environment(database: URL) -> [String: String] {
        ["CEDRE_DB": database.path, "CEDRE_ACTOR": "benchmarks", "NO_COLOR": "1"]
    }

    /// Runs the release `cedre` on `database`.
    @discardableResult
    func cedre(_ arguments: [String], database: URL, accepting: Set<Int32> = [0], keepOutput: Bool = false) throws -> ChildProcess.Outcome {
        try ChildProcess.succeed(
            workspace.cedre.path, arguments, environment: environment(database: database), keepOutput: keepOutput,
            accepting: accepting)
    }

    /// Runs the system's `sqlite3` shell on `database`.
    @discardableResult
    func sqlite(_ sql: String, database: URL, keepOutput: Bool = false) throws -> ChildProcess.Outcome {
        try ChildProcess.succeed("/usr/bin/sqlite3", [database.path, sql], keepOutput: keepOutput)
    }

    /// Writes the files with `cedre generate` unless they are there already; the time it took, if it ran.
    func generateIfNeeded() throws -> ChildProcess.Outcome? {
        let manager = FileManager.default
        guard !manager.fileExists(atPath: eventsFile.path) || !manager.fileExists(atPath: membersFile.path) else { return nil }
        return try ChildProcess.succeed(workspace.cedre.path, [
            "generate", "--members", String(members), "--years", "\(years.lowerBound)-\(years.upperBound)",
            "--seed", String(seed), "--output", folder.path,
        ])
    }

    /// The empty migrated database, made once.
    func templateDatabase() throws -> URL {
        if !FileManager.default.fileExists(atPath: template.path) {
            try cedre(["init"], database: template)
        }
        return template
    }

    /// A fresh copy of `source` at `name` in the data folder, its WAL folded in first, and on
    /// disk before it is returned: a copy just written leaves hundreds of megabytes of dirty
    /// pages, and the first command that syncs the file (a commit's checkpoint) would be timed
    /// writing them back (at 100,000 members a first `check` took 0.90–1.09 s instead of
    /// 0.50–0.67 s, and the raw run 0.52–0.55 s instead of 0.08–0.09 s).
    func copy(_ source: URL, to name: String) throws -> URL {
        let target = folder.appendingPathComponent(name)
        Dataset.remove(target)
        try RawDatabase(path: source.path).execute("PRAGMA wal_checkpoint(TRUNCATE)")
        try FileManager.default.copyItem(at: source, to: target)
        let written = try FileHandle(forUpdating: target)
        defer { try? written.close() }
        try written.synchronize()
        return target
    }

    /// Removes a database and its WAL companions.
    static func remove(_ database: URL) {
        for suffix in ["", "-wal", "-shm", "-journal"] {
            try? FileManager.default.removeItem(atPath: database.path + suffix)
        }
    }

    /// The golden database, importing once if no import benchmark made it.
    func goldenDatabase() throws -> URL {
        if !FileManager.default.fileExists(atPath: golden.path) {
            let work = try copy(try templateDatabase(), to: "golden-in-progress.sqlite")
            try cedre(["import", membersFile.path, "--as-of", lastDay], database: work)
            try cedre(["import", eventsFile.path, "--as-of", lastDay], database: work)
            try RawDatabase(path: work.path).execute("PRAGMA wal_checkpoint(TRUNCATE)")
            try FileManager.default.moveItem(at: work, to: golden)
        }
        return golden
    }
}
