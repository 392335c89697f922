import Foundation

/// Plans a cross-audit campaign (rules 13 and 15–19): every member due a cross-audit gets a
/// trained auditor from another member, on a working day before its external audit, with every
/// enabled policy respected, the least total travel, then the most even load.
///
/// How: a minimum-cost flow assigns members to auditors under rules 15–17, 19 and the calendar,
/// exactly (it is the optimum when rule 18 is off, and a lower bound when it is on); rule 18 is
/// then met by forbidding one direction of each reciprocal pair, chosen by repair, local search
/// and, for what is left of the budget, branch and bound (`CrossAuditSearch+Reciprocal`). Days
/// are given last, earliest deadline first, each audit on the least-booked free working day of
/// its window (`CrossAuditCalendar`). Members left out are explained (`CrossAuditExplainer`).
public enum CrossAuditPlanner {
    /// A plan with the evidence of its quality.
    public struct Outcome: Sendable {
        public var plan: CrossAuditPlan
        /// No plan covering as many members travels less than this.
        public var lowerBoundKilometres: Double
        /// Whether the search finished, so that no plan covers more members or travels less.
        public var isProvenOptimal: Bool
        /// How many arcs the planner's shortest-path searches examined: the unit of its work.
        public var work: Int
    }

    /// How hard the planner searches; the defaults meet DESIGN §9 (within 1 % of the optimum,
    /// 500 members in under a second, 5,000 in under 30 seconds).
    public struct Effort: Sendable {
        /// Candidate auditors kept per member, and members per auditor, on large campaigns;
        /// pricing adds back any pair left out that the flow would use.
        public var nearest: Int
        /// Up to this many (member, auditor) pairs, every allowed pair is a candidate.
        public var completeUpToPairs: Int
        /// Arcs the shortest-path searches on rule 18 may examine, whatever the size (about a
        /// hundred million a second)…
        public var work: Int
        /// … plus this many per audited member.
        public var workPerMember: Int
        /// Branch and bound nodes may copy this many arcs in all (each node copies the flow).
        public var branchAndBoundArcCopies: Int

        public init(nearest: Int, completeUpToPairs: Int, work: Int, workPerMember: Int, branchAndBoundArcCopies: Int) {
            self.nearest = nearest
            self.completeUpToPairs = completeUpToPairs
            self.work = work
            self.workPerMember = workPerMember
            self.branchAndBoundArcCopies = branchAndBoundArcCopies
        }

        /// The planner's defaults.
        public static let standard = Effort(
            nearest: 40, completeUpToPairs: 4_000, work: 20_000_000, workPerMember: 40_000,
            branchAndBoundArcCopies: 5_000_000)
    }

    /// The campaign's plan for this seed (the same seed gives the same plan).
    public static func plan(_ problem: CrossAuditProblem, seed: UInt64) -> CrossAuditPlan {
        solve(problem, seed: seed).plan
    }

    /// The campaign's plan for this seed, with its lower bound and whether it is proven optimal.
    public static func solve(_ problem: CrossAuditProblem, seed: UInt64, effort: Effort = .standard) -> Outcome {
        let instance = CrossAuditInstance(problem)
        var search = CrossAuditSearch(
            instance: instance, seed: seed, nearest: effort.nearest, completeUpToPairs: effort.completeUpToPairs)
        var root = search.solve()
        while search.completeCandidates(after: root) { root = search.solve() }
        let result: CrossAuditSearch.Result
        if problem.policies.contains(.reciprocal) {
            let budget = effort.work + effort.workPerMember * instance.auditedCount
            // A node copies the flow: the node budget is a budget of arcs copied.
            let nodes = effort.branchAndBoundArcCopies / max(1, search.arcs.count + instance.auditedCount)
            result = search.respectReciprocity(root: root, budget: budget, nodes: nodes)
        } else {
            result = CrossAuditSearch.Result(state: root, lowerBound: root.objective, isProvenOptimal: search.isComplete)
        }
        var explainer = CrossAuditExplainer(instance: instance, auditorOf: search.auditorOf(result.state))
        let inserted = explainer.insertWherePossible()
        var auditorOf = explainer.auditorOf
        let days = CrossAuditCalendar(instance: instance).schedule(auditorOf, seed: seed)
        if auditorOf.indices.contains(where: { auditorOf[$0] >= 0 && days[$0] == nil }) {
            // The flow admits only assignments that can be dated; should one not be, it is left out
            // and explained rather than planned without a day.
            for audited in auditorOf.indices where days[audited] == nil { auditorOf[audited] = -1 }
            explainer = CrossAuditExplainer(instance: instance, auditorOf: auditorOf)
        }

        var assignments: [CrossAuditPlan.Assignment] = []
        var unassigned: [CrossAuditPlan.Unassigned] = []
        var total = 0.0
        for audited in 0..<instance.auditedCount {
            let member = instance.auditedMember(audited)
            let auditor = auditorOf[audited]
            if auditor >= 0, let day = days[audited] {
                let distance = instance.distance(audited: audited, auditor: auditor)
                total += distance
                assignments.append(CrossAuditPlan.Assignment(
                    member: member.id, auditor: instance.auditor(auditor).id,
                    auditorMember: instance.auditor(auditor).member, day: day, distanceKilometres: distance))
            } else {
                unassigned.append(CrossAuditPlan.Unassigned(
                    member: member.id, whyNot: explainer.whyNot(audited), relaxation: explainer.relaxation(audited)))
            }
        }
        let plan = CrossAuditPlan(
            campaign: CrossAuditPlan.Campaign(scheme: problem.scheme, year: problem.year, seed: seed),
            assignments: assignments, unassigned: unassigned, totalDistanceKilometres: total)
        // The flow without rule 18, optimal over every allowed pair, bounds every plan: a plan that
        // covers every member with a candidate at that travel is optimal, pruned candidates or not.
        let everyoneCovered = root.coverage == (0..<instance.auditedCount).filter { !search.arcsOfAudited[$0].isEmpty }.count
        let meetsBound = everyoneCovered && result.state.coverage == root.coverage
            && result.state.objective <= root.objective + 1e-9 * max(1, root.objective)
        return Outcome(
            plan: plan, lowerBoundKilometres: min(result.lowerBound, total),
            isProvenOptimal: (result.isProvenOptimal || meetsBound) && !inserted, work: search.meter.arcs)
    }
}
