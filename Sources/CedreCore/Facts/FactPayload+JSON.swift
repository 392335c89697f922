import CedreJSON
import Foundation

extension FactPayload {
    /// The payload as the event log stores and hashes it: JSON with keys in sorted order, no
    /// insignificant whitespace, `null` members omitted, `/` unescaped.
    ///
    /// Written by hand rather than with `JSONEncoder`: it is the hot path of imports and the
    /// exact bytes are part of the hash chain, so they must not depend on a library's choices.
    public var canonicalJSON: String {
        var writer = CanonicalJSONWriter()
        writer.member("affected", affected)
        writer.member("assignments", assignments)
        writer.member("audit", audit?.rawValue)
        writer.member("auditKind", auditKind)
        writer.member("auditor", auditor?.rawValue)
        writer.member("auditors", auditors)
        writer.member("corrected", corrected?.value)
        writer.member("correctedOn", correctedOn?.description)
        writer.member("definition", definition)
        writer.member("departement", departement)
        writer.member("due", due?.description)
        writer.member("effective", effective)
        writer.member("finding", finding?.rawValue)
        writer.member("grade", grade?.rawValue)
        writer.member("group", group?.rawValue)
        writer.member("joined", joined?.description)
        writer.member("linkKind", linkKind)
        writer.member("member", member?.rawValue)
        writer.member("mode", mode)
        writer.member("name", name)
        writer.member("other", other?.rawValue)
        writer.member("override", override)
        writer.member("policies", policies)
        writer.member("reason", reason)
        writer.member("referential", referential)
        writer.member("region", region)
        writer.member("requirement", requirement?.rawValue)
        writer.member("scheduledOn", scheduledOn?.description)
        writer.member("scheme", scheme?.rawValue)
        writer.member("schemes", schemes?.map(\.rawValue))
        writer.member("seed", seed)
        writer.member("sites", sites?.map(\.rawValue))
        writer.member("source", source)
        writer.member("statement", statement)
        writer.member("stream", stream)
        writer.member("target", target.map(Int.init))
        writer.member("targetKind", targetKind)
        writer.member("trainedOn", trainedOn?.description)
        writer.member("type", type)
        writer.member("unassigned", unassigned?.map(\.rawValue))
        writer.member("ungrouped", ungrouped)
        writer.member("validityMonths", validityMonths)
        writer.member("year", year)
        return writer.finish()
    }

    /// Reads a stored payload back, naming the first field of the wrong type.
    public init(json value: JSONValue) throws(FactPayloadError) {
        self.init()
        guard let members = value.objectMembers else {
            throw FactPayloadError(field: "payload", message: "must be an object")
        }
        for item in members {
            let field = item.key
            let value = item.value
            if value.isNull { continue }
            func text() throws(FactPayloadError) -> String {
                guard let text = value.stringValue else { throw FactPayloadError(field: field, message: "must be text") }
                return text
            }
            func day() throws(FactPayloadError) -> Day {
                guard let day = Day(try text()) else { throw FactPayloadError(field: field, message: "must be a day written YYYY-MM-DD") }
                return day
            }
            func flag() throws(FactPayloadError) -> Bool {
                guard let flag = value.boolValue else { throw FactPayloadError(field: field, message: "must be true or false") }
                return flag
            }
            func texts() throws(FactPayloadError) -> [String] {
                guard let items = value.arrayValue else { throw FactPayloadError(field: field, message: "must be a list of texts") }
                var texts: [String] = []
                for item in items {
                    guard let text = item.stringValue else { throw FactPayloadError(field: field, message: "must be a list of texts") }
                    texts.append(text)
                }
                return texts
            }
            // A string switch compares its cases in order: the two keys of every certification
            // fact come first, then the fields of audits, findings and members, the ones facts
            // carry most often (a 5,000-member log: 16 comparisons a payload, 42 in alphabetical
            // order).
            switch field {
            case "member": member = MemberID(rawValue: try text())
            case "scheme": scheme = SchemeID(rawValue: try text())
            case "audit": audit = AuditID(rawValue: try text())
            case "finding": finding = FindingID(rawValue: try text())
            case "scheduledOn": scheduledOn = try day()
            case "auditors": auditors = try texts()
            case "statement": statement = try text()
            case "auditKind": auditKind = try text()
            case "requirement": requirement = RequirementID(rawValue: try text())
            case "grade": grade = GradeID(rawValue: try text())
            case "type": type = try text()
            case "source": source = try text()
            case "region": region = try text()
            case "name": name = try text()
            case "joined": joined = try day()
            case "departement": departement = try text()
            case "effective": effective = try flag()
            case "reason": reason = try text()
            case "group": group = MemberID(rawValue: try text())
            case "due": due = try day()
            case "affected": affected = try flag()
            case "assignments":
                guard let items = value.arrayValue else { throw FactPayloadError(field: field, message: "must be a list of assignments") }
                var list: [Campaign.Assignment] = []
                for item in items {
                    guard let member = item["member"]?.stringValue, let auditor = item["auditor"]?.stringValue,
                        let day = item["day"]?.stringValue.flatMap({ Day($0) })
                    else { throw FactPayloadError(field: field, message: "each assignment needs member, auditor and day") }
                    list.append(Campaign.Assignment(member: MemberID(rawValue: member), auditor: AuditorID(rawValue: auditor), day: day))
                }
                assignments = list
            case "auditor": auditor = AuditorID(rawValue: try text())
            case "corrected": corrected = .payload(try FactPayload(json: value))
            case "correctedOn": correctedOn = try day()
            case "definition": definition = try text()
            case "linkKind": linkKind = try text()
            case "mode": mode = try text()
            case "other": other = MemberID(rawValue: try text())
            case "override": override = try text()
            case "policies": policies = try CampaignPolicies(payload: value)
            case "referential": referential = try text()
            case "schemes": schemes = try texts().map(SchemeID.init(rawValue:))
            case "seed": seed = try text()
            case "sites": sites = try texts().map(MemberID.init(rawValue:))
            case "stream": stream = try text()
            case "target":
                guard let number = value.intValue else { throw FactPayloadError(field: field, message: "must be a whole number") }
                target = Int64(number)
            case "targetKind": targetKind = try text()
            case "trainedOn": trainedOn = try day()
            case "unassigned": unassigned = try texts().map(MemberID.init(rawValue:))
            case "ungrouped": ungrouped = try flag()
            case "validityMonths":
                guard let number = value.intValue else { throw FactPayloadError(field: field, message: "must be a whole number") }
                validityMonths = number
            case "year":
                guard let number = value.intValue else { throw FactPayloadError(field: field, message: "must be a whole number") }
                year = number
            default:
                throw FactPayloadError(field: field, message: "is not a field of any fact")
            }
        }
    }
}

