import Foundation

extension FactPayload {
    /// A payload field as the log's JSON, a facts import and `events.schema.json` name it.
    ///
    /// Also the payload's coding keys, so a field named here that the payload does not have
    /// fails to compile.
    public enum Field: String, CodingKey, CaseIterable, Sendable {
        case member, scheme, name, type, departement, region, group, source, joined
        case audit, auditKind, scheduledOn, auditors
        case finding, grade, requirement, statement, due, effective, reason, affected, referential
        case year, mode, seed, sites, auditor, other, linkKind, trainedOn, schemes
        case assignments, unassigned, override, validityMonths, ungrouped
        case target, targetKind, stream, correctedOn, corrected, policies, definition
    }

    typealias CodingKeys = Field
}

/// What a fact kind's payload must hold and what it may hold besides.
public struct PayloadFields: Equatable, Sendable {
    public let required: [FactPayload.Field]
    public let optional: [FactPayload.Field]

    init(_ required: [FactPayload.Field], optional: [FactPayload.Field] = []) {
        self.required = required
        self.optional = optional
    }

    /// Whether a payload of this kind may hold `field`.
    public func allows(_ field: FactPayload.Field) -> Bool {
        required.contains(field) || optional.contains(field)
    }
}

extension Fact.Kind {
    /// The one declaration of what each kind's payload carries.
    ///
    /// `events.schema.json` and `export.schema.json` hold it as one condition per kind, so an
    /// import refuses a missing field, or a field the kind does not carry, before anything is
    /// written; a test holds both files and the payload codec to it, kind by kind.
    public var fields: PayloadFields {
        let key: [FactPayload.Field] = [.member, .scheme]
        return switch self {
        case .memberAdded:
            PayloadFields([.member, .name, .type, .departement, .region], optional: [.joined, .group, .source])
        case .memberLeft: PayloadFields([.member])
        case .memberAmended: PayloadFields([.member], optional: [.name, .type, .departement, .region, .group, .ungrouped])
        case .certificationEngaged, .certificationDecided, .certificationMaintained, .certificationRestored,
            .membershipApplied, .membershipJoined, .membershipReinstated:
            PayloadFields(key)
        case .certificationSuspended, .certificationWithdrawn: PayloadFields(key + [.reason])
        case .membershipSuspended, .membershipExcluded: PayloadFields(key, optional: [.reason])
        case .auditPlanned:
            PayloadFields(key + [.audit, .auditKind, .scheduledOn], optional: [.auditors, .referential])
        case .auditConfirmed: PayloadFields(key + [.audit, .scheduledOn], optional: [.auditors])
        case .auditPostponed: PayloadFields(key + [.audit, .scheduledOn], optional: [.reason])
        case .auditCancelled: PayloadFields(key + [.audit], optional: [.reason])
        case .auditConducted, .auditReported, .auditClosed: PayloadFields(key + [.audit])
        case .findingRaised:
            PayloadFields(key + [.finding, .audit, .grade, .requirement], optional: [.statement])
        case .findingCorrected: PayloadFields(key + [.finding, .statement])
        case .findingPlanProposed: PayloadFields(key + [.finding], optional: [.statement])
        case .findingPlanAccepted: PayloadFields(key + [.finding], optional: [.due])
        case .findingImplemented: PayloadFields(key + [.finding])
        case .findingVerified: PayloadFields(key + [.finding, .effective])
        case .findingRegraded: PayloadFields(key + [.finding, .grade], optional: [.reason])
        case .findingAnswered: PayloadFields(key + [.finding, .affected], optional: [.statement])
        case .sampleDrawn: PayloadFields(key + [.year, .auditKind, .mode, .seed, .sites])
        case .membersLinked: PayloadFields([.member, .other, .linkKind])
        case .auditorAdded: PayloadFields([.auditor, .name, .member, .schemes, .trainedOn], optional: [.validityMonths])
        case .auditorQualified: PayloadFields([.auditor, .scheme, .trainedOn])
        case .campaignPlanned:
            PayloadFields([.scheme, .year, .seed], optional: [.assignments, .unassigned, .policies])
        case .campaignSwapped: PayloadFields([.scheme, .year, .assignments], optional: [.override])
        case .campaignPublished, .campaignCompleted: PayloadFields([.scheme, .year])
        case .eventCorrected: PayloadFields([.target, .targetKind, .stream, .reason, .correctedOn, .corrected])
        case .eventVoided: PayloadFields([.target, .targetKind, .stream, .reason])
        case .schemeAdded: PayloadFields([.definition], optional: [.scheme])
        }
    }
}
