import Foundation

/// A finding as the rules see it on a day: its grade after escalation, its deadline.
public struct FindingStatus: Equatable, Sendable {
    public let finding: Finding
    /// The grade in force: the recorded one, or the one rule 7 escalated it to.
    public let grade: GradeID
    /// Rule 7: the day the next audit found it still open, and that audit.
    public let escalation: Escalation?
    /// The last day to close it, when its grade has a day deadline (rule 6).
    public let deadline: Day?
    /// Whether its deadline passed with the finding still open and the grade says it matters.
    public let isOverdue: Bool

    /// An escalation derived from the facts: a minor still open at the next audit.
    public struct Escalation: Equatable, Sendable {
        public let on: Day
        public let audit: AuditID
        public let from: GradeID

        public init(on: Day, audit: AuditID, from: GradeID) {
            self.on = on
            self.audit = audit
            self.from = from
        }
    }
}

extension Dossier {
    /// Each finding's grade, deadline and lateness as of `day` (facts applied so far);
    /// `escalations` are those a group certificate decided (rule 8, group part).
    public func findingStatuses(on day: Day, escalations: [FindingID: FindingStatus.Escalation] = [:]) -> [FindingStatus] {
        findings.map { status(of: $0, on: day, escalation: escalations[$0.id]) }
    }

    /// One finding's status as of `day`, with a group escalation if there is one.
    public func status(of finding: Finding, on day: Day, escalation group: FindingStatus.Escalation? = nil) -> FindingStatus {
        let own = self.escalation(of: finding, on: day)
        let escalation = [own, group].compactMap { $0 }.min { $0.on < $1.on }
        let gradeID = escalation.flatMap { scheme.grading.grade($0.from)?.escalatesTo } ?? finding.grade
        let grade = scheme.grading.grade(gradeID)
        var deadline: Day?
        if case .daysAfterAudit(let days, let capped)? = grade?.deadline {
            let start = escalation?.on ?? finding.gradedOn
            deadline = start.adding(days: days)
            if capped, let expiresOn = certification?.expiresOn, let current = deadline, expiresOn < current {
                deadline = expiresOn
            }
        }
        let isOverdue = finding.isOpen && grade?.whenOverdue == .suspensionTrigger && deadline.map { day > $0 } == true
        return FindingStatus(finding: finding, grade: gradeID, escalation: escalation, deadline: deadline, isOverdue: isOverdue)
    }

    /// Rule 7: the first later external audit, conducted by `day`, at which the finding was
    /// still open, if its grade escalates.
    func escalation(of finding: Finding, on day: Day) -> FindingStatus.Escalation? {
        guard scheme.grading.grade(finding.grade)?.escalatesTo != nil else { return nil }
        let next = audits
            .filter { $0.kind.isExternal && $0.id != finding.audit }
            .compactMap { audit in audit.conductedOn.map { (audit.id, $0) } }
            .filter { $0.1 > finding.auditOn && $0.1 <= day }
            .min { $0.1 < $1.1 }
        guard let (audit, conductedOn) = next else { return nil }
        if let closedOn = finding.closedOn, closedOn <= conductedOn { return nil }
        return FindingStatus.Escalation(on: conductedOn, audit: audit, from: finding.grade)
    }

    /// Rules 6 and 7: the findings that forbid a certification decision on `day`.
    public func blockingFindings(on day: Day, escalations: [FindingID: FindingStatus.Escalation] = [:]) -> [FindingBlock] {
        findingStatuses(on: day, escalations: escalations).compactMap { status in
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
