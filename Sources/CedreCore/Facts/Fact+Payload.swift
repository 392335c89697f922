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
    /// The payload written to the log.
    public var payload: FactPayload {
        var payload = FactPayload()
        if let key, !kind.isCorrection {
            payload.member = key.member
            payload.scheme = key.scheme
        }
        switch self {
        case .memberAdded(let member, let joined):
            payload.member = member.id
            payload.joined = joined
            payload.name = member.name
            payload.type = member.typeCode
            payload.departement = member.departement
            payload.region = member.region
            payload.group = member.group
            payload.source = member.source
        case .memberLeft(let id):
            payload.member = id
        case .memberAmended(let id, let amendment):
            payload.member = id
            payload.name = amendment.name
            payload.type = amendment.types.map(CompanyType.code(for:))
            payload.departement = amendment.departement
            payload.region = amendment.region
            switch amendment.group {
            case .joined(let group): payload.group = group
            case .left: payload.ungrouped = true
            case nil: break
            }
        case .correction(let correction):
            payload.target = correction.target.rawValue
            payload.targetKind = correction.targetKind.rawValue
            payload.stream = correction.stream.description
            payload.reason = correction.reason
            if case .corrected(let dated) = correction.change {
                payload.correctedOn = dated.day
                payload.corrected = .payload(dated.fact.payload)
            }
        case .certificationEngaged, .certificationDecided, .certificationMaintained, .certificationRestored,
            .membershipApplied,
            .membershipJoined, .membershipReinstated:
            break
        case .certificationSuspended(_, let reason):
            payload.reason = reason.rawValue
        case .certificationWithdrawn(_, let reason):
            payload.reason = reason.rawValue
        case .auditPlanned(_, let audit, let kind, let scheduledOn, let auditors, let referential):
            payload.referential = referential
            payload.audit = audit
            payload.auditKind = kind.rawValue
            payload.scheduledOn = scheduledOn
            payload.auditors = auditors.isEmpty ? nil : auditors
        case .auditConfirmed(_, let audit, let scheduledOn, let auditors):
            payload.audit = audit
            payload.scheduledOn = scheduledOn
            payload.auditors = auditors
        case .auditPostponed(_, let audit, let day, let reason):
            payload.audit = audit
            payload.scheduledOn = day
            payload.reason = reason
        case .auditCancelled(_, let audit, let reason):
            payload.audit = audit
            payload.reason = reason
        case .auditConducted(_, let audit), .auditReported(_, let audit), .auditClosed(_, let audit):
            payload.audit = audit
        case .findingRaised(_, let finding, let audit, let grade, let requirement, let statement):
            payload.finding = finding
            payload.audit = audit
            payload.grade = grade
            payload.requirement = requirement
            payload.statement = statement
        case .findingCorrected(_, let finding, let statement), .findingPlanProposed(_, let finding, let statement):
            payload.finding = finding
            payload.statement = statement
        case .findingPlanAccepted(_, let finding, let due):
            payload.finding = finding
            payload.due = due
        case .findingImplemented(_, let finding):
            payload.finding = finding
        case .findingVerified(_, let finding, let effective):
            payload.finding = finding
            payload.effective = effective
        case .findingRegraded(_, let finding, let grade, let reason):
            payload.finding = finding
            payload.grade = grade
            payload.reason = reason
        case .findingAnswered(_, let finding, let affected, let statement):
            payload.finding = finding
            payload.affected = affected
            payload.statement = statement
        case .membershipSuspended(_, let reason), .membershipExcluded(_, let reason):
            payload.reason = reason
        case .membersLinked(let link):
            payload.member = link.first
            payload.other = link.second
            payload.linkKind = link.kind.rawValue
        case .auditorAdded(let auditor):
            payload.auditor = auditor.id
            payload.name = auditor.name
            payload.member = auditor.member
            payload.schemes = auditor.trainedOn.keys.sorted()
            payload.trainedOn = auditor.trainedOn.values.min()
            payload.validityMonths = auditor.validityMonths
        case .auditorQualified(let auditor, let scheme, let trainedOn):
            payload.auditor = auditor
            payload.scheme = scheme
            payload.trainedOn = trainedOn
        case .campaignPlanned(let scheme, let year, let seed, let assignments, let unassigned, let policies):
            payload.scheme = scheme
            payload.year = year
            payload.seed = String(seed)
            payload.assignments = assignments
            payload.unassigned = unassigned
            payload.policies = policies
        case .campaignSwapped(let scheme, let year, let assignment, let override):
            payload.scheme = scheme
            payload.year = year
            payload.assignments = [assignment]
            payload.override = override
        case .campaignPublished(let scheme, let year), .campaignCompleted(let scheme, let year):
            payload.scheme = scheme
            payload.year = year
        case .schemeAdded(let scheme):
            payload.scheme = scheme.id
            payload.definition = scheme.canonicalJSON
        case .sampleDrawn(let sample):
            payload.member = sample.central
            payload.scheme = sample.scheme
            payload.year = sample.year
            payload.auditKind = sample.audit.rawValue
            payload.mode = sample.mode.rawValue
            payload.seed = String(sample.seed)
            payload.sites = sample.sites
        }
        return payload
    }

    /// Rebuilds a fact from its kind and payload, naming the first missing or invalid field.
    public init(kind: Kind, payload: FactPayload) throws(FactPayloadError) {
        let reader = PayloadReader(payload: payload)
        switch kind {
        case .memberAdded:
            let code = try reader.required(payload.type, "type")
            guard let types = CompanyType.parse(code) else {
                throw FactPayloadError(field: "type", message: "'\(code)' is not a member type")
            }
            self = .memberAdded(Member(
                id: try reader.required(payload.member, "member"), name: try reader.required(payload.name, "name"),
                types: types, departement: try reader.required(payload.departement, "departement"),
                region: try reader.required(payload.region, "region"), group: payload.group, source: payload.source),
                joined: payload.joined)
        case .memberLeft:
            self = .memberLeft(try reader.required(payload.member, "member"))
        case .memberAmended:
            var amendment = MemberAmendment(
                name: payload.name, departement: payload.departement, region: payload.region,
                group: payload.group.map(MemberAmendment.GroupChange.joined))
            if let code = payload.type {
                guard let types = CompanyType.parse(code) else {
                    throw FactPayloadError(field: "type", message: "'\(code)' is not a member type")
                }
                amendment.types = types
            }
            if payload.ungrouped == true {
                guard payload.group == nil else {
                    throw FactPayloadError(field: "ungrouped", message: "cannot go with a new group")
                }
                amendment.group = .left
            }
            guard amendment != MemberAmendment() else {
                throw FactPayloadError(field: "member", message: "an amendment changes at least one of name, type, departement, region, group")
            }
            self = .memberAmended(try reader.required(payload.member, "member"), amendment)
        case .eventCorrected, .eventVoided:
            self = .correction(try Self.correction(kind, payload, reader))
        case .certificationEngaged:
            self = .certificationEngaged(try reader.key())
        case .certificationDecided:
            self = .certificationDecided(try reader.key())
        case .certificationMaintained:
            self = .certificationMaintained(try reader.key())
        case .certificationSuspended:
            self = .certificationSuspended(try reader.key(), reason: try reader.enumeration(payload.reason, "reason"))
        case .certificationRestored:
            self = .certificationRestored(try reader.key())
        case .certificationWithdrawn:
            self = .certificationWithdrawn(try reader.key(), reason: try reader.enumeration(payload.reason, "reason"))
        case .auditPlanned:
            self = .auditPlanned(
                try reader.key(), try reader.required(payload.audit, "audit"),
                kind: try reader.enumeration(payload.auditKind, "auditKind"),
                scheduledOn: try reader.required(payload.scheduledOn, "scheduledOn"), auditors: payload.auditors ?? [],
                referential: payload.referential)
        case .auditConfirmed:
            self = .auditConfirmed(
                try reader.key(), try reader.required(payload.audit, "audit"),
                scheduledOn: try reader.required(payload.scheduledOn, "scheduledOn"), auditors: payload.auditors ?? [])
        case .auditPostponed:
            self = .auditPostponed(
                try reader.key(), try reader.required(payload.audit, "audit"),
                to: try reader.required(payload.scheduledOn, "scheduledOn"), reason: payload.reason ?? "")
        case .auditCancelled:
            self = .auditCancelled(try reader.key(), try reader.required(payload.audit, "audit"), reason: payload.reason ?? "")
        case .auditConducted:
            self = .auditConducted(try reader.key(), try reader.required(payload.audit, "audit"))
        case .auditReported:
            self = .auditReported(try reader.key(), try reader.required(payload.audit, "audit"))
        case .auditClosed:
            self = .auditClosed(try reader.key(), try reader.required(payload.audit, "audit"))
        case .findingRaised:
            self = .findingRaised(
                try reader.key(), try reader.required(payload.finding, "finding"),
                audit: try reader.required(payload.audit, "audit"), grade: try reader.required(payload.grade, "grade"),
                requirement: try reader.required(payload.requirement, "requirement"), statement: payload.statement ?? "")
        case .findingCorrected:
            self = .findingCorrected(
                try reader.key(), try reader.required(payload.finding, "finding"),
                statement: try reader.required(payload.statement, "statement"))
        case .findingPlanProposed:
            self = .findingPlanProposed(
                try reader.key(), try reader.required(payload.finding, "finding"), statement: payload.statement ?? "")
        case .findingPlanAccepted:
            self = .findingPlanAccepted(try reader.key(), try reader.required(payload.finding, "finding"), due: payload.due)
        case .findingImplemented:
            self = .findingImplemented(try reader.key(), try reader.required(payload.finding, "finding"))
        case .findingVerified:
            self = .findingVerified(
                try reader.key(), try reader.required(payload.finding, "finding"),
                effective: try reader.required(payload.effective, "effective"))
        case .findingRegraded:
            self = .findingRegraded(
                try reader.key(), try reader.required(payload.finding, "finding"),
                grade: try reader.required(payload.grade, "grade"), reason: payload.reason ?? "")
        case .findingAnswered:
            self = .findingAnswered(
                try reader.key(), try reader.required(payload.finding, "finding"),
                affected: try reader.required(payload.affected, "affected"), statement: payload.statement ?? "")
        case .sampleDrawn:
            guard let seed = UInt64(try reader.required(payload.seed, "seed")) else {
                throw FactPayloadError(field: "seed", message: "must be a whole number written as text")
            }
            self = .sampleDrawn(SampleRecord(
                scheme: try reader.required(payload.scheme, "scheme"), central: try reader.required(payload.member, "member"),
                year: try reader.required(payload.year, "year"), audit: try reader.enumeration(payload.auditKind, "auditKind"),
                mode: try reader.enumeration(payload.mode, "mode"), seed: seed, sites: try reader.required(payload.sites, "sites")))
        case .membersLinked:
            self = .membersLinked(MemberLink(
                try reader.required(payload.member, "member"), try reader.required(payload.other, "other"),
                kind: try reader.enumeration(payload.linkKind, "linkKind")))
        case .auditorAdded:
            let trainedOn = try reader.required(payload.trainedOn, "trainedOn")
            let schemes = try reader.required(payload.schemes, "schemes")
            self = .auditorAdded(Auditor(
                id: try reader.required(payload.auditor, "auditor"), name: try reader.required(payload.name, "name"),
                member: try reader.required(payload.member, "member"),
                trainedOn: Dictionary(schemes.map { ($0, trainedOn) }, uniquingKeysWith: { first, _ in first }),
                validityMonths: payload.validityMonths))
        case .auditorQualified:
            self = .auditorQualified(
                try reader.required(payload.auditor, "auditor"), scheme: try reader.required(payload.scheme, "scheme"),
                trainedOn: try reader.required(payload.trainedOn, "trainedOn"))
        case .campaignPlanned:
            guard let seed = UInt64(try reader.required(payload.seed, "seed")) else {
                throw FactPayloadError(field: "seed", message: "must be a whole number written as text")
            }
            self = .campaignPlanned(
                scheme: try reader.required(payload.scheme, "scheme"), year: try reader.required(payload.year, "year"),
                seed: seed, assignments: payload.assignments ?? [], unassigned: payload.unassigned ?? [],
                policies: payload.policies)
        case .campaignSwapped:
            guard let assignment = try reader.required(payload.assignments, "assignments").first else {
                throw FactPayloadError(field: "assignments", message: "must hold the new assignment")
            }
            self = .campaignSwapped(
                scheme: try reader.required(payload.scheme, "scheme"), year: try reader.required(payload.year, "year"),
                assignment, override: payload.override)
        case .campaignPublished:
            self = .campaignPublished(scheme: try reader.required(payload.scheme, "scheme"), year: try reader.required(payload.year, "year"))
        case .campaignCompleted:
            self = .campaignCompleted(scheme: try reader.required(payload.scheme, "scheme"), year: try reader.required(payload.year, "year"))
        case .schemeAdded:
            self = .schemeAdded(try reader.scheme())
        case .membershipApplied:
            self = .membershipApplied(try reader.key())
        case .membershipJoined:
            self = .membershipJoined(try reader.key())
        case .membershipSuspended:
            self = .membershipSuspended(try reader.key(), reason: payload.reason ?? "")
        case .membershipReinstated:
            self = .membershipReinstated(try reader.key())
        case .membershipExcluded:
            self = .membershipExcluded(try reader.key(), reason: payload.reason ?? "")
        }
    }
}

