import CedreCore
import Foundation
import GRDB

/// The notice ledger: one row per (subject, rule, due day), ever.
///
/// A run compares what holds on its day with the ledger inside SQLite: each stored notice is
/// joined to its ledger row, and each open ledger row looked up in the stored calendars. Only
/// what changed, what the run lists, and what decides a closing are read into notices; a night
/// with tens of thousands of notices still open reads none of them when it lists none.
struct NoticeLedger {
    let db: Database
    let request: CheckRequest
    private let chain: LedgerChain.Appender

    init(db: Database, request: CheckRequest) {
        self.db = db
        self.request = request
        chain = LedgerChain.Appender(db)
    }

    /// A notice's row in the ledger.
    struct Entry {
        let id: Int64
        /// Never resolved or closed, or reopened since.
        let isOpen: Bool
    }

    /// What a run records of a ledger row whose notice changed: a `notice_status` row's `status`.
    enum LedgerStatus: String, CaseIterable {
        /// Its notice fell due (or, for a deadline, came within the horizon) and no longer holds.
        case resolved
        /// It holds again after it was resolved or closed.
        case reopened
        /// Its certificate is no longer valid, or its deadline passed unannounced.
        case closed
        /// Shown again as a reminder (`check --remind-every`).
        case reminded
    }

    /// What a run records and reports, gathered notice by notice.
    struct Findings {
        let listing: CheckListing
        var new: [Notice] = []
        var statuses: [(notice: Int64, status: LedgerStatus)] = []
        var listed: [ReportedNotice] = []
        var counts = NoticeCounts()
        /// The dossiers with a notice holding that says the certificate is no longer valid.
        var ended: Set<CertificationKey> = []

        /// Counts `notice` with `status`, and lists it when the run lists such notices; `notice`
        /// is read only then.
        mutating func report(_ status: NoticeStatus, rule: NoticeRule, _ notice: () throws -> Notice) rethrows {
            counts.count(status)
            if listing.lists(status, rule: rule) { listed.append(ReportedNotice(notice: try notice(), status: status)) }
        }
    }

    /// What a comparison found (the new notices in the ledger's key order, the new statuses by
    /// notice), and how many stored notice periods held on the day: what `record` writes and
    /// the cursor counts.
    struct Comparison {
        let findings: Findings
        let holding: Int

        /// What the run lists, in the order lists show them.
        var listed: [ReportedNotice] { findings.listed }
        var counts: NoticeCounts { findings.counts }
    }

    /// Compares what holds on the day (read from the stored calendars; only dossiers with facts
    /// after the day are replayed) with the ledger: from the check cursor when it serves
    /// (`compare(since:replayed:into:)`), else every notice. Writes nothing.
    func compare(catalog: SchemeCatalog) throws -> Comparison {
        var findings = Findings(listing: request.listing)
        let replayed = try StandingRows.replayedDossiers(on: request.asOf, catalog: catalog, in: db) { try MemberRows.fetch($0, in: db) }
        let holding = if let cursor = try CheckCursor.usable(for: request, in: db) {
            try compare(since: cursor, replayed: replayed, into: &findings)
        } else {
            try compareAll(replayed: replayed, into: &findings)
        }
        findings.listed.sort { Notice.precedes($0.notice, $1.notice) }
        findings.new = Notice.sortedInLedgerOrder(findings.new)
        findings.statuses.sort { $0.notice < $1.notice }
        return Comparison(findings: findings, holding: holding)
    }

    /// Records the difference a comparison found: a run row when anything changed, then the
    /// new notices, then the new statuses. A run covering every notice moves the check cursor
    /// to its day; from there the next run with the same horizon compares only what changed.
    func record(_ comparison: Comparison) throws {
        try record(comparison.findings)
        if !request.isScoped {
            try CheckCursor.save(asOf: request.asOf, horizonDays: request.horizonDays, holding: comparison.holding, in: db)
        }
    }

