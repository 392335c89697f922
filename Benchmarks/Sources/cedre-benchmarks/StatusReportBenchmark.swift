import BenchmarkKit
import Foundation

/// `cedre report status` on the last day (the projections' day) against the `sqlite3` shell
/// running the aggregate query behind its counts (DESIGN §9: at most 2×), and on a past day,
/// which needs a replay of the log up to it (DESIGN §9: at most 3 s).
struct StatusReportBenchmark {
    let dataset: Dataset
    let runs: Int

    private static let aggregate = """
        SELECT m.region, m.type, c.scheme_id, c.state, count(*)
        FROM member m LEFT JOIN certification c ON c.member_id = m.id
        GROUP BY m.region, m.type, c.scheme_id, c.state;
        """

    func run(into table: inout ResultTable) throws {
        let golden = try dataset.goldenDatabase()
        let work = try dataset.copy(golden, to: "status.sqlite")
        let members = try RawDatabase(path: work.path).integer("SELECT count(*) FROM member")
        try dataset.cedre(["report", "status", "--as-of", dataset.lastDay], database: work)
        var cedre = Samples()
        var raw = Samples()
        for _ in 0..<runs {
            cedre.append(try dataset.cedre(["report", "status", "--as-of", dataset.lastDay], database: work).seconds)
            raw.append(try dataset.sqlite(Self.aggregate, database: work).seconds)
        }
        table.add(ResultTable.Line(
            work: "`report status`", size: "\(members) members", cedre: cedre, raw: raw, target: "≤ 2× raw",
            met: cedre.median <= 2 * raw.median))

        var past = Samples()
        for _ in 0..<runs {
            past.append(try dataset.cedre(["report", "status", "--as-of", dataset.middleDay], database: work).seconds)
        }
        table.add(ResultTable.Line(
            work: "`report status --as-of \(dataset.middleDay)`", size: "\(members) members", cedre: past, raw: nil,
            target: "≤ 3 s", met: past.median <= 3))
        Dataset.remove(work)
    }
}
