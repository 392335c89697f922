import Foundation

/// What can keep an auditor from a member, in the order a "why not" names the first one: the
/// switchable policies of rules 15–20, then the calendar, which no switch lifts.
public enum CrossAuditConstraint: String, Codable, CaseIterable, Comparable, Sendable {
    /// Rule 15: the auditor's own company.
    case ownCompany = "own-company"
    /// Rule 15: a company of the same GES.
    case sameGroup = "same-group"
    /// Rule 15: a company with a declared client or supplier link.
    case declaredLink = "declared-link"
    /// Rule 16: no working day before the deadline on which the qualification is valid.
    case qualification
    /// Rule 17: the auditing company of the previous campaign.
    case rotation
    /// Rule 18: the member's company already audits the auditor's company in this plan.
    case reciprocal
    /// Rule 19: the auditor already has the capacity's number of audits in this plan.
    case capacity
    /// Rule 20: the day is a Saturday, a Sunday or a public holiday of the member's département.
    case workingDay = "working-day"
    /// Rule 13 and "no auditor booked twice on one day": no free working day of the campaign year
    /// before the member's external audit is left for this auditor.
    case calendar

    /// The switchable policy this constraint is, or nil for the calendar.
    public var policy: ImpartialityPolicy? {
        switch self {
        case .ownCompany: .ownCompany
        case .sameGroup: .sameGroup
        case .declaredLink: .declaredLink
        case .qualification: .qualification
        case .rotation: .rotation
        case .reciprocal: .reciprocal
        case .capacity: .capacity
        case .workingDay: .workingDay
        case .calendar: nil
        }
    }

    /// The constraint a policy imposes.
    public init(_ policy: ImpartialityPolicy) {
        switch policy {
        case .ownCompany: self = .ownCompany
        case .sameGroup: self = .sameGroup
        case .declaredLink: self = .declaredLink
        case .qualification: self = .qualification
        case .rotation: self = .rotation
        case .reciprocal: self = .reciprocal
        case .capacity: self = .capacity
        case .workingDay: self = .workingDay
        }
    }

    /// The position in the fixed order.
    var rank: Int {
        switch self {
        case .ownCompany: 0
        case .sameGroup: 1
        case .declaredLink: 2
        case .qualification: 3
        case .rotation: 4
        case .reciprocal: 5
        case .capacity: 6
        case .workingDay: 7
        case .calendar: 8
        }
    }

    /// The constraint's bit in a set of constraints held as an integer (bit `rank`).
    var bit: Int { 1 << rank }

    /// The first constraint, in the fixed order, of a set held as an integer.
    static func first(in bits: Int) -> CrossAuditConstraint? {
        guard bits != 0 else { return nil }
        return allCases[bits.trailingZeroBitCount]
    }

    public static func < (lhs: Self, rhs: Self) -> Bool { lhs.rank < rhs.rank }
}
