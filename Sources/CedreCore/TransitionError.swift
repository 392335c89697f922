import Foundation

/// Why a fact was refused by a machine or by the rules that tie machines together.
///
/// A refused fact changes nothing; the store turns the error into exit code 65 and one
/// sentence that says what was wrong.
public enum TransitionError: Error, Equatable, Sendable {
    /// The event is not allowed in the state the machine is in on that day.
    case illegal(machine: String, subject: String, state: String, event: String, on: Day)
    /// Rules 6 and 7: a certification decision while findings still block it.
    case blockedByFindings(CertificationKey, findings: [FindingBlock], on: Day)
    /// Rule 1: a renewal or restoration decided without a recertification audit in the cycle.
    case recertificationAuditMissing(CertificationKey, on: Day)
    /// An audit is closed while some of its findings are neither closed nor accepted.
    case auditHasOpenFindings(AuditID, findings: [FindingID])
    /// A fact about a certification that was never engaged.
    case notEngaged(CertificationKey, on: Day)
    /// A second engagement of a certification that is still running.
    case alreadyEngaged(CertificationKey, on: Day)
    /// A fact names an audit this certification does not have (yet, on that day).
    case unknownAudit(AuditID, CertificationKey, on: Day)
    /// A fact names a finding this certification does not have (yet, on that day).
    case unknownFinding(FindingID, CertificationKey, on: Day)
    /// An audit id is used twice.
    case duplicateAudit(AuditID)
    /// A finding id is used twice.
    case duplicateFinding(FindingID)
    /// The grade is not on the scheme's grading scale.
    case unknownGrade(GradeID, scheme: SchemeID)
    /// The audit kind does not apply to this kind of scheme or member.
    case auditKindNotApplicable(AuditID, kind: String, CertificationKey)
    /// A group-membership fact for a scheme that is not a group certificate.
    case notAGroupScheme(SchemeID)
    /// A group-membership fact before the member applied to the group.
    case notACandidate(CertificationKey, on: Day)
    /// A fact about a member the federation does not have on that day.
    case unknownMember(MemberID, on: Day)
    /// A member id is added twice.
    case duplicateMember(MemberID)
    /// A fact about a member dated after it left the federation.
    case memberHasLeft(MemberID, leftOn: Day, on: Day)
    /// A member's group is not a GES member of the federation.
    case unknownGroup(MemberID, group: MemberID)
    /// The scheme is not defined.
    case unknownScheme(SchemeID)
    /// Rule 8b: a revision would turn a single-site scheme into a group one, or back.
    case schemeKindChanged(SchemeID, from: Scheme.Kind)
    /// Rule 9: a site with an unresolved major finding cannot leave the group's scope.
    case exclusionWouldHideMajorFindings(CertificationKey, findings: [FindingID])
    /// Rule 9: a group decision while a finding at some site blocks it.
    case groupBlockedByFindings(CertificationKey, findings: [FindingBlock], on: Day)
    /// Rule 13: a site joins only after its cross-audit and an external audit.
    case joinRequirementsMissing(CertificationKey, missing: [String], on: Day)
    /// Rule 13: a group decision while sites in scope were not cross-audited before the
    /// external audit it follows.
    case crossAuditsMissing(CertificationKey, audit: AuditID, sites: [MemberID], on: Day)
    /// Rule 10: an answer to an investigation that does not exist in the group.
    case noSuchInvestigation(FindingID, CertificationKey)
    /// Rule 14: the referential version is not one of the scheme's.
    case unknownReferential(String, scheme: SchemeID)
    /// Rule 14: no audit under a version being replaced after its cutoff.
    case referentialRetired(AuditID, version: String, cutoff: Day)
    /// An auditor id is added twice.
    case duplicateAuditor(AuditorID)
    /// A fact names an auditor that was never added.
    case unknownAuditor(AuditorID)
}

/// A finding that blocks a certification decision, and why.
public struct FindingBlock: Equatable, Sendable, Codable {
    public let finding: FindingID
    public let grade: GradeID
    public let state: String
    /// What is missing: the corrective action verified effective, or an accepted plan.
    public let missing: Grade.DecisionEffect
    /// The member where the finding was raised (for a group, the site).
    public let member: MemberID?

    public init(finding: FindingID, grade: GradeID, state: String, missing: Grade.DecisionEffect, member: MemberID? = nil) {
        self.member = member
        self.finding = finding
        self.grade = grade
        self.state = state
        self.missing = missing
    }
}

