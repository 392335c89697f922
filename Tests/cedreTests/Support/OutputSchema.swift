import CedreCore
import CedreJSON
import CedreSchemas

/// Checks a command's JSON output against its schema in Schemas/json.
enum OutputSchema {
    /// The violations of `json` against `Schemas/json/<name>.schema.json`, as readable lines.
    static func violations(of json: String, against name: String) throws -> [String] {
        let schema = try JSONSchema(JSONParser.parse(CedreSchemas.json(named: name)))
        return schema.validate(try JSONParser.parse(json)).map(\.description)
    }
}
