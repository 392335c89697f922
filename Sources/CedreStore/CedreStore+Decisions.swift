import CedreCore
import GRDB

/// What `maintain` recorded after a surveillance audit.
public enum SurveillanceOutcome: Equatable, Sendable {
    /// The certificate is maintained.
    case maintained
    /// A site of the group has an unresolved finding that blocks decisions: the whole group
    /// certificate was suspended instead (rule 9).
    case groupSuspended
    /// Nothing was recorded: `key` is a site of a group scheme, whose certificate its central
    /// function holds.
    case notTheGroupCentral
}

/// What `confirmAudit` recorded: the day and the team an audit is confirmed for.
public struct AuditConfirmation: Equatable, Sendable {
    public let audit: AuditID
    public let day: Day
    public let auditors: [String]
}

extension CedreStore {
    /// An audit's day and team confirmed, read, decided and recorded in one transaction: the
    /// planned day and team unless others are given (auditor ids checked as `AuditorLookup`
    /// asks), the confirmation dated `confirmedOn`, else the earlier of the audit day and the
    /// context's today.
    public func confirmAudit(
        _ id: AuditID, on day: Day?, auditors: [String], confirmedOn: Day?, context: RecordingContext
    ) throws -> AuditConfirmation {
        let key = try certificationKey(ofAudit: id)
        return try decide(context: context) { db, _ in
            guard let current = try Self.unit(of: key, through: nil, catalog: catalog, in: db).dossiers[key]?.audit(id) else {
                throw StoreError.notFound(.audit(id, suggestion: nil))
            }
            let scheduled = day ?? current.scheduledOn
            let names = auditors.isEmpty ? current.auditors : try Self.auditorLookup(in: db).auditorNames(auditors, kind: current.kind)
            let confirmation = AuditConfirmation(audit: id, day: scheduled, auditors: names)
            let fact = Fact.auditConfirmed(key, id, scheduledOn: scheduled, auditors: names)
            return ([DatedFact(fact, on: confirmedOn ?? min(scheduled, context.today))], confirmation)
        }.outcome
    }

    /// The decision after a surveillance audit, read, decided and recorded in one transaction:
    /// maintained, or for a group certificate the suspension rule 9 requires.
    public func maintain(_ key: CertificationKey, on day: Day, context: RecordingContext) throws -> SurveillanceOutcome {
        try decide(context: context) { db, _ in
            guard catalog[key.scheme]?.kind == .group else { return ([DatedFact(.certificationMaintained(key), on: day)], .maintained) }
            let unit = try Self.unit(of: key, through: day, catalog: catalog, in: db)
            guard let group = unit.groupCertificate(key.scheme), group.central?.key == key,
                let decision = group.surveillanceDecision(on: day)
            else { return ([], .notTheGroupCentral) }
            let outcome: SurveillanceOutcome = if case .certificationSuspended = decision { .groupSuspended } else { .maintained }
            return ([DatedFact(decision, on: day)], outcome)
        }.outcome
    }

    /// A member leaves the federation: its departure, with what ends with it, in one
    /// transaction; returns the withdrawals and exclusions recorded with it.
    @discardableResult
    public func leave(_ member: MemberID, on day: Day, context: RecordingContext) throws -> [Fact] {
        _ = try existingMember(member)
        return try decide(context: context) { db, _ in
            let consequences = try Replay.network(through: day, catalog: catalog, in: db).departureConsequences(of: member, on: day)
            return ((consequences + [.memberLeft(member)]).map { DatedFact($0, on: day) }, consequences)
        }.outcome
    }
}
