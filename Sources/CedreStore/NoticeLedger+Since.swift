import CedreCore
import GRDB

extension NoticeLedger {
    /// Compares only what changed since the run `cursor` records, for a run covering every
    /// notice, with no reminders, with the cursor's horizon, on or after its day, with
    /// no other run written since (`CheckCursor.usable(for:in:)`). Returns the number of stored
    /// notice periods holding on the day.
    ///
    /// That run left an open ledger row for every notice holding on its day. A dossier whose
    /// calendar answered for that day, still does, and was not written since holds the same
    /// periods: those holding on both days are still open, only counted unless the run lists
    /// them; those that started holding since are compared, through the periods' start index;
    /// those that stopped are closed, through the end index. The rows that run left open
    /// without their notice holding are looked at again. A dossier written since, or whose
    /// calendar starts after the cursor's day, is compared in full.
    func compare(
        since cursor: CheckCursor, replayed: [NetworkStanding.DossierStanding], into findings: inout Findings
    ) throws -> Int {
        let day = request.asOf
        let horizon = request.horizonDays
        let replayedKeys = Set(replayed.map(\.key))
        // Dossiers whose calendar did not answer for the cursor's day, or that a write changed
        // since: their stored periods are compared in full.
        let storedInFull = try Set(Row.fetchAll(db, sql: """
            SELECT member_id, scheme_id FROM dossier_calendar WHERE from_on > ? AND from_on <= ?
            """, arguments: [cursor.asOf, day]).map { CertificationKey(member: $0[0], scheme: $0[1]) })
            .union(CheckCursor.rewritten(in: db)).subtracting(replayedKeys)
        let storedNotices = storedInFull.isEmpty ? [] : try StandingRows.storedNotices(
            on: day, horizon: horizon, except: [], of: Set(storedInFull.map(\.member)).sorted(), in: db
        ).filter { storedInFull.contains($0.key) }.flatMap(\.value)
        let touched = storedInFull.union(replayedKeys)
        let replayedNotices = replayed.flatMap { $0.notices(horizon: horizon, on: day) }
        let touchedGone = try compareInFull(replayedNotices + storedNotices, of: touched, into: &findings)

        let started = try compareStored(where: """
            calendar_notice.from_on > ? AND calendar_notice.from_on <= ? AND +calendar_notice.until_on > ?
                AND (calendar_notice.rule <> 'due-soon' OR calendar_notice.due_on <= ?)
            """, arguments: [cursor.asOf, day, day, day.adding(days: horizon)], skipping: touched, into: &findings)
        // Deadlines already pending that came within the horizon. A due-soon period ends by the
        // day after its due day (a deadline is announced up to that day only): through the rule
        // index, only the periods ending within the horizon are read, and kept from the index
        // alone, which holds the key's columns; only those kept are read from the table (on the
        // benchmark's next night at 100,000 members, 44 of 2,193: in `sqlite3`, 247 pages read
        // where looking every entry up in the table before testing its days read 3,082).
        let announced = try compareStored(where: """
            (calendar_notice.member_id, calendar_notice.scheme_id, calendar_notice.subject, calendar_notice.rule,
             calendar_notice.due_on, calendar_notice.from_on) IN (
                SELECT member_id, scheme_id, subject, rule, due_on, from_on FROM calendar_notice
                WHERE rule = 'due-soon' AND until_on > ? AND until_on <= ? AND from_on <= ? AND due_on > ? AND due_on <= ?)
            """, arguments: [day, day.adding(days: horizon + 1), cursor.asOf, cursor.asOf.adding(days: horizon),
                             day.adding(days: horizon)], skipping: touched, into: &findings)
        let stopped = try stoppedHolding(since: cursor, skipping: touched)
        let stillOpen: Int
        if request.listing.listsOpenNotices {
            stillOpen = try reportStillHolding(since: cursor, skipping: touched, into: &findings)
        } else {
            stillOpen = cursor.holding - stopped.rows
            findings.counts.count(.open, times: stillOpen)
        }
        let leftOpen = try entries(where: """
            ((rule = 'due-soon' AND due_on > ?) OR (rule <> 'due-soon' AND due_on > ?)) AND id NOT IN \(Self.notOpen)
            """, arguments: [cursor.asOf.adding(days: horizon), cursor.asOf]).filter { !touched.contains($0.notice.key) }
        var gone = touchedGone
        var seen = Set(gone.map(\.entry.id))
        for candidate in stopped.open + leftOpen {
            guard seen.insert(candidate.entry.id).inserted, try !holds(candidate.notice) else { continue }
            gone.append(candidate)
        }
        let reminded = gone.lazy.filter { $0.notice.rule.concernsTheRunningCycle && !touched.contains($0.notice.key) }
        for key in Set(reminded.map(\.notice.key)) where try cycleEnded(key) {
            findings.ended.insert(key)
        }
        for (notice, entry) in gone {
            close(notice, entry, into: &findings)
        }
        return stillOpen + started.rows + announced.rows + storedNotices.count
    }

