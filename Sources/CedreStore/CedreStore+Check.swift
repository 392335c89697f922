import CedreCore
import Foundation
import GRDB

/// What `check` is asked: the day, how far ahead to look, what to look at, and whether to
/// write the ledger.
public struct CheckRequest: Sendable {
    public let asOf: Day
    public let horizonDays: Int
    public let dryRun: Bool
    public let actor: String
    public let now: Date
    /// Only the members of this federation region (as their profile gives it); nil for all.
    public var region: String?
    /// Only this scheme; nil for all.
    public var scheme: SchemeID?
    /// Still-open notices last shown at least this many days before `asOf` are shown again
    /// as reminders; nil for never.
    public var remindEveryDays: Int?
    /// What the run will list: the result names the members of those notices only.
    public var listing: CheckListing

    public init(
        asOf: Day, horizonDays: Int, dryRun: Bool, actor: String, now: Date, region: String? = nil, scheme: SchemeID? = nil,
        remindEveryDays: Int? = nil, listing: CheckListing = .all
    ) {
        self.asOf = asOf
        self.horizonDays = horizonDays
        self.dryRun = dryRun
        self.actor = actor
        self.now = now
        self.region = region
        self.scheme = scheme
        self.remindEveryDays = remindEveryDays
        self.listing = listing
    }

    /// Whether a notice about `member` under `scheme` is within what the run looks at.
    func covers(_ key: CertificationKey, member: Member?) -> Bool {
        (scheme.map { $0 == key.scheme } ?? true) && (region.map { $0 == member?.region } ?? true)
    }
}

/// What a `check` run found: every notice it reports, new, still open, resolved or a reminder.
public struct CheckResult: Sendable {
    public let asOf: Day
    public let horizonDays: Int
    public let notices: [ReportedNotice]
    /// The members the notices the run lists (`CheckRequest.listing`) are about, for their
    /// names, regions and départements.
    public let members: [MemberID: Member]
    /// The event log's head as the run saw it: what a witness file records.
    public let head: LogHead
}

extension CedreStore {
    /// Advances every certification to `asOf` and records in the notice ledger what fell due
    /// on or before it (with its true due day) and what falls due within the horizon.
    ///
    /// One IMMEDIATE transaction: two runs at once are serialised by SQLite, and the second
    /// finds the first one's notices in the ledger. The event log is never written. With
    /// `dryRun` the same work is done and rolled back.
    ///
    /// `deliver` is called with the result before the ledger is committed (DESIGN §5: output,
    /// then commit): when it throws (the output could not be written), nothing is committed
    /// and the next run reports the same notices again. A notice may be shown twice after a
    /// crash between the two, never lost.
    @discardableResult
    public func check(_ request: CheckRequest, deliver: (CheckResult) throws -> Void = { _ in }) throws -> CheckResult {
        try writer.writeWithoutTransaction { db in
            // The ledger's INSERTs keep their statement journals in memory, not in temporary
            // files: a first run writes tens of thousands of rows.
            try db.execute(sql: "PRAGMA temp_store = MEMORY")
            defer { try? db.execute(sql: "PRAGMA temp_store = DEFAULT") }
            var result: CheckResult?
            try db.inTransaction(.immediate) {
                let ledger = NoticeLedger(db: db, request: request)
                let notices = try ledger.run(catalog: catalog)
                let found = CheckResult(
                    asOf: request.asOf, horizonDays: request.horizonDays, notices: notices,
                    members: try ledger.members(of: notices.filter(request.listing.lists)), head: try LogHead.read(db))
                try deliver(found)
                result = found
                return request.dryRun ? .rollback : .commit
            }
            guard let result else { throw StoreError.writeNotLanded(table: "the notice ledger", expected: 1, found: 0) }
            return result
        }
    }

    /// The number of notices the ledger holds.
    public func ledgerCount() throws -> Int {
        try writer.read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM notice") ?? 0 }
    }
}

/// The notice ledger: one row per (subject, rule, due day), ever.
private struct NoticeLedger {
    let db: Database
    let request: CheckRequest
    private let chain: LedgerChain.Appender

