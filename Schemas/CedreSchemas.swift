import Foundation

/// The JSON Schemas of every import format, scheme definition and JSON output, and the SQL
/// schema of the store, shipped with the binary so imports are checked against them.
public enum CedreSchemas {
    /// The schema document `json/<name>.schema.json` (`members`, `scheme`, `certification`…).
    public static func json(named name: String) throws -> Data {
        guard let url = Bundle.module.url(forResource: "\(name).schema", withExtension: "json", subdirectory: "json") else {
            throw CocoaError(.fileReadNoSuchFile, userInfo: [NSFilePathErrorKey: "Schemas/json/\(name).schema.json"])
        }
        return try Data(contentsOf: url)
    }

    /// The names of every bundled JSON Schema.
    public static func jsonSchemaNames() -> [String] {
        guard let folder = Bundle.module.resourceURL?.appendingPathComponent("json"),
            let files = try? FileManager.default.contentsOfDirectory(atPath: folder.path)
        else { return [] }
        return files.filter { $0.hasSuffix(".schema.json") }.map { String($0.dropLast(".schema.json".count)) }.sorted()
    }

    /// `schema.sql`: the store's schema as the migrations leave it.
    public static func storeSchema() throws -> String {
        guard let url = Bundle.module.url(forResource: "schema", withExtension: "sql") else {
            throw CocoaError(.fileReadNoSuchFile, userInfo: [NSFilePathErrorKey: "Schemas/schema.sql"])
        }
        return try String(contentsOf: url, encoding: .utf8)
    }
}
