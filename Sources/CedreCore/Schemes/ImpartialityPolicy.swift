import Foundation

/// Rules 15–20: the hard policies a cross-audit assignment must respect, each switchable, and
/// recorded with the campaign planned under them.
public enum ImpartialityPolicy: String, Codable, CodingKeyRepresentable, CaseIterable, Sendable {
    /// Rule 15: an auditor never audits their own company.
    case ownCompany = "own-company"
    /// Rule 15: nor a company of the same GES.
    case sameGroup = "same-group"
    /// Rule 15: nor a company with a declared client or supplier link.
    case declaredLink = "declared-link"
    /// Rule 16: the auditor's qualification is valid on the audit day.
    case qualification
    /// Rule 17: the auditing company is not the one of the previous campaign.
    case rotation
    /// Rule 18: no A-audits-B and B-audits-A in one campaign.
    case reciprocal
    /// Rule 19: an auditor does at most the scheme's capacity of audits per campaign.
    case capacity
    /// Rule 20: the audit falls on a working day of the audited member's département.
    case workingDay = "working-day"
}
