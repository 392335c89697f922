import Foundation

/// A multi-site certificate (CEDRE ISO 9001): the central function's certification and the
/// sites in its scope, and the rules that bind them (rules 8–10 and 13).
///
/// Built from the dossiers of one group scheme; every rule here reads them as they stand
/// after the facts applied so far.
public struct GroupCertificate: Sendable {
    public let scheme: Scheme
    /// The dossier holding the group's certification: the central function's.
    public let central: Dossier?
    /// The sites' dossiers (those with a group membership), by member id.
    public let sites: [Dossier]

    public init(scheme: Scheme, dossiers: some Sequence<Dossier>) {
        self.init(scheme: scheme, inKeyOrder: dossiers.filter { $0.key.scheme == scheme.id }.sorted { $0.key < $1.key })
    }

    /// The group of `own`, the scheme's dossiers already in key order: what a network that keeps
    /// them so builds on every day a group rule is read.
    init(scheme: Scheme, inKeyOrder own: [Dossier]) {
        self.scheme = scheme
        let central = own.first { $0.certification != nil }
        self.central = central
        sites = own.filter { $0.membership != nil && $0.key != central?.key }
    }

    /// Every dossier of the group, central function first.
    public var dossiers: [Dossier] { (central.map { [$0] } ?? []) + sites }

    /// The site dossier of `member`.
    public func site(_ member: MemberID) -> Dossier? {
        sites.first { $0.key.member == member }
    }

    // MARK: Rule 8 (group part)

    /// Minors found on the same requirement at the share of audited sites the scheme names
    /// (75 %) in one external audit round (same kind, same year) become majors, on the day
    /// the last of them was raised. A round needs two audited sites at least.
    public func escalations(on day: Day) -> [FindingID: FindingStatus.Escalation] {
        guard let share = scheme.group?.minorEscalationSiteShare else { return [:] }
        struct Round: Hashable {
            let kind: Audit.Kind
            let year: Int
        }
        var auditedSites: [Round: Set<MemberID>] = [:]
        var roundOfAudit: [AuditID: Round] = [:]
        // Indices and stored fields: a calendar asks this on every day it evaluates, and each
        // site, audit and finding is read in place, where a loop's element is a copy of it.
        for site in sites.indices {
            for index in sites[site].audits.indices where sites[site].audits[index].kind.isExternal {
                guard let conducted = sites[site].audits[index].conductedOn, conducted <= day else { continue }
                let round = Round(kind: sites[site].audits[index].kind, year: conducted.year)
                auditedSites[round, default: []].insert(sites[site].key.member)
                roundOfAudit[sites[site].audits[index].id] = round
            }
        }
        struct Pattern: Hashable {
            let round: Round
            let requirement: RequirementID
        }
        var found: [Pattern: [(site: MemberID, finding: Finding)]] = [:]
        for site in sites.indices {
            for index in sites[site].findings.indices where sites[site].findings[index].raisedOn <= day {
                guard let round = roundOfAudit[sites[site].findings[index].audit],
                    scheme.grading.escalates(sites[site].findings[index].grade)
                else { continue }
                let finding = sites[site].findings[index]
                found[Pattern(round: round, requirement: finding.requirement), default: []].append((sites[site].key.member, finding))
            }
        }
        var escalations: [FindingID: FindingStatus.Escalation] = [:]
        for (pattern, items) in found {
            let audited = auditedSites[pattern.round]?.count ?? 0
            let affected = Set(items.map(\.site)).count
            guard audited >= 2, share.isReached(by: affected, of: audited),
                let on = items.map(\.finding.raisedOn).max()
            else { continue }
            for item in items {
                if let closed = item.finding.closedOn, closed <= on { continue }
                escalations[item.finding.id] = FindingStatus.Escalation(
                    on: on, audit: item.finding.audit, from: item.finding.grade,
                    cause: .foundAtGroupSites(sites: affected, audited: audited))
            }
        }
        return escalations
    }

