import Foundation

extension Network {
    /// The planner's problem for `scheme`'s campaign of `year`, from what the facts say.
    ///
    /// Audited: every member standing under the scheme on 1 January of the year (engaged,
    /// certified, suspended, candidate or site), each due before its first external audit of the
    /// year (planned, or its surveillance or expiry day). Auditors: every trained auditor of the
    /// scheme; a company that only lends auditors is in the problem but needs no cross-audit.
    /// Links: GES membership and declared links. Rotation: last year's campaign and last year's
    /// cross-audits recorded as audits of the scheme with auditor ids (rule 17).
    public func crossAuditProblem(
        scheme: Scheme, year: Int, policies: CampaignPolicies, departements: DepartementDirectory,
        holidays: HolidayCalendar = .france, startOfYear register: CertificationRegister
    ) throws(CrossAuditProblemError) -> CrossAuditProblem {
        let active: Set<Standing> = [.candidate, .engaged, .initialAuditPlanned, .audited, .certified, .suspended]
        var audited: [MemberID: CrossAuditProblem.Member] = [:]
        for status in register.allStatuses where status.scheme == scheme.id && active.contains(status.standing) {
            guard let record = members[status.member], record.isMember(on: register.day) else { continue }
            audited[status.member] = CrossAuditProblem.Member(
                id: status.member, departement: record.member.departement, group: record.member.group,
                externalAuditOn: externalAuditDay(of: CertificationKey(member: status.member, scheme: scheme.id), in: year))
        }
        let trained = auditors.values.filter { $0.trainedOn[scheme.id] != nil }.sorted { $0.id < $1.id }
        for auditor in trained where audited[auditor.member] == nil {
            guard let record = members[auditor.member] else { continue }
            audited[auditor.member] = CrossAuditProblem.Member(
                id: auditor.member, departement: record.member.departement, group: record.member.group, needsCrossAudit: false)
        }
        let problemAuditors = trained.compactMap { auditor -> CrossAuditProblem.Auditor? in
            guard let trainedOn = auditor.trainedOn[scheme.id] else { return nil }
            return CrossAuditProblem.Auditor(
                id: auditor.id, name: auditor.name, member: auditor.member, schemes: Set(auditor.trainedOn.keys),
                trainedOn: trainedOn, validityMonths: auditor.validityMonths ?? scheme.crossAudit.qualificationValidityMonths)
        }
        return try CrossAuditProblem(
            scheme: scheme.id, year: year, members: audited.values.sorted { $0.id < $1.id }, auditors: problemAuditors,
            declaredLinks: Set(links.map { CrossAuditProblem.MemberPair($0.first, $0.second) }),
            previousCampaign: crossAudits(of: scheme.id, in: year - 1), policies: policies.enabled,
            capacity: policies.capacity, departements: departements, holidays: holidays)
    }

    /// Rule 17: who audited whom in `year` — the campaign's assignments, and the cross-audits
    /// recorded as audits of the scheme (not cancelled) that name auditors by their ids.
    func crossAudits(of scheme: SchemeID, in year: Int) -> Set<CrossAuditProblem.PreviousAudit> {
        var pairs = Set(campaign(scheme, year: year)?.assignments.compactMap { assignment in
            auditors[assignment.auditor].map { CrossAuditProblem.PreviousAudit(audited: assignment.member, auditing: $0.member) }
        } ?? [])
        for (key, dossier) in dossiers where key.scheme == scheme {
            for audit in dossier.audits where audit.kind == .crossAudit && audit.state != .cancelled {
                guard (audit.conductedOn ?? audit.scheduledOn).year == year else { continue }
                for name in audit.auditors {
                    guard let auditor = auditors[AuditorID(rawValue: name)] else { continue }
                    pairs.insert(CrossAuditProblem.PreviousAudit(audited: key.member, auditing: auditor.member))
                }
            }
        }
        return pairs
    }

    /// The day of the member's first external audit in `year`: one scheduled, or else the
    /// deadline of its surveillance or of its certificate, when it falls in the year.
    func externalAuditDay(of key: CertificationKey, in year: Int) -> Day? {
        let dossier = dossiers[key]
        let group = dossier?.membership != nil ? groupCertificate(key.scheme)?.central : nil
        let audits = (dossier?.audits ?? []) + (group?.audits ?? [])
        let scheduled = audits.filter { $0.kind.isExternal && $0.state != .cancelled && $0.scheduledOn.year == year }
            .map { $0.conductedOn ?? $0.scheduledOn }.min()
        if let scheduled { return scheduled }
        let certification = (group ?? dossier)?.certification?.advance(to: Day.firstDay(ofYear: year))
        return [certification?.nextSurveillanceDueBy, certification?.expiresOn].compactMap { $0 }.filter { $0.year == year }.min()
    }
}

extension CrossAuditProblem {
    /// What an assignment breaks, given the other assignments of the plan: the enabled
    /// policies of rules 15–20, and the calendar (a day of the year, before the member's external
    /// audit, the auditor not booked twice that day). An auditor or member the problem does not
    /// know breaks the calendar: no day of this campaign can hold it.
    public func violations(of assignment: Campaign.Assignment, among others: [Campaign.Assignment]) -> [CrossAuditConstraint] {
        guard let member = members.first(where: { $0.id == assignment.member }),
            let auditor = auditors.first(where: { $0.id == assignment.auditor })
        else { return [.calendar] }
        let company = auditor.member
        let rest = others.filter { $0.member != assignment.member }
        func groupKey(_ id: MemberID) -> MemberID? {
            members.first { $0.id == id }?.group ?? (members.contains { $0.group == id } ? id : nil)
        }
        var broken: [CrossAuditConstraint] = []
        if policies.contains(.ownCompany), company == member.id { broken.append(.ownCompany) }
        if policies.contains(.sameGroup), let group = groupKey(member.id), group == groupKey(company) { broken.append(.sameGroup) }
        if policies.contains(.declaredLink), declaredLinks.contains(MemberPair(company, member.id)) { broken.append(.declaredLink) }
        if policies.contains(.qualification),
            !(auditor.schemes.contains(scheme) && assignment.day >= auditor.trainedOn && assignment.day <= auditor.qualifiedUntil)
        {
            broken.append(.qualification)
        }
        if policies.contains(.rotation), previousCampaign.contains(PreviousAudit(audited: member.id, auditing: company)) {
            broken.append(.rotation)
        }
        if policies.contains(.reciprocal), rest.contains(where: { other in
            other.member == company && auditors.first { $0.id == other.auditor }?.member == member.id
        }) {
            broken.append(.reciprocal)
        }
        if policies.contains(.capacity), rest.filter({ $0.auditor == assignment.auditor }).count >= capacity {
            broken.append(.capacity)
        }
        if policies.contains(.workingDay), !holidays.isWorkingDay(assignment.day, departement: member.departement) {
            broken.append(.workingDay)
        }
        let beforeExternal = member.externalAuditOn.map { assignment.day < $0 } ?? true
        if assignment.day.year != year || !beforeExternal
            || rest.contains(where: { $0.auditor == assignment.auditor && $0.day == assignment.day })
        {
            broken.append(.calendar)
        }
        return broken
    }
}
