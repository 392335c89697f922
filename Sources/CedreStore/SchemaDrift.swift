import CedreSchemas
import Foundation
import GRDB

/// The live schema (tables, indexes, triggers in `sqlite_master`) compared with
/// `Schemas/schema.sql`, the schema the migrations give: a dropped trigger lets anyone edit
/// the log, an added one can discard writes, and neither shows in the rows themselves.
enum SchemaDrift {
    /// One object of the schema: `trigger event_refuses_update`.
    struct Object: Hashable, Comparable, CustomStringConvertible {
        let type: String
        let name: String

        var description: String { "\(type) \(name)" }

        static func < (lhs: Object, rhs: Object) -> Bool {
            (lhs.type, lhs.name) < (rhs.type, rhs.name)
        }
    }

    /// The objects `Schemas/schema.sql` declares, each with its SQL, in the file's order.
    static let declared: [(object: Object, sql: String)] = CedreSchemas.storeSchema()
        .components(separatedBy: ";\n\n")
        .compactMap { statement in
            let text = statement.trimmingCharacters(in: .whitespacesAndNewlines)
            let sql = text.hasSuffix(";") ? String(text.dropLast()) : text
            let words = sql.split(whereSeparator: \.isWhitespace).prefix(3).map(String.init)
            guard words.count == 3, words[0] == "CREATE" else { return nil }
            return (Object(type: words[1].lowercased(), name: words[2]), sql)
        }

    /// The objects `Schemas/schema.sql` declares, each with its SQL.
    static func expected() -> [Object: String] {
        Dictionary(uniqueKeysWithValues: declared.map { ($0.object, $0.sql) })
    }

    /// The objects the database holds, each with its SQL, as the schema test dumps them.
    static func live(_ db: Database) throws -> [Object: String] {
        var objects: [Object: String] = [:]
        for row in try Row.fetchAll(db, sql: """
            SELECT type, name, sql FROM sqlite_master
            WHERE sql IS NOT NULL AND name NOT LIKE 'sqlite_%' AND name <> 'grdb_migrations'
            """)
        {
            objects[Object(type: row["type"], name: row["name"])] = row["sql"]
        }
        return objects
    }

    /// What differs, one clause per object (`trigger event_refuses_delete is missing`), in name order.
    static func differences(in db: Database) throws -> [String] {
        let expected = expected()
        let live = try live(db)
        var differences: [String] = []
        for object in Set(expected.keys).union(live.keys).sorted() {
            switch (expected[object], live[object]) {
            case (.some, nil): differences.append("\(object) is missing")
            case (nil, .some): differences.append("\(object) was added")
            case (let wanted?, let found?) where wanted != found: differences.append("\(object) was changed")
            default: break
            }
        }
        return differences
    }
}
