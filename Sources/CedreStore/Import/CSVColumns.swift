import CedreCore
import CedreJSON
import CedreSchemas
import Foundation

/// The columns a CSV import may have: their names as the JSON Schema spells them, the French
/// names officers write in their spreadsheets, and how each cell becomes a JSON value.
///
/// The names and the cell kinds are read from the schema (`Schemas/json/members.schema.json`,
/// `events.schema.json`), so a field added there is a column at once; only the French names
/// are kept here.
struct CSVColumns: Sendable {
    /// One column: its schema name, its French names, how its cells read, where it goes.
    struct Column: Sendable {
        let name: String
        let frenchNames: [String]
        let cell: CSVCell
        /// Whether the value goes into the fact's `payload` object rather than beside `kind`.
        let inPayload: Bool
    }

    let columns: [Column]
    /// The columns a header must name.
    let required: [String]
    /// Each column by the key of every name it answers to.
    private let byKey: [String: Column]

    init(columns: [Column], required: [String]) {
        self.columns = columns
        self.required = required
        var byKey: [String: Column] = [:]
        for column in columns {
            for name in [column.name] + column.frenchNames { byKey[CSVColumns.key(name)] = column }
        }
        self.byKey = byKey
    }

    /// The column a header cell names, written in English or French, in any case, with or
    /// without accents, spaces, underscores, hyphens or apostrophes of any style.
    func column(forHeader header: String) -> Column? {
        byKey[CSVColumns.key(header)]
    }

    /// The column called `name` in the schema.
    func column(named name: String) -> Column? {
        columns.first { $0.name == name }
    }

    /// What a header is matched by: lower case, accents dropped, and nothing of spaces,
    /// underscores, hyphens and apostrophes (`Date d’adhésion` and `date_d'adhesion` agree).
    static func key(_ header: String) -> String {
        let ignored: Set<Unicode.Scalar> = ["_", "-", "'", "\u{2019}", "\u{2018}", "\u{02BC}", "`", "\u{00B4}"]
        var key = String.UnicodeScalarView()
        for scalar in header.decomposedStringWithCanonicalMapping.lowercased().unicodeScalars {
            if scalar.properties.generalCategory == .nonspacingMark || scalar.properties.isWhitespace || ignored.contains(scalar) {
                continue
            }
            key.append(scalar)
        }
        return String(key)
    }

    /// Every column a header may name, each with its French names: `id (Identifiant), name (Nom, Raison sociale), …`.
    var listing: String {
        columns.map { column in
            let french = column.frenchNames.filter { $0.lowercased() != column.name.lowercased() }
            return french.isEmpty ? column.name : "\(column.name) (\(french.joined(separator: ", ")))"
        }.joined(separator: ", ")
    }
}

extension CSVColumns {
    /// The columns of a members CSV: the properties of `$defs/member` in `members.schema.json`.
    static func members() throws(ImportFailure) -> CSVColumns {
        let schema = try schema(named: "members")
        let member = schema["$defs"]?["member"] ?? [:]
        return CSVColumns(
            columns: columns(of: member, in: schema, inPayload: false),
            required: member["required"]?.arrayValue?.compactMap(\.stringValue) ?? [])
    }

    /// The columns of a facts CSV: `on` and `kind`, then every field of `$defs/payload` in
    /// `events.schema.json`. The actor is whoever imports the file (`--actor`), not a column.
    static func facts() throws(ImportFailure) -> CSVColumns {
        let schema = try schema(named: "events")
        let beside = columns(of: schema, in: schema, inPayload: false)
        let required = ["on", "kind"]
        return CSVColumns(
            columns: required.compactMap { name in beside.first { $0.name == name } }
                + columns(of: schema["$defs"]?["payload"] ?? [:], in: schema, inPayload: true),
            required: required)
    }

    /// The schema document `Schemas/json/<name>.schema.json`, or why it cannot be used.
    private static func schema(named name: String) throws(ImportFailure) -> JSONValue {
        do {
            return try JSONParser.parse(CedreSchemas.json(named: name))
        } catch {
            throw ImportFailure(issues: [SchemaCheck.unusable(name, error)])
        }
    }

    /// A column for each of `object`'s properties, in the schema's order.
    private static func columns(of object: JSONValue, in schema: JSONValue, inPayload: Bool) -> [Column] {
        (object["properties"]?.objectMembers ?? []).map { property in
            Column(
                name: property.key, frenchNames: frenchNames[property.key] ?? [],
                cell: CSVCell(property.value, in: schema), inPayload: inPayload)
        }
    }

    /// The French names of the columns, as officers head them in their spreadsheets.
    static let frenchNames: [String: [String]] = [
        "id": ["Identifiant"],
        "name": ["Nom", "Raison sociale"],
        "type": ["Type"],
        "departement": ["Département"],
        "region": ["Région"],
        "group": ["Groupe", "GES"],
        "joined": ["Date d'adhésion", "Adhésion"],
        "source": ["Source", "Origine"],
        "on": ["Date", "Jour"],
        "kind": ["Événement", "Fait"],
        "member": ["Adhérent", "Membre"],
        "scheme": ["Référentiel"],
        "audit": ["Audit"],
        "auditKind": ["Type d'audit"],
        "scheduledOn": ["Date prévue"],
        "auditors": ["Auditeurs"],
        "finding": ["Écart"],
        "grade": ["Gravité", "Cotation"],
        "requirement": ["Exigence"],
        "statement": ["Constat"],
        "due": ["Échéance"],
        "effective": ["Efficace"],
        "reason": ["Motif"],
        "affected": ["Concerné"],
        "referential": ["Version du référentiel"],
        "year": ["Année"],
        "mode": ["Mode"],
        "seed": ["Graine"],
        "sites": ["Sites"],
        "auditor": ["Auditeur"],
        "other": ["Autre adhérent"],
        "linkKind": ["Type de lien"],
        "trainedOn": ["Date de formation"],
        "schemes": ["Référentiels"],
        "validityMonths": ["Mois de validité"],
        "assignments": ["Affectations"],
        "unassigned": ["Non affectés"],
        "override": ["Dérogation"],
    ]
}
