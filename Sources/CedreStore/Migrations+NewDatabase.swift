import GRDB

extension Migrations {
    /// Gives a database that holds nothing yet the schema the migrations end with, in one
    /// transaction, and returns true; returns false, changing nothing, when it holds a table
    /// (an older database, or one another process created first), for the migrator to bring
    /// up to date.
    ///
    /// The new database is the one the migrator would leave: every object with the text of
    /// `Schemas/schema.sql` (the text a migrated database holds, which a test compares), and
    /// every migration recorded as applied, so any cedre, older or newer, reads it as migrated.
    /// Running the migrations one by one on a new database takes 14 savepoints, each with its
    /// foreign-key check, tables created then rebuilt: 34 ms in a debug build against 6 ms for
    /// the schema at once, for `init`, for the copy `verify` replays into, and for every
    /// database a test creates (362 in one run of the suite).
    static func createCurrentSchemaIfEmpty(_ writer: any DatabaseWriter) throws -> Bool {
        try writer.writeWithoutTransaction { db in
            var created = false
            // IMMEDIATE: the emptiness read and the creation hold the write lock together.
            try db.inTransaction(.immediate) {
                if try Int.fetchOne(db, sql: "SELECT count(*) FROM sqlite_master") == 0 {
                    try createCurrentSchema(db)
                    created = true
                }
                return .commit
            }
            return created
        }
    }

    /// Creates the objects of `Schemas/schema.sql` (tables, then the indexes and triggers
    /// that name them) and records every migration as applied, as GRDB's migrator does.
    static func createCurrentSchema(_ db: Database) throws {
        let order = ["table", "index", "trigger", "view"]
        let objects = SchemaDrift.declared.sorted {
            (order.firstIndex(of: $0.object.type) ?? order.count, $0.object.name)
                < (order.firstIndex(of: $1.object.type) ?? order.count, $1.object.name)
        }
        for object in objects {
            try db.execute(sql: object.sql)
        }
        try db.execute(sql: "CREATE TABLE IF NOT EXISTS grdb_migrations (identifier TEXT NOT NULL PRIMARY KEY)")
        for identifier in migrator.migrations {
            try db.execute(sql: "INSERT INTO grdb_migrations (identifier) VALUES (?)", arguments: [identifier])
        }
    }
}
