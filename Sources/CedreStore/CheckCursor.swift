import CedreCore
import GRDB

/// Where the last `check` covering every notice left the notice ledger: its day, its horizon,
/// the event log and the ledger as it left them, and how many stored notice periods held.
///
/// After such a run every notice holding on its day has an open ledger row. While no fact has
/// been recorded and no other run has written the ledger since, the stored calendars are the
/// ones that run read, so a later run with the same horizon need only compare the periods
/// that started or ended in between: the others still hold, and are still open.
struct CheckCursor {
    let asOf: Day
    let horizonDays: Int
    let lastEventID: Int64
    let lastRunID: Int64
    /// The stored notice periods holding on `asOf` (dossiers whose calendar answers for it).
    let holding: Int

    /// The cursor a run of `request` can start from, or nil when it must compare everything:
    /// no cursor, another horizon, a day before the cursor's, a run that looks at one region
    /// or scheme, reminds, or lists the notices still open, a fact recorded or a run written
    /// since.
    static func usable(for request: CheckRequest, in db: Database) throws -> CheckCursor? {
        guard !request.isScoped, request.remindEveryDays == nil, !request.listing.listsOpenNotices,
            let cursor = try read(db), cursor.horizonDays == request.horizonDays, cursor.asOf <= request.asOf
        else { return nil }
        let (event, run) = try heads(db)
        return event == cursor.lastEventID && run == cursor.lastRunID ? cursor : nil
    }

    /// Records where a run covering every notice left the ledger, in the run's transaction.
    static func save(asOf: Day, horizonDays: Int, holding: Int, in db: Database) throws {
        let (event, run) = try heads(db)
        try db.cachedStatement(sql: """
            INSERT OR REPLACE INTO check_cursor (id, as_of, horizon_days, last_event_id, last_run_id, holding)
            VALUES (1, ?, ?, ?, ?, ?)
            """).execute(arguments: [asOf, horizonDays, event, run, holding])
    }

    /// Why the cursor a run would start from does not say what the ledger and the calendars
    /// say, or nil. The cursor is not chained with the ledger: one moved by hand to a later day
    /// would have the next nights skip every notice that started before it, so `verify` checks
    /// that each notice period holding on its day has an open ledger row, and their number.
    static func problem(in db: Database) throws -> String? {
        guard let cursor = try read(db), try heads(db) == (cursor.lastEventID, cursor.lastRunID) else { return nil }
        let row = try Row.fetchOne(db, sql: """
            SELECT count(*), coalesce(sum(notice.id IS NULL OR notice.id IN \(NoticeLedger.notOpen)), 0)
            FROM \(NoticeLedger.periodsAndTheirRows)
            WHERE calendar_notice.until_on > ? AND calendar_notice.from_on <= ?
                AND (calendar_notice.rule <> 'due-soon' OR calendar_notice.due_on <= ?)
                AND (calendar_notice.member_id, calendar_notice.scheme_id) IN
                    (SELECT member_id, scheme_id FROM dossier_calendar WHERE from_on <= ?)
            """, arguments: [cursor.asOf, cursor.asOf, cursor.asOf.adding(days: cursor.horizonDays), cursor.asOf])
        let holding: Int = row?[0] ?? 0
        let unrecorded: Int = row?[1] ?? 0
        guard unrecorded > 0 || holding != cursor.holding else { return nil }
        return """
            the check cursor does not match the notice ledger: on \(cursor.asOf), \(unrecorded) of the \(holding) notices \
            holding have no open row, and it counts \(cursor.holding); the next check would miss notices: \
            run 'cedre rebuild', then 'cedre check'.
            """
    }

    private static func read(_ db: Database) throws -> CheckCursor? {
        guard let row = try Row.fetchOne(db, sql: """
            SELECT as_of, horizon_days, last_event_id, last_run_id, holding FROM check_cursor WHERE id = 1
            """), let asOf = row.day(atIndex: 0)
        else { return nil }
        return CheckCursor(asOf: asOf, horizonDays: row[1], lastEventID: row[2], lastRunID: row[3], holding: row[4])
    }

    /// The last event's id and the last run's, 0 for none.
    private static func heads(_ db: Database) throws -> (event: Int64, run: Int64) {
        let row = try Row.fetchOne(db, sql: "SELECT (SELECT coalesce(max(id), 0) FROM event), (SELECT coalesce(max(id), 0) FROM check_run)")
        return (row?[0] ?? 0, row?[1] ?? 0)
    }
}

extension CheckListing {
    /// Whether a run lists some of the notices still open: it must then read them all.
    var listsOpenNotices: Bool {
        NoticeRule.allCases.contains { lists(.open, rule: $0) }
    }
}
