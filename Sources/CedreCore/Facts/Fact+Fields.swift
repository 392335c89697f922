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

extension FactPayload.Field {
    private static let all = allCases
    /// Every field's name, looked up from its bytes: a replay reads four keys a payload, each made
    /// a `String` and compared with the names in turn before.
    private static let names = TextSlots(all.map(\.rawValue))

    /// The field named by the bytes `key`; nil when no payload has such a field.
    init?(key: UnsafeBufferPointer<UInt8>) {
        self.init(slot: Self.names.slot(of: UnsafeRawBufferPointer(key)))
    }

    /// The field named `key`; nil when no payload has such a field.
    init?(key: String) {
        self.init(slot: Self.names.slot(of: key))
    }

    private init?(slot: Int?) {
        guard let slot else { return nil }
        self = Self.all[slot]
    }
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
