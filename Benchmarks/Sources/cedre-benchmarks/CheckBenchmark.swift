import BenchmarkKit
import Foundation

/// `cedre check` on the imported network, first as the catch-up run of a new database, then
/// as the next night's run; against the `sqlite3` shell doing the same selection and inserts
/// (DESIGN §9: at most 2× raw sqlite3) in one transaction: a run row; the notice periods
/// holding on the day, read from the stored calendars (on the next night, through the same
/// start and end indexes cedre reads, only those that started holding since the night before,
/// and those that stopped, resolved), each written to the notice ledger in the ledger's order
/// with its chain row; for a run that lists what is open, then that list, printed. On the
/// first night the raw run writes the very notices cedre writes (the table's note gives both
/// counts). Its chain rows carry placeholder hashes: SHA-256 is cedre's own work.
struct CheckBenchmark {
    let dataset: Dataset
    let runs: Int

    /// The raw equivalent of a run on `day` that lists nothing: after a run on `previous`,
    /// only what changed since, else every notice period holding on the day.
    private func rawSQL(on day: String, since previous: String?) -> String {
        func horizon(_ day: String) -> String { "date('\(day)', '+60 days')" }
        func newNotices(_ condition: String) -> String {
            """
            INSERT OR IGNORE INTO notice (stream, rule, due_on, member_id, scheme_id, finding_id, obligation, first_run)
                SELECT subject, rule, due_on, member_id, scheme_id, finding_id, obligation, (SELECT max(id) FROM check_run)
                FROM calendar_notice WHERE \(condition)
                ORDER BY subject, rule, due_on;
            """
        }
        let changes: String
        if let previous {
            // Periods that started since, deadlines that came within the horizon, and the
            // periods that stopped holding, each notice resolved.
            changes = newNotices("""
                from_on > '\(previous)' AND from_on <= '\(day)' AND +until_on > '\(day)'
                    AND (rule <> 'due-soon' OR due_on <= \(horizon(day)))
                """) + "\n" + newNotices("""
                rule = 'due-soon' AND until_on > '\(day)' AND until_on <= date('\(day)', '+61 days')
                    AND from_on <= '\(previous)' AND due_on > \(horizon(previous)) AND due_on <= \(horizon(day))
                """) + """

                INSERT INTO notice_status (notice_id, run, status)
                    SELECT notice.id, (SELECT max(id) FROM check_run), 'resolved'
                    FROM calendar_notice JOIN notice ON notice.stream = calendar_notice.subject
                        AND notice.rule = calendar_notice.rule AND notice.due_on = calendar_notice.due_on
                    WHERE calendar_notice.until_on > '\(previous)' AND calendar_notice.until_on <= '\(day)'
                        AND calendar_notice.from_on <= '\(previous)'
                        AND (calendar_notice.rule <> 'due-soon' OR calendar_notice.due_on <= \(horizon(previous)))
                    ORDER BY notice.id;
                INSERT INTO ledger_chain (entry, row_id, prev_hash, hash)
                    SELECT 'notice_status', id, printf('%064d', id - 1), printf('%064d', id) FROM notice_status
                    WHERE run = (SELECT max(id) FROM check_run) ORDER BY id;
                """
        } else {
            changes = newNotices("""
                until_on > '\(day)' AND from_on <= '\(day)' AND (rule <> 'due-soon' OR due_on <= \(horizon(day)))
                """)
        }
        return """
            BEGIN IMMEDIATE;
            INSERT INTO check_run (as_of, horizon_days, ran_at, actor, last_event_id)
                VALUES ('\(day)', 60, '2000-01-01T00:00:00.000Z', 'benchmarks', (SELECT coalesce(max(id), 0) FROM event));
            INSERT INTO ledger_chain (entry, row_id, prev_hash, hash)
                SELECT 'check_run', max(id), printf('%064d', 0), printf('%064d', max(id)) FROM check_run;
            \(changes)
            INSERT INTO ledger_chain (entry, row_id, prev_hash, hash)
                SELECT 'notice', id, printf('%064d', id - 1), printf('%064d', id) FROM notice
                WHERE first_run = (SELECT max(id) FROM check_run) ORDER BY id;
            COMMIT;
            """
    }

    /// The raw equivalent of the default listing, after the run: every stored notice period
    /// holding on the day but the deadlines still to come, with its ledger row and its member's
    /// name, département and region, in the listing's order, printed by the shell (some
    /// 27,000 lines at 100,000 members).
    private func rawListingSQL(on day: String) -> String {
        """
        SELECT CASE WHEN notice.id IS NULL THEN 'new' ELSE 'open' END, calendar_notice.due_on, calendar_notice.rule,
            calendar_notice.member_id, member.name, member.departement, member.region, calendar_notice.scheme_id,
            calendar_notice.obligation
        FROM calendar_notice
        LEFT JOIN notice ON notice.stream = calendar_notice.subject AND notice.rule = calendar_notice.rule
            AND notice.due_on = calendar_notice.due_on
        JOIN member ON member.id = calendar_notice.member_id
        WHERE calendar_notice.until_on > '\(day)' AND calendar_notice.from_on <= '\(day)'
            AND calendar_notice.rule <> 'due-soon'
        ORDER BY calendar_notice.due_on, calendar_notice.subject;
        """
    }