extension TransitionError: CustomStringConvertible {
    /// One sentence that says what was refused and what to do instead.
    public var description: String {
        switch self {
        case .illegal(let machine, let subject, let state, let event, let day):
            return "\(machine) \(subject) is \(state) on \(day), so '\(event)' is not allowed then."
        case .blockedByFindings(let key, let findings, let day):
            let list = findings.map { block in
                let need = block.missing == .blocksUntilVerified
                    ? "not verified effective" : "without an accepted action plan"
                return "\(block.finding) (\(block.grade), \(need))"
            }.joined(separator: ", ")
            return "the decision for \(key) on \(day) is blocked by \(list); a decision needs each one resolved first (cedre finding propose|accept|implement|verify)."
        case .recertificationAuditMissing(let key, let day):
            return "no recertification audit of \(key) was conducted in this cycle before \(day); conduct one before deciding."
        case .auditHasOpenFindings(let audit, let findings):
            let list = findings.map(\.rawValue).joined(separator: ", ")
            return "audit \(audit) still has findings neither closed nor with an accepted plan (\(list)); it cannot be closed yet."
        case .notEngaged(let key, let day):
            return "\(key) has no certification engaged on \(day); run 'cedre cert engage' first."
        case .alreadyEngaged(let key, let day):
            return "\(key) is already engaged on \(day); a new engagement needs the previous one withdrawn or lapsed."
        case .unknownAudit(let audit, let key, let day):
            return "\(key) has no audit \(audit) on \(day)."
        case .unknownFinding(let finding, let key, let day):
            return "\(key) has no finding \(finding) on \(day)."
        case .duplicateAudit(let audit):
            return "audit \(audit) already exists."
        case .duplicateFinding(let finding):
            return "finding \(finding) already exists."
        case .unknownGrade(let grade, let scheme):
            return "grade '\(grade)' is not on the grading scale of scheme \(scheme)."
        case .auditKindNotApplicable(let audit, let kind, let key):
            return "audit \(audit): a \(kind) audit does not apply to \(key)."
        case .notAGroupScheme(let scheme):
            return "scheme \(scheme) is not a group certificate, so it has no group membership."
        case .notACandidate(let key, let day):
            return "\(key) has not applied to the group by \(day); record its application first."
        case .unknownMember(let member, let day):
            return "member \(member) is not a member of the federation on \(day); add it first (cedre member add)."
        case .duplicateMember(let member):
            return "member \(member) already exists."
        case .memberHasLeft(let member, let leftOn, let day):
            return "member \(member) left the federation on \(leftOn), so nothing can be recorded for it on \(day)."
        case .unknownGroup(let member, let group):
            return "member \(member) names group \(group), which is not a GES member of the federation."
        case .unknownScheme(let scheme):
            return "scheme '\(scheme)' is not defined; 'cedre scheme list' shows the known ones and 'cedre scheme add' adds one."
        case .exclusionWouldHideMajorFindings(let key, let findings):
            let list = findings.map(\.rawValue).joined(separator: ", ")
            return "\(key.member) cannot leave the scope of \(key.scheme) while its major finding \(list) is unresolved: the group certificate is all or nothing (rule 9); resolve it, or suspend the group."
        case .groupBlockedByFindings(let key, let findings, let day):
            let list = findings.map { "\($0.finding) at \($0.member.map(\.rawValue) ?? "?") (\($0.grade))" }.joined(separator: ", ")
            return "the group decision for \(key.scheme) on \(day) is blocked by \(list): while any site has an unresolved major finding the group certificate is refused (rule 9)."
        case .joinRequirementsMissing(let key, let missing, let day):
            return "\(key.member) cannot join \(key.scheme) on \(day) without \(missing.joined(separator: " and ")) first (rule 13)."
        case .schemeKindChanged(let scheme, let kind):
            return "a revision of \(scheme) cannot change its kind from \(kind.rawValue); add the new definition under another id."
        case .crossAuditsMissing(let key, let audit, let sites, let day):
            let list = sites.map(\.rawValue).joined(separator: ", ")
            return "the group decision for \(key.scheme) on \(day) is refused: \(list) had no cross-audit between the group's previous external audit and audit \(audit) (rule 13); exclude them from the scope (cedre group exclude), or cross-audit every site and hold a new external audit."
        case .noSuchInvestigation(let finding, let key):
            return "no finding \(finding) at another site of \(key.scheme) opened an investigation \(key.member) could answer."
        case .unknownReferential(let version, let scheme):
            return "'\(version)' is not a referential version of scheme \(scheme)."
        case .duplicateAuditor(let auditor):
            return "auditor \(auditor) already exists."
        case .unknownAuditor(let auditor):
            return "auditor \(auditor) does not exist; add it first (cedre auditor add)."
        case .referentialRetired(let audit, let version, let cutoff):
            return "audit \(audit) cannot be held under \(version) after \(cutoff), the last day before its transition ends (rule 14); plan it under the new version."
        }
    }
}
