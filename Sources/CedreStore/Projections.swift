import CedreCore
import CedreJSON
import Foundation
import GRDB
import GRDBSQLite

/// The current-state tables, rewritten from machines in the same transaction as the events.
///
/// Each row is a function of the facts alone (no "today"), so `rebuild` reproduces them
/// byte for byte and `check` can range-query the deadlines they keep.
enum Projections {
    /// The projection tables that hold rows: a rebuild compares its rows with theirs
    /// (`ReconciledTable`) and writes the others' anew.
    static func tablesHoldingRows(_ db: Database) throws -> Set<ProjectionTable> {
        try Set(ProjectionTable.all.filter { try Bool.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 FROM \($0.name))") ?? false })
    }

    /// Drops the secondary indexes of `tables`, empty projections a replay writes every row
    /// of, and returns their definitions, as `sqlite_master` holds them, for
    /// `restore(indexes:_:)`.
    ///
    /// SQLite then builds each index from the finished table, sorted once, instead of
    /// inserting a million entries into it at random places (a rebuild of 1,082,564 events:
    /// 18.8 s instead of 20.2 s). Inside the write's transaction, a failure leaves the indexes
    /// as they were.
    static func dropIndexes(of tables: [ProjectionTable], _ db: Database) throws -> [String] {
        guard !tables.isEmpty else { return [] }
        let tableList = tables.map { "'\($0.name)'" }.joined(separator: ", ")
        let indexes = try Row.fetchAll(db, sql: """
            SELECT name, sql FROM sqlite_master
            WHERE type = 'index' AND sql IS NOT NULL AND tbl_name IN (\(tableList)) ORDER BY name
            """)
        for index in indexes {
            let name: String = index["name"]
            try db.execute(sql: "DROP INDEX \(name.quotedDatabaseIdentifier)")
        }
        return indexes.map { $0["sql"] }
    }

    /// Builds again the indexes `dropIndexes(_:)` dropped, from their own definitions.
    ///
    /// SQLite journals, for each `CREATE INDEX`, every page it changes that the statement did
    /// not create (to undo the statement alone): the pages the write freed before and reuses,
    /// and the earlier statements' pages it spills from a full cache. Each build starts with
    /// the cache's changed pages written to the WAL, where the commit would write them, so it
    /// journals only the pages it reuses, in memory (`inReplayTransaction`). A rebuild of
    /// 1,082,564 events wrote 241 MB of journal into a temporary file (`strace`), 120 MB with
    /// the pages written first, and nothing to a file with the journal in memory; its peak
    /// memory stayed 169–173 MB (189–192 MB with the journal in memory, the pages not written).
    static func restore(indexes: [String], _ db: Database) throws {
        for definition in indexes {
            // Busy, the pages stay in the cache, as they would without this step; any other
            // failure (the disk full) would fail the commit too.
            let code = sqlite3_db_cacheflush(db.sqliteConnection)
            guard code == SQLITE_OK || code == SQLITE_BUSY else { throw DatabaseError(resultCode: ResultCode(rawValue: code)) }
            try db.execute(sql: definition)
        }
    }

    /// Runs `body` in one transaction of `db`, the one a replay writes its projections in (a
    /// rebuild's, or a verification's copy), in which SQLite does not check again what every
    /// write checks: the rows come from `ProjectionWriter.insert`, the code every write goes
    /// through with the tables' constraints enforced; and in which a statement's journal is kept
    /// in memory, not in a temporary file (SQLite takes that setting as a transaction begins;
    /// what it journals: `restore(indexes:_:)`). The settings are restored as they were when it
    /// ends or fails.
    ///
    /// On a rebuild of 1,082,564 events, evaluating the CHECK constraints again (lists of
    /// states, `json_valid` of the auditors) took 1.6 s of CPU (13.4–13.7 s of user time instead
    /// of 14.7–15.6 s). With the one foreign key enforced (a finding's audit; SQLite takes the
    /// setting outside a transaction only), the audits were emptied row by row, each looked for
    /// among the findings (in `sqlite3`, 0.39–0.54 s instead of 0.06 s), and each finding written
    /// looked up its audit: 10.54–10.79 s instead of 9.73–10.27 s. The CHECK flag holds for
    /// statements prepared while it is set: the replay's inserts prepare their own and finalize
    /// them, and the indexes a rebuild builds again change the schema, which prepares every
    /// cached statement again.
    static func inReplayTransaction(_ db: Database, _ body: () throws -> Void) throws {
        let foreignKeys = try Bool.fetchOne(db, sql: "PRAGMA foreign_keys") ?? true
        let tempStore = try Int.fetchOne(db, sql: "PRAGMA temp_store") ?? 0
        try db.execute(sql: "PRAGMA foreign_keys = OFF; PRAGMA ignore_check_constraints = ON; PRAGMA temp_store = MEMORY")
        defer {
            try? db.execute(sql: """
                PRAGMA foreign_keys = \(foreignKeys ? "ON" : "OFF"); PRAGMA ignore_check_constraints = OFF;
                PRAGMA temp_store = \(tempStore)
                """)
        }
        try db.inTransaction {
            try body()
            return .commit
        }
    }

    /// Writes into `target`'s projections every row a replay of `log`'s events gives, one
    /// certification at a time: into the tables `reconciling` names, which hold rows, only
    /// those that differ (`ReconciledTable`); into the others, empty, every row. `store`'s
    /// second connection, when given, replays the facts outside certifications and reads the
    /// others while `prepare` runs.
    ///
    /// Returns the number of events in the log.
    @discardableResult
    static func replay(
        _ log: Database, into target: Database, catalog: SchemeCatalog, reconciling: Set<ProjectionTable> = [],
        beside store: CedreStore? = nil, progress: ProgressReport? = nil, prepare: () throws -> Void = {}
    ) throws -> Int {
        let writer = ProjectionWriter(target, batched: true, reconciling: reconciling)
        let events = try Replay.streamDossiers(
            catalog: catalog, in: log, beside: store, progress: progress, prepare: prepare,
            members: { members in
                for id in members.keys.sorted() {
                    if let record = members[id] { try writer.write(record) }
                }
            },
            visit: { projected in try writer.insert(projected) })
        try writer.finish()
        return events
    }

    /// Every projection row as text, table by table in primary-key order: `certification|'solipass'|…`,
    /// each value as SQLite's `quote()` writes it (text quoted, numbers as stored, NULL), so two
    /// values of different types never read the same.
    ///
    /// SQLite writes the lines: each value read into Swift and described there made `verify`
    /// of the 5,000-member database take 1.8–1.9 s (the two dumps 10.0 of 15.4 G instructions),
    /// 0.9 s this way (2.6 of 8.0 G).
    static func dump(_ db: Database) throws -> [String] {
        var lines: [String] = []
        for table in ProjectionTable.all.map(\.name) {
            let values = try db.columns(in: table).map { "quote(\($0.name.quotedDatabaseIdentifier))" }
            let keys = try db.primaryKey(table).columns.map(\.quotedDatabaseIdentifier).joined(separator: ", ")
            lines += try String.fetchAll(db, sql: """
                SELECT \((["'\(table)'"] + values).joined(separator: " || '|' || ")) FROM \(table) ORDER BY \(keys)
                """)
        }
        return lines
    }
}

/// Writes projection rows during one write, each INSERT prepared once.
///
/// A write that only inserts (a rebuild) batches its rows a hundred per statement and calls
/// `flush()` at its end; a write that also deletes writes each row at once. A batched write is
/// undone whole when any statement fails, so its statements do not undo their own rows. A
/// rebuild compares the rows of the tables that hold some with those stored
/// (`ReconciledTable`), and calls `finish()` at its end.
final class ProjectionWriter {
    private let db: Database
    private let rowsPerStatement: Int
    private let conflict: BatchedInsert.Conflict
    /// What each table's rows go to, by its ordinal.
    private var inserts: [BatchedInsert?] = Array(repeating: nil, count: ProjectionTable.all.count)
    private let reconciled: [ReconciledTable?]
    /// The members whose row the reconciled member table holds as the replay gives it.
    private var settledMembers: Set<MemberID> = []
    /// A number for each dossier written, by which the reconciled tables know whose rows
    /// they settled.
    private var dossierNumbers: [CertificationKey: Int] = [:]

