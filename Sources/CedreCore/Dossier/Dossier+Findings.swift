import Foundation

/// A finding as the rules see it on a day: its grade after escalation, its deadline.
public struct FindingStatus: Equatable, Sendable {
    public let finding: Finding
    /// The grade in force: the recorded one, or the one rule 7 or rule 8 escalated it to.
    public let grade: GradeID
    /// Rule 7 or rule 8: why and when it was escalated, if it was.
    public let escalation: Escalation?
    /// The last day to close it, when its grade has a day deadline (rules 6 and 24).
    public let deadline: Day?
    /// Whether its deadline passed with the finding still open and the grade says it matters.
    public let isOverdue: Bool

    /// An escalation derived from the facts: a minor still open at the next audit (rule 7), or
    /// found at enough of a group's audited sites (rule 8).
    public struct Escalation: Equatable, Sendable {
        /// What made the finding take the grade its grade escalates to.
        public enum Cause: Equatable, Sendable {
            /// Rule 7: still open when `audit`, a later external audit, was conducted.
            case stillOpenAtNextAudit
            /// Rule 8 (group part): the same requirement failed at `sites` of the `audited`
            /// sites of one external audit round.
            case foundAtGroupSites(sites: Int, audited: Int)
        }

        /// The day it took effect: the later audit's day, or the day the last of the group's
        /// findings was raised.
        public let on: Day
        /// The audit it rests on: the later audit (rule 7) or the one that raised it (rule 8).
        public let audit: AuditID
        public let from: GradeID
        public let cause: Cause

        public init(on: Day, audit: AuditID, from: GradeID, cause: Cause) {
            self.on = on
            self.audit = audit
            self.from = from
            self.cause = cause
        }

        /// Why it was escalated, for a finding's history.
        public var reason: String {
            switch cause {
            case .stillOpenAtNextAudit:
                "still open at audit \(audit) on \(on) (rule 7)"
            case .foundAtGroupSites(let sites, let audited):
                "found on the same requirement at \(sites) of the \(audited) sites audited in the round (rule 8)"
            }
        }

        /// Rule 24: the day the deadline of the grade it took counts from.
        func deadlineStart(of finding: Finding) -> Day {
            switch cause {
            case .stillOpenAtNextAudit: on
            case .foundAtGroupSites: finding.auditOn
            }
        }
    }
}

/// What a dossier's findings depend on beyond the dossier: its group's escalations (rule 8)
/// and, for a group site, the group certificate whose expiry caps its deadlines (rule 6).
///
/// `Network.findingContext(for:on:)` builds it; a single-site dossier needs `.none`.
public struct FindingContext: Equatable, Sendable {
    /// The findings the group made major (rule 8, group part).
    public var escalations: [FindingID: FindingStatus.Escalation]
    /// For a group site: the expiry of the group's certificate.
    public var certificateExpiresOn: Day?

    public init(escalations: [FindingID: FindingStatus.Escalation] = [:], certificateExpiresOn: Day? = nil) {
        self.escalations = escalations
        self.certificateExpiresOn = certificateExpiresOn
    }

    /// No group around the dossier.
    public static let none = FindingContext()
}

extension Dossier {
    /// Each finding's grade, deadline and lateness as of `day` (facts applied so far).
    public func findingStatuses(on day: Day, context: FindingContext) -> [FindingStatus] {
        findings.map { status(of: $0, on: day, context: context) }
    }

    /// Rules 6, 7, 8 and 24, the one place a finding's grade and deadline are decided: the
    /// grade escalation gives it, the deadline of that grade counted from the audit that
    /// raised it (from the later audit for rule 7), capped at the certificate's expiry.
    public func status(of finding: Finding, on day: Day, context: FindingContext) -> FindingStatus {
        let escalation = Self.earlier(self.escalation(of: finding, on: day), context.escalations[finding.id])
        let gradeID = escalation.flatMap { scheme.grading.grade($0.from)?.escalatesTo } ?? finding.grade
        let grade = scheme.grading.grade(gradeID)
        var deadline: Day?
        if case .daysAfterAudit(let days, let capped)? = grade?.deadline {
            let due = (escalation?.deadlineStart(of: finding) ?? finding.auditOn).adding(days: days)
            let expiresOn = certification?.expiresOn ?? context.certificateExpiresOn
            deadline = capped ? min(due, expiresOn ?? due) : due
        }
        let isOverdue = finding.isOpen && grade?.whenOverdue == .suspensionTrigger && deadline.map { day > $0 } == true
        return FindingStatus(finding: finding, grade: gradeID, escalation: escalation, deadline: deadline, isOverdue: isOverdue)
    }

