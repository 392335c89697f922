import Foundation

extension Audit.Kind {
    /// Rule 13: an audit of the certification cycle, before which every site of a group is
    /// cross-audited (a stage 1 readiness review and a special audit are not).
    public var needsSitesCrossAudited: Bool {
        switch self {
        case .initial, .stage2, .surveillance, .recertification: true
        case .stage1, .special, .crossAudit: false
        }
    }
}

extension GroupCertificate {
    // MARK: Rule 13, at every external audit

    /// The central function's cycle audits, not cancelled, in the order they take place.
    private var cycleAudits: [Audit] {
        (central?.audits ?? []).filter { $0.kind.needsSitesCrossAudited && $0.state != .cancelled }
            .sorted { ($0.conductedOn ?? $0.scheduledOn, $0.id) < ($1.conductedOn ?? $1.scheduledOn, $1.id) }
    }

    /// The group's external audit `check` watches on `day`: the last one planned by then,
    /// held or not; nil while the group certificate is not running.
    public func currentCycleAudit(on day: Day) -> Audit? {
        guard let state = central?.certification?.advance(to: day).state, state != .withdrawn, state != .lapsed else { return nil }
        return cycleAudits.last { $0.plannedOn <= day }
    }

    /// The last external audit conducted by `day`: the one a group decision on `day` follows.
    public func lastConductedCycleAudit(by day: Day) -> Audit? {
        cycleAudits.last { $0.conductedOn.map { $0 <= day } == true }
    }

    /// Rule 13: the sites in the scope of `audit` (members on the day it was held, or on
    /// `day` while it is pending) with no cross-audit conducted after the group's previous
    /// external audit and by the day of this one.
    public func sitesMissingCrossAudit(before audit: Audit, on day: Day) -> [MemberID] {
        guard scheme.group?.crossAuditBeforeExternalAudit == true else { return [] }
        let held = audit.conductedOn ?? day
        let previous = cycleAudits.compactMap(\.conductedOn).filter { $0 < held }.max()
        // Indices and stored fields: a calendar asks this on every day it evaluates, and each
        // site and audit is read in place, where a loop's element is a copy of it.
        return sites.indices.filter { site in
            guard let membership = sites[site].membership, membership.state == .member || membership.state == .suspended,
                let joinedOn = membership.joinedOn, joinedOn <= held
            else { return false }
            return !sites[site].audits.indices.contains { index in
                guard sites[site].audits[index].kind == .crossAudit, let on = sites[site].audits[index].conductedOn else { return false }
                return on <= held && previous.map { on > $0 } ?? true
            }
        }.map { sites[$0].key.member }
    }

    /// Rule 13: one `cross-audit-missing` notice for each site not cross-audited before the
    /// group's current external audit, due the day that audit was planned.
    func crossAuditNotices(on day: Day) -> [Notice] {
        guard let audit = currentCycleAudit(on: day) else { return [] }
        return sitesMissingCrossAudit(before: audit, on: day).map { member in
            let key = CertificationKey(member: member, scheme: scheme.id)
            return Notice(
                rule: .crossAuditMissing, key: key, subject: Notice.subject(of: key, audit.id.rawValue), due: audit.plannedOn)
        }
    }
}

extension Network {
    /// Rule 13's notices of every group scheme (`GroupCertificate.crossAuditNotices(on:)`).
    func crossAuditNotices(on day: Day) -> [Notice] {
        catalog.schemes.filter { $0.kind == .group }.flatMap { scheme in
            groupCertificate(scheme.id)?.crossAuditNotices(on: day) ?? []
        }
    }
}