    /// Rows per INSERT of a batched write: a finding's 21 columns times this stays far below
    /// SQLite's 32,766 bound parameters.
    private static let batchRows = 100

    /// A writer of rows, one statement each, or batched; the tables `reconciling` names are
    /// compared with what they hold (a batched write's only).
    init(_ db: Database, batched: Bool = false, reconciling: Set<ProjectionTable> = []) {
        self.db = db
        rowsPerStatement = batched ? Self.batchRows : 1
        conflict = batched ? .fail : .abort
        reconciled = ProjectionTable.all.map { reconciling.contains($0) ? ReconciledTable($0, in: db) : nil }
    }

    /// Whether a check cursor follows the dossiers this write replaces: read once per write.
    private var keepsACursor: Bool?

    /// Notes in the check cursor, if there is one, that the dossier `key` is written again.
    private func noteRewrite(of key: CertificationKey) throws {
        if keepsACursor == nil { keepsACursor = try CheckCursor.exists(in: db) }
        if keepsACursor == true { try CheckCursor.noteRewrite(of: key, in: db) }
    }

    /// The rows of `table`; those of `referencing` (whose rows a foreign key of `table`'s
    /// names) are written before each statement of `table`'s.
    private func rows(
        _ table: ProjectionTable, replacing: Bool = false, referencing parent: ProjectionTable? = nil
    ) -> any ProjectionRows {
        if let reconciled = reconciled[table.ordinal] { return reconciled }
        if let insert = inserts[table.ordinal] { return insert }
        let insert = BatchedInsert(
            into: table.name, columns: table.columns, rowsPerStatement: rowsPerStatement,
            onConflict: replacing ? .replace : conflict, label: "the projection \(table.name)",
            after: parent.flatMap { inserts[$0.ordinal] }, in: db)
        inserts[table.ordinal] = insert
        return insert
    }

