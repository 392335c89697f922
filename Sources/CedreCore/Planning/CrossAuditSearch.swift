import Foundation

/// The planner's working state: the candidate arcs (member, auditor) that rules 15–17 allow,
/// and the minimum-cost flow that assigns members to auditors along them.
///
/// The flow runs from each audited member to an auditor and on to a sink: an auditor takes at
/// most its capacity (rule 19), and a chain of "level" nodes per auditor admits at most k
/// members whose window holds k working days or fewer, which is exactly the condition for giving
/// an auditor's audits distinct days when their windows all open on the same day. Arcs into the
/// sink cost a vanishing amount more for each further audit of an auditor, so among plans of
/// equal travel the flow prefers the most even load. What the flow cannot say is rule 18 (no
/// reciprocal pair): it couples two arcs, and `CrossAuditSearch+Reciprocal` deals with it by
/// forbidding directions, which `forbid` does on a solved flow without solving it again.
struct CrossAuditSearch {
    /// One allowed (member, auditor) pair.
    struct Arc {
        let audited: Int
        let auditor: Int
        let company: Int
        let cost: Double
        let workingDays: Int
    }

    /// A solved flow and the directions it forbids: one node of the search.
    struct State {
        var flow: MinimumCostFlow
        /// Travel plus load-balancing terms.
        var objective: Double
        var coverage: Int
        /// Candidate arc carrying each audited member's unit, or -1.
        var arcOf: [Int]
        /// "Company audits member" directions left out (keys from `direction(_:by:)`).
        var forbidden: Set<Int>
    }

    /// Extra cost of an auditor's (k+1)-th audit over its k-th: far below any difference in travel
    /// the planner reports (a millimetre), far above floating-point noise.
    static let balanceStep = 1e-8

    let instance: CrossAuditInstance
    private(set) var arcs: [Arc] = []
    private(set) var arcsOfAudited: [[Int]]
    private(set) var arcsOfAuditor: [[Int]]
    /// Whether every allowed pair is a candidate (no pruning).
    private(set) var isComplete: Bool
    private let order: [Int]
    private var levelNodeOfArc: [Int] = []
    private var chainArcs: [(from: Int, to: Int, capacity: Int)] = []
    private var sinkArcCount: [Int] = []
    private var nodeCount = 0
    /// Graph arc of each candidate arc, and candidate arc of each graph arc (or -1).
    private var graphArc: [Int] = []
    private var candidateOfGraphArc: [Int] = []
    /// Graph arc from the source to each audited member.
    private var sourceArc: [Int] = []
    /// Counts the arcs every shortest-path search examined: the unit of the planner's budget.
    let meter = WorkMeter()

    /// The search over every allowed pair when the problem is small, and otherwise over each
    /// member's and each auditor's `nearest` closest allowed partners (completed by pricing).
    init(instance: CrossAuditInstance, seed: UInt64, nearest: Int, completeUpToPairs: Int) {
        self.instance = instance
        var generator = SeededGenerator(seed: seed)
        order = generator.shuffled(Array(0..<instance.auditedCount))
        arcsOfAudited = Array(repeating: [], count: instance.auditedCount)
        arcsOfAuditor = Array(repeating: [], count: instance.auditorCount)
        isComplete = instance.auditedCount * instance.auditorCount <= completeUpToPairs
        if isComplete {
            for audited in 0..<instance.auditedCount {
                for auditor in 0..<instance.auditorCount where instance.isAllowedPair(audited: audited, auditor: auditor) {
                    include(audited: audited, auditor: auditor)
                }
            }
        } else {
            selectNearest(nearest)
        }
        rebuildTemplate()
    }

    /// Makes the pair a candidate; callers add each pair once.
    private mutating func include(audited: Int, auditor: Int) {
        let index = arcs.count
        arcs.append(Arc(
            audited: audited, auditor: auditor, company: instance.auditorCompany[auditor],
            cost: instance.distance(audited: audited, auditor: auditor),
            workingDays: instance.freeDays(audited: audited, auditor: auditor, policies: instance.policies)))
        arcsOfAudited[audited].append(index)
        arcsOfAuditor[auditor].append(index)
    }

