import CedreCore
import Foundation
import GRDB

/// The cedre database: an append-only event log and the projections derived from it.
///
/// Opening a store migrates it, so nothing ever holds an unmigrated database; a database
/// written by a newer cedre is refused. Every command is one `write`: an IMMEDIATE
/// transaction that appends its facts and updates the projections, or changes nothing.
public struct CedreStore: Sendable {
    public let writer: any DatabaseWriter
    /// The schemes it knows: the catalog it was opened with and those its log adds (rule 8b).
    public var catalog: SchemeCatalog { schemes.catalog }
    let schemes: SchemeRegistry

    /// Wraps an open connection, bringing it to the current schema first (a new database at
    /// once, an older one through the migrator); `catalog` is completed with the scheme
    /// definitions the log holds.
    public init(writer: any DatabaseWriter, catalog: SchemeCatalog = .bundled, path: String = ":memory:") throws {
        self.writer = writer
        schemes = SchemeRegistry(base: catalog)
        let migrator = Migrations.migrator
        let (tables, superseded, migrated) = try writer.read { db -> (Int, Bool, Bool) in
            // Read with two plain statements: GRDB's `tableExists` reads every schema object
            // into its cache (2.45 M instructions of a cold `cert show`, 15.8 M in all), and its
            // migrator's `hasCompletedMigrations` and `hasBeenSuperseded` read the applied
            // migrations twice into sets (0.77 M more). Completed: every registered migration
            // applied; superseded: one applied that this build does not register.
            let row = try Row.fetchOne(db, sql: """
                SELECT count(*), coalesce(sum(name = 'grdb_migrations'), 0) FROM sqlite_master WHERE type = 'table'
                """)
            let tables: Int = row?[0] ?? 0
            let known: Bool = row?[1] ?? false
            if !known, tables > 0 { throw StoreError.notACedreDatabase(path: path) }
            let applied = known ? try String.fetchAll(db, sql: "SELECT identifier FROM grdb_migrations") : []
            let registered = migrator.migrations
            return (tables, applied.contains { !registered.contains($0) }, registered.allSatisfy(applied.contains))
        }
        if superseded { throw StoreError.newerSchema(path: path) }
        // A database already migrated is only read here: no write transaction for a command that
        // reads. A new one gets the current schema at once; an older one goes through the migrator.
        if !migrated, try tables > 0 || !Migrations.createCurrentSchemaIfEmpty(writer) {
            try migrator.migrate(writer)
        }
        try schemes.reload(from: writer)
    }

    /// Opens the database at `path`, creating it (readable by its owner only) if needed.
    public static func open(path: String, catalog: SchemeCatalog = .bundled) throws -> CedreStore {
        let url = URL(fileURLWithPath: path)
        let manager = FileManager.default
        if !manager.fileExists(atPath: path) {
            try manager.createDirectory(
                at: url.deletingLastPathComponent(), withIntermediateDirectories: true,
                attributes: [.posixPermissions: 0o700])
            guard manager.createFile(atPath: path, contents: nil, attributes: [.posixPermissions: 0o600]) else {
                throw CocoaError(.fileWriteNoPermission, userInfo: [NSFilePathErrorKey: path])
            }
        }
        var configuration = Configuration()
        configuration.busyMode = .timeout(30)
        configuration.label = "cedre"
        configuration.prepareDatabase { db in
            // WAL is set once, when the file is created, and persists in it. FULL syncs the WAL
            // at every commit: NORMAL survives a killed process but a power cut can drop the
            // last committed facts (DESIGN §5). 32 MB of page cache for every command; a batch
            // (an import) takes more while it runs (`CedreStore.batchCacheKiB`). Deleted rows are
            // not overwritten with zeros, whatever SQLite's build defaults to (Debian's does):
            // only derived rows are ever deleted (the log and the ledger refuse it), and what
            // they held stays in the log; a rebuild empties the projections 4 times faster.
            try db.execute(sql: """
                PRAGMA synchronous = FULL; PRAGMA cache_size = -\(CedreStore.cacheKiB); PRAGMA secure_delete = OFF
                """)
        }
        do {
            let queue = try DatabaseQueue(path: path, configuration: configuration)
            try queue.writeWithoutTransaction { db in
                if try String.fetchOne(db, sql: "PRAGMA journal_mode") != "wal" {
                    // A page size holds only if set before the file's first page is written.
                    if try Int.fetchOne(db, sql: "PRAGMA page_count") == 0 {
                        try db.execute(sql: "PRAGMA page_size = \(CedreStore.pageSize)")
                    }
                    try db.execute(sql: "PRAGMA journal_mode = WAL")
                }
            }
            return try CedreStore(writer: queue, catalog: catalog, path: path)
        } catch let error as DatabaseError where error.resultCode == .SQLITE_NOTADB {
            throw StoreError.notACedreDatabase(path: path)
        }
    }

