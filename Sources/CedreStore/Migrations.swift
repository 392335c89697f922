import GRDB

/// The store's schema, as named migrations applied in order.
///
/// A migration is never edited once it has landed: a change is a new migration. The
/// migrated schema is compared with `Schemas/schema.sql` by a test.
enum Migrations {
    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1-event-log", migrate: createEventLog)
        migrator.registerMigration("v1-projections", migrate: createProjections)
        migrator.registerMigration("v1-notice-ledger", migrate: createNoticeLedger)
        migrator.registerMigration("v2-correction-index", migrate: indexCorrections)
        migrator.registerMigration("v2-chained-ledger", migrate: chainLedger)
        migrator.registerMigration("v3-notice-rules", migrate: addNoticeRules)
        migrator.registerMigration("v3-schemes-and-stages", migrate: addSchemesAndStages)
        migrator.registerMigration("v4-dossier-calendar", migrate: createDossierCalendar)
        migrator.registerMigration("v5-follow-up-notices", migrate: addFollowUpNotices)
        migrator.registerMigration("v6-listed-calendar-rows", migrate: indexListedCalendarRows)
        migrator.registerMigration("v7-covering-notice-periods", migrate: coverNoticePeriods)
        migrator.registerMigration("v8-ledger-hashes-unindexed", migrate: unindexLedgerHashes)
        migrator.registerMigration("v9-check-cursor", migrate: createCheckCursor)
        migrator.registerMigration("v10-covering-notice-starts", migrate: coverNoticeStarts)
        return migrator
    }

    /// The notice periods holding on a day (`from_on <= day < until_on`) are read through
    /// `calendar_notice_by_start` once it holds the columns the primary key does not: on the
    /// benchmark's last day at 100,000 members, 94,604 entries start by the day where 202,671
    /// end after it, and on a day further back far fewer (in `sqlite3`, the periods still
    /// holding since the night before: 50–53 ms → 28–31 ms). A night listing what is still
    /// open reads them this way, a first night and a status report too.
    private static func coverNoticeStarts(_ db: Database) throws {
        try db.execute(sql: """
            DROP INDEX calendar_notice_by_start;
            CREATE INDEX calendar_notice_by_start ON calendar_notice(from_on, until_on, finding_id, obligation);
            """)
    }

    /// Where the last `check` covering every notice left the ledger (`CheckCursor`), so the
    /// next night compares only the notice periods that started or ended since, found through
    /// the periods' start and end indexes: on the benchmark's last night at 100,000 members,
    /// 726 periods starting, 44 deadlines coming within the horizon and 11 periods ending, of
    /// 211,072, where a full comparison joins the 28,913 periods holding on the day to the
    /// ledger. The dossiers a write replaced since are listed apart (`check_cursor_dossier`)
    /// and compared in full. Not part of the ledger's chain: it says where to look, the ledger
    /// says what was reported.
    private static func createCheckCursor(_ db: Database) throws {
        try db.execute(sql: """
            CREATE TABLE check_cursor (
                id INTEGER PRIMARY KEY CHECK (id = 1),
                as_of TEXT NOT NULL,
                horizon_days INTEGER NOT NULL CHECK (horizon_days >= 0),
                last_run_id INTEGER NOT NULL,
                holding INTEGER NOT NULL CHECK (holding >= 0)
            );
            CREATE TABLE check_cursor_dossier (
                member_id TEXT NOT NULL,
                scheme_id TEXT NOT NULL,
                PRIMARY KEY (member_id, scheme_id)
            ) WITHOUT ROWID;
            CREATE INDEX calendar_notice_by_start ON calendar_notice(from_on);
            """)
    }

    /// Nothing looks a ledger link up by its hash: the chain is walked in id order, each link's
    /// hash recomputed and compared with the next one's `prev_hash`. The UNIQUE constraint kept
    /// an index of random keys that every ledger row went into at a random place: 579 of the
    /// 3,483 pages a first `check` writes at 100,000 members (a first night's dry run: medians
    /// of 8, 0.605 → 0.545 s). The links are copied as they are, so every hash and the head stay
    /// the same.
    private static func unindexLedgerHashes(_ db: Database) throws {
        try rebuild("ledger_chain", in: db) { sql in
            sql.replacingOccurrences(of: " hash TEXT NOT NULL UNIQUE CHECK", with: " hash TEXT NOT NULL CHECK")
        }
    }

    /// `check` reads every notice period holding on its day through `calendar_notice_by_end`,
    /// some 200,000 entries at 100,000 members: with the two columns the primary key does not
    /// hold, SQLite answers from the index alone instead of looking each entry up again in the
    /// table (in `sqlite3`: 209–310 ms → 32–35 ms).
    private static func coverNoticePeriods(_ db: Database) throws {
        try db.execute(sql: """
            DROP INDEX calendar_notice_by_end;
            CREATE INDEX calendar_notice_by_end ON calendar_notice(until_on, finding_id, obligation);
            """)
    }

    /// The status report lists a few notice rules and the suspended dossiers among hundreds
    /// of thousands of calendar rows: indexes by rule and a partial index of suspensions find
    /// them without reading the others.
    private static func indexListedCalendarRows(_ db: Database) throws {
        try db.execute(sql: """
            CREATE INDEX calendar_notice_by_rule ON calendar_notice(rule, until_on);
            CREATE INDEX calendar_standing_suspended ON calendar_standing(until_on) WHERE standing = 'suspended';
            """)
    }

    /// Rules 21 and 22 add `audit-not-held` and `engagement-stalled` to the ledger's rules, and
    /// `check --remind-every` records each reminder as a status of its notice.
    private static func addFollowUpNotices(_ db: Database) throws {
        try rebuild("notice", in: db) { sql in
            sql.replacingOccurrences(
                of: "'cross-audit-missing')",
                with: "'cross-audit-missing', 'audit-not-held', 'engagement-stalled')")
        }
        try rebuild("notice_status", in: db) { sql in
            sql.replacingOccurrences(
                of: "CHECK (status IN ('resolved', 'reopened', 'closed'))",
                with: "CHECK (status IN ('resolved', 'reopened', 'closed', 'reminded'))")
        }
    }

    /// Each dossier's calendar from its last fact on (`DossierCalendar`): its standing and its
    /// notices over the days they hold, so a question about a day on or after the last fact
    /// reads rows instead of replaying the log. `until_on` is the first day a period no longer
    /// holds; 9999-12-31 when it holds ever after.
    private static func createDossierCalendar(_ db: Database) throws {
        try db.execute(sql: """
            CREATE TABLE dossier_calendar (
                member_id TEXT NOT NULL,
                scheme_id TEXT NOT NULL,
                from_on TEXT NOT NULL,
                PRIMARY KEY (member_id, scheme_id)
            ) WITHOUT ROWID;
            CREATE INDEX dossier_calendar_by_day ON dossier_calendar(from_on);
            CREATE TABLE calendar_standing (
                member_id TEXT NOT NULL,
                scheme_id TEXT NOT NULL,
                from_on TEXT NOT NULL,
                until_on TEXT NOT NULL,
                standing TEXT NOT NULL CHECK (standing IN ('candidate', 'engaged', 'initialAuditPlanned', 'audited',
                    'certified', 'suspended', 'expired', 'lapsed', 'withdrawn')),
                suspended_on TEXT,
                suspension_reason TEXT,
                PRIMARY KEY (member_id, scheme_id, from_on)
            ) WITHOUT ROWID;
            CREATE INDEX calendar_standing_by_end ON calendar_standing(until_on);
            CREATE TABLE calendar_notice (
                member_id TEXT NOT NULL,
                scheme_id TEXT NOT NULL,
                subject TEXT NOT NULL,
                rule TEXT NOT NULL,
                due_on TEXT NOT NULL,
                from_on TEXT NOT NULL,
                until_on TEXT NOT NULL,
                finding_id TEXT,
                obligation TEXT,
                PRIMARY KEY (member_id, scheme_id, subject, rule, due_on, from_on)
            ) WITHOUT ROWID;
            CREATE INDEX calendar_notice_by_end ON calendar_notice(until_on);
            """)
    }

    /// Rule 13 adds the notice rule `cross-audit-missing` to the ledger's list.
    private static func addNoticeRules(_ db: Database) throws {
        try rebuild("notice", in: db) { sql in
            sql.replacingOccurrences(of: "'minor-finding-escalated', 'due-soon')", with: """
                'minor-finding-escalated', 'due-soon',
                        'cross-audit-missing')
                """)
        }
    }

    /// Rule 8b: scheme definitions are read from the log at every opening, through a partial
    /// index that costs the other events nothing. Rule 23: the audit projection takes the two
    /// stages of the initial audit.
    private static func addSchemesAndStages(_ db: Database) throws {
        try db.execute(sql: "CREATE INDEX event_schemes ON event(id) WHERE kind = 'scheme.added'")
        try rebuild("audit", in: db) { sql in
            sql.replacingOccurrences(
                of: "CHECK (kind IN ('initial', 'surveillance',",
                with: "CHECK (kind IN ('initial', 'stage1', 'stage2', 'surveillance',")
        }
    }

    /// Rebuilds `table` from its own definition as `change` rewrites it, keeping every row,
    /// index and trigger: SQLite cannot alter a CHECK in place. Whatever columns earlier
    /// migrations gave the table are kept, since its current definition is the starting point.
    ///
    /// The old table is renamed aside first (with `legacy_alter_table`, so the references of
    /// other tables keep naming `table`), so the new one is created under its own name with
    /// the text `change` gives, the text `Schemas/schema.sql` holds.
    static func rebuild(_ table: String, in db: Database, change: (String) -> String) throws {
        guard let definition = try String.fetchOne(
            db, sql: "SELECT sql FROM sqlite_master WHERE type = 'table' AND name = ?", arguments: [table])
        else { return }
        let changed = change(definition)
        guard changed != definition else {
            throw DatabaseError(message: "migration: the definition of table \(table) is not the expected one")
        }
        let dependents = try Row.fetchAll(db, sql: """
            SELECT type, name, sql FROM sqlite_master
            WHERE tbl_name = ? AND type IN ('index', 'trigger') AND sql IS NOT NULL ORDER BY type, name
            """, arguments: [table])
        for dependent in dependents {
            let type: String = dependent["type"]
            let name: String = dependent["name"]
            try db.execute(sql: "DROP \(type == "index" ? "INDEX" : "TRIGGER") \(name.quotedDatabaseIdentifier)")
        }
        let aside = "\(table)_before_rebuild"
        try db.execute(sql: "PRAGMA legacy_alter_table = ON")
        try db.execute(sql: "ALTER TABLE \(table.quotedDatabaseIdentifier) RENAME TO \(aside.quotedDatabaseIdentifier)")
        try db.execute(sql: "PRAGMA legacy_alter_table = OFF")
        try db.execute(sql: changed)
        try db.execute(sql: "INSERT INTO \(table.quotedDatabaseIdentifier) SELECT * FROM \(aside.quotedDatabaseIdentifier)")
        try db.execute(sql: "DROP TABLE \(aside.quotedDatabaseIdentifier)")
        for dependent in dependents {
            try db.execute(sql: dependent["sql"])
        }
    }

    /// Corrections are few and every replay reads them all first; a partial index finds them
    /// without scanning the log, and costs nothing to the other events' inserts.
    private static func indexCorrections(_ db: Database) throws {
        try db.execute(sql: """
            CREATE INDEX event_corrections ON event(id) WHERE kind IN ('event.corrected', 'event.voided')
            """)
    }

    private static func createEventLog(_ db: Database) throws {
        try db.execute(sql: """
            CREATE TABLE event (
                id INTEGER PRIMARY KEY,
                stream TEXT NOT NULL,
                kind TEXT NOT NULL,
                occurred_on TEXT NOT NULL CHECK (occurred_on GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]'),
                recorded_at TEXT NOT NULL,
                actor TEXT NOT NULL,
                payload TEXT NOT NULL CHECK (json_valid(payload)),
                prev_hash TEXT NOT NULL CHECK (length(prev_hash) = 64),
                hash TEXT NOT NULL UNIQUE CHECK (length(hash) = 64)
            );
            CREATE INDEX event_by_stream ON event(stream, occurred_on, id);
            CREATE INDEX event_by_day ON event(occurred_on, id);
            CREATE TRIGGER event_refuses_update BEFORE UPDATE ON event
            BEGIN
                SELECT RAISE(ABORT, 'the event log is append-only: events cannot be changed');
            END;
            CREATE TRIGGER event_refuses_delete BEFORE DELETE ON event
            BEGIN
                SELECT RAISE(ABORT, 'the event log is append-only: events cannot be deleted');
            END;
            CREATE TABLE log_head (
                singleton INTEGER PRIMARY KEY CHECK (singleton = 1),
                id INTEGER NOT NULL,
                hash TEXT NOT NULL
            );
            CREATE TRIGGER event_moves_the_head AFTER INSERT ON event
            BEGIN
                INSERT INTO log_head (singleton, id, hash) VALUES (1, NEW.id, NEW.hash)
                ON CONFLICT (singleton) DO UPDATE SET id = excluded.id, hash = excluded.hash;
            END;
            """)
    }

    private static func createProjections(_ db: Database) throws {
        try db.execute(sql: """
            CREATE TABLE member (
                id TEXT PRIMARY KEY NOT NULL,
                name TEXT NOT NULL,
                type TEXT NOT NULL,
                departement TEXT NOT NULL,
                region TEXT NOT NULL,
                group_id TEXT,
                source TEXT,
                joined_on TEXT,
                left_on TEXT
            ) WITHOUT ROWID;
            CREATE INDEX member_by_region ON member(region, type);
            CREATE TABLE certification (
                member_id TEXT NOT NULL,
                scheme_id TEXT NOT NULL,
                state TEXT NOT NULL CHECK (state IN
                    ('engaged', 'initialAuditPlanned', 'audited', 'certified', 'suspended', 'expired', 'lapsed', 'withdrawn')),
                engaged_on TEXT NOT NULL,
                certified_on TEXT,
                expires_on TEXT,
                next_surveillance_due_by TEXT,
                recertification_planned_on TEXT,
                recertification_planning_due_by TEXT,
                restorable_until TEXT,
                suspended_on TEXT,
                suspension_reason TEXT,
                suspension_ends_by TEXT,
                withdrawn_on TEXT,
                withdrawal_reason TEXT,
                last_fact_on TEXT NOT NULL,
                PRIMARY KEY (member_id, scheme_id)
            ) WITHOUT ROWID;
            CREATE INDEX certification_by_state ON certification(scheme_id, state);
            CREATE TABLE decision (
                member_id TEXT NOT NULL,
                scheme_id TEXT NOT NULL,
                decided_on TEXT NOT NULL,
                kind TEXT NOT NULL CHECK (kind IN ('initial', 'renewal', 'restoration')),
                expires_on TEXT NOT NULL,
                PRIMARY KEY (member_id, scheme_id, decided_on)
            ) WITHOUT ROWID;
            CREATE INDEX decision_by_day ON decision(decided_on);
            CREATE TABLE group_membership (
                member_id TEXT NOT NULL,
                scheme_id TEXT NOT NULL,
                state TEXT NOT NULL CHECK (state IN ('candidate', 'member', 'suspended', 'excluded')),
                applied_on TEXT NOT NULL,
                joined_on TEXT,
                suspended_on TEXT,
                excluded_on TEXT,
                reason TEXT,
                PRIMARY KEY (member_id, scheme_id)
            ) WITHOUT ROWID;
            CREATE TABLE audit (
                id TEXT PRIMARY KEY NOT NULL,
                member_id TEXT NOT NULL,
                scheme_id TEXT NOT NULL,
                kind TEXT NOT NULL CHECK (kind IN ('initial', 'surveillance', 'recertification', 'special', 'cross-audit')),
                state TEXT NOT NULL CHECK (state IN
                    ('planned', 'postponed', 'confirmed', 'conducted', 'reported', 'closed', 'cancelled')),
                planned_on TEXT NOT NULL,
                scheduled_on TEXT NOT NULL,
                auditors TEXT NOT NULL CHECK (json_valid(auditors)),
                conducted_on TEXT,
                reported_on TEXT,
                closed_on TEXT,
                cancelled_on TEXT,
                reason TEXT
            ) WITHOUT ROWID;
            CREATE INDEX audit_by_certification ON audit(member_id, scheme_id);
            CREATE INDEX audit_by_scheduled_day ON audit(scheduled_on);
            CREATE TABLE finding (
                id TEXT PRIMARY KEY NOT NULL,
                member_id TEXT NOT NULL,
                scheme_id TEXT NOT NULL,
                audit_id TEXT NOT NULL REFERENCES audit(id),
                grade TEXT NOT NULL,
                original_grade TEXT NOT NULL,
                requirement TEXT NOT NULL,
                statement TEXT NOT NULL,
                state TEXT NOT NULL CHECK (state IN
                    ('open', 'planProposed', 'planAccepted', 'implemented', 'verifiedEffective', 'ineffective', 'noted')),
                raised_on TEXT NOT NULL,
                audit_on TEXT NOT NULL,
                correction TEXT,
                plan TEXT,
                plan_accepted_on TEXT,
                plan_due TEXT,
                implemented_on TEXT,
                closed_on TEXT,
                effective_grade TEXT NOT NULL,
                escalated_on TEXT,
                escalated_by TEXT,
                deadline TEXT
            ) WITHOUT ROWID;
            CREATE INDEX finding_by_certification ON finding(member_id, scheme_id);
            CREATE INDEX finding_by_state ON finding(state, deadline);
            CREATE TABLE deadline (
                member_id TEXT NOT NULL,
                scheme_id TEXT NOT NULL,
                obligation TEXT NOT NULL CHECK (obligation IN ('surveillance-audit', 'recertification-planning',
                    'certificate-expiry', 'restore-window', 'suspension-maximum', 'finding-deadline',
                    'referential-transition')),
                subject TEXT NOT NULL,
                due_on TEXT NOT NULL,
                PRIMARY KEY (member_id, scheme_id, obligation, subject)
            ) WITHOUT ROWID;
            CREATE INDEX deadline_by_day ON deadline(due_on);
            """)
    }

    /// What `check` reported: runs, notices (once each, by their true due day) and their
    /// later resolution. Append-only like the event log; it never holds facts.
    private static func createNoticeLedger(_ db: Database) throws {
        try db.execute(sql: """
            CREATE TABLE check_run (
                id INTEGER PRIMARY KEY,
                as_of TEXT NOT NULL,
                horizon_days INTEGER NOT NULL CHECK (horizon_days >= 0),
                ran_at TEXT NOT NULL,
                actor TEXT NOT NULL,
                last_event_id INTEGER NOT NULL
            );
            CREATE TABLE notice (
                id INTEGER PRIMARY KEY,
                stream TEXT NOT NULL,
                rule TEXT NOT NULL CHECK (rule IN ('surveillance-overdue', 'recertification-not-planned',
                    'certificate-expired', 'certification-lapsed', 'suspension-expired', 'major-finding-overdue',
                    'minor-finding-escalated', 'due-soon')),
                due_on TEXT NOT NULL,
                member_id TEXT NOT NULL,
                scheme_id TEXT NOT NULL,
                finding_id TEXT,
                obligation TEXT,
                first_run INTEGER NOT NULL REFERENCES check_run(id),
                UNIQUE (stream, rule, due_on)
            );
            CREATE INDEX notice_by_member ON notice(member_id, scheme_id);
            CREATE TABLE notice_status (
                id INTEGER PRIMARY KEY,
                notice_id INTEGER NOT NULL REFERENCES notice(id),
                run INTEGER NOT NULL REFERENCES check_run(id),
                status TEXT NOT NULL CHECK (status IN ('resolved', 'reopened', 'closed'))
            );
            CREATE INDEX notice_status_by_notice ON notice_status(notice_id, id);
            """)
        for table in ["check_run", "notice", "notice_status"] {
            try db.execute(sql: """
                CREATE TRIGGER \(table)_refuses_update BEFORE UPDATE ON \(table)
                BEGIN
                    SELECT RAISE(ABORT, 'the notice ledger is append-only');
                END;
                CREATE TRIGGER \(table)_refuses_delete BEFORE DELETE ON \(table)
                BEGIN
                    SELECT RAISE(ABORT, 'the notice ledger is append-only');
                END;
                """)
        }
    }
}