    /// Each member's and each auditor's nearest allowed partners, whole départements at a time so
    /// that partners at equal distance are all in or all out.
    private mutating func selectNearest(_ nearest: Int) {
        let departements = instance.departementTotal
        var auditorsIn = Array(repeating: [Int](), count: departements)
        for auditor in 0..<instance.auditorCount {
            auditorsIn[instance.departement(ofCompany: instance.auditorCompany[auditor])].append(auditor)
        }
        var auditedIn = Array(repeating: [Int](), count: departements)
        for audited in 0..<instance.auditedCount {
            auditedIn[instance.departement(ofCompany: instance.auditedCompany[audited])].append(audited)
        }
        var orderFrom: [Int: [Int]] = [:]
        func departementsNearest(_ departement: Int) -> [Int] {
            if let known = orderFrom[departement] { return known }
            let sorted = instance.departementsByDistance(from: departement)
            orderFrom[departement] = sorted
            return sorted
        }
        for audited in 0..<instance.auditedCount {
            var found = 0
            for departement in departementsNearest(instance.departement(ofCompany: instance.auditedCompany[audited])) {
                for auditor in auditorsIn[departement] where instance.isAllowedPair(audited: audited, auditor: auditor) {
                    include(audited: audited, auditor: auditor)
                    found += 1
                }
                if found >= nearest { break }
            }
        }
        for auditor in 0..<instance.auditorCount {
            var found = 0
            for departement in departementsNearest(instance.departement(ofCompany: instance.auditorCompany[auditor])) {
                for audited in auditedIn[departement] where instance.isAllowedPair(audited: audited, auditor: auditor) {
                    found += 1
                    if !arcsOfAudited[audited].contains(where: { arcs[$0].auditor == auditor }) {
                        include(audited: audited, auditor: auditor)
                    }
                }
                if found >= nearest { break }
            }
        }
    }

    /// The auditor's effective capacity: rule 19's less its fixed audits, or, with capacity switched
    /// off, as many as it has candidates.
    private func effectiveCapacity(of auditor: Int) -> Int {
        instance.policies.contains(.capacity) ? instance.remainingCapacity(auditor: auditor) : max(1, arcsOfAuditor[auditor].count)
    }

    /// Lays out the nodes: members, then one top node per auditor, then its level nodes, then the
    /// source and the sink.
    private mutating func rebuildTemplate() {
        let members = instance.auditedCount
        let auditors = instance.auditorCount
        var next = members + auditors
        levelNodeOfArc = Array(repeating: -1, count: arcs.count)
        chainArcs = []
        sinkArcCount = []
        for auditor in 0..<auditors {
            let capacity = effectiveCapacity(of: auditor)
            sinkArcCount.append(capacity)
            let levels = Set(arcsOfAuditor[auditor].map { arcs[$0].workingDays }.filter { $0 < capacity }).sorted()
            var nodeOfLevel: [Int: Int] = [:]
            for level in levels {
                nodeOfLevel[level] = next
                next += 1
            }
            for (position, level) in levels.enumerated() {
                let to = position + 1 < levels.count ? nodeOfLevel[levels[position + 1]] ?? 0 : members + auditor
                chainArcs.append((nodeOfLevel[level] ?? 0, to, level))
            }
            for arc in arcsOfAuditor[auditor] {
                levelNodeOfArc[arc] = nodeOfLevel[arcs[arc].workingDays] ?? (members + auditor)
            }
        }
        nodeCount = next + 2
    }

    /// Every member's unit comes from this node, so that which members are left out, when not
    /// all can be assigned, is part of the optimisation.
    private var source: Int { nodeCount - 2 }
    private var sink: Int { nodeCount - 1 }

    /// The network with the arcs of `directions` deleted, before any flow.
    private mutating func network(forbidding directions: Set<Int>) -> MinimumCostFlow {
        let members = instance.auditedCount
        var flow = MinimumCostFlow(
            nodeCount: nodeCount, arcCapacity: arcs.count + chainArcs.count + 2 * instance.auditorCount + members,
            meter: meter)
        graphArc = arcs.indices.map { flow.addArc(from: arcs[$0].audited, to: levelNodeOfArc[$0], capacity: 1, cost: arcs[$0].cost) }
        for chain in chainArcs { flow.addArc(from: chain.from, to: chain.to, capacity: chain.capacity, cost: 0) }
        for auditor in 0..<instance.auditorCount {
            for rank in 0..<sinkArcCount[auditor] {
                flow.addArc(from: members + auditor, to: sink, capacity: 1, cost: Double(rank) * Self.balanceStep)
            }
        }
        // The source's arcs stay shut while members are routed one by one (see `solve`).
        sourceArc = (0..<members).map { flow.addArc(from: source, to: $0, capacity: 0, cost: 0) }
        flow.finishBuilding()
        candidateOfGraphArc = Array(repeating: -1, count: flow.arcCount)
        for (candidate, arc) in graphArc.enumerated() { candidateOfGraphArc[arc] = candidate }
        if !directions.isEmpty {
            for (candidate, arc) in arcs.enumerated() where directions.contains(direction(arc.audited, by: arc.company)) {
                _ = flow.deleteArc(graphArc[candidate])
            }
        }
        return flow
    }

