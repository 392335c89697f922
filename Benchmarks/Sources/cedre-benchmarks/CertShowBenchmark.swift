import BenchmarkKit
import Foundation

/// A cold `cedre cert show ID`: a new process opening the database for one certification,
/// against a new `sqlite3` shell selecting the same row (DESIGN §9: at most 3×).
struct CertShowBenchmark {
    let dataset: Dataset
    let runs: Int

    func run(into table: inout ResultTable) throws {
        let golden = try dataset.goldenDatabase()
        let database = try RawDatabase(path: golden.path)
        let members = try database.integer("SELECT count(*) FROM member")
        let certified = try database.integer("SELECT count(*) FROM certification WHERE scheme_id = 'cedre' AND state = 'certified'")
        guard let member = try database.rows("""
            SELECT member_id FROM certification WHERE scheme_id = 'cedre' AND state = 'certified'
            ORDER BY member_id LIMIT 1 OFFSET \(certified / 2)
            """).first?.first ?? nil
        else { throw BenchmarkError.missing("no certified member in \(golden.path)") }
        let query = "SELECT * FROM certification WHERE member_id = '\(member)' AND scheme_id = 'cedre';"
        let arguments = ["cert", "show", member, "--scheme", "cedre", "--as-of", dataset.lastDay]
        try dataset.cedre(arguments, database: golden)
        try dataset.sqlite(query, database: golden)
        var cedre = Samples()
        var raw = Samples()
        for _ in 0..<max(runs, 21) {
            cedre.append(try dataset.cedre(arguments, database: golden).seconds)
            raw.append(try dataset.sqlite(query, database: golden).seconds)
        }
        table.add(ResultTable.Line(
            work: "`cert show ID`, cold process", size: "\(members) members", cedre: cedre, raw: raw,
            target: "≤ 3× raw", met: cedre.median <= 3 * raw.median, note: "member \(member)"))
    }
}