    /// The page size of a new database, in bytes: 16 KiB instead of SQLite's 4 KiB. The same
    /// bytes move in a quarter of the system calls and WAL frames: a `rebuild` of 1,082,564
    /// events took 13.27–14.89 s instead of 14.97–17.61 s (four interleaved rounds on copies of
    /// one network, system time 1.75–2.70 s instead of 2.96–4.09 s), 32 KiB no faster. A
    /// database created before keeps its own page size; everything reads it the same.
    static let pageSize = 16_384

    /// The page cache of every connection, in KiB: small enough that `rebuild` stays within
    /// its memory bound (DESIGN §9).
    static let cacheKiB = 32_768

    /// The page cache of a run that reads each page once (`check`), in KiB: SQLite's default.
    static let scanCacheKiB = 2_048

    /// The page cache while a batch is recorded, in KiB. A million-event import dirties far more
    /// pages than 32 MB hold: SQLite then spills them to the WAL before commit and writes many
    /// of them again later; with 256 MB the events of the benchmark's network import in 84 s
    /// instead of 114 s.
    static let batchCacheKiB = 262_144

    /// A fresh database in memory, for tests and dry runs.
    public static func inMemory(catalog: SchemeCatalog = .bundled) throws -> CedreStore {
        try CedreStore(writer: DatabaseQueue(), catalog: catalog)
    }
}

// MARK: - Reads

extension CedreStore {
    /// A member as the projections hold it.
    public func member(_ id: MemberID) throws -> MemberRecord? {
        try writer.read { db in try MemberRows.fetch(id, in: db) }
    }

    /// Every member, by id.
    public func members() throws -> [MemberRecord] {
        try writer.read { db in try MemberRows.fetchAll(in: db) }
    }

    /// The certification an audit belongs to; an unknown id is refused with the id it most likely meant.
    public func certificationKey(ofAudit id: AuditID) throws -> CertificationKey {
        guard let key = try writer.read({ db in
            try Row.fetchOne(db, sql: "SELECT member_id, scheme_id FROM audit WHERE id = ?", arguments: [id])
                .map { CertificationKey(member: $0["member_id"], scheme: $0["scheme_id"]) }
        }) else {
            throw StoreError.notFound(.audit(id, suggestion: NearestName.among(try identifiers(in: "audit"), to: id.rawValue).map(AuditID.init)))
        }
        return key
    }

    /// The certification a finding belongs to; an unknown id is refused with the id it most likely meant.
    public func certificationKey(ofFinding id: FindingID) throws -> CertificationKey {
        guard let key = try writer.read({ db in
            try Row.fetchOne(db, sql: "SELECT member_id, scheme_id FROM finding WHERE id = ?", arguments: [id])
                .map { CertificationKey(member: $0["member_id"], scheme: $0["scheme_id"]) }
        }) else {
            throw StoreError.notFound(.finding(id, suggestion: NearestName.among(try identifiers(in: "finding"), to: id.rawValue).map(FindingID.init)))
        }
        return key
    }

    /// The member with this id, or a refusal naming the member id it most likely meant.
    public func existingMember(_ id: MemberID) throws -> MemberRecord {
        guard let record = try member(id) else {
            throw StoreError.notFound(.member(id, suggestion: NearestName.among(try identifiers(in: "member"), to: id.rawValue).map(MemberID.init)))
        }
        return record
    }

    /// Every id of a projection table (`member`, `audit`, `finding`, `auditor`), for "did you mean".
    func identifiers(in table: String) throws -> [String] {
        try writer.read { db in try String.fetchAll(db, sql: "SELECT id FROM \(table)") }
    }

    /// One dossier replayed from the log with the facts that happened on or before `day`.
    ///
    /// A group site is replayed with its whole group, whose rules its facts depend on.
    public func dossier(_ key: CertificationKey, through day: Day? = nil) throws -> Dossier? {
        try unit(of: key, through: day).dossiers[key]
    }

    /// Rules 6–8 and 24: the findings of `key` as the rules give them on `day`, with its
    /// group's escalations and certificate for a group site.
    public func findingStatuses(of key: CertificationKey, on day: Day) throws -> [FindingStatus] {
        try unit(of: key, through: day).findingStatuses(of: key, on: day)
    }

    /// The dossiers `key`'s rules read, replayed through `day`: itself, or its whole group.
    private func unit(of key: CertificationKey, through day: Day?) throws -> Network {
        try writer.read { db in try Self.unit(of: key, through: day, catalog: catalog, in: db) }
    }