    /// The cheapest assignment covering the most members with these directions forbidden,
    /// computed from nothing.
    ///
    /// Members are first routed one by one, in the seed's order, which is optimal when all of them
    /// find an auditor (the usual case, and the fast one). When some cannot, which ones are left
    /// out matters, and the flow is computed again from the common source, path after cheapest path.
    mutating func solve(forbidding directions: Set<Int> = []) -> State {
        let members = instance.auditedCount
        var flow = network(forbidding: directions)
        var routed = Array(repeating: false, count: members)
        var someoneWaits = false
        for audited in order {
            if flow.augment(from: audited, to: sink, pruning: true) != nil {
                routed[audited] = true
            } else if arcsOfAudited[audited].contains(where: { flow.isResidual(graphArc[$0]) }) {
                someoneWaits = true
            }
        }
        if someoneWaits {
            flow = network(forbidding: directions)
            for audited in 0..<members { flow.set(sourceArc[audited], flow: 0, residual: 1) }
            while flow.route(from: source, to: sink) != nil {}
        } else {
            // Open the source's arcs, its potential between the routed members' and the others', so
            // that they keep non-negative reduced costs; the others have no arc to go anywhere.
            let floor = (0..<members).filter { routed[$0] }.map { flow.potential[$0] }.min() ?? 0
            flow.setPotential(floor, of: source)
            for audited in 0..<members {
                flow.set(sourceArc[audited], flow: routed[audited] ? 1 : 0, residual: routed[audited] ? 0 : 1)
                if !routed[audited] { flow.setPotential(floor, of: audited) }
            }
        }
        var state = State(
            flow: flow, objective: 0, coverage: 0, arcOf: Array(repeating: -1, count: members), forbidden: directions)
        for (candidate, arc) in arcs.enumerated() where flow.flow(on: graphArc[candidate]) > 0 {
            state.arcOf[arc.audited] = candidate
        }
        state.coverage = state.arcOf.filter { $0 >= 0 }.count
        state.objective = objective(of: state.arcOf)
        return state
    }

    /// Travel plus load-balancing terms of an assignment.
    func objective(of arcOf: [Int]) -> Double {
        var total = 0.0
        var load = Array(repeating: 0, count: instance.auditorCount)
        for arc in arcOf where arc >= 0 {
            total += arcs[arc].cost
            load[arcs[arc].auditor] += 1
        }
        for count in load where count > 1 { total += Double(count * (count - 1) / 2) * Self.balanceStep }
        return total
    }

    /// Auditor index of each audited member, or -1.
    func auditorOf(_ state: State) -> [Int] {
        state.arcOf.map { $0 >= 0 ? arcs[$0].auditor : -1 }
    }

    /// What using this candidate arc would add at the margin in this state (infinity when it is
    /// forbidden); zero for the arcs in use.
    func reducedCost(ofArc candidate: Int, in state: State) -> Double {
        let arc = graphArc[candidate]
        guard state.flow.isResidual(arc) || state.flow.flow(on: arc) > 0 else { return .infinity }
        return max(0, state.flow.reducedCost(of: arc))
    }

    /// The key of "company audits member", the unit rule 18 forbids.
    func direction(_ audited: Int, by company: Int) -> Int {
        audited * instance.problem.members.count + company
    }

    /// Leaves out every arc by which `company` would audit `audited`, keeping the flow optimal: a
    /// member that loses its auditor is sent along the cheapest way round (which may move others).
    /// Returns false when the member could not be placed elsewhere and the state had to be
    /// computed again.
    @discardableResult
    mutating func forbid(_ audited: Int, by company: Int, in state: inout State) -> Bool {
        guard state.forbidden.insert(direction(audited, by: company)).inserted else { return true }
        var displaced: Int?
        for candidate in arcsOfAudited[audited] where arcs[candidate].company == company {
            if state.flow.deleteArc(graphArc[candidate]) { displaced = candidate }
        }
        guard let displaced else { return true }
        let head = state.flow.head(of: graphArc[displaced])
        guard let pathCost = state.flow.route(from: audited, to: head) else {
            // Nowhere else to go: compute the state again, which also lets others use the room.
            state = solve(forbidding: state.forbidden)
            return false
        }
        state.objective += pathCost - arcs[displaced].cost
        refresh(&state, around: audited)
        return true
    }

