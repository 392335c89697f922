import CedreCore
import CedreJSON
import CedreSchemas
import Foundation
import Synchronization

/// Validates documents against the JSON Schemas shipped in `Schemas/json/`.
public enum SchemaCheck {
    private static let cache = SchemaCache()

    /// The compiled schema `Schemas/json/<name>.schema.json`.
    public static func schema(named name: String) throws -> JSONSchema {
        try cache.schema(named: name)
    }

    /// Every violation of `document` against the named schema, as import issues of `file`.
    static func violations(of document: JSONValue, against name: String, file: String) -> [ImportIssue] {
        do {
            return try schema(named: name).validate(document).map { violation in
                ImportIssue(file: file, line: violation.line, field: violation.importField, message: violation.message)
            }
        } catch {
            return [unusable(name, error)]
        }
    }

    /// The violations themselves, with their JSON pointers.
    static func violations(of document: JSONValue, against name: String) throws -> [SchemaViolation] {
        try schema(named: name).validate(document)
    }

    static func unusable(_ name: String, _ error: any Error) -> ImportIssue {
        ImportIssue(file: "Schemas/json/\(name).schema.json", line: 1, field: "(schema)", message: "the schema cannot be used: \(error)")
    }
}

extension SchemaViolation {
    /// The field an import issue names: the member at fault, or `(json)` for the document itself.
    var importField: String {
        pointer.isEmpty ? "(json)" : field
    }
}

/// Compiled schemas, loaded once per process.
private final class SchemaCache: Sendable {
    private let schemas = Mutex<[String: JSONSchema]>([:])

    func schema(named name: String) throws -> JSONSchema {
        try schemas.withLock { schemas in
            if let schema = schemas[name] { return schema }
            let schema = try JSONSchema(JSONParser.parse(CedreSchemas.json(named: name)))
            schemas[name] = schema
            return schema
        }
    }
}
