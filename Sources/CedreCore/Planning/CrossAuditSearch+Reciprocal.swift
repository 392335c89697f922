import Foundation

/// Rule 18 (no reciprocal pair) on top of the flow.
///
/// The flow without rule 18 is a lower bound. Rule 18 says, for two members A and B that both
/// audit: not both "A audits B" and "B audits A"; every plan therefore forbids one of the two
/// directions of each such pair, and the flow with a set of directions forbidden is the best plan
/// under that choice. Forbidding or allowing a direction on a solved flow costs one shortest path
/// (`forbid`, `allow`), so choices are cheap to try:
///
/// 1. repair: while some pair audits both ways, forbid in each the direction whose member loses
///    least (its smallest reduced cost with another company);
/// 2. improve: try, for each forbidden direction, forbidding the other one instead, or neither,
///    repair, and keep the change when the plan travels less;
/// 3. branch and bound over the same choice, the flow as bound, for what is left of the budget:
///    on small campaigns it finishes, and the plan is then proven optimal.
extension CrossAuditSearch {
    /// The best plan found, what it was measured against, and whether it is proven optimal.
    struct Result {
        var state: State
        /// The largest objective no plan covering as many members can go below.
        var lowerBound: Double
        var isProvenOptimal: Bool
    }

    /// Member pairs (a, b), a < b, whose companies audit each other in the assignment.
    func reciprocalPairs(in arcOf: [Int]) -> [(Int, Int)] {
        var pairs: [(Int, Int)] = []
        for audited in arcOf.indices where arcOf[audited] >= 0 {
            let other = instance.auditedIndexOfCompany[arcs[arcOf[audited]].company]
            guard other > audited, isReciprocal(audited, other, in: arcOf) else { continue }
            pairs.append((audited, other))
        }
        return pairs
    }

    private func isReciprocal(_ first: Int, _ second: Int, in arcOf: [Int]) -> Bool {
        arcOf[first] >= 0 && arcOf[second] >= 0 && arcs[arcOf[first]].company == instance.auditedCompany[second]
            && arcs[arcOf[second]].company == instance.auditedCompany[first]
    }

    /// What moving `audited` away from `company` would cost at the margin: its cheapest reduced cost
    /// among arcs from other companies (infinity when it has none).
    private func regret(_ audited: Int, awayFrom company: Int, in state: State) -> Double {
        var best = Double.infinity
        for arc in arcsOfAudited[audited] where arcs[arc].company != company {
            best = min(best, reducedCost(ofArc: arc, in: state))
        }
        return best
    }

    /// Whether `first` covers more members, or as many for less (beyond rounding).
    static func isBetter(_ first: State, than second: State) -> Bool {
        if first.coverage != second.coverage { return first.coverage > second.coverage }
        return first.objective < second.objective - 1e-9 * max(1, abs(second.objective))
    }

    /// The best plan respecting rule 18 found within `budget` arcs examined and `nodes` branch and
    /// bound nodes, from the flow without it.
    mutating func respectReciprocity(root: State, budget: Int, nodes: Int) -> Result {
        guard !reciprocalPairs(in: root.arcOf).isEmpty else {
            return Result(state: root, lowerBound: root.objective, isProvenOptimal: isComplete)
        }
        let start = meter.arcs
        var best = root
        repair(&best)
        improve(&best, until: start + budget)
        let search = branchAndBound(root: root, incumbent: best, until: start + budget, nodes: nodes)
        best = search.best
        let proven = search.isComplete && isComplete
        return Result(state: best, lowerBound: proven ? best.objective : root.objective, isProvenOptimal: proven)
    }

    /// Forbids, round after round, the cheaper direction of every pair that audits both ways.
    mutating func repair(_ state: inout State) {
        while true {
            let pairs = reciprocalPairs(in: state.arcOf)
            if pairs.isEmpty { return }
            for (first, second) in pairs where isReciprocal(first, second, in: state.arcOf) {
                let firstCompany = instance.auditedCompany[first]
                let secondCompany = instance.auditedCompany[second]
                if regret(first, awayFrom: secondCompany, in: state) <= regret(second, awayFrom: firstCompany, in: state) {
                    forbid(first, by: secondCompany, in: &state)
                } else {
                    forbid(second, by: firstCompany, in: &state)
                }
            }
        }
    }

    /// Local search over the forbidden directions: for each, allow it again (kept as is when no
    /// pair then audits both ways), else forbid the opposite direction instead and repair; keep
    /// the first change that covers more or travels less; stop at a local optimum or when the
    /// budget is spent.
    private mutating func improve(_ state: inout State, until limit: Int) {
        let companies = instance.problem.members.count
        var improved = true
        while improved {
            improved = false
            for key in state.forbidden.sorted() {
                guard meter.arcs < limit else { return }
                guard state.forbidden.contains(key) else { continue }
                let audited = key / companies
                let company = key % companies
                let other = instance.auditedIndexOfCompany[company]
                guard other >= 0 else { continue }
                var candidate = state
                allow(audited, by: company, in: &candidate)
                if !reciprocalPairs(in: candidate.arcOf).isEmpty {
                    forbid(other, by: instance.auditedCompany[audited], in: &candidate)
                    repair(&candidate)
                }
                if Self.isBetter(candidate, than: state) {
                    state = candidate
                    improved = true
                }
            }
        }
    }

    /// Depth-first branch and bound over which direction of each reciprocal pair is forbidden;
    /// a node's state is rebuilt from the root by forbidding its directions one by one.
    private mutating func branchAndBound(root: State, incumbent: State, until limit: Int, nodes: Int)
        -> (best: State, isComplete: Bool)
    {
        var best = incumbent
        var stack: [[(audited: Int, company: Int)]] = [[]]
        var visited = 0
        while let directions = stack.popLast() {
            visited += 1
            guard meter.arcs < limit, visited <= nodes else { return (best, false) }
            var state = root
            for direction in directions { forbid(direction.audited, by: direction.company, in: &state) }
            guard Self.isBetter(state, than: best) else { continue }
            let pairs = reciprocalPairs(in: state.arcOf)
            guard !pairs.isEmpty else {
                best = state
                continue
            }
            // Branch on the pair dearest to resolve: its outcome moves the bound most.
            var chosen: (first: Int, second: Int, firstRegret: Double, secondRegret: Double)?
            for (first, second) in pairs {
                let firstRegret = regret(first, awayFrom: instance.auditedCompany[second], in: state)
                let secondRegret = regret(second, awayFrom: instance.auditedCompany[first], in: state)
                if let current = chosen, min(firstRegret, secondRegret) <= min(current.firstRegret, current.secondRegret) {
                    continue
                }
                chosen = (first, second, firstRegret, secondRegret)
            }
            guard let pair = chosen else { continue }
            let forbidFirst = directions + [(pair.first, instance.auditedCompany[pair.second])]
            let forbidSecond = directions + [(pair.second, instance.auditedCompany[pair.first])]
            // The cheaper child is explored first.
            if pair.firstRegret <= pair.secondRegret {
                stack.append(forbidSecond)
                stack.append(forbidFirst)
            } else {
                stack.append(forbidFirst)
                stack.append(forbidSecond)
            }
        }
        return (best, true)
    }
}