    /// Puts back the arcs by which `company` would audit `audited`, keeping the flow optimal.
    mutating func allow(_ audited: Int, by company: Int, in state: inout State) {
        guard state.forbidden.remove(direction(audited, by: company)) != nil else { return }
        for candidate in arcsOfAudited[audited] where arcs[candidate].company == company {
            state.objective += state.flow.restoreArc(graphArc[candidate])
            refresh(&state, around: audited)
        }
        // A member left out may now find room.
        let waiting = (0..<instance.auditedCount).contains { member in
            state.arcOf[member] < 0 && arcsOfAudited[member].contains { state.flow.isResidual(graphArc[$0]) }
        }
        guard waiting else { return }
        while let cost = state.flow.route(from: source, to: sink) {
            state.objective += cost
            refresh(&state, around: audited)
        }
    }

    /// Reads again which arc carries each member that the last path touched, and `member`.
    private func refresh(_ state: inout State, around member: Int) {
        let members = instance.auditedCount
        var touched = [member]
        for arc in state.flow.lastPath {
            let tail = state.flow.tail(of: arc)
            let head = state.flow.head(of: arc)
            if tail < members { touched.append(tail) }
            if head < members { touched.append(head) }
        }
        for audited in touched {
            let before = state.arcOf[audited]
            state.arcOf[audited] = arcsOfAudited[audited].first { state.flow.flow(on: graphArc[$0]) > 0 } ?? -1
            if before >= 0, state.arcOf[audited] < 0 { state.coverage -= 1 }
            if before < 0, state.arcOf[audited] >= 0 { state.coverage += 1 }
        }
    }

    /// Adds the allowed pairs left out that would lower the flow's cost (negative reduced cost),
    /// and those from a member left out to an auditor with room; returns whether any was added, in
    /// which case the flow must be computed again. With none added, the flow is the cheapest over
    /// every allowed pair for what it covers.
    ///
    /// A pair's reduced cost is at least its travel plus the member's potential minus the highest
    /// potential among the auditor's nodes, so whole départements of auditors are ruled out at once.
    mutating func completeCandidates(after state: State) -> Bool {
        guard !isComplete else { return false }
        let flow = state.flow
        let before = arcs.count
        let members = instance.auditedCount
        var highest = Array(repeating: -Double.infinity, count: instance.auditorCount)
        for auditor in 0..<instance.auditorCount { highest[auditor] = flow.potential[members + auditor] }
        for (arc, node) in levelNodeOfArc.enumerated() where node >= members + instance.auditorCount {
            highest[arcs[arc].auditor] = max(highest[arcs[arc].auditor], flow.potential[node])
        }
        var highestIn = Array(repeating: -Double.infinity, count: instance.departementTotal)
        var auditorsIn = Array(repeating: [Int](), count: instance.departementTotal)
        for auditor in 0..<instance.auditorCount {
            let departement = instance.departement(ofCompany: instance.auditorCompany[auditor])
            highestIn[departement] = max(highestIn[departement], highest[auditor])
            auditorsIn[departement].append(auditor)
        }
        // Auditors with room left: any member left out should see them all.
        var load = Array(repeating: 0, count: instance.auditorCount)
        for arc in state.arcOf where arc >= 0 { load[arcs[arc].auditor] += 1 }
        let roomy = (0..<instance.auditorCount).filter { load[$0] < effectiveCapacity(of: $0) }
        var isIncluded = Array(repeating: false, count: instance.auditorCount)
        for audited in 0..<members {
            for arc in arcsOfAudited[audited] { isIncluded[arcs[arc].auditor] = true }
            // A member left out could take any potential up to the source's.
            let unassigned = state.arcOf[audited] < 0
            let memberPotential = unassigned ? flow.potential[source] : flow.potential[audited]
            let departement = instance.departement(ofCompany: instance.auditedCompany[audited])
            for other in 0..<instance.departementTotal {
                let travel = instance.departementDistance(departement, other)
                guard travel + memberPotential - highestIn[other] < -1e-9 else { continue }
                for auditor in auditorsIn[other] where !isIncluded[auditor] {
                    guard travel + memberPotential - highest[auditor] < -1e-9,
                        instance.isAllowedPair(audited: audited, auditor: auditor)
                    else { continue }
                    include(audited: audited, auditor: auditor)
                    isIncluded[auditor] = true
                }
            }
            if unassigned {
                for auditor in roomy where !isIncluded[auditor] && instance.isAllowedPair(audited: audited, auditor: auditor) {
                    include(audited: audited, auditor: auditor)
                    isIncluded[auditor] = true
                }
            }
            for arc in arcsOfAudited[audited] { isIncluded[arcs[arc].auditor] = false }
        }
        guard arcs.count > before else { return false }
        rebuildTemplate()
        return true
    }
}
