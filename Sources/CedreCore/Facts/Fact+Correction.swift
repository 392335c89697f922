import CedreJSON
import Foundation

/// Why a field cannot be set as asked by a correction.
public enum FieldCorrectionError: Error, Equatable, Sendable {
    /// The fact's kind has no such field, or it is one that decides the fact's stream.
    case unknownField(String, known: [String])
    /// The value does not fit the field.
    case invalidValue(field: String, message: String)
}

extension Fact {
    /// The fact with the fields set to the values an officer typed: `auditKind=surveillance`,
    /// `due=2013-05-30`, `auditors=A. Martin,B. Durand`, `effective=false`; an empty value
    /// clears an optional field. Neither the kind nor the stream can change.
    public func setting(_ fields: [(name: String, value: String)]) throws(FieldCorrectionError) -> Fact {
        var object = payloadObject(of: self)
        for (name, text) in fields {
            guard let type = FactPayload.fieldTypes[name], isCorrectable(name) else {
                throw .unknownField(name, known: correctableFields)
            }
            object.removeAll { $0.key == name }
            guard !text.isEmpty else { continue }
            object.append(JSONValue.Member(key: name, value: try type.value(of: text, field: name)))
        }
        let corrected: Fact
        do {
            corrected = try Fact(kind: kind, payload: FactPayload(json: JSONValue(.object(object))))
        } catch {
            throw .invalidValue(field: error.field, message: error.message)
        }
        for (name, text) in fields where !text.isEmpty && payloadObject(of: corrected).first(where: { $0.key == name }) == nil {
            throw .unknownField(name, known: correctableFields)
        }
        guard corrected.stream == stream else {
            throw .invalidValue(field: fields.map(\.name).joined(separator: ", "), message: "would move the fact to \(corrected.stream); void it and record it there instead")
        }
        return corrected
    }

    /// The fields a correction may set on this fact: those its kind carries, but the ones that
    /// decide its stream.
    public var correctableFields: [String] {
        FactPayload.fieldTypes.keys.filter(isCorrectable).sorted()
    }

    /// Whether the kind keeps the field and a new value leaves the fact in its stream; a field
    /// whose values are a closed list (a reason, a kind) is kept when the fact carries it.
    private func isCorrectable(_ field: String) -> Bool {
        guard let type = FactPayload.fieldTypes[field] else { return false }
        var object = payloadObject(of: self)
        let current = object.first { $0.key == field }
        object.removeAll { $0.key == field }
        object.append(JSONValue.Member(key: field, value: type.probe(differentFrom: current?.value ?? .null)))
        guard let probe = try? Fact(kind: kind, payload: FactPayload(json: JSONValue(.object(object)))) else {
            return current != nil
        }
        return probe.stream == stream && payloadObject(of: probe).contains { $0.key == field }
    }

    private func payloadObject(of fact: Fact) -> [JSONValue.Member] {
        (try? JSONParser.parse(fact.payload.canonicalJSON))?.objectMembers ?? []
    }
}

extension FactPayload {
    /// How a field's value is written, to read what an officer types for it.
    public enum FieldType: Sendable {
        case text, day, flag, number, texts, assignments

        func value(of text: String, field: String) throws(FieldCorrectionError) -> JSONValue {
            switch self {
            case .text:
                return .string(text)
            case .day:
                guard let day = Day(text) else {
                    throw .invalidValue(field: field, message: "'\(text)' is not a day (YYYY-MM-DD)")
                }
                return .string(day.description)
            case .flag:
                switch text.lowercased() {
                case "true", "yes", "oui", "vrai": return .bool(true)
                case "false", "no", "non", "faux": return .bool(false)
                default: throw .invalidValue(field: field, message: "'\(text)' is neither true nor false")
                }
            case .number:
                guard let number = Int(text) else { throw .invalidValue(field: field, message: "'\(text)' is not a whole number") }
                return .number(String(number))
            case .texts:
                return .array(text.split(separator: ",").map { .string($0.trimmingSpaces) })
            case .assignments:
                do {
                    return try JSONParser.parse(text)
                } catch {
                    throw .invalidValue(field: field, message: "must be a JSON list of {\"member\", \"auditor\", \"day\"}")
                }
            }
        }

        /// A valid value unlike `current`, to find out whether a fact keeps the field.
        func probe(differentFrom current: JSONValue) -> JSONValue {
            switch self {
            case .text: .string(current.stringValue == "probe" ? "probe-2" : "probe")
            case .day: .string(current.stringValue == "2000-01-01" ? "2000-01-02" : "2000-01-01")
            case .flag: .bool(!(current.boolValue ?? false))
            case .number: .number(current.intValue == 1 ? "2" : "1")
            case .texts: .array([.string("probe")])
            case .assignments: .array([])
            }
        }
    }

    /// Every field a payload may carry, with how its value is written.
    public static let fieldTypes: [String: FieldType] = [
        "affected": .flag, "assignments": .assignments, "audit": .text, "auditKind": .text, "auditor": .text,
        "auditors": .texts, "departement": .text, "due": .day, "effective": .flag, "finding": .text, "grade": .text,
        "group": .text, "joined": .day, "linkKind": .text, "member": .text, "mode": .text, "name": .text, "other": .text,
        "override": .text, "reason": .text, "referential": .text, "region": .text, "requirement": .text,
        "scheduledOn": .day, "scheme": .text, "schemes": .texts, "seed": .text, "sites": .texts, "source": .text,
        "statement": .text, "trainedOn": .day, "type": .text, "unassigned": .texts, "ungrouped": .flag,
        "validityMonths": .number, "year": .number,
    ]
}