    /// The stored periods holding on the cursor's day that no longer hold on the run's, with
    /// the open ledger rows of their notices (the dossiers `skipping` left out).
    private func stoppedHolding(
        since cursor: CheckCursor, skipping: Set<CertificationKey>
    ) throws -> (rows: Int, open: [(notice: Notice, entry: Entry)]) {
        let heldOnItsDay = StandingRows.noticesHolding(
            on: cursor.asOf, horizon: cursor.horizonDays, except: [], qualifier: "calendar_notice.")
        let rows = try Row.fetchCursor(db.cachedStatement(sql: """
            SELECT \(StandingRows.noticeColumns(qualifier: "calendar_notice.")), notice.id, notice.id IN \(Self.notOpen)
            FROM \(Self.periodsAndTheirRows)
            WHERE \(heldOnItsDay.condition) AND calendar_notice.until_on <= ?
            """), arguments: heldOnItsDay.arguments + [request.asOf])
        var stopped = (rows: 0, open: [(notice: Notice, entry: Entry)]())
        while let row = try rows.next() {
            guard let rule = row.noticeRule(atIndex: 3), let due = row.day(atIndex: 4) else { continue }
            let notice = StandingRows.notice(in: row, rule: rule, due: due)
            guard !skipping.contains(notice.key) else { continue }
            stopped.rows += 1
            if let id = row[7] as Int64?, !(row[8] as Bool) { stopped.open.append((notice, Entry(id: id, isOpen: true))) }
        }
        return stopped
    }

    /// Reports as still open, for a run that lists them, the stored periods that held on the
    /// cursor's day and still hold (the dossiers `skipping` left out): that run left each one's
    /// ledger row open, and no run came since. Read from the periods alone, without their
    /// ledger rows; only those the run lists are read into notices. Returns how many.
    private func reportStillHolding(
        since cursor: CheckCursor, skipping: Set<CertificationKey>, into findings: inout Findings
    ) throws -> Int {
        let heldOnItsDay = StandingRows.noticesHolding(on: cursor.asOf, horizon: cursor.horizonDays, except: [])
        let rows = try Row.fetchCursor(db.cachedStatement(sql: """
            SELECT \(StandingRows.noticeColumns()) FROM calendar_notice WHERE \(heldOnItsDay.condition) AND until_on > ?
            """), arguments: heldOnItsDay.arguments + [request.asOf])
        var stillHolding = 0
        while let row = try rows.next() {
            guard let rule = row.noticeRule(atIndex: 3), let due = row.day(atIndex: 4) else { continue }
            let listed = findings.listing.lists(.open, rule: rule) ? StandingRows.notice(in: row, rule: rule, due: due) : nil
            if !skipping.isEmpty, skipping.contains(listed?.key ?? CertificationKey(member: row[0], scheme: row[1])) { continue }
            stillHolding += 1
            findings.report(.open, rule: rule) { listed ?? StandingRows.notice(in: row, rule: rule, due: due) }
        }
        return stillHolding
    }

    /// Whether a stored period of `notice` holds on the run's day.
    private func holds(_ notice: Notice) throws -> Bool {
        let holding = StandingRows.noticesHolding(on: request.asOf, horizon: request.horizonDays, except: [], byKey: true)
        return try Bool.fetchOne(db.cachedStatement(sql: """
            SELECT EXISTS (SELECT 1 FROM calendar_notice
                WHERE member_id = ? AND scheme_id = ? AND subject = ? AND rule = ? AND due_on = ? AND \(holding.condition))
            """), arguments: [notice.key.member, notice.key.scheme, notice.subject, notice.rule.rawValue, notice.due]
                + holding.arguments) ?? false
    }

    /// Whether a stored notice saying the certificate is no longer valid holds on the run's day.
    private func cycleEnded(_ key: CertificationKey) throws -> Bool {
        let rules = NoticeRule.allCases.filter(\.endsTheCycle).map { "'\($0.rawValue)'" }.joined(separator: ", ")
        return try Bool.fetchOne(db.cachedStatement(sql: """
            SELECT EXISTS (SELECT 1 FROM calendar_notice
                WHERE member_id = ? AND scheme_id = ? AND +rule IN (\(rules)) AND +until_on > ? AND from_on <= ?)
            """), arguments: [key.member, key.scheme, request.asOf, request.asOf]) ?? false
    }
}