    /// What every dossier of the group needs to grade its findings on `day`: the group's
    /// escalations, and the group certificate's expiry that caps the sites' deadlines (rule 6).
    public func findingContext(on day: Day) -> FindingContext {
        FindingContext(escalations: escalations(on: day), certificateExpiresOn: central?.certification?.expiresOn)
    }

    // MARK: Rule 9

    /// Every finding, at the central function or any site, that forbids a group decision on `day`.
    public func blockingFindings(on day: Day) -> [FindingBlock] {
        let context = findingContext(on: day)
        return dossiers.flatMap { $0.blockingFindings(on: day, context: context) }
    }

    /// The decision after a surveillance audit: maintained, or, while any site has an
    /// unresolved finding that blocks decisions, the whole group suspended (rule 9).
    public func surveillanceDecision(on day: Day) -> Fact? {
        guard let central else { return nil }
        return blockingFindings(on: day).isEmpty
            ? .certificationMaintained(central.key)
            : .certificationSuspended(central.key, reason: .groupMajorFinding)
    }

    // MARK: Rule 10

    /// Investigations opened by nonconformities raised at sites, with who has answered.
    public func investigations(on day: Day) -> [Investigation] {
        sites.flatMap { origin in
            origin.findings.filter { $0.raisedOn <= day && scheme.grading.grade($0.originalGrade)?.isNonconformity == true }
                .map { finding in
                    let covered = sites.filter { site in
                        site.key != origin.key && site.membership.map { membership in
                            membership.appliedOn <= finding.raisedOn
                                && (membership.excludedOn.map { $0 > finding.raisedOn } ?? true)
                        } == true
                    }.map(\.key.member)
                    let answers = sites.compactMap { site in
                        site.answers.first { $0.finding == finding.id && $0.on <= day }
                    }
                    return Investigation(finding: finding.id, site: origin.key.member, raisedOn: finding.raisedOn, covering: covered, answers: answers)
                }
        }
    }

    /// The finding at a site of this group, other than `member`, that an answer may refer to.
    public func findingOpeningAnInvestigation(_ id: FindingID, answeredBy member: MemberID) -> Finding? {
        sites.first { $0.key.member != member && $0.finding(id) != nil }?.finding(id)
    }

    // MARK: Rule 13

    /// What a candidate still lacks to join on `day`: its cross-audit, and an external audit
    /// (of the site, or of the group after it applied).
    public func missingBeforeJoining(_ member: MemberID, on day: Day) -> [JoinRequirement] {
        guard let site = site(member), let membership = site.membership else { return [.application] }
        var missing: [JoinRequirement] = []
        let conducted = site.audits.filter { $0.conductedOn.map { $0 <= day } == true }
        if scheme.group?.crossAuditBeforeExternalAudit == true, !conducted.contains(where: { $0.kind == .crossAudit }) {
            missing.append(.crossAudit)
        }
        let groupAudited = central?.audits.contains { audit in
            audit.kind.isExternal && audit.conductedOn.map { $0 >= membership.appliedOn && $0 <= day } == true
        } == true
        if !conducted.contains(where: { $0.kind.isExternal }) && !groupAudited {
            missing.append(.externalAudit)
        }
        return missing
    }
}

/// Rule 10: the investigation a finding at one site opens over every other site.
public struct Investigation: Equatable, Sendable {
    public let finding: FindingID
    /// The site where the finding was raised.
    public let site: MemberID
    public let raisedOn: Day
    /// The other sites in scope on that day: each must answer.
    public let covering: [MemberID]
    public let answers: [InvestigationAnswer]

    /// The sites that have not answered yet.
    public var awaiting: [MemberID] {
        covering.filter { member in !answers.contains { $0.site == member } }
    }

    /// Open until every covered site has answered.
    public var isOpen: Bool { !awaiting.isEmpty }
}
