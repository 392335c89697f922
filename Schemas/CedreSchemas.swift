import Foundation

/// The JSON Schemas of every import format, scheme definition and JSON output, and the SQL
/// schema of the store, compiled into the binary (`.embedInCode`) so imports are checked against
/// them wherever `cedre` is installed, and reading them costs no file lookup.
public enum CedreSchemas {
    /// The schema document `json/<name>.schema.json` (`members`, `scheme`, `certification`…).
    public static func json(named name: String) throws -> Data {
        guard let bytes = jsonSchemas[name] else {
            throw CocoaError(.fileReadNoSuchFile, userInfo: [NSFilePathErrorKey: "Schemas/json/\(name).schema.json"])
        }
        return Data(bytes)
    }

    /// The names of every bundled JSON Schema.
    public static var jsonSchemaNames: [String] { jsonSchemas.keys.sorted() }

    /// `schema.sql`: the store's schema as the migrations leave it.
    public static func storeSchema() -> String {
        String(decoding: PackageResources.schema_sql, as: UTF8.self)
    }

    /// Every file of `json/`, by the name before `.schema.json`.
    private static let jsonSchemas: [String: [UInt8]] = [
        "campaign-plan": PackageResources.campaign_plan_schema_json,
        "certification": PackageResources.certification_schema_json,
        "check": PackageResources.check_schema_json,
        "events": PackageResources.events_schema_json,
        "export": PackageResources.export_schema_json,
        "holidays": PackageResources.holidays_schema_json,
        "members": PackageResources.members_schema_json,
        "report-audits": PackageResources.report_audits_schema_json,
        "report-certifications": PackageResources.report_certifications_schema_json,
        "report-findings": PackageResources.report_findings_schema_json,
        "report-status": PackageResources.report_status_schema_json,
        "scheme": PackageResources.scheme_schema_json,
    ]
}