    /// Writes the rows a batched write still holds.
    func flush() throws {
        for insert in inserts { try insert?.flush() }
    }

    /// Writes the rows a batched write still holds and deletes, from the reconciled tables,
    /// the rows of the members and dossiers the replay did not give.
    func finish() throws {
        try flush()
        for case let table? in reconciled {
            try table.removeUnsettled { isSettled($0, in: table.table) }
        }
    }

    /// Whether `table`, reconciled, holds the rows of `owner` (the values of `table.owner`: a
    /// member, a dossier) as the replay gives them.
    private func isSettled(_ owner: [String], in table: ProjectionTable) -> Bool {
        if table == .member { return settledMembers.contains(MemberID(rawValue: owner[0])) }
        let key = CertificationKey(member: MemberID(rawValue: owner[0]), scheme: SchemeID(rawValue: owner[1]))
        return dossierNumbers[key].map { reconciled[table.ordinal]?.hasSettled(owner: $0) ?? false } ?? false
    }

    /// Inserts or replaces a member's row.
    func write(_ record: MemberRecord) throws {
        let member = record.member
        try rows(.member, replacing: true).append([
            .id(member.id), .text(member.name), .text(member.typeCode), .text(member.departement), .text(member.region),
            .id(member.group), .text(member.source), .day(record.joinedOn), .day(record.leftOn),
        ])
        if let table = reconciled[ProjectionTable.member.ordinal] {
            try table.settle([member.id.rawValue]) { _ in false }
            settledMembers.insert(member.id)
        }
    }

    /// Removes a member's row: its addition was voided.
    func removeMember(_ id: MemberID) throws {
        try db.cachedStatement(sql: "DELETE FROM member WHERE id = ?").execute(arguments: [id])
    }

    /// Removes every row of one dossier: its facts were voided.
    func remove(_ key: CertificationKey) throws {
        try noteRewrite(of: key)
        for table in ProjectionTable.all where table != .member {
            try db.cachedStatement(sql: "DELETE FROM \(table.name) WHERE member_id = ? AND scheme_id = ?")
                .execute(arguments: [key.member, key.scheme])
        }
    }

    /// Replaces every row of one dossier.
    func replace(_ projected: ProjectedDossier) throws {
        try remove(projected.dossier.key)
        try insert(projected)
    }