    /// Compares every notice holding on the day with the ledger, and closes the open rows
    /// whose notice no longer holds. Returns the number of stored notice periods holding.
    private func compareAll(replayed: [NetworkStanding.DossierStanding], into findings: inout Findings) throws -> Int {
        let replayedKeys = Set(replayed.map(\.key))
        let notices = replayed.flatMap { $0.notices(horizon: request.horizonDays, on: request.asOf) }
        let replayedGone = try compareInFull(notices, of: replayedKeys, into: &findings)
        let holding = StandingRows.noticesHolding(
            on: request.asOf, horizon: request.horizonDays, except: replayedKeys, qualifier: "calendar_notice.")
        let stored = try compareStored(where: holding.condition, arguments: holding.arguments, into: &findings)
        let gone = try openEntries(except: stored.stillHolding).filter { !replayedKeys.contains($0.notice.key) } + replayedGone
        for (notice, entry) in gone where try covers(notice) {
            close(notice, entry, into: &findings)
        }
        return stored.rows
    }

    /// Compares `notices`, every notice holding on the day of the dossiers `keys`, with every
    /// ledger row of those dossiers. Returns their open rows whose notice no longer holds, to
    /// be closed once every notice holding is known.
    func compareInFull(
        _ notices: [Notice], of keys: Set<CertificationKey>, into findings: inout Findings
    ) throws -> [(notice: Notice, entry: Entry)] {
        let entries = try entries(of: keys)
        var holding = Set<Notice.LedgerKey>()
        for notice in notices where try covers(notice) {
            holding.insert(Notice.LedgerKey(notice))
            try compare(notice.rule, entries[Notice.LedgerKey(notice)]?.entry, into: &findings) { notice }
        }
        return entries.filter { $0.value.entry.isOpen && !holding.contains($0.key) }.map(\.value)
    }

    /// Reports a notice holding on the day as its ledger row says: still open (or a reminder),
    /// reopened, or new. `read` gives the notice, called once at most.
    private func compare(_ rule: NoticeRule, _ entry: Entry?, into findings: inout Findings, _ read: () throws -> Notice) throws {
        var known: Notice?
        func notice() throws -> Notice {
            if let known { return known }
            let notice = try read()
            known = notice
            return notice
        }
        if rule.endsTheCycle { findings.ended.insert(try notice().key) }
        switch entry {
        case .some(let entry) where entry.isOpen:
            if try isDueForAReminder(entry) {
                findings.statuses.append((entry.id, .reminded))
                try findings.report(.reminder, rule: rule, notice)
            } else {
                try findings.report(.open, rule: rule, notice)
            }
        case .some(let entry):
            findings.statuses.append((entry.id, .reopened))
            try findings.report(.open, rule: rule, notice)
        case .none:
            findings.new.append(try notice())
            try findings.report(.new, rule: rule, notice)
        }
    }

    /// Reports an open ledger row whose notice no longer holds: closed when the certificate
    /// it reminds of is no longer valid or its deadline passed unannounced, resolved when it
    /// fell due (or, for a deadline, is within the horizon).
    func close(_ notice: Notice, _ entry: Entry, into findings: inout Findings) {
        if notice.rule.concernsTheRunningCycle && findings.ended.contains(notice.key) {
            findings.statuses.append((entry.id, .closed))
        } else if notice.rule == .dueSoon {
            if notice.due < request.asOf {
                findings.statuses.append((entry.id, .closed))
            } else if notice.due <= request.asOf.adding(days: request.horizonDays) {
                findings.statuses.append((entry.id, .resolved))
                findings.report(.resolved, rule: notice.rule) { notice }
            }
        } else if notice.due <= request.asOf {
            findings.statuses.append((entry.id, .resolved))
            findings.report(.resolved, rule: notice.rule) { notice }
        }
    }

    /// What `compareStored` read: the open ledger rows whose notice still holds, and how many
    /// notice periods.
    struct Stored {
        var stillHolding = Set<Int64>()
        var rows = 0
    }

