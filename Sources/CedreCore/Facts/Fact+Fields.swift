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
