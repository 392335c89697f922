import Foundation

/// Why a cross-audit problem cannot be planned: its data contradicts itself.
public enum CrossAuditProblemError: Error, Equatable, Sendable {
    /// Two members share one id.
    case duplicateMember(MemberID)
    /// Two auditors share one id.
    case duplicateAuditor(AuditorID)
    /// A member's département is not in the directory, so its travel cannot be measured.
    case unknownDepartement(String, member: MemberID)
    /// An auditor works for a company that is not among the problem's members.
    case unknownAuditorCompany(AuditorID, member: MemberID)
    /// Rule 19 with a capacity of zero would forbid every audit.
    case capacityBelowOne(Int)
}