    /// The stored notice periods `condition` keeps (columns prefixed with `calendar_notice.`),
    /// each joined to its ledger row and compared; a row is read into a notice only when the
    /// run records it, lists it, or needs its dossier. The periods of the dossiers `skipping`
    /// are left out.
    func compareStored(
        where condition: String, arguments: StatementArguments, skipping: Set<CertificationKey> = [],
        into findings: inout Findings
    ) throws -> Stored {
        let rows = try Row.fetchCursor(db.cachedStatement(sql: """
            SELECT \(StandingRows.noticeColumns(qualifier: "calendar_notice.")), notice.id, notice.id IN \(Self.notOpen)
            FROM \(Self.periodsAndTheirRows)
            WHERE \(condition)
            """), arguments: arguments)
        let readsEach = request.isScoped || !skipping.isEmpty
        var stored = Stored()
        while let row = try rows.next() {
            guard let rule = row.noticeRule(atIndex: 3), let due = row.day(atIndex: 4) else { continue }
            let read = { StandingRows.notice(in: row, rule: rule, due: due) }
            let notice = readsEach ? read() : nil
            if let notice {
                guard !skipping.contains(notice.key), try covers(notice) else { continue }
            }
            stored.rows += 1
            let entry = (row[7] as Int64?).map { Entry(id: $0, isOpen: !(row[8] as Bool)) }
            if let entry, entry.isOpen { stored.stillHolding.insert(entry.id) }
            try compare(rule, entry, into: &findings) { notice ?? read() }
        }
        return stored
    }

    /// The stored notice periods, each with its notice's ledger row when it has one.
    static let periodsAndTheirRows = """
        calendar_notice LEFT JOIN notice
            ON notice.stream = calendar_notice.subject AND notice.rule = calendar_notice.rule
            AND notice.due_on = calendar_notice.due_on
        """

    /// The ledger's ids of notices not open: last resolved or closed, not reopened since. Few:
    /// a notice is resolved once.
    static let notOpen = """
        (SELECT status.notice_id FROM notice_status AS status
         WHERE status.status IN ('resolved', 'closed')
           AND NOT EXISTS (SELECT 1 FROM notice_status AS later WHERE later.notice_id = status.notice_id AND later.id > status.id))
        """

    /// The ledger's open rows but `holding`: their ids read from the table's own index, then
    /// the few left read in full.
    private func openEntries(except holding: Set<Int64>) throws -> [(notice: Notice, entry: Entry)] {
        var ids: [Int64] = []
        let open = try Int64.fetchCursor(db.cachedStatement(sql: "SELECT id FROM notice WHERE id NOT IN \(Self.notOpen)"))
        while let id = try open.next() {
            if !holding.contains(id) { ids.append(id) }
        }
        guard !ids.isEmpty else { return [] }
        return try entries(where: "id IN (SELECT value FROM json_each(?))", arguments: [JSONArgument.integers(ids)])
    }

    /// Every ledger row of the dossiers `keys`, by notice, read in one statement.
    private func entries(of keys: Set<CertificationKey>) throws -> [Notice.LedgerKey: (notice: Notice, entry: Entry)] {
        guard !keys.isEmpty else { return [:] }
        let list = JSONArgument.rows(keys.map { [$0.member.rawValue, $0.scheme.rawValue] })
        let rows = try entries(where: """
            (member_id, scheme_id) IN (SELECT json_extract(value, '$[0]'), json_extract(value, '$[1]') FROM json_each(?))
            """, arguments: [list])
        return Dictionary(rows.map { (Notice.LedgerKey($0.notice), $0) }, uniquingKeysWith: { first, _ in first })
    }

    func entries(where condition: String, arguments: StatementArguments) throws -> [(notice: Notice, entry: Entry)] {
        var entries: [(notice: Notice, entry: Entry)] = []
        let rows = try Row.fetchCursor(db.cachedStatement(sql: """
            SELECT id, stream, rule, due_on, member_id, scheme_id, finding_id, obligation, id IN \(Self.notOpen)
            FROM notice WHERE \(condition)
            """), arguments: arguments)
        while let row = try rows.next() {
            guard let rule = row.noticeRule(atIndex: 2), let due = row.day(atIndex: 3) else { continue }
            let notice = Notice(
                rule: rule, key: CertificationKey(member: row[4], scheme: row[5]), subject: row[1],
                due: due, finding: row[6], obligation: (row[7] as String?).flatMap(Obligation.init))
            entries.append((notice, Entry(id: row[0], isOpen: !(row[8] as Bool))))
        }
        return entries
    }

