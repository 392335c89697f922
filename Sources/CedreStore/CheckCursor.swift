import CedreCore
import GRDB

/// Where the last `check` covering every notice left the notice ledger: its day, its horizon,
/// the ledger's last run, and how many stored notice periods held; with the dossiers whose
/// projections a write has replaced since (`check_cursor_dossier`).
///
/// After such a run every notice holding on its day has an open ledger row. The calendars of
/// the dossiers no write has touched since are the ones that run read, so a later run with the
/// same horizon need only compare their periods that started or ended in between (the others
/// still hold, and are still open) and, in full, the dossiers written since. A write that
/// replaces a dossier's projections notes it here first (`noteRewrite(of:in:)`), taking its
/// periods out of the count.
struct CheckCursor {
    let asOf: Day
    let horizonDays: Int
    let lastRunID: Int64
    /// The stored notice periods holding on `asOf` (dossiers whose calendar answers for it),
    /// less those of the dossiers written since.
    let holding: Int

    /// The cursor a run of `request` can start from, or nil when it must compare everything:
    /// no cursor, another horizon, a day before the cursor's, a run that looks at one region
    /// or scheme or reminds, or another run written since.
    static func usable(for request: CheckRequest, in db: Database) throws -> CheckCursor? {
        guard !request.isScoped, request.remindEveryDays == nil, !request.comparesEveryNotice,
            let cursor = try read(db), cursor.horizonDays == request.horizonDays, cursor.asOf <= request.asOf
        else { return nil }
        return try lastRun(db) == cursor.lastRunID ? cursor : nil
    }

    /// Records where a run covering every notice left the ledger, in the run's transaction.
    static func save(asOf: Day, horizonDays: Int, holding: Int, in db: Database) throws {
        try db.cachedStatement(sql: """
            INSERT OR REPLACE INTO check_cursor (id, as_of, horizon_days, last_run_id, holding) VALUES (1, ?, ?, ?, ?)
            """).execute(arguments: [asOf, horizonDays, try lastRun(db), holding])
        try db.execute(sql: "DELETE FROM check_cursor_dossier")
    }

    /// Drops the cursor, before a rebuild: it vouches for the calendars the last run read.
    static func forget(in db: Database) throws {
        try db.execute(sql: "DELETE FROM check_cursor; DELETE FROM check_cursor_dossier")
    }

    /// Whether there is a cursor for writes to keep up to date.
    static func exists(in db: Database) throws -> Bool {
        try Bool.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 FROM check_cursor)") ?? false
    }

    /// Notes, before a write replaces or removes the projections of the dossier `key` (or adds
    /// them), that the next run compares it in full; the first time, the periods of its that
    /// held on the cursor's day leave the cursor's count.
    static func noteRewrite(of key: CertificationKey, in db: Database) throws {
        guard let cursor = try read(db) else { return }
        try db.cachedStatement(sql: "INSERT OR IGNORE INTO check_cursor_dossier (member_id, scheme_id) VALUES (?, ?)")
            .execute(arguments: [key.member, key.scheme])
        guard db.changesCount == 1 else { return }
        // A calendar's periods start on or after its first day: those holding on the cursor's
        // day are of a calendar that answered for it.
        let holding = StandingRows.noticesHolding(on: cursor.asOf, horizon: cursor.horizonDays, except: [], byKey: true)
        let held = try Int.fetchOne(db.cachedStatement(sql: """
            SELECT count(*) FROM calendar_notice WHERE member_id = ? AND scheme_id = ? AND \(holding.condition)
            """), arguments: [key.member, key.scheme] + holding.arguments) ?? 0
        // Never below zero: a cursor edited by hand must not stop facts from being recorded
        // (`verify` names it).
        if held > 0 {
            try db.cachedStatement(sql: "UPDATE check_cursor SET holding = max(holding - ?, 0)").execute(arguments: [held])
        }
    }

    /// The dossiers written since the cursor was saved.
    static func rewritten(in db: Database) throws -> Set<CertificationKey> {
        try Set(Row.fetchAll(db, sql: "SELECT member_id, scheme_id FROM check_cursor_dossier").map {
            CertificationKey(member: $0[0], scheme: $0[1])
        })
    }

    /// Why the cursor a run would start from does not say what the ledger and the calendars
    /// say, or nil. The cursor is not chained with the ledger: one moved by hand to a later day
    /// would have the next nights skip every notice that started before it, so `verify` checks
    /// that each notice period holding on its day, in the dossiers not written since, has an
    /// open ledger row, and their number.
    static func problem(in db: Database) throws -> String? {
        guard let cursor = try read(db), try lastRun(db) == cursor.lastRunID else { return nil }
        let holdingOnItsDay = StandingRows.noticesHolding(
            on: cursor.asOf, horizon: cursor.horizonDays, except: [], qualifier: "calendar_notice.")
        let row = try Row.fetchOne(db, sql: """
            SELECT count(*), coalesce(sum(notice.id IS NULL OR notice.id IN \(NoticeLedger.notOpen)), 0)
            FROM \(NoticeLedger.periodsAndTheirRows)
            WHERE \(holdingOnItsDay.condition)
                AND (calendar_notice.member_id, calendar_notice.scheme_id) NOT IN
                    (SELECT member_id, scheme_id FROM check_cursor_dossier)
            """, arguments: holdingOnItsDay.arguments)
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
        guard let row = try Row.fetchOne(db.cachedStatement(sql: """
            SELECT as_of, horizon_days, last_run_id, holding FROM check_cursor WHERE id = 1
            """)), let asOf = row.day(atIndex: 0)
        else { return nil }
        return CheckCursor(asOf: asOf, horizonDays: row[1], lastRunID: row[2], holding: row[3])
    }

    /// The last run's id, 0 for none.
    private static func lastRun(_ db: Database) throws -> Int64 {
        try Int64.fetchOne(db, sql: "SELECT coalesce(max(id), 0) FROM check_run") ?? 0
    }
}

extension CheckListing {
    /// Whether a run lists some of the notices still open: it must then read them all.
    var listsOpenNotices: Bool {
        NoticeRule.allCases.contains { lists(.open, rule: $0) }
    }
}
