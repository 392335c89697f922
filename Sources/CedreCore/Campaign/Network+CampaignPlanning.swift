import Foundation

extension Network {
    /// Plans `scheme`'s campaign of `year` under `policies` (rules 13, 15–20) with the planner's
    /// `seed`, around the manual swaps of the previous plan unless `keepSwaps` is false.
    ///
    /// A swap is kept when its member is still one the campaign cross-audits, its auditor is still
    /// a cross-auditor of the scheme, and, beside the swaps kept before it, it breaks none of the
    /// new policies — or it was an override, which stays one with its reason. The last swap of a
    /// member is the one that counts. A published or completed campaign cannot be planned again.
    public func planCampaign(
        scheme: Scheme, year: Int, policies: CampaignPolicies, seed: UInt64, keepSwaps: Bool,
        departements: DepartementDirectory, holidays: HolidayCalendar = .france, startOfYear register: CertificationRegister
    ) throws(CampaignError) -> CampaignPlanning {
        let previous = campaign(scheme.id, year: year)
        if let previous, previous.state != .planned { throw .notPlanned(campaign: previous.name, state: previous.state) }
        let problem: CrossAuditProblem
        do {
            problem = try crossAuditProblem(
                scheme: scheme, year: year, policies: policies, departements: departements, holidays: holidays,
                startOfYear: register)
        } catch {
            throw .invalidProblem(error)
        }
        var lastSwaps: [Campaign.Swap] = []
        for swap in previous?.swaps ?? [] {
            lastSwaps.removeAll { $0.assignment.member == swap.assignment.member }
            lastSwaps.append(swap)
        }
        var kept: [CampaignPlanning.KeptSwap] = []
        var dropped: [CampaignPlanning.DroppedSwap] = []
        var fixed: [CrossAuditProblem.FixedAudit] = []
        for swap in lastSwaps {
            let assignment = swap.assignment
            func drop(_ reason: CampaignPlanning.DroppedSwap.Reason, _ broken: [CrossAuditConstraint] = []) {
                dropped.append(CampaignPlanning.DroppedSwap(
                    member: assignment.member, auditor: assignment.auditor, day: assignment.day, reason: reason, broken: broken))
            }
            guard keepSwaps else {
                drop(.discarded)
                continue
            }
            guard problem.members.contains(where: { $0.id == assignment.member && $0.needsCrossAudit }) else {
                drop(.memberNotDue)
                continue
            }
            guard let auditor = problem.auditors.first(where: { $0.id == assignment.auditor }) else {
                drop(.auditorNotInScheme)
                continue
            }
            let others = fixed.map { Campaign.Assignment(member: $0.member, auditor: $0.auditor, day: $0.day) }
            let broken = problem.violations(of: assignment, among: others)
            guard broken.isEmpty || swap.override != nil else {
                drop(.breaksPolicies, broken)
                continue
            }
            kept.append(CampaignPlanning.KeptSwap(
                member: assignment.member, auditor: assignment.auditor, day: assignment.day,
                override: broken.isEmpty ? nil : swap.override, broken: broken))
            fixed.append(CrossAuditProblem.FixedAudit(
                member: assignment.member, auditor: assignment.auditor, auditorMember: auditor.member, day: assignment.day))
        }
        let plan = CrossAuditPlanner.plan(problem.with(fixed: fixed), seed: seed)
        return CampaignPlanning(plan: plan, policies: policies, kept: kept, dropped: dropped)
    }
}
