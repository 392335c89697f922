import BenchmarkKit
import Foundation

/// `cedre import` of the members file then the events file, against raw sqlite3 inserting the
/// same member and event rows into the same schema: one transaction, prepared statements,
/// WAL, the system's libsqlite3 called directly (DESIGN §9: at least 50 % of its throughput).
///
/// cedre also parses and validates both files, replays every certification, chains the
/// hashes and writes the projections; raw sqlite3 only inserts the rows cedre stored.
struct ImportBenchmark {
    let dataset: Dataset
    let runs: Int

    func run(into table: inout ResultTable) throws {
        let template = try dataset.templateDatabase()
        // With no golden database yet, the first import makes it (the raw run inserts the rows
        // it holds) and counts as the first round's cedre run.
        var madeGolden = FileManager.default.fileExists(atPath: dataset.golden.path) ? nil : try importWithCedre(template)

        let golden = try RawDatabase(path: dataset.golden.path)
        let memberColumns = "id, name, type, departement, region, group_id, source, joined_on, left_on"
        let eventColumns = "stream, kind, occurred_on, recorded_at, actor, payload, prev_hash, hash"
        let memberRows = try golden.rows("SELECT \(memberColumns) FROM member")
        let eventRows = try golden.rows("SELECT \(eventColumns) FROM event ORDER BY id")
        let (cedreTimes, rawTimes) = try Samples.inTurns(runs: runs, cedre: {
            if let seconds = madeGolden {
                madeGolden = nil
                return seconds
            }
            return try importWithCedre(template)
        }, raw: {
            let work = try dataset.copy(template, to: "import-raw.sqlite")
            defer { Dataset.remove(work) }
            let database = try RawDatabase(path: work.path)
            try database.execute("PRAGMA journal_mode = WAL")
            let insertMember = try database.prepare("INSERT INTO member (\(memberColumns)) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")
            let insertEvent = try database.prepare("INSERT INTO event (\(eventColumns)) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")
            return try Stopwatch.time {
                try database.execute("BEGIN IMMEDIATE")
                for row in memberRows { try insertMember.run(row) }
                for row in eventRows { try insertEvent.run(row) }
                try database.execute("COMMIT")
            }
        })

        let rows = Double(memberRows.count + eventRows.count)
        let cedreRate = rows / cedreTimes.median
        let rawRate = rows / rawTimes.median
        table.add(ResultTable.Line(
            work: "import members + events", size: "\(memberRows.count) members, \(eventRows.count) events",
            cedre: cedreTimes, raw: rawTimes, target: "≥ 50 % of raw throughput (ratio ≤ 2×)",
            met: cedreRate >= rawRate / 2,
            note: String(format: "cedre %.0f rows/s, raw %.0f rows/s (%.0f %%)", cedreRate, rawRate, 100 * cedreRate / rawRate)))
    }

    /// `cedre import` of the members file then the events file into a copy of the empty
    /// database; the copy becomes the golden database when there is none yet. Returns the
    /// seconds of both imports.
    private func importWithCedre(_ template: URL) throws -> Double {
        let work = try dataset.copy(template, to: "import.sqlite")
        let members = try dataset.cedre(["import", dataset.membersFile.path, "--as-of", dataset.lastDay], database: work)
        let events = try dataset.cedre(["import", dataset.eventsFile.path, "--as-of", dataset.lastDay], database: work)
        ResultTable.say("  cedre import: members \(ResultTable.format(members.seconds)), events \(ResultTable.format(events.seconds)), peak \(events.peakMemory / 1_048_576) MB")
        if !FileManager.default.fileExists(atPath: dataset.golden.path) {
            try RawDatabase(path: work.path).execute("PRAGMA wal_checkpoint(TRUNCATE)")
            try FileManager.default.moveItem(at: work, to: dataset.golden)
        } else {
            Dataset.remove(work)
        }
        return members.seconds + events.seconds
    }
}
