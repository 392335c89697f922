import Foundation

/// The JSON payload of a logged fact: every field any fact uses, each optional.
///
/// Encoded with sorted keys and no insignificant whitespace, so the stored text, and the
/// hash chain over it, is the same on every machine.
public struct FactPayload: Codable, Equatable, Sendable {
    public var member: MemberID?
    public var scheme: SchemeID?
    public var name: String?
    public var type: String?
    public var departement: String?
    public var region: String?
    public var group: MemberID?
    public var source: String?
    public var joined: Day?
    public var audit: AuditID?
    public var auditKind: String?
    public var scheduledOn: Day?
    public var auditors: [String]?
    public var finding: FindingID?
    public var grade: GradeID?
    public var requirement: RequirementID?
    public var statement: String?
    public var due: Day?
    public var effective: Bool?
    public var reason: String?
    public var affected: Bool?
    public var referential: String?
    public var year: Int?
    public var mode: String?
    public var seed: String?
    public var sites: [MemberID]?
    public var auditor: AuditorID?
    public var other: MemberID?
    public var linkKind: String?
    public var trainedOn: Day?
    public var schemes: [SchemeID]?
    public var assignments: [Campaign.Assignment]?
    public var unassigned: [MemberID]?
    public var override: String?
    public var validityMonths: Int?
    /// A member amendment that takes the member out of its GES.
    public var ungrouped: Bool?
    /// A correction's target event, its kind and its stream.
    public var target: Int64?
    public var targetKind: String?
    public var stream: String?
    /// A correction's corrected day and full corrected payload.
    public var correctedOn: Day?
    public var corrected: NestedPayload?
    /// The policies a campaign was planned with (`campaign.planned` only; absent in older plans).
    public var policies: CampaignPolicies?
    /// A scheme definition (rule 8b), as canonical JSON text.
    public var definition: String?

    public init() {}
}

/// A payload inside a payload: the corrected content a correction carries.
public indirect enum NestedPayload: Codable, Equatable, Sendable {
    case payload(FactPayload)

    public var value: FactPayload {
        switch self {
        case .payload(let payload): payload
        }
    }

    public init(from decoder: any Decoder) throws {
        self = .payload(try FactPayload(from: decoder))
    }

    public func encode(to encoder: any Encoder) throws {
        try value.encode(to: encoder)
    }
}

/// Why a payload does not make a fact; names the field, for import errors.
public struct FactPayloadError: Error, Equatable, Sendable, CustomStringConvertible {
    public let field: String
    public let message: String

    public init(field: String, message: String) {
        self.field = field
        self.message = message
    }

    public var description: String { "\(field): \(message)" }
}

extension Fact {
    /// The payload written to the log: the certification's member and scheme, then what the
    /// kind's declaration writes.
    public var payload: FactPayload {
        var payload = FactPayload()
        let kind = kind
        if let key, !kind.isCorrection {
            payload.member = key.member
            payload.scheme = key.scheme
        }
        kind.declaration.write(self, &payload)
        return payload
    }

    /// Rebuilds a fact from its kind and payload, naming the first missing or invalid field.
    ///
    /// The payload is taken, not copied: a replay reads a million of them.
    public init(kind: Kind, payload: consuming FactPayload) throws(FactPayloadError) {
        self = try kind.declaration.read(PayloadReader(payload: payload))
    }
}

/// A payload read field by field, each refusal naming its field.
struct PayloadReader {
    let payload: FactPayload

    /// The fields that name a certification.
    static let keyFields: [FactPayload.Field] = [.member, .scheme]

    func required<Value>(_ value: Value?, _ field: String) throws(FactPayloadError) -> Value {
        guard let value else { throw FactPayloadError(field: field, message: "is required") }
        return value
    }

    func key() throws(FactPayloadError) -> CertificationKey {
        CertificationKey(member: try required(payload.member, "member"), scheme: try required(payload.scheme, "scheme"))
    }

    func enumeration<Value: RawRepresentable & CaseIterable>(
        _ text: String?, _ field: String
    ) throws(FactPayloadError) -> Value where Value.RawValue == String {
        let raw = try required(text, field)
        guard let value = Value(rawValue: raw) else {
            let allowed = Value.allCases.map(\.rawValue).joined(separator: ", ")
            throw FactPayloadError(field: field, message: "'\(raw)' is not one of \(allowed)")
        }
        return value
    }

    /// The member types the `type` field writes (`AI+ACI`).
    func types() throws(FactPayloadError) -> [CompanyType] {
        let code = try required(payload.type, "type")
        guard let types = CompanyType.parse(code) else {
            throw FactPayloadError(field: "type", message: "'\(code)' is not a member type")
        }
        return types
    }

    /// A draw's seed, written as text: JSON numbers do not hold every 64-bit integer.
    func seed() throws(FactPayloadError) -> UInt64 {
        guard let seed = UInt64(try required(payload.seed, "seed")) else {
            throw FactPayloadError(field: "seed", message: "must be a whole number written as text")
        }
        return seed
    }

    /// The definition a `scheme.added` payload carries, under the id its `scheme` names.
    func scheme() throws(FactPayloadError) -> Scheme {
        let text = try required(payload.definition, "definition")
        let scheme: Scheme
        do {
            scheme = try JSONDecoder().decode(Scheme.self, from: Data(text.utf8))
        } catch {
            throw FactPayloadError(field: "definition", message: "is not a scheme definition (\(error))")
        }
        if let id = payload.scheme, id != scheme.id {
            throw FactPayloadError(field: "scheme", message: "names \(id) but the definition is \(scheme.id)")
        }
        return scheme
    }

    /// A correction's payload read back: the target, and for a correction (`corrected`) its
    /// corrected fact, which must keep the target's kind and stream.
    func correction(corrected: Bool) throws(FactPayloadError) -> EventCorrection {
        let target = try required(payload.target, "target")
        guard target > 0 else { throw FactPayloadError(field: "target", message: "must be an event number (1 or more)") }
        let targetKind: Fact.Kind = try enumeration(payload.targetKind, "targetKind")
        let written = try required(payload.stream, "stream")
        guard let stream = LogStream(written) else {
            throw FactPayloadError(field: "stream", message: "'\(written)' is not a stream of the log")
        }
        let reason = try required(payload.reason, "reason")
        guard !reason.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else {
            throw FactPayloadError(field: "reason", message: "must say why")
        }
        guard corrected else {
            return EventCorrection(target: EventID(target), targetKind: targetKind, stream: stream, change: .voided, reason: reason)
        }
        guard !targetKind.isCorrection else {
            throw FactPayloadError(field: "targetKind", message: "a correction is voided, never corrected")
        }
        let day = try required(payload.correctedOn, "correctedOn")
        let content = try required(payload.corrected, "corrected").value
        let fact: Fact
        do {
            fact = try Fact(kind: targetKind, payload: content)
        } catch {
            throw FactPayloadError(field: "corrected.\(error.field)", message: error.message)
        }
        guard fact.stream == stream else {
            throw FactPayloadError(field: "corrected", message: "would move the fact from \(stream) to \(fact.stream)")
        }
        return EventCorrection(
            target: EventID(target), targetKind: targetKind, stream: stream, change: .corrected(DatedFact(fact, on: day)),
            reason: reason)
    }
}
