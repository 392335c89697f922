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
        for member in members where !member.value.isNull {
            guard let field = Field(key: member.key) else {
                throw FactPayloadError(field: member.key, message: "is not a field of any fact")
            }
            try Self.read(field, member.value, into: &self)
        }
    }

    /// Fills `payload`, empty, from a stored payload written in the flat form
    /// (`JSONParser.forEachFlatMember`), as a replay reads nearly every one, without a document
    /// built and taken apart. False for any other text and for a member it cannot read (what it
    /// filled is then to be forgotten): `init(json:)` reads the parsed text, or names the field
    /// at fault.
    ///
    /// The fields are filled in place: built apart, in a function that returns it or in an
    /// initializer whose closure sets its fields, the payload was copied whole once more and the
    /// first one released, field by field (a rebuild of the 5,000-member network: 137 M of
    /// 3,640 M instructions, `valgrind --tool=callgrind`; read by such an initializer and then
    /// copied into its fact, 86 M of 3,185 M).
    public static func read(flatJSON text: String, into payload: inout FactPayload) -> Bool {
        JSONParser.forEachFlatMember(text) { key, value in
            guard let field = Field(key: key) else { return false }
            return (try? read(field, value, into: &payload)) != nil
        }
    }

    /// Sets the field `field` of `payload` from `value`, naming the field when the value is not
    /// of its type.
    private static func read(_ key: Field, _ value: some PayloadValue, into payload: inout FactPayload) throws(FactPayloadError) {
        let field = key.rawValue
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
            guard let texts = value.textsValue else { throw FactPayloadError(field: field, message: "must be a list of texts") }
            return texts
        }
        func document() throws(FactPayloadError) -> JSONValue {
            // A flat payload holds no object: its reader leaves such a member to `init(json:)`.
            guard let document = value.document else { throw FactPayloadError(field: field, message: "must be an object") }
            return document
        }
        switch key {
        case .member: payload.member = MemberID(rawValue: try text())
        case .scheme: payload.scheme = SchemeID(rawValue: try text())
        case .audit: payload.audit = AuditID(rawValue: try text())
        case .finding: payload.finding = FindingID(rawValue: try text())
        case .scheduledOn: payload.scheduledOn = try day()
        case .auditors: payload.auditors = try texts()
        case .statement: payload.statement = try text()
        case .auditKind: payload.auditKind = try text()
        case .requirement: payload.requirement = RequirementID(rawValue: try text())
        case .grade: payload.grade = GradeID(rawValue: try text())
        case .type: payload.type = try text()
        case .source: payload.source = try text()
        case .region: payload.region = try text()
        case .name: payload.name = try text()
        case .joined: payload.joined = try day()
        case .departement: payload.departement = try text()
        case .effective: payload.effective = try flag()
        case .reason: payload.reason = try text()
        case .group: payload.group = MemberID(rawValue: try text())
        case .due: payload.due = try day()
        case .affected: payload.affected = try flag()
        case .assignments:
            guard let items = try document().arrayValue else { throw FactPayloadError(field: field, message: "must be a list of assignments") }
            var list: [Campaign.Assignment] = []
            for item in items {
                guard let member = item["member"]?.stringValue, let auditor = item["auditor"]?.stringValue,
                    let day = item["day"]?.stringValue.flatMap({ Day($0) })
                else { throw FactPayloadError(field: field, message: "each assignment needs member, auditor and day") }
                list.append(Campaign.Assignment(member: MemberID(rawValue: member), auditor: AuditorID(rawValue: auditor), day: day))
            }
            payload.assignments = list
        case .auditor: payload.auditor = AuditorID(rawValue: try text())
        case .corrected: payload.corrected = .payload(try FactPayload(json: document()))
        case .correctedOn: payload.correctedOn = try day()
        case .definition: payload.definition = try text()
        case .linkKind: payload.linkKind = try text()
        case .mode: payload.mode = try text()
        case .other: payload.other = MemberID(rawValue: try text())
        case .override: payload.override = try text()
        case .policies: payload.policies = try CampaignPolicies(payload: document())
        case .referential: payload.referential = try text()
        case .schemes: payload.schemes = try texts().map(SchemeID.init(rawValue:))
        case .seed: payload.seed = try text()
        case .sites: payload.sites = try texts().map(MemberID.init(rawValue:))
        case .stream: payload.stream = try text()
        case .target:
            guard let number = value.intValue else { throw FactPayloadError(field: field, message: "must be a whole number") }
            payload.target = Int64(number)
        case .targetKind: payload.targetKind = try text()
        case .trainedOn: payload.trainedOn = try day()
        case .unassigned: payload.unassigned = try texts().map(MemberID.init(rawValue:))
        case .ungrouped: payload.ungrouped = try flag()
        case .validityMonths:
            guard let number = value.intValue else { throw FactPayloadError(field: field, message: "must be a whole number") }
            payload.validityMonths = number
        case .year:
            guard let number = value.intValue else { throw FactPayloadError(field: field, message: "must be a whole number") }
            payload.year = number
        }
    }
}

/// A member's value as `FactPayload` reads it: from a parsed document, or from a flat
/// payload's bytes.
protocol PayloadValue {
    var stringValue: String? { get }
    var boolValue: Bool? { get }
    var intValue: Int? { get }
    /// The texts of a list of texts; nil for anything else.
    var textsValue: [String]? { get }
    /// The value as a document, for the members that hold objects; nil when it is none.
    var document: JSONValue? { get }
}

extension JSONValue: PayloadValue {
    var textsValue: [String]? {
        guard let items = arrayValue else { return nil }
        var texts: [String] = []
        for item in items {
            guard let text = item.stringValue else { return nil }
            texts.append(text)
        }
        return texts
    }

    var document: JSONValue? { self }
}

extension FlatValue: PayloadValue {
    var stringValue: String? {
        guard case .text(let text) = self else { return nil }
        return text
    }

    var boolValue: Bool? {
        guard case .bool(let flag) = self else { return nil }
        return flag
    }

    var intValue: Int? {
        guard case .wholeNumber(let number) = self else { return nil }
        return number
    }

    var textsValue: [String]? {
        guard case .texts(let texts) = self else { return nil }
        return texts
    }

    var document: JSONValue? { nil }
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
