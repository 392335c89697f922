import BenchmarkKit
import Foundation

/// `cedre rebuild`: replay the whole log and rewrite every projection (DESIGN §9: at most
/// 10 s and 256 MB for a million events). Next to it, the `sqlite3` shell reading the log in
/// replay order and rewriting the same projection rows from a copy: the floor of the work.
struct RebuildBenchmark {
    let dataset: Dataset
    let runs: Int

    func run(into table: inout ResultTable) throws {
        let golden = try dataset.goldenDatabase()
        let database = try RawDatabase(path: golden.path)
        let events = try database.integer("SELECT count(*) FROM event")
        let projections = try database.rows("""
            SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'
            AND name NOT IN ('event', 'notice', 'notice_status', 'check_run', 'grdb_migrations') ORDER BY name
            """).compactMap { $0.first ?? nil }
        let rewrite = projections.map { "DELETE FROM \($0); INSERT INTO \($0) SELECT * FROM golden.\($0);" }.joined(separator: "\n")
        let rawSQL = """
            ATTACH '\(golden.path)' AS golden;
            SELECT count(*), sum(length(payload)) FROM (SELECT payload FROM event ORDER BY occurred_on, id);
            BEGIN IMMEDIATE;
            \(rewrite)
            COMMIT;
            """

        var peak = 0
        let (cedre, raw) = try Samples.inTurns(runs: runs, cedre: {
            let work = try dataset.copy(golden, to: "rebuild.sqlite")
            defer { Dataset.remove(work) }
            let outcome = try dataset.cedre(["rebuild"], database: work)
            peak = max(peak, outcome.peakMemory)
            return outcome.seconds
        }, raw: {
            let work = try dataset.copy(golden, to: "rebuild-raw.sqlite")
            defer { Dataset.remove(work) }
            return try dataset.sqlite(rawSQL, database: work).seconds
        })
        let megabytes = peak / 1_048_576
        table.add(ResultTable.Line(
            work: "`rebuild`", size: "\(events) events", cedre: cedre, raw: raw, target: "≤ 10 s, ≤ 256 MB",
            met: cedre.median <= 10 && megabytes <= 256, note: "peak memory \(megabytes) MB"))
    }
}
