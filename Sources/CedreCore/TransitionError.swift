import Foundation

/// Why a fact was refused by a machine or by the rules that tie machines together.
///
/// A refused fact changes nothing; the store turns the error into exit code 65 and one
/// sentence that says what was wrong.
public enum TransitionError: Error, Equatable, Sendable {
    /// The event is not allowed in the state the machine is in on that day.
    case illegal(IllegalMove)
    /// Rules 6 and 7: a certification decision while findings still block it.
    case blockedByFindings(CertificationKey, findings: [FindingBlock], on: Day)
    /// Rule 1: a renewal or restoration decided without a recertification audit in the cycle;
    /// `state` is certified or expired, `current` the decision that opened the cycle.
    case recertificationAuditMissing(CertificationKey, state: Certification.State, current: Certification.Decision, on: Day)
    /// Rule 2: a surveillance audit planned for a certification that holds no certificate.
    case surveillanceWithoutCertificate(AuditID, CertificationKey, state: Certification.State, on: Day)
    /// An audit is closed while some of its findings are neither closed nor accepted.
    case auditHasOpenFindings(AuditID, findings: [FindingID])
    /// A fact about a certification that was never engaged.
    case notEngaged(CertificationKey, on: Day)
    /// A second engagement of a certification that is still running, in `state` since `since`.
    case alreadyEngaged(CertificationKey, state: Certification.State, since: Day?, on: Day)
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
    case auditKindNotApplicable(AuditID, kind: Audit.Kind, CertificationKey)
    /// A group-membership fact for a scheme that is not a group certificate.
    case notAGroupScheme(SchemeID)
    /// A group-membership fact before the member applied to the group.
    case notACandidate(CertificationKey, on: Day)
    /// A fact about a member the federation does not have on that day; `suggestion` is a
    /// member id one or two keystrokes away.
    case unknownMember(MemberID, on: Day, suggestion: MemberID?)
    /// A member id is added twice.
    case duplicateMember(MemberID)
    /// A fact about a member dated after it left the federation.
    case memberHasLeft(MemberID, leftOn: Day, on: Day)
    /// A member's group is not a GES member of the federation.
    case unknownGroup(MemberID, group: MemberID)
    /// The scheme is not defined; `suggestion` is a defined scheme one or two keystrokes away.
    case unknownScheme(SchemeID, suggestion: SchemeID?)
    /// Rule 8b: a revision would turn a single-site scheme into a group one, or back.
    case schemeKindChanged(SchemeID, from: Scheme.Kind)
    /// Rule 9: a site with an unresolved major finding cannot leave the group's scope.
    case exclusionWouldHideMajorFindings(CertificationKey, findings: [FindingID])
    /// Rule 9: a group decision while a finding at some site blocks it.
    case groupBlockedByFindings(CertificationKey, findings: [FindingBlock], on: Day)
    /// Rule 13: a site joins only after its cross-audit and an external audit.
    case joinRequirementsMissing(CertificationKey, missing: [JoinRequirement], on: Day)
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
    /// A fact names an auditor that was never added; `suggestion` is a known id one or two
    /// keystrokes away.
    case unknownAuditor(AuditorID, suggestion: AuditorID?)
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

/// What a site needs before it joins a group's scope (rule 13).
public enum JoinRequirement: String, Equatable, Sendable {
    /// Its application to the group.
    case application
    /// A cross-audit conducted by then.
    case crossAudit = "cross-audit"
    /// An external audit of the site, or of the group since the site applied.
    case externalAudit = "external-audit"
}