    /// Inserts every row of a dossier that has none yet: its machines, its deadlines and its calendar.
    func insert(_ projected: ProjectedDossier) throws {
        let dossier = projected.dossier
        try noteRewrite(of: dossier.key)
        let member = BulkInsert.Value.id(dossier.key.member)
        let scheme = BulkInsert.Value.id(dossier.key.scheme)
        if let certification = dossier.certification, let lastFactOn = dossier.lastFactOn {
            try rows(.certification).append([
                member, scheme, .text(certification.state.rawValue), .day(certification.engagedOn),
                .day(certification.certifiedOn), .day(certification.expiresOn), .day(certification.nextSurveillanceDueBy),
                .day(certification.recertificationPlannedOn), .day(certification.recertificationPlanningDueBy),
                .day(certification.restorableUntil), .day(certification.suspension?.on),
                .text(certification.suspension?.reason.rawValue), .day(certification.suspensionEndsBy),
                .day(certification.withdrawal?.on), .text(certification.withdrawal?.reason.rawValue), .day(lastFactOn),
            ])
            let decision = rows(.decision)
            for item in certification.decisions {
                try decision.append([member, scheme, .day(item.on), .text(item.kind.rawValue), .day(item.expiresOn)])
            }
        }
        if let membership = dossier.membership {
            try rows(.groupMembership).append([
                member, scheme, .text(membership.state.rawValue), .day(membership.appliedOn), .day(membership.joinedOn),
                .day(membership.suspendedOn), .day(membership.excludedOn), .text(membership.reason),
            ])
        }
        let audit = rows(.audit)
        for item in dossier.audits {
            try audit.append([
                .id(item.id), member, scheme, .text(item.kind.rawValue), .text(item.state.rawValue), .day(item.plannedOn),
                .day(item.scheduledOn), .text(ProjectionWriter.jsonArray(item.auditors)), .day(item.conductedOn),
                .day(item.reportedOn), .day(item.closedOn), .day(item.cancelledOn), .text(item.reason),
            ])
        }
        if !projected.findings.isEmpty {
            let finding = rows(.finding, referencing: .audit)
            for status in projected.findings {
                let item = status.finding
                try finding.append([
                    .id(item.id), member, scheme, .id(item.audit), .id(item.grade), .id(item.originalGrade), .id(item.requirement),
                    .text(item.statement), .text(item.state.rawValue), .day(item.raisedOn), .day(item.auditOn),
                    .text(item.correction), .text(item.plan), .day(item.planAcceptedOn), .day(item.planDue),
                    .day(item.implementedOn), .day(item.closedOn), .id(status.grade), .day(status.escalation?.on),
                    .id(status.escalation?.audit), .day(status.deadline),
                ])
            }
        }
        let deadline = rows(.deadline)
        for item in projected.deadlines {
            try deadline.append([member, scheme, .text(item.obligation.rawValue), .text(item.subject), .day(item.day)])
        }
        if let calendar = projected.calendar { try insert(calendar) }
        try settle(dossier.key)
    }

    /// Settles the rows of the dossier `key` in the reconciled tables it has rows for, once all
    /// are appended. Those it has none for are not looked at: the rows they hold of it, if any,
    /// are not settled, and go at the end (`finish()`).
    private func settle(_ key: CertificationKey) throws {
        guard reconciled.contains(where: { $0 != nil }) else { return }
        let number = dossierNumbers.count
        dossierNumbers[key] = number
        let owner = [key.member.rawValue, key.scheme.rawValue]
        for table in ProjectionTable.dossierTables {
            guard let reconciled = reconciled[table.ordinal], reconciled.hasPendingRows else { continue }
            try reconciled.settle(owner, number: number) { isSettled($0, in: table) }
        }
    }

    /// The rows of a dossier's calendar; a period that holds ever after ends on 9999-12-31.
    private func insert(_ calendar: DossierCalendar) throws {
        let member = BulkInsert.Value.id(calendar.key.member)
        let scheme = BulkInsert.Value.id(calendar.key.scheme)
        try rows(.dossierCalendar).append([member, scheme, .day(calendar.from)])
        let standing = rows(.calendarStanding)
        for period in calendar.standings {
            try standing.append([
                member, scheme, .day(period.from), .day(period.until ?? .latest), .text(period.standing.rawValue),
                .day(period.suspendedOn), .text(period.suspensionReason),
            ])
        }
        let notice = rows(.calendarNotice)
        for period in calendar.notices {
            let item = period.notice
            try notice.append([
                member, scheme, .text(item.subject), .text(item.rule.rawValue), .day(item.due), .day(period.from),
                .day(period.until ?? .latest), .id(item.finding), .text(item.obligation?.rawValue),
            ])
        }
    }

    /// `["A. Martin","B. Durand"]`: the auditors column, as JSON text.
    private static func jsonArray(_ values: [String]) -> String {
        JSONValue(.array(values.map { JSONValue(.string($0)) })).description
    }
}

/// A dossier ready to project: its machines, its findings as the rules grade them on its last
/// fact's day (with what they depend on in its group, rules 6 and 8), its deadlines and its
/// calendar.
///
/// Everything is worked out here, where a replay may run on several threads, so that writing
/// the rows is binding values only.
struct ProjectedDossier: Sendable {
    let dossier: Dossier
    let findings: [FindingStatus]
    let deadlines: [Deadline]
    let calendar: DossierCalendar?

    /// The dossier `key` of a network that holds all its facts (and its whole group's).
    init?(_ key: CertificationKey, in network: Network) {
        guard let dossier = network.dossiers[key] else { return nil }
        self.dossier = dossier
        let context = network.findingContext(for: dossier)
        findings = dossier.lastFactOn.map { dossier.findingStatuses(on: $0, context: context) } ?? []
        deadlines = dossier.deadlines(context: context)
        calendar = network.calendar(of: key)
    }
}