    /// Rule 7: the first later external audit, conducted by `day`, at which the finding was
    /// still open, if its grade escalates.
    ///
    /// One pass over the audits, keeping the first of the earliest: a calendar asks this of
    /// every finding on every day it evaluates.
    func escalation(of finding: Finding, on day: Day) -> FindingStatus.Escalation? {
        guard scheme.grading.escalates(finding.grade) else { return nil }
        // Indices, not elements: each audit is read in place rather than copied.
        var next: (index: Int, on: Day)?
        for index in audits.indices where audits[index].kind.isExternal {
            guard let conductedOn = audits[index].conductedOn, conductedOn > finding.auditOn, conductedOn <= day,
                next.map({ conductedOn < $0.on }) ?? true, audits[index].id != finding.audit
            else { continue }
            next = (index, conductedOn)
        }
        guard let next else { return nil }
        if let closedOn = finding.closedOn, closedOn <= next.on { return nil }
        return FindingStatus.Escalation(
            on: next.on, audit: audits[next.index].id, from: finding.grade, cause: .stillOpenAtNextAudit)
    }

    /// The escalation that took effect first, the dossier's own on a tie.
    private static func earlier(
        _ own: FindingStatus.Escalation?, _ group: FindingStatus.Escalation?
    ) -> FindingStatus.Escalation? {
        guard let own, let group else { return own ?? group }
        return group.on < own.on ? group : own
    }

    /// Rules 6 and 7: the findings that forbid a certification decision on `day`.
    public func blockingFindings(on day: Day, context: FindingContext = .none) -> [FindingBlock] {
        findingStatuses(on: day, context: context).compactMap { status in
            guard status.finding.isOpen, let grade = scheme.grading.grade(status.grade) else { return nil }
            switch grade.decision {
            case .blocksUntilVerified:
                break
            case .blocksUntilPlanAccepted:
                if status.finding.hasAcceptedPlan { return nil }
            case .none:
                return nil
            }
            return FindingBlock(
                finding: status.finding.id, grade: status.grade, state: status.finding.state.rawValue,
                missing: grade.decision, member: key.member)
        }
    }
}

extension Network {
    /// What the findings of `dossier` depend on outside it on `day`: for a group site or
    /// central function, the group's escalations and certificate; nothing for a single site.
    public func findingContext(for dossier: Dossier, on day: Day) -> FindingContext {
        guard dossier.scheme.kind == .group, let group = groupCertificate(dossier.key.scheme) else { return .none }
        return group.findingContext(on: day)
    }

    /// The context of every group scheme on `day`, computed once for views that read many dossiers.
    public func findingContexts(on day: Day) -> [SchemeID: FindingContext] {
        var contexts: [SchemeID: FindingContext] = [:]
        for scheme in catalog.schemes where scheme.kind == .group {
            contexts[scheme.id] = groupCertificate(scheme.id)?.findingContext(on: day)
        }
        return contexts
    }

    /// Every finding of `key` as the rules give it on `day` (the network holds the facts up to
    /// `day`): what `finding show` and `audit show` show.
    public func findingStatuses(of key: CertificationKey, on day: Day) -> [FindingStatus] {
        guard let dossier = dossiers[key] else { return [] }
        return dossier.advance(to: day).findingStatuses(on: day, context: findingContext(for: dossier, on: day))
    }

    /// Every finding of every dossier as the rules give it on `day`, in dossier order: what
    /// `finding list` shows.
    public func findingStatuses(on day: Day) -> [FindingStatus] {
        let contexts = findingContexts(on: day)
        return dossiers.keys.sorted().flatMap { key in
            dossiers[key].map { $0.advance(to: day).findingStatuses(on: day, context: contexts[key.scheme] ?? .none) } ?? []
        }
    }
}
