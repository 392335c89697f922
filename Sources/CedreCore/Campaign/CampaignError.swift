import Foundation

/// Why a campaign plan, a swap or an auditor named on an audit was refused; nothing was written.
public enum CampaignError: Error, Equatable, Sendable {
    /// Why a member is not in a campaign's population.
    public enum Absence: Equatable, Sendable {
        /// The federation has no such member.
        case notAMember
        /// It is a member, but not engaged, certified, suspended or a group site under the scheme on
        /// the campaign's first day (as the planner counts the members to cross-audit).
        case notUnderScheme(on: Day)
    }

    /// A `--policy` switch names no policy, or gives it a value it cannot take.
    case invalidPolicySwitch(String, policy: ImpartialityPolicy?)
    /// The network cannot be made into a planning problem (a member in an unknown département…).
    case invalidProblem(CrossAuditProblemError)
    /// No campaign of this scheme and year was planned.
    case noCampaign(SchemeID, year: Int)
    /// The campaign is published or completed: its plan is final.
    case notPlanned(campaign: String, state: Campaign.State)
    /// The swapped member is not one the campaign cross-audits; no override lifts this.
    case memberNotInCampaign(MemberID, campaign: String, Absence)
    /// No auditor has this id; `suggestion` is a known id close to it.
    case unknownAuditor(String, suggestion: AuditorID?)
    /// The auditor was never trained for the campaign's scheme, so it is none of its cross-auditors.
    case auditorNotInScheme(AuditorID, scheme: SchemeID)
    /// A swap of a member that has no cross-audit yet, without `--day`.
    case swapNeedsDay(MemberID, campaign: String)
    /// The swap breaks policies the campaign was planned with, and no override was given;
    /// `dayOff` says why the day is not a working day when it breaks rule 20.
    case swapBreaksPolicies(
        member: MemberID, auditor: AuditorID, day: Day, broken: [CrossAuditConstraint], dayOff: HolidayCalendar.DayOff?)
}
