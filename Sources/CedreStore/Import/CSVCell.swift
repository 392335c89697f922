import CedreCore
import CedreJSON
import Foundation

/// How a CSV cell becomes the JSON value its schema property expects, so CSV files are
/// checked by the same schemas as JSON files.
enum CSVCell: Equatable, Sendable {
    /// Text as written (strings and enumerations).
    case text
    /// A day, written `YYYY-MM-DD` or `DD/MM/YYYY`, stored `YYYY-MM-DD`.
    case day
    /// `true`/`false`, `vrai`/`faux` (French Excel's booleans) or `oui`/`non`.
    case flag
    /// A whole number.
    case wholeNumber
    /// A list of texts separated by `|`.
    case list
    /// A JSON value written in the cell (a list of objects such as a campaign's assignments).
    case json

    /// The kind of cell a schema property asks for, following a `$ref` into the schema's `$defs`.
    init(_ property: JSONValue, in schema: JSONValue) {
        let resolved = CSVCell.resolved(property, in: schema)
        let items = resolved["items"].map { CSVCell.resolved($0, in: schema) }
        switch resolved["type"]?.stringValue {
        case _ where resolved["format"]?.stringValue == "date": self = .day
        case "boolean": self = .flag
        case "integer": self = .wholeNumber
        case "array": self = items?["type"]?.stringValue == "object" ? .json : .list
        default: self = .text
        }
    }

    private static func resolved(_ property: JSONValue, in schema: JSONValue) -> JSONValue {
        guard let reference = property["$ref"]?.stringValue, reference.hasPrefix("#/$defs/"),
            let definition = schema["$defs"]?[String(reference.dropFirst("#/$defs/".count))]
        else { return property }
        return definition
    }

    /// The JSON value of a (trimmed, not empty) cell found on `line`, or why it cannot be one.
    func value(of text: String, line: Int) -> Result<JSONValue, CSVCellError> {
        switch self {
        case .text:
            return .success(JSONValue(.string(text), line: line))
        case .day:
            do {
                return .success(JSONValue(.string(try Day(written: text).description), line: line))
            } catch {
                return .failure(CSVCellError(message: error.description))
            }
        case .flag:
            switch text.lowercased() {
            case "true", "vrai", "oui": return .success(JSONValue(.bool(true), line: line))
            case "false", "faux", "non": return .success(JSONValue(.bool(false), line: line))
            default: return .failure(CSVCellError(message: "'\(text)' is neither true nor false (write true/false, vrai/faux or oui/non)"))
            }
        case .wholeNumber:
            guard let number = Int(text) else { return .failure(CSVCellError(message: "'\(text)' is not a whole number")) }
            return .success(JSONValue(.number(String(number)), line: line))
        case .list:
            let items = text.split(separator: "|").map { $0.trimmingSpaces }.filter { !$0.isEmpty }
            return .success(JSONValue(.array(items.map { JSONValue(.string($0), line: line) }), line: line))
        case .json:
            do {
                return .success(CSVCell.placed(try JSONParser.parse(text), on: line))
            } catch {
                return .failure(CSVCellError(message: "is not JSON as a JSON Lines file would write it (\(error.message))"))
            }
        }
    }

    /// `value` and everything in it dated `line`, the cell's line in the file.
    private static func placed(_ value: JSONValue, on line: Int) -> JSONValue {
        switch value.content {
        case .array(let elements):
            return JSONValue(.array(elements.map { placed($0, on: line) }), line: line)
        case .object(let members):
            let placedMembers = members.map { JSONValue.Member(key: $0.key, keyLine: line, value: placed($0.value, on: line)) }
            return JSONValue(.object(placedMembers), line: line)
        default:
            return JSONValue(value.content, line: line)
        }
    }
}

/// Why a cell cannot be the value its column asks for.
struct CSVCellError: Error, Equatable {
    let message: String
}
