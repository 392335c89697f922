import CedreCore
import CedreJSON
import Foundation
import GRDB
import Synchronization

/// Reading a scheme definition written by a federation (rule 8b).
public enum SchemeDefinition {
    /// The definition in `data`, checked against `Schemas/json/scheme.schema.json` and for
    /// self-consistency; every problem is named at once.
    public static func read(_ data: Data, file: String) throws(StoreError) -> Scheme {
        let document: JSONValue
        do {
            document = try JSONParser.parse(data)
        } catch {
            throw .invalidScheme(file: file, problems: [SchemaViolation(pointer: "", line: error.line, field: "", message: error.message)])
        }
        let violations: [SchemaViolation]
        do {
            violations = try SchemaCheck.violations(of: document, against: "scheme")
        } catch {
            throw .invalidScheme(file: file, problems: [
                SchemaViolation(pointer: "", line: 1, field: "", message: "the scheme schema cannot be used: \(error)"),
            ])
        }
        guard violations.isEmpty else { throw .invalidScheme(file: file, problems: violations) }
        let scheme: Scheme
        do {
            scheme = try JSONDecoder().decode(Scheme.self, from: data)
        } catch {
            throw .invalidScheme(file: file, problems: [
                SchemaViolation(pointer: "", line: 1, field: "", message: "cannot be read as a scheme: \(error)"),
            ])
        }
        let inconsistencies = scheme.inconsistencies(in: document)
        guard inconsistencies.isEmpty else { throw .invalidScheme(file: file, problems: inconsistencies) }
        return scheme
    }
}

extension CedreStore {
    /// Rule 8b: records `scheme` in the log on `day` and makes it usable at once. A known id
    /// needs `revise`: the revision governs the certifications started from `day` on, and is
    /// refused when one started on or after `day` already follows the current definition.
    ///
    /// One transaction; returns the fact's event.
    @discardableResult
    public func addScheme(_ scheme: Scheme, revise: Bool, on day: Day, context: RecordingContext) throws -> LoggedEvent {
        let appended = try writer.write { db -> LoggedEvent in
            let known = try SchemeRegistry.catalog(base: schemes.base, in: db)
            if known[scheme.id] != nil, !revise { throw StoreError.schemeExists(scheme.id) }
            if known[scheme.id] == nil, revise { throw StoreError.noSchemeToRevise(scheme.id) }
            do {
                return try Recorder(catalog: known, db: db).record([DatedFact(.schemeAdded(scheme), on: day)], context: context)[0]
            } catch let error as BatchError {
                throw error.error
            }
        }
        try schemes.reload(from: writer)
        return appended
    }
}

/// The catalog of an open store: the one it was opened with, plus the definitions its log adds.
///
/// Shared by the copies of a `CedreStore`, so a scheme added through one is usable through all.
final class SchemeRegistry: Sendable {
    let base: SchemeCatalog
    private let current: Mutex<SchemeCatalog>

    init(base: SchemeCatalog) {
        self.base = base
        current = Mutex(base)
    }

    /// The catalog as of the last reload.
    var catalog: SchemeCatalog {
        current.withLock { $0 }
    }

    /// Reads the definitions the log holds again.
    func reload(from reader: any DatabaseReader) throws {
        let catalog = try reader.read { db in try SchemeRegistry.catalog(base: base, in: db) }
        current.withLock { $0 = catalog }
    }

    /// The first certification of `scheme` started (engaged, or a site's application) on or
    /// after `day`, from the projections: a revision dated `day` would change its rules.
    static func certificationStarted(under scheme: SchemeID, onOrAfter day: Day, in db: Database) throws -> (key: CertificationKey, on: Day)? {
        guard let row = try Row.fetchOne(db, sql: """
            SELECT member_id, engaged_on AS day FROM certification WHERE scheme_id = ? AND engaged_on >= ?
            UNION ALL SELECT member_id, applied_on AS day FROM group_membership WHERE scheme_id = ? AND applied_on >= ?
            ORDER BY day, member_id LIMIT 1
            """, arguments: [scheme, day, scheme, day])
        else { return nil }
        return (CertificationKey(member: row["member_id"], scheme: scheme), Day.fromDatabaseValue(row["day"]) ?? day)
    }

    /// `base` with every `scheme.added` fact of the log, in day order.
    static func catalog(base: SchemeCatalog, in db: Database) throws -> SchemeCatalog {
        var catalog = base
        // Ordered by id, the partial index `event_schemes` answers alone; ordered by day, SQLite
        // would walk the whole log in day order to find the few definitions.
        let added = try LoggedEvent.fetchAll(db, sql: "SELECT * FROM event WHERE kind = 'scheme.added' ORDER BY id")
        for event in added.sorted(by: { ($0.occurredOn, $0.id) < ($1.occurredOn, $1.id) }) {
            guard case .schemeAdded(let scheme) = try event.fact() else { continue }
            catalog = catalog.adding(scheme, on: event.occurredOn)
        }
        return catalog
    }
}