    init(db: Database, request: CheckRequest) {
        self.db = db
        self.request = request
        chain = LedgerChain.Appender(db)
    }

    private struct Key: Hashable {
        let subject: String
        let rule: NoticeRule
        let due: Day
    }

    private struct Entry {
        let id: Int64
        let notice: Notice
        /// The latest status row: nil, `reopened` or `reminded` means open.
        let latest: String?
    }

    /// Compares what holds on the day (read from the stored calendars; only dossiers with facts
    /// after the day are replayed) with the ledger, and records the difference: a run row when
    /// anything changed, then the new notices, then the new statuses.
    func run(catalog: SchemeCatalog) throws -> [ReportedNotice] {
        var current: [Key: Notice] = [:]
        for notice in try notices(catalog: catalog) where try covers(notice) {
            current[Key(subject: notice.subject, rule: notice.rule, due: notice.due)] = notice
        }
        let ledger = try openEntries()
        let earlier = try closedEntries(current.keys.filter { ledger[$0] == nil })
        var new: [Notice] = []
        var statuses: [(notice: Int64, status: String)] = []
        var reported: [ReportedNotice] = []
        for (key, notice) in current {
            if let entry = ledger[key] {
                if try isDueForAReminder(entry) {
                    statuses.append((entry.id, "reminded"))
                    reported.append(ReportedNotice(notice: notice, status: .reminder))
                } else {
                    reported.append(ReportedNotice(notice: notice, status: .open))
                }
            } else if let earlier = earlier[key] {
                statuses.append((earlier.id, "reopened"))
                reported.append(ReportedNotice(notice: notice, status: .open))
            } else {
                new.append(notice)
                reported.append(ReportedNotice(notice: notice, status: .new))
            }
        }
        let ended = Set(current.values.filter { $0.rule.endsTheCycle }.map(\.key))
        for (key, entry) in ledger where current[key] == nil {
            let notice = entry.notice
            guard try covers(notice) else { continue }
            if notice.rule.concernsTheRunningCycle && ended.contains(notice.key) {
                statuses.append((entry.id, "closed"))
            } else if notice.rule == .dueSoon {
                if notice.due < request.asOf {
                    statuses.append((entry.id, "closed"))
                } else if notice.due <= request.asOf.adding(days: request.horizonDays) {
                    statuses.append((entry.id, "resolved"))
                    reported.append(ReportedNotice(notice: notice, status: .resolved))
                }
            } else if notice.due <= request.asOf {
                statuses.append((entry.id, "resolved"))
                reported.append(ReportedNotice(notice: notice, status: .resolved))
            }
        }
        if !new.isEmpty || !statuses.isEmpty {
            let run = try insertRun()
            // In the ledger's key order: the same facts give the same ledger, and its UNIQUE
            // index grows at one end instead of at random places.
            new.sort(by: Notice.inLedgerOrder)
            statuses.sort { $0.notice < $1.notice }
            try chain.insert(.notice, rows: new.map { notice in
                [notice.subject, notice.rule.rawValue, notice.due, notice.key.member, notice.key.scheme, notice.finding,
                 notice.obligation?.rawValue, run]
            })
            try chain.insert(.noticeStatus, rows: statuses.map { [$0.notice, run, $0.status] })
        }
        return reported.sorted { Notice.precedes($0.notice, $1.notice) }
    }

    /// Every notice on the day: from the stored calendars, and from a replay of the dossiers
    /// with facts after the day.
    private func notices(catalog: SchemeCatalog) throws -> [Notice] {
        let day = request.asOf
        let replayed = try StandingRows.replayedDossiers(on: day, catalog: catalog, in: db) { try MemberRows.fetch($0, in: db) }
        let stored = try StandingRows.storedNotices(
            on: day, horizon: request.horizonDays, except: Set(replayed.map(\.key)), in: db)
        return stored.values.flatMap { $0 } + replayed.flatMap { $0.notices(horizon: request.horizonDays, on: day) }
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
        guard request.region != nil || request.scheme != nil else { return true }
        return request.covers(notice.key, member: try member(notice.key.member))
    }

