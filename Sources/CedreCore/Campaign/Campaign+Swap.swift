import Foundation

extension Campaign {
    /// An officer's swap: `member` cross-audited by `auditor`, on `day` (default: its current day).
    public struct SwapRequest: Equatable, Sendable {
        /// The member to cross-audit.
        public var member: MemberID
        /// Its new auditor, by id.
        public var auditor: AuditorID
        /// The new day; nil keeps the member's current one.
        public var day: Day?
        /// Why the swap is kept although it breaks policies (`--override --reason`); nil for none.
        public var override: String?

        public init(member: MemberID, auditor: AuditorID, day: Day? = nil, override: String? = nil) {
            self.member = member
            self.auditor = auditor
            self.day = day
            self.override = override
        }
    }

    /// A swap accepted: the new assignment, the policies it breaks, and the fact that records it.
    public struct SwapDecision: Equatable, Sendable {
        /// The campaign's scheme and year.
        public let scheme: SchemeID
        public let year: Int
        /// The member's cross-audit as the swap leaves it.
        public let assignment: Assignment
        /// The policies of the plan it breaks; empty unless it is an override.
        public let broken: [CrossAuditConstraint]
        /// The override's reason, recorded when it breaks policies.
        public let override: String?

        /// The `campaign.swapped` fact to record.
        public var fact: Fact { .campaignSwapped(scheme: scheme, year: year, assignment, override: override) }
    }
}

extension Network {
    /// Decides a swap in `scheme`'s campaign of `year` against the policies the campaign was planned
    /// with (rules 15–20), not the scheme's defaults.
    ///
    /// Refused, override or not: a member the campaign does not cross-audit (not a member, or not
    /// under the scheme on the campaign's first day, as the planner counts them), an auditor that
    /// does not exist or was never trained for the scheme, a campaign that is not planned. Refused
    /// without an override: a swap that breaks a policy (the error names each one).
    public func decideSwap(
        _ request: Campaign.SwapRequest, scheme: Scheme, year: Int, departements: DepartementDirectory,
        holidays: HolidayCalendar = .france, startOfYear register: CertificationRegister
    ) throws(CampaignError) -> Campaign.SwapDecision {
        guard let campaign = campaign(scheme.id, year: year) else { throw .noCampaign(scheme.id, year: year) }
        guard campaign.state == .planned else { throw .notPlanned(campaign: campaign.name, state: campaign.state) }
        let problem: CrossAuditProblem
        do {
            problem = try crossAuditProblem(
                scheme: scheme, year: year, policies: campaign.policies(under: scheme), departements: departements,
                holidays: holidays, startOfYear: register)
        } catch {
            throw .invalidProblem(error)
        }
        guard let member = problem.members.first(where: { $0.id == request.member && $0.needsCrossAudit }) else {
            let absence: CampaignError.Absence = members[request.member] == nil ? .notAMember : .notUnderScheme(on: register.day)
            throw .memberNotInCampaign(request.member, campaign: campaign.name, absence)
        }
        try requireCrossAuditor(request.auditor, of: problem)
        guard let day = request.day ?? campaign.assignments.first(where: { $0.member == request.member })?.day else {
            throw .swapNeedsDay(request.member, campaign: campaign.name)
        }
        let assignment = Campaign.Assignment(member: request.member, auditor: request.auditor, day: day)
        let broken = problem.violations(of: assignment, among: campaign.assignments)
        guard broken.isEmpty || request.override != nil else {
            throw .swapBreaksPolicies(
                member: request.member, auditor: request.auditor, day: day, broken: broken,
                dayOff: problem.holidays.dayOff(day, departement: member.departement))
        }
        return Campaign.SwapDecision(
            scheme: scheme.id, year: year, assignment: assignment, broken: broken, override: broken.isEmpty ? nil : request.override)
    }

    /// Refuses an auditor that does not exist, or that was never trained for the problem's scheme.
    func requireCrossAuditor(_ id: AuditorID, of problem: CrossAuditProblem) throws(CampaignError) {
        guard auditors[id] != nil else {
            throw .unknownAuditor(id.rawValue, suggestion: AuditorLookup(auditors.keys).closest(to: id.rawValue))
        }
        guard problem.auditors.contains(where: { $0.id == id }) else { throw .auditorNotInScheme(id, scheme: problem.scheme) }
    }
}
