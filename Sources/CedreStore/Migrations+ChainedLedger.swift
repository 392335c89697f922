import GRDB

extension Migrations {
    /// `v2-chained-ledger`: the notice ledger gets a hash chain like the event log's, with its
    /// head kept apart, and the rows already there are chained in the order they were written
    /// (each run, then the notices it first reported, then the statuses it recorded).
    static func chainLedger(_ db: Database) throws {
        try db.execute(sql: """
            CREATE TABLE ledger_chain (
                id INTEGER PRIMARY KEY,
                entry TEXT NOT NULL CHECK (entry IN ('check_run', 'notice', 'notice_status')),
                row_id INTEGER NOT NULL,
                prev_hash TEXT NOT NULL CHECK (length(prev_hash) = 64),
                hash TEXT NOT NULL UNIQUE CHECK (length(hash) = 64),
                UNIQUE (entry, row_id)
            );
            CREATE TABLE ledger_head (
                singleton INTEGER PRIMARY KEY CHECK (singleton = 1),
                id INTEGER NOT NULL,
                hash TEXT NOT NULL
            );
            CREATE TRIGGER ledger_chain_moves_the_head AFTER INSERT ON ledger_chain
            BEGIN
                INSERT INTO ledger_head (singleton, id, hash) VALUES (1, NEW.id, NEW.hash)
                ON CONFLICT (singleton) DO UPDATE SET id = excluded.id, hash = excluded.hash;
            END;
            CREATE TRIGGER ledger_chain_refuses_update BEFORE UPDATE ON ledger_chain
            BEGIN
                SELECT RAISE(ABORT, 'the notice ledger is append-only');
            END;
            CREATE TRIGGER ledger_chain_refuses_delete BEFORE DELETE ON ledger_chain
            BEGIN
                SELECT RAISE(ABORT, 'the notice ledger is append-only');
            END;
            """)
        let chain = LedgerChain.Appender(db)
        for run in try Int64.fetchAll(db, sql: "SELECT id FROM check_run ORDER BY id") {
            try chain.chain(.checkRun, existing: [run])
            try chain.chain(.notice, existing: Int64.fetchAll(
                db, sql: "SELECT id FROM notice WHERE first_run = ? ORDER BY id", arguments: [run]))
            try chain.chain(.noticeStatus, existing: Int64.fetchAll(
                db, sql: "SELECT id FROM notice_status WHERE run = ? ORDER BY id", arguments: [run]))
        }
    }
}