    /// The members `notices` are about, those not looked up yet read in one statement (tens of
    /// thousands on a first night: they go straight to the answer, not through the cache).
    func members(of notices: [ReportedNotice]) throws -> [MemberID: Member] {
        var members: [MemberID: Member] = [:]
        var unknown: [MemberID] = []
        for id in Set(notices.lazy.map(\.notice.key.member)) {
            switch cache.members[id] {
            case .some(let looked): if let looked { members[id] = looked }
            case .none: unknown.append(id)
            }
        }
        members.reserveCapacity(members.count + unknown.count)
        for record in try MemberRows.fetch(unknown, in: db) { members[record.member.id] = record.member }
        return members
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

    /// The ledger's open notices: never resolved or closed, or reopened since.
    private func openEntries() throws -> [Key: Entry] {
        try entries(where: "coalesce(\(Self.latest), 'reopened') IN ('reopened', 'reminded')", arguments: [])
    }

    /// The ledger's entries of `keys`, which are not open (they are not among `openEntries`):
    /// one statement however many they are, SQLite looking each one up from a JSON array of
    /// the keys.
    private func closedEntries(_ keys: [Key]) throws -> [Key: Entry] {
        // A ledger where nothing was ever resolved or closed (a first run) has no such entry.
        let anyClosed = try Bool.fetchOne(db.cachedStatement(sql: """
            SELECT EXISTS (SELECT 1 FROM notice_status WHERE status IN ('resolved', 'closed'))
            """)) ?? true
        guard !keys.isEmpty, anyClosed else { return [:] }
        let list = JSONArgument.rows(keys.map { [$0.subject, $0.rule.rawValue, $0.due.description] })
        return try entries(where: """
            (stream, rule, due_on) IN (
                SELECT json_extract(value, '$[0]'), json_extract(value, '$[1]'), json_extract(value, '$[2]') FROM json_each(?))
            """, arguments: [list])
    }

    private static let latest = "(SELECT status FROM notice_status WHERE notice_id = notice.id ORDER BY id DESC LIMIT 1)"

    private func entries(where condition: String, arguments: StatementArguments) throws -> [Key: Entry] {
        var entries: [Key: Entry] = [:]
        let rows = try Row.fetchCursor(db.cachedStatement(sql: """
            SELECT id, stream, rule, due_on, member_id, scheme_id, finding_id, obligation, \(Self.latest)
            FROM notice WHERE \(condition)
            """), arguments: arguments)
        while let row = try rows.next() {
            guard let rule = NoticeRule(rawValue: row[2]), let due = row.day(atIndex: 3) else { continue }
            let notice = Notice(
                rule: rule, key: CertificationKey(member: row[4], scheme: row[5]), subject: row[1],
                due: due, finding: row[6], obligation: (row[7] as String?).flatMap(Obligation.init))
            entries[Key(subject: notice.subject, rule: rule, due: due)] = Entry(id: row[0], notice: notice, latest: row[8])
        }
        return entries
    }

    private func insertRun() throws -> Int64 {
        let lastEvent = try Int64.fetchOne(db, sql: "SELECT coalesce(max(id), 0) FROM event") ?? 0
        let recorded = RecordingContext(actor: request.actor, today: request.asOf, now: request.now).recordedAt
        let ids = try chain.insert(
            .checkRun, rows: [[request.asOf, request.horizonDays, recorded, request.actor, lastEvent]])
        guard let run = ids.first else { throw StoreError.writeNotLanded(table: "the notice ledger (check_run)", expected: 1, found: 0) }
        return run
    }
}

extension NoticeRule {
    /// Notices that say the certificate is no longer valid: they supersede reminders about it.
    fileprivate var endsTheCycle: Bool {
        self == .certificateExpired || self == .certificationLapsed || self == .suspensionExpired
    }

    /// Reminders that stop holding, without being resolved, once the certificate is no longer valid.
    fileprivate var concernsTheRunningCycle: Bool {
        self == .surveillanceOverdue || self == .recertificationNotPlanned || self == .dueSoon
    }
}