    /// How `check` is run, with the raw run that does the same on a day: as the cron line
    /// (`--quiet`, printing only what changed), and as an officer at a terminal (the default
    /// listing, every still-open overdue item too: tens of thousands of lines).
    private var invocations: [(name: String, flags: [String], lists: Bool, raw: (String, String?) -> String)] {
        [
            ("`check --quiet`", ["--quiet"], false, { rawSQL(on: $0, since: $1) }),
            ("`check`", [], true, { rawSQL(on: $0, since: $1) + "\n" + rawListingSQL(on: $0) }),
        ]
    }

    func run(into table: inout ResultTable) throws {
        let golden = try dataset.goldenDatabase()
        let members = try RawDatabase(path: golden.path).integer("SELECT count(*) FROM member")
        let previousNight = Self.dayBefore(dataset.lastDay)
        var insertsOnly: (first: Samples, nightly: Samples)?
        for invocation in invocations {
            // First runs, each on a fresh copy of the imported network.
            var notices = 0
            var rawNotices = 0
            let (first, rawFirst) = try Samples.inTurns(runs: runs, cedre: {
                let work = try dataset.copy(golden, to: "check.sqlite")
                defer { Dataset.remove(work) }
                let seconds = try dataset.cedre(
                    ["check", "--as-of", dataset.lastDay] + invocation.flags, database: work, accepting: [0, 3]).seconds
                notices = try RawDatabase(path: work.path).integer("SELECT count(*) FROM notice")
                return seconds
            }, raw: {
                let work = try dataset.copy(golden, to: "check-raw.sqlite")
                defer { Dataset.remove(work) }
                let seconds = try dataset.sqlite(invocation.raw(dataset.lastDay, nil), database: work).seconds
                rawNotices = try RawDatabase(path: work.path).integer("SELECT count(*) FROM notice")
                return seconds
            })
            // Next nights: a copy checked the night before, then timed on the last day.
            let (nightly, rawNightly) = try Samples.inTurns(runs: runs, cedre: {
                let work = try dataset.copy(golden, to: "check.sqlite")
                defer { Dataset.remove(work) }
                try dataset.cedre(["check", "--as-of", previousNight] + invocation.flags, database: work, accepting: [0, 3])
                return try dataset.cedre(
                    ["check", "--as-of", dataset.lastDay] + invocation.flags, database: work, accepting: [0, 3]).seconds
            }, raw: {
                let work = try dataset.copy(golden, to: "check-raw.sqlite")
                defer { Dataset.remove(work) }
                try dataset.sqlite(invocation.raw(previousNight, nil), database: work)
                return try dataset.sqlite(invocation.raw(dataset.lastDay, previousNight), database: work).seconds
            })
            // A listing is also set beside the raw run that prints nothing, as earlier tables did.
            func besideInsertsOnly(_ raw: Samples?, _ cedre: Samples) -> String? {
                guard invocation.lists, let raw else { return nil }
                return String(format: "%.2f× the raw run without its listing", cedre.median / raw.median)
            }
            let ledger = "ledger: cedre \(notices) notices, raw \(rawNotices) rows"
            table.add(ResultTable.Line(
                work: "\(invocation.name) (first run: catch-up)", size: "\(members) members", cedre: first, raw: rawFirst,
                target: "≤ 2× raw", met: first.median <= 2 * rawFirst.median,
                note: ([ledger] + [besideInsertsOnly(insertsOnly?.first, first)].compactMap { $0 }).joined(separator: "; ")))
            table.add(ResultTable.Line(
                work: "\(invocation.name) (next night)", size: "\(members) members", cedre: nightly, raw: rawNightly,
                target: "≤ 2× raw", met: nightly.median <= 2 * rawNightly.median,
                note: besideInsertsOnly(insertsOnly?.nightly, nightly) ?? ""))
            if !invocation.lists { insertsOnly = (rawFirst, rawNightly) }
        }
    }

    /// `YYYY-MM-DD` of the day before.
    static func dayBefore(_ day: String) -> String {
        let formatter = DateFormatter()
        formatter.dateFormat = "yyyy-MM-dd"
        formatter.timeZone = TimeZone(identifier: "UTC")
        guard let date = formatter.date(from: day) else { return day }
        return formatter.string(from: date.addingTimeInterval(-86_400))
    }
}
