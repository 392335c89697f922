import Foundation

/// Says, for a member the plan leaves out, why each auditor of the scheme cannot take it given
/// the rest of the plan, and the smallest relaxation of the policies that would let one in.
///
/// Constraints are held as bits (`CrossAuditConstraint.bit`): a campaign short of auditors may
/// leave thousands of members out, each checked against every auditor.
struct CrossAuditExplainer {
    let instance: CrossAuditInstance
    /// Auditor index of each audited member, or -1.
    private(set) var auditorOf: [Int]
    private var membersOf: [[Int]]
    /// Working-day counts of each auditor's audits, in increasing order, under the campaign's
    /// policies and with rule 16 switched off.
    private var counts: [[Int]]
    private var countsWithoutQualification: [[Int]]
    /// The policies a relaxation may switch off, and every set of them as bits, smallest first:
    /// the same for every member, so ranked once.
    private let relaxable: [ImpartialityPolicy]
    private let rankedRelaxations: [Int]

    init(instance: CrossAuditInstance, auditorOf: [Int]) {
        self.instance = instance
        self.auditorOf = auditorOf
        // Rule 20 is left to the calendar: a member with no working day left is explained by it.
        let relaxable = ImpartialityPolicy.allCases.filter { instance.problem.policies.contains($0) && $0 != .workingDay }
        let relaxableBits = relaxable.reduce(0) { $0 | CrossAuditConstraint($1).bit }
        self.relaxable = relaxable
        // Fewest changes first; among equals, spare the earlier rules.
        rankedRelaxations = (1..<CrossAuditConstraint.calendar.bit).filter { $0 & ~relaxableBits == 0 }.sorted {
            let first = ($0.nonzeroBitCount, Self.weight($0))
            let second = ($1.nonzeroBitCount, Self.weight($1))
            return first != second ? first < second : $0 < $1
        }
        membersOf = Array(repeating: [], count: instance.auditorCount)
        for (audited, auditor) in auditorOf.enumerated() where auditor >= 0 { membersOf[auditor].append(audited) }
        counts = []
        countsWithoutQualification = []
        for auditor in 0..<instance.auditorCount { recount(auditor) }
    }

    private mutating func recount(_ auditor: Int) {
        let strict = instance.policies
        let loose = strict.removing(.qualification)
        let members = membersOf[auditor]
        let sorted = members.map { instance.freeDays(audited: $0, auditor: auditor, policies: strict) }.sorted()
        let sortedLoose = members.map { instance.freeDays(audited: $0, auditor: auditor, policies: loose) }.sorted()
        if auditor < counts.count {
            counts[auditor] = sorted
            countsWithoutQualification[auditor] = sortedLoose
        } else {
            counts.append(sorted)
            countsWithoutQualification.append(sortedLoose)
        }
    }

    /// Every constraint that keeps `auditor` from the unassigned member `audited` given the plan,
    /// as bits, under the campaign's policies (or with rule 16 off) and `capacity`.
    private func constraints(_ audited: Int, _ auditor: Int, withoutQualification: Bool = false, capacity: Int) -> Int {
        let policies = withoutQualification ? instance.policies.removing(.qualification) : instance.policies
        var bits = instance.pairConstraints(audited: audited, auditor: auditor, policies: policies)
        let company = instance.auditorCompany[auditor]
        if policies.contains(.reciprocal), company != instance.auditedCompany[audited],
            instance.auditsBack(audited: audited, company: company, auditorOf: auditorOf)
        {
            bits |= CrossAuditConstraint.reciprocal.bit
        }
        let load = membersOf[auditor].count + instance.bookedDays(auditor: auditor).count
        if policies.contains(.capacity), load >= capacity { bits |= CrossAuditConstraint.capacity.bit }
        if bits & (CrossAuditConstraint.calendar.bit | CrossAuditConstraint.qualification.bit) == 0 {
            let days = instance.freeDays(audited: audited, auditor: auditor, policies: policies)
            let others = withoutQualification ? countsWithoutQualification[auditor] : counts[auditor]
            if !CrossAuditInstance.fitsCalendar(others, adding: days) { bits |= CrossAuditConstraint.calendar.bit }
        }
        return bits
    }

    /// Assigns, member by member, any unassigned member that some auditor can take as the plan
    /// stands (the nearest such auditor); returns whether it assigned any. After an exact search
    /// it finds nothing; it guarantees that every member left out is excluded by every auditor.
    mutating func insertWherePossible() -> Bool {
        var inserted = false
        let capacity = instance.problem.capacity
        for audited in auditorOf.indices where auditorOf[audited] < 0 && instance.hasWorkingDay(audited: audited) {
            var best: (distance: Double, auditor: Int)?
            for auditor in 0..<instance.auditorCount {
                let distance = instance.distance(audited: audited, auditor: auditor)
                if let best, best.distance <= distance { continue }
                if constraints(audited, auditor, capacity: capacity) == 0 { best = (distance, auditor) }
            }
            guard let best else { continue }
            auditorOf[audited] = best.auditor
            membersOf[best.auditor].append(audited)
            recount(best.auditor)
            inserted = true
        }
        return inserted
    }

    /// Every auditor of the scheme, with the first constraint that excludes it for this member.
    func whyNot(_ audited: Int) -> [CrossAuditPlan.Exclusion] {
        (0..<instance.auditorCount).compactMap { auditor in
            CrossAuditConstraint.first(in: constraints(audited, auditor, capacity: instance.problem.capacity)).map {
                CrossAuditPlan.Exclusion(auditor: instance.auditor(auditor).id, policy: $0)
            }
        }
    }

    /// The smallest relaxation that lets some auditor take this member, the rest of the plan
    /// unchanged (see `CrossAuditPlan.Relaxation` for the order), or nil when none does.
    func relaxation(_ audited: Int) -> CrossAuditPlan.Relaxation? {
        let problem = instance.problem
        let qualificationBit = CrossAuditConstraint.qualification.bit
        // Each auditor's constraints as the policies stand, and with rule 16 off (which widens
        // every window, so it can also lift a calendar constraint).
        let masks = (0..<instance.auditorCount).map { auditor in
            let strict = constraints(audited, auditor, capacity: problem.capacity)
            let loose = strict & qualificationBit == 0
                ? strict : constraints(audited, auditor, withoutQualification: true, capacity: problem.capacity)
            return (strict: strict, loose: loose)
        }
        for switched in rankedRelaxations {
            var best: (distance: Double, auditor: Int)?
            for auditor in 0..<instance.auditorCount {
                let mask = switched & qualificationBit != 0 ? masks[auditor].loose : masks[auditor].strict
                guard mask & ~switched == 0 else { continue }
                let distance = instance.distance(audited: audited, auditor: auditor)
                if let current = best, current.distance <= distance { continue }
                best = (distance, auditor)
            }
            guard let best else { continue }
            return CrossAuditPlan.Relaxation(
                switchOff: relaxable.filter { $0 != .capacity && switched & CrossAuditConstraint($0).bit != 0 },
                capacity: switched & CrossAuditConstraint.capacity.bit != 0 ? problem.capacity + 1 : nil,
                auditor: instance.auditor(best.auditor).id, distanceKilometres: best.distance)
        }
        return nil
    }

    /// Weight of a set of relaxed constraints: 2^(6 − rank), so that giving up an earlier rule
    /// costs more than giving up all later ones (own-company 64 … capacity 1).
    private static func weight(_ bits: Int) -> Int {
        (0..<7).reduce(0) { bits & (1 << $1) != 0 ? $0 + (1 << (6 - $1)) : $0 }
    }
}