extension CampaignPolicies {
    /// Reads the `policies` member of a stored payload; a policy it does not name is off.
    init(payload value: JSONValue) throws(FactPayloadError) {
        guard let capacity = value["capacity"]?.intValue, capacity >= 1, let switches = value["enabled"]?.objectMembers else {
            throw FactPayloadError(field: "policies", message: "must hold a capacity of 1 or more and the enabled switches")
        }
        var enabled = Set<ImpartialityPolicy>()
        for item in switches {
            guard let policy = ImpartialityPolicy(rawValue: item.key), let on = item.value.boolValue else {
                throw FactPayloadError(field: "policies", message: "'\(item.key)' must be a policy switched true or false")
            }
            if on { enabled.insert(policy) }
        }
        self.init(enabled: enabled, capacity: capacity)
    }
}

/// Writes one JSON object member by member, in the order given.
private struct CanonicalJSONWriter {
    private var bytes: [UInt8] = [UInt8(ascii: "{")]
    private var first = true

    mutating func member(_ key: String, _ value: String?) {
        guard let value else { return }
        start(key)
        JSONString.append(value, to: &bytes)
    }

    mutating func member(_ key: String, _ value: Bool?) {
        guard let value else { return }
        start(key)
        bytes.append(contentsOf: Array((value ? "true" : "false").utf8))
    }

    mutating func member(_ key: String, _ value: Int?) {
        guard let value else { return }
        start(key)
        bytes.append(contentsOf: Array(String(value).utf8))
    }

    mutating func member(_ key: String, _ payload: FactPayload?) {
        guard let payload else { return }
        start(key)
        bytes.append(contentsOf: Array(payload.canonicalJSON.utf8))
    }

    mutating func member(_ key: String, _ assignments: [Campaign.Assignment]?) {
        guard let assignments else { return }
        start(key)
        bytes.append(UInt8(ascii: "["))
        for (index, assignment) in assignments.enumerated() {
            if index > 0 { bytes.append(UInt8(ascii: ",")) }
            var object = CanonicalJSONWriter()
            object.member("auditor", assignment.auditor.rawValue)
            object.member("day", assignment.day.description)
            object.member("member", assignment.member.rawValue)
            bytes.append(contentsOf: Array(object.finish().utf8))
        }
        bytes.append(UInt8(ascii: "]"))
    }

    /// `{"capacity":2,"enabled":{"capacity":true,…}}`: rule 19's capacity and every policy's switch.
    mutating func member(_ key: String, _ policies: CampaignPolicies?) {
        guard let policies else { return }
        var switches = CanonicalJSONWriter()
        for policy in ImpartialityPolicy.allCases.sorted(by: { $0.rawValue < $1.rawValue }) {
            switches.member(policy.rawValue, policies.enabled.contains(policy))
        }
        var object = CanonicalJSONWriter()
        object.member("capacity", policies.capacity)
        object.start("enabled")
        object.bytes.append(contentsOf: Array(switches.finish().utf8))
        start(key)
        bytes.append(contentsOf: Array(object.finish().utf8))
    }

    mutating func member(_ key: String, _ values: [String]?) {
        guard let values else { return }
        start(key)
        bytes.append(UInt8(ascii: "["))
        for (index, value) in values.enumerated() {
            if index > 0 { bytes.append(UInt8(ascii: ",")) }
            JSONString.append(value, to: &bytes)
        }
        bytes.append(UInt8(ascii: "]"))
    }

    mutating func finish() -> String {
        bytes.append(UInt8(ascii: "}"))
        return String(decoding: bytes, as: UTF8.self)
    }

    private mutating func start(_ key: String) {
        if !first { bytes.append(UInt8(ascii: ",")) }
        first = false
        JSONString.append(key, to: &bytes)
        bytes.append(UInt8(ascii: ":"))
    }

}