extension Fact {
    /// A correction's payload read back: the target, and for a correction its corrected fact,
    /// which must keep the target's kind and stream.
    private static func correction(
        _ kind: Kind, _ payload: FactPayload, _ reader: PayloadReader
    ) throws(FactPayloadError) -> EventCorrection {
        let target = try reader.required(payload.target, "target")
        guard target > 0 else { throw FactPayloadError(field: "target", message: "must be an event number (1 or more)") }
        let targetKind: Kind = try reader.enumeration(payload.targetKind, "targetKind")
        let written = try reader.required(payload.stream, "stream")
        guard let stream = LogStream(written) else {
            throw FactPayloadError(field: "stream", message: "'\(written)' is not a stream of the log")
        }
        let reason = try reader.required(payload.reason, "reason")
        guard !reason.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else {
            throw FactPayloadError(field: "reason", message: "must say why")
        }
        guard kind == .eventCorrected else {
            return EventCorrection(target: EventID(target), targetKind: targetKind, stream: stream, change: .voided, reason: reason)
        }
        guard !targetKind.isCorrection else {
            throw FactPayloadError(field: "targetKind", message: "a correction is voided, never corrected")
        }
        let day = try reader.required(payload.correctedOn, "correctedOn")
        let content = try reader.required(payload.corrected, "corrected").value
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

private struct PayloadReader {
    let payload: FactPayload

    func required<Value>(_ value: Value?, _ field: String) throws(FactPayloadError) -> Value {
        guard let value else { throw FactPayloadError(field: field, message: "is required") }
        return value
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
}
