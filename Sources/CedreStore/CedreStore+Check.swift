import CedreCore
import Foundation
import GRDB

/// What `check` is asked: the day, how far ahead to look, and whether to write the ledger.
public struct CheckRequest: Sendable {
    public let asOf: Day
    public let horizonDays: Int
    public let dryRun: Bool
    public let actor: String
    public let now: Date

    public init(asOf: Day, horizonDays: Int, dryRun: Bool, actor: String, now: Date) {
        self.asOf = asOf
        self.horizonDays = horizonDays
        self.dryRun = dryRun
        self.actor = actor
        self.now = now
    }
}

/// What a `check` run found: every notice it reports, new, still open or resolved.
public struct CheckResult: Sendable {
    public let asOf: Day
    public let horizonDays: Int
    public let notices: [ReportedNotice]
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
            var result: CheckResult?
            try db.inTransaction(.immediate) {
                let notices = try NoticeLedger(db: db, request: request).run(catalog: catalog)
                let found = CheckResult(
                    asOf: request.asOf, horizonDays: request.horizonDays, notices: notices, head: try LogHead.read(db))
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

    private struct Key: Hashable {
        let subject: String
        let rule: String
        let due: String
    }

    private struct Entry {
        let id: Int64
        let notice: Notice
        /// The latest status row: nil or `reopened` means open.
        let latest: String?

        var isOpen: Bool { latest == nil || latest == "reopened" }
    }

    func run(catalog: SchemeCatalog) throws -> [ReportedNotice] {
        let scope = try evaluationScope(catalog: catalog)
        let network = try scope.map { try Replay.network(of: $0, through: request.asOf, catalog: catalog, in: db) }
            ?? Replay.network(through: request.asOf, catalog: catalog, in: db)
        var current: [Key: Notice] = [:]
        for notice in network.notices(on: request.asOf, horizon: request.horizonDays) {
            current[Key(subject: notice.subject, rule: notice.rule.rawValue, due: notice.due.description)] = notice
        }
        let ledger = try entries(scope: scope)
        var run: Int64?
        func runID() throws -> Int64 {
            if let run { return run }
            let id = try insertRun()
            run = id
            return id
        }

        var reported: [ReportedNotice] = []
        for (key, notice) in current {
            if let entry = ledger[key] {
                if !entry.isOpen { try appendStatus("reopened", to: entry.id, run: try runID()) }
                reported.append(ReportedNotice(notice: notice, status: .open))
            } else {
                try insert(notice, run: try runID())
                reported.append(ReportedNotice(notice: notice, status: .new))
            }
        }
        let ended = Set(current.values.filter { $0.rule.endsTheCycle }.map(\.key))
        for (key, entry) in ledger where entry.isOpen && current[key] == nil {
            let notice = entry.notice
            if let scope, !scope.contains(notice.key) {
                reported.append(ReportedNotice(notice: notice, status: .open))
            } else if notice.rule.concernsTheRunningCycle && ended.contains(notice.key) {
                try appendStatus("closed", to: entry.id, run: try runID())
            } else if notice.rule == .dueSoon {
                if notice.due < request.asOf {
                    try appendStatus("closed", to: entry.id, run: try runID())
                } else if notice.due <= request.asOf.adding(days: request.horizonDays) {
                    try appendStatus("resolved", to: entry.id, run: try runID())
                    reported.append(ReportedNotice(notice: notice, status: .resolved))
                }
            } else if notice.due <= request.asOf {
                try appendStatus("resolved", to: entry.id, run: try runID())
                reported.append(ReportedNotice(notice: notice, status: .resolved))
            }
        }
        return reported.sorted { ($0.notice.due, $0.notice.subject, $0.notice.rule.rawValue) < ($1.notice.due, $1.notice.subject, $1.notice.rule.rawValue) }
    }

    /// The dossiers whose notices may have changed since the last run: nil when everything
    /// must be evaluated (first run, an earlier day than last time, another horizon).
    ///
    /// A dossier's notices change only when a fact is recorded in it or when the calendar
    /// crosses one of the deadlines its facts set, which the `deadline` projection lists; so
    /// between two runs only those dossiers are replayed, and the others keep their notices.
    private func evaluationScope(catalog: SchemeCatalog) throws -> Set<CertificationKey>? {
        guard let previous = try Row.fetchOne(db, sql: "SELECT * FROM check_run ORDER BY id DESC LIMIT 1"),
            let previousDay = Day.fromDatabaseValue(previous["as_of"]), previousDay <= request.asOf,
            (previous["horizon_days"] as Int) == request.horizonDays
        else { return nil }
        var scope = Set(try Row.fetchAll(db, sql: """
            SELECT DISTINCT member_id, scheme_id FROM deadline WHERE due_on BETWEEN ? AND ?
            """, arguments: [previousDay, request.asOf.adding(days: request.horizonDays)])
            .map { CertificationKey(member: $0["member_id"], scheme: $0["scheme_id"]) })
        let changedStreams = try String.fetchAll(db, sql: "SELECT DISTINCT stream FROM event WHERE id > ?", arguments: [previous["last_event_id"] as Int64])
        for stream in changedStreams {
            let parts = stream.split(separator: "/").map(String.init)
            if parts.count == 3, parts[0] == "certification" {
                scope.insert(CertificationKey(member: MemberID(rawValue: parts[1]), scheme: SchemeID(rawValue: parts[2])))
            }
        }
        for scheme in Set(scope.map(\.scheme)) where catalog[scheme]?.kind == .group {
            scope.formUnion(try Replay.groupKeys(scheme, in: db))
        }
        return scope
    }

    /// The ledger's open notices, and, for the dossiers evaluated, all their notices.
    private func entries(scope: Set<CertificationKey>?) throws -> [Key: Entry] {
        let latest = "(SELECT status FROM notice_status WHERE notice_id = notice.id ORDER BY id DESC LIMIT 1)"
        var rows: [Row]
        if let scope {
            rows = try Row.fetchAll(db, sql: """
                SELECT notice.*, \(latest) AS latest FROM notice WHERE coalesce(\(latest), 'reopened') = 'reopened'
                """)
            let statement = try db.cachedStatement(sql: "SELECT notice.*, \(latest) AS latest FROM notice WHERE member_id = ? AND scheme_id = ?")
            for key in scope {
                rows += try Row.fetchAll(statement, arguments: [key.member, key.scheme])
            }
        } else {
            rows = try Row.fetchAll(db, sql: "SELECT notice.*, \(latest) AS latest FROM notice")
        }
        var entries: [Key: Entry] = [:]
        for row in rows {
            guard let rule = NoticeRule(rawValue: row["rule"]), let due = Day.fromDatabaseValue(row["due_on"]) else { continue }
            let notice = Notice(
                rule: rule, key: CertificationKey(member: row["member_id"], scheme: row["scheme_id"]), subject: row["stream"],
                due: due, finding: row["finding_id"], obligation: (row["obligation"] as String?).flatMap(Obligation.init))
            entries[Key(subject: notice.subject, rule: rule.rawValue, due: due.description)] = Entry(
                id: row["id"], notice: notice, latest: row["latest"])
        }
        return entries
    }

    private func insertRun() throws -> Int64 {
        let lastEvent = try Int64.fetchOne(db, sql: "SELECT coalesce(max(id), 0) FROM event") ?? 0
        let recorded = RecordingContext(actor: request.actor, today: request.asOf, now: request.now).recordedAt
        try db.execute(
            sql: "INSERT INTO check_run (as_of, horizon_days, ran_at, actor, last_event_id) VALUES (?, ?, ?, ?, ?)",
            arguments: [request.asOf, request.horizonDays, recorded, request.actor, lastEvent])
        let run = try LedgerChain.inserted(.checkRun, in: db)
        try LedgerChain.append(.checkRun, row: run, in: db)
        return run
    }

    private func insert(_ notice: Notice, run: Int64) throws {
        try db.cachedStatement(sql: """
            INSERT INTO notice (stream, rule, due_on, member_id, scheme_id, finding_id, obligation, first_run)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?)
            """).execute(arguments: [
                notice.subject, notice.rule.rawValue, notice.due, notice.key.member, notice.key.scheme, notice.finding,
                notice.obligation?.rawValue, run,
            ])
        try LedgerChain.append(.notice, row: try LedgerChain.inserted(.notice, in: db), in: db)
    }

    private func appendStatus(_ status: String, to notice: Int64, run: Int64) throws {
        try db.cachedStatement(sql: "INSERT INTO notice_status (notice_id, run, status) VALUES (?, ?, ?)")
            .execute(arguments: [notice, run, status])
        try LedgerChain.append(.noticeStatus, row: try LedgerChain.inserted(.noticeStatus, in: db), in: db)
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
