import BenchmarkKit
import Foundation

/// `cedre check` on the imported network, first as the catch-up run of a new database, then
/// as the next night's run; against the `sqlite3` shell doing the same selection and inserts
/// (DESIGN §9: at most 2× raw sqlite3): selecting the due obligations from the deadline
/// projection and inserting them into the notice ledger in one transaction and, for a run
/// that lists what is open, then printing that list.
struct CheckBenchmark {
    let dataset: Dataset
    let runs: Int

    /// The raw equivalent: a run row, then one notice per obligation due by the horizon.
    private var rawSQL: String {
        """
        BEGIN IMMEDIATE;
        INSERT INTO check_run (as_of, horizon_days, ran_at, actor, last_event_id)
            VALUES ('\(dataset.lastDay)', 60, '2000-01-01T00:00:00.000Z', 'benchmarks', (SELECT coalesce(max(id), 0) FROM event));
        INSERT OR IGNORE INTO notice (stream, rule, due_on, member_id, scheme_id, finding_id, obligation, first_run)
            SELECT 'certification/' || member_id || '/' || scheme_id,
                CASE WHEN due_on > '\(dataset.lastDay)' THEN 'due-soon' ELSE CASE obligation
                    WHEN 'surveillance-audit' THEN 'surveillance-overdue'
                    WHEN 'recertification-planning' THEN 'recertification-not-planned'
                    WHEN 'certificate-expiry' THEN 'certificate-expired'
                    WHEN 'restore-window' THEN 'certification-lapsed'
                    WHEN 'suspension-maximum' THEN 'suspension-expired'
                    WHEN 'finding-deadline' THEN 'major-finding-overdue'
                    ELSE 'due-soon' END END,
                due_on, member_id, scheme_id, CASE obligation WHEN 'finding-deadline' THEN subject END, obligation,
                (SELECT max(id) FROM check_run)
            FROM deadline WHERE due_on <= date('\(dataset.lastDay)', '+60 days');
        COMMIT;
        SELECT changes();
        """
    }

    /// The raw equivalent of the default listing, after the run: every stored notice period
    /// holding on the day but the deadlines still to come, with its ledger row and its member's
    /// name, département and region, in the listing's order, printed by the shell (some
    /// 27,000 lines at 100,000 members).
    private var rawListingSQL: String {
        """
        SELECT CASE WHEN notice.id IS NULL THEN 'new' ELSE 'open' END, calendar_notice.due_on, calendar_notice.rule,
            calendar_notice.member_id, member.name, member.departement, member.region, calendar_notice.scheme_id,
            calendar_notice.obligation
        FROM calendar_notice
        LEFT JOIN notice ON notice.stream = calendar_notice.subject AND notice.rule = calendar_notice.rule
            AND notice.due_on = calendar_notice.due_on
        JOIN member ON member.id = calendar_notice.member_id
        WHERE calendar_notice.until_on > '\(dataset.lastDay)' AND calendar_notice.from_on <= '\(dataset.lastDay)'
            AND calendar_notice.rule <> 'due-soon'
        ORDER BY calendar_notice.due_on, calendar_notice.subject;
        """
    }

    /// How `check` is run, with the raw run that does the same: as the cron line (`--quiet`,
    /// printing only what changed), and as an officer at a terminal (the default listing, every
    /// still-open overdue item too: tens of thousands of lines).
    private var invocations: [(name: String, flags: [String], raw: String)] {
        [("`check --quiet`", ["--quiet"], rawSQL), ("`check`", [], rawSQL + "\n" + rawListingSQL)]
    }

    func run(into table: inout ResultTable) throws {
        let golden = try dataset.goldenDatabase()
        let members = try RawDatabase(path: golden.path).integer("SELECT count(*) FROM member")
        let previousNight = Self.dayBefore(dataset.lastDay)
        var insertsOnly: (first: Samples, nightly: Samples)?
        for invocation in invocations {
            var rawFirst = Samples()
            var rawNotices = 0
            for _ in 0..<runs {
                let work = try dataset.copy(golden, to: "check-raw.sqlite")
                rawFirst.append(try dataset.sqlite(invocation.raw, database: work).seconds)
                rawNotices = try RawDatabase(path: work.path).integer("SELECT count(*) FROM notice")
                Dataset.remove(work)
            }
            var rawNightly = Samples()
            for _ in 0..<runs {
                let work = try dataset.copy(golden, to: "check-raw.sqlite")
                try dataset.sqlite(invocation.raw, database: work)
                rawNightly.append(try dataset.sqlite(invocation.raw, database: work).seconds)
                Dataset.remove(work)
            }
            var first = Samples()
            var notices = 0
            var nightly = Samples()
            for _ in 0..<runs {
                let work = try dataset.copy(golden, to: "check.sqlite")
                first.append(try dataset.cedre(
                    ["check", "--as-of", dataset.lastDay] + invocation.flags, database: work, accepting: [0, 3]).seconds)
                notices = try RawDatabase(path: work.path).integer("SELECT count(*) FROM notice")
                Dataset.remove(work)
            }
            for _ in 0..<runs {
                let work = try dataset.copy(golden, to: "check.sqlite")
                try dataset.cedre(["check", "--as-of", previousNight] + invocation.flags, database: work, accepting: [0, 3])
                nightly.append(try dataset.cedre(
                    ["check", "--as-of", dataset.lastDay] + invocation.flags, database: work, accepting: [0, 3]).seconds)
                Dataset.remove(work)
            }
            // A listing is also set beside the raw run that prints nothing, as earlier tables did.
            func besideInsertsOnly(_ raw: Samples?, _ cedre: Samples) -> String? {
                guard invocation.raw != rawSQL, let raw else { return nil }
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
            if invocation.raw == rawSQL { insertsOnly = (rawFirst, rawNightly) }
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