    /// The dossiers `key`'s rules read, replayed through `day`, inside a transaction of `db`.
    static func unit(of key: CertificationKey, through day: Day?, catalog: SchemeCatalog, in db: Database) throws -> Network {
        try Replay.network(of: Set(Replay.unitKeys(of: key, catalog: catalog, in: db)), through: day, catalog: catalog, in: db)
    }

    /// The whole network replayed from the log with the facts that happened on or before `day`.
    public func network(through day: Day? = nil) throws -> Network {
        try writer.read { db in try Replay.network(through: day, catalog: catalog, in: db) }
    }

    /// The events of the log, oldest first, optionally those of one member only.
    public func events(member: MemberID? = nil, limit: Int? = nil) throws -> [LoggedEvent] {
        try writer.read { db in
            var sql = "SELECT * FROM event"
            var arguments: StatementArguments = []
            if let member {
                sql += " WHERE stream = ? OR (stream >= ? AND stream < ?)"
                arguments = [LogStream.member(member).description, "certification/\(member)/", "certification/\(member)0"]
            }
            sql += " ORDER BY id"
            if let limit {
                sql = "SELECT * FROM (\(sql) DESC LIMIT \(limit)) ORDER BY id"
            }
            return try LoggedEvent.fetchAll(db, sql: sql, arguments: arguments)
        }
    }

    /// The number of events in the log.
    public func eventCount() throws -> Int {
        try writer.read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM event") ?? 0 }
    }

    /// Whether every event was written by the demo: the only kind of database `demo` may replace.
    public func isDemoDatabase(actor: String) throws -> Bool {
        try writer.read { db in
            let events = try Int.fetchOne(db, sql: "SELECT count(*) FROM event") ?? 0
            let others = try Int.fetchOne(db, sql: "SELECT count(*) FROM event WHERE actor <> ?", arguments: [actor]) ?? 0
            return events > 0 && others == 0
        }
    }
}

/// The `member` projection read back as records.
///
/// Columns are read by position through cached statements, and each distinct type code is
/// parsed once: a report over 100,000 members reads every row.
enum MemberRows {
    private static let columns = "id, name, type, departement, region, group_id, source, joined_on, left_on"
    /// The same columns, named as the member table's (`json_each` has an `id` and a `type` too).
    private static let memberColumns = columns.split(separator: ", ").map { "member.\($0)" }.joined(separator: ", ")

    static func fetch(_ id: MemberID, in db: Database) throws -> MemberRecord? {
        var types: [String: [CompanyType]] = [:]
        return try Row.fetchOne(db.cachedStatement(sql: "SELECT \(columns) FROM member WHERE id = ?"), arguments: [id])
            .map { try record($0, types: &types) }
    }

    /// The members `ids` names, once each in id order, in one statement however many they
    /// are: SQLite looks each one up from a JSON array of the ids, sorted so that the lookups
    /// walk the table's key in order, and only their rows are read.
    static func fetch(_ ids: some Collection<MemberID>, in db: Database) throws -> [MemberRecord] {
        guard !ids.isEmpty else { return [] }
        let list = JSONArgument.strings(Set(ids.map(\.rawValue)).sorted())
        return try records("SELECT \(memberColumns) FROM json_each(?) AS wanted JOIN member ON member.id = wanted.value", [list], in: db)
    }

    /// The members whose id `ids` selects (an SQL query of one column), once each, walked in
    /// id order: SQLite gathers the ids and reads only their rows.
    static func fetch(idsSelectedBy ids: String, in db: Database) throws -> [MemberRecord] {
        try records("SELECT \(columns) FROM member WHERE id IN (\(ids))", [], in: db)
    }

    static func fetchAll(in db: Database) throws -> [MemberRecord] {
        try records("SELECT \(columns) FROM member ORDER BY id", [], in: db)
    }

    /// The records of the rows `sql` selects, its columns those of `columns`, in its order.
    private static func records(_ sql: String, _ arguments: StatementArguments, in db: Database) throws -> [MemberRecord] {
        var types: [String: [CompanyType]] = [:]
        var records: [MemberRecord] = []
        let rows = try Row.fetchCursor(db.cachedStatement(sql: sql), arguments: arguments)
        while let row = try rows.next() { records.append(try record(row, types: &types)) }
        return records
    }

    private static func record(_ row: Row, types known: inout [String: [CompanyType]]) throws -> MemberRecord {
        let id: MemberID = row[0]
        let code: String = row[2]
        guard let types = known[code] ?? CompanyType.parse(code) else {
            throw StoreError.notFound(.readableMemberRow(id))
        }
        known[code] = types
        let member = Member(id: id, name: row[1], types: types, departement: row[3], region: row[4], group: row[5], source: row[6])
        return MemberRecord(member: member, joinedOn: row.day(atIndex: 7), leftOn: row.day(atIndex: 8))
    }
}
