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

extension CampaignError: CustomStringConvertible {
    /// One sentence that says what was refused and what to do instead.
    public var description: String {
        switch self {
        case .invalidPolicySwitch(let item, nil):
            let names = ImpartialityPolicy.allCases.map(\.rawValue).joined(separator: ", ")
            return "--policy \(item): expected NAME=on|off (or capacity=N) with NAME one of \(names)."
        case .invalidPolicySwitch(let item, let policy?):
            return "--policy \(item): the value must be on or off\(policy == .capacity ? ", or a capacity of 1 or more" : "")."
        case .invalidProblem(let error):
            return error.message
        case .noCampaign(let scheme, let year):
            return "no \(scheme) campaign was planned for \(year); plan it first (cedre campaign plan --scheme \(scheme) --year \(year))."
        case .notPlanned(let campaign, let state):
            return "campaign \(campaign) is \(state.rawValue): its cross-audits can no longer be planned or swapped."
        case .memberNotInCampaign(let member, let campaign, .notAMember):
            return "\(member) is not a member of the federation, so campaign \(campaign) cannot cross-audit it; check the id (cedre member list)."
        case .memberNotInCampaign(let member, let campaign, .notUnderScheme(let day)):
            return "\(member) is not engaged or certified under the scheme of campaign \(campaign) on \(day), so the campaign does not cross-audit it; no override changes that."
        case .unknownAuditor(let text, let suggestion?):
            return "auditor '\(text)' does not exist; did you mean \(suggestion)? (cedre auditor list)"
        case .unknownAuditor(let text, nil):
            return "auditor '\(text)' does not exist; name a cross-auditor by its id (cedre auditor list), or add it (cedre auditor add)."
        case .auditorNotInScheme(let auditor, let scheme):
            return "auditor \(auditor) was never trained for \(scheme), so it cannot cross-audit in its campaigns; record its training first (cedre auditor qualify)."
        case .swapNeedsDay(let member, let campaign):
            return "\(member) has no cross-audit in campaign \(campaign) yet; give its --day."
        case .swapBreaksPolicies(let member, let auditor, let day, let broken, let dayOff):
            let names = broken.map { constraint in
                guard constraint == .workingDay, let dayOff else { return constraint.rawValue }
                return "\(constraint.rawValue) (\(day) is \(dayOff))"
            }.joined(separator: ", ")
            return "\(auditor) cannot cross-audit \(member) on \(day): it breaks \(names); keep it only with --override --reason."
        }
    }
}
