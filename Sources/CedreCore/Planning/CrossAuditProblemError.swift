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

    /// One sentence saying what is wrong and how to fix it.
    public var message: String {
        switch self {
        case .duplicateMember(let member):
            "Member \(member) appears twice; list each member once."
        case .duplicateAuditor(let auditor):
            "Auditor \(auditor) appears twice; list each auditor once."
        case .unknownDepartement(let code, let member):
            "Member \(member) is in département '\(code)', which is not in the directory; use an official code."
        case .unknownAuditorCompany(let auditor, let member):
            "Auditor \(auditor) works for \(member), which is not a member; add the company to the members."
        case .capacityBelowOne(let capacity):
            "A capacity of \(capacity) audits per auditor allows no audit; use 1 or more."
        }
    }
}