    /// Writes what the run found: a run row when anything changed, then the new notices in the
    /// ledger's key order, as `compare` sorted them (the same facts give the same ledger, and its
    /// UNIQUE index grows at one end instead of at random places), then the new statuses.
    ///
    /// The writes get the usual page cache back: in the small one the run reads with, the
    /// pages of the ledger's tables and indexes were written out and read again as they filled.
    private func record(_ findings: Findings) throws {
        guard !findings.new.isEmpty || !findings.statuses.isEmpty else { return }
        try db.execute(sql: "PRAGMA cache_size = -\(CedreStore.cacheKiB)")
        let run = try insertRun()
        try chain.insert(.notice, rows: findings.new.map { notice in
            [.text(notice.subject), .text(notice.rule.rawValue), .day(notice.due), .id(notice.key.member), .id(notice.key.scheme),
             .id(notice.finding), .text(notice.obligation?.rawValue), .integer(run)]
        })
        try chain.insert(.noticeStatus, rows: findings.statuses.map { [.integer($0.notice), .integer(run), .text($0.status.rawValue)] })
    }

    /// The members the run has looked up, by id.
    private final class MemberCache {
        var members: [MemberID: Member?] = [:]
    }

    private let cache = MemberCache()

    private func member(_ id: MemberID) throws -> Member? {
        if let known = cache.members[id] { return known }
        let member = try MemberRows.fetch(id, in: db)?.member
        cache.members[id] = member
        return member
    }

    private func covers(_ notice: Notice) throws -> Bool {
        guard request.isScoped else { return true }
        return request.covers(notice.key, member: try member(notice.key.member))
    }

    /// The members a run that lists every open notice will most likely name, read before the
    /// comparison knows them: those of the ledger's open rows, still open tonight or resolved.
    /// Those the comparison adds (a new notice's) are read after it.
    static func likelyListedMembers(in db: Database) throws -> [MemberID: Member] {
        byID(try MemberRows.fetch(idsSelectedBy: "SELECT member_id FROM notice WHERE id NOT IN \(notOpen)", in: db))
    }

    /// The members `notices` are about, read in one statement (tens of thousands on a first
    /// night).
    static func members(of notices: [ReportedNotice], in db: Database) throws -> [MemberID: Member] {
        byID(try MemberRows.fetch(Set(notices.lazy.map(\.notice.key.member)), in: db))
    }

    private static func byID(_ records: [MemberRecord]) -> [MemberID: Member] {
        Dictionary(records.lazy.map { ($0.member.id, $0.member) }, uniquingKeysWith: { first, _ in first })
    }

    /// Whether an open notice was last shown (first reported, or last reminded) at least
    /// `--remind-every` days before the day.
    private func isDueForAReminder(_ entry: Entry) throws -> Bool {
        guard let every = request.remindEveryDays else { return false }
        let lastShown = try String.fetchOne(db.cachedStatement(sql: """
            SELECT max(check_run.as_of) FROM check_run
            WHERE check_run.id = (SELECT first_run FROM notice WHERE id = ?)
               OR check_run.id IN (SELECT run FROM notice_status WHERE notice_id = ? AND status = 'reminded')
            """), arguments: [entry.id, entry.id]).flatMap(Day.init)
        return lastShown.map { $0.adding(days: every) <= request.asOf } ?? true
    }

    private func insertRun() throws -> Int64 {
        let lastEvent = try Int64.fetchOne(db, sql: "SELECT coalesce(max(id), 0) FROM event") ?? 0
        let recorded = RecordingContext(actor: request.actor, today: request.asOf, now: request.now).recordedAt
        let ids = try chain.insert(.checkRun, rows: [[
            .day(request.asOf), .integer(Int64(request.horizonDays)), .text(recorded), .text(request.actor), .integer(lastEvent),
        ]])
        guard let run = ids.first else { throw StoreError.writeNotLanded(table: "the notice ledger (check_run)", expected: 1, found: 0) }
        return run
    }
}

extension NoticeRule {
    /// Notices that say the certificate is no longer valid: they supersede reminders about it.
    var endsTheCycle: Bool {
        self == .certificateExpired || self == .certificationLapsed || self == .suspensionExpired
    }

    /// Reminders that stop holding, without being resolved, once the certificate is no longer valid.
    var concernsTheRunningCycle: Bool {
        self == .surveillanceOverdue || self == .recertificationNotPlanned || self == .dueSoon
    }
}
