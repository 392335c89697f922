import Foundation

/// A cross-audit problem compiled to integer indices: the planner asks millions of "may this
/// auditor audit that member, and how far is it" questions, and strings are too slow for that.
///
/// "Audited" indices count the members to cross-audit, in problem order; "auditor" indices count
/// the auditors trained for the campaign's scheme, in problem order; "company" indices are
/// positions in `problem.members`.
struct CrossAuditInstance: Sendable {
    let problem: CrossAuditProblem
    /// The first and last days of the campaign year.
    let firstDay: Day
    let lastDay: Day
    /// Company index of each audited member.
    let auditedCompany: [Int]
    /// Position in `problem.auditors` of each auditor of the scheme.
    let auditorEntry: [Int]
    /// Company index of each auditor.
    let auditorCompany: [Int]
    /// Audited index of each company, or -1 when the company is not audited this campaign.
    let auditedIndexOfCompany: [Int]
    /// The problem's policies, as bits.
    let policies: PolicyMask
    /// The last day (ordinal) each audited member's cross-audit may fall on: the day before its
    /// external audit, or the year's last day.
    private let auditedLastOrdinal: [Int]
    private let auditorValidFrom: [Int]
    private let auditorValidUntil: [Int]
    private let companyDepartement: [Int]
    private let departementDistance: [Double]
    private let departementCount: Int
    private let companyGroup: [Int]
    private let companyLinks: [[Int]]
    private let previousAuditingCompanies: [[Int]]
    /// Rule 20: one working calendar per set of holidays, and the one of each audited member.
    private let calendars: [WorkingCalendar]
    private let auditedCalendar: [Int]
    /// Days (ordinals) each auditor is already booked on by the problem's fixed audits.
    private let auditorBooked: [[Int]]
    /// Rule 18 against fixed audits: the companies whose auditors audit each company in one.
    private let fixedAuditingCompanies: [[Int]]

    init(_ problem: CrossAuditProblem) {
        self.problem = problem
        let lastDay = Day.lastDay(ofYear: problem.year)
        firstDay = Day.firstDay(ofYear: problem.year)
        self.lastDay = lastDay
        let departements = problem.departements.departements
        var departementIndex: [String: Int] = [:]
        for (index, departement) in departements.enumerated() where departementIndex[departement.code] == nil {
            departementIndex[departement.code] = index
        }
        departementCount = departements.count
        var distances = Array(repeating: 0.0, count: departements.count * departements.count)
        for first in departements.indices {
            for second in departements.indices {
                distances[first * departements.count + second] = Departement.haversine(
                    departements[first], departements[second])
            }
        }
        departementDistance = distances

        var companyIndex: [MemberID: Int] = [:]
        for (index, member) in problem.members.enumerated() { companyIndex[member.id] = index }
        companyDepartement = problem.members.map { departementIndex[$0.departement] ?? 0 }

        // A GES and its companies share one key: the GES's own id.
        var groupKeys: [MemberID: Int] = [:]
        let heads = Set(problem.members.compactMap(\.group))
        companyGroup = problem.members.map { member in
            guard let key = member.group ?? (heads.contains(member.id) ? member.id : nil) else { return -1 }
            if let known = groupKeys[key] { return known }
            groupKeys[key] = groupKeys.count
            return groupKeys.count - 1
        }

        // Few per company: arrays scanned beat hashed sets here.
        var links = Array(repeating: [Int](), count: problem.members.count)
        for link in problem.declaredLinks {
            guard let first = companyIndex[link.first], let second = companyIndex[link.second] else { continue }
            links[first].append(second)
            links[second].append(first)
        }
        companyLinks = links
        var previous = Array(repeating: [Int](), count: problem.members.count)
        for pair in problem.previousCampaign {
            guard let audited = companyIndex[pair.audited], let auditing = companyIndex[pair.auditing] else { continue }
            previous[audited].append(auditing)
        }
        previousAuditingCompanies = previous
        var fixedAuditing = Array(repeating: [Int](), count: problem.members.count)
        for audit in problem.fixed {
            guard let audited = companyIndex[audit.member], let auditing = companyIndex[audit.auditorMember] else { continue }
            fixedAuditing[audited].append(auditing)
        }
        fixedAuditingCompanies = fixedAuditing

        // Départements without holidays of their own share the national calendar.
        let workingDays = problem.policies.contains(.workingDay)
        var calendarOfKey: [String: Int] = [:]
        var calendars: [WorkingCalendar] = []
        func calendarIndex(_ departement: String) -> Int {
            let key = workingDays ? problem.holidays.holidayKey(of: departement) : "every day"
            if let known = calendarOfKey[key] { return known }
            let holidays = workingDays ? problem.holidays.holidays(in: problem.year, departement: departement) : nil
            calendars.append(WorkingCalendar(year: problem.year, holidays: holidays))
            calendarOfKey[key] = calendars.count - 1
            return calendars.count - 1
        }

        let fixedMembers = Set(problem.fixed.map(\.member))
        var audited: [Int] = []
        var auditedIndex = Array(repeating: -1, count: problem.members.count)
        var lastDays: [Day] = []
        var auditedCalendar: [Int] = []
        for (index, member) in problem.members.enumerated() where member.needsCrossAudit && !fixedMembers.contains(member.id) {
            auditedIndex[index] = audited.count
            audited.append(index)
            lastDays.append(member.externalAuditOn.map { min($0.adding(days: -1), lastDay) } ?? lastDay)
            auditedCalendar.append(calendarIndex(member.departement))
        }
        self.calendars = calendars
        self.auditedCalendar = auditedCalendar
        auditedCompany = audited
        auditedIndexOfCompany = auditedIndex
        auditedLastOrdinal = lastDays.map(\.ordinal)
        policies = PolicyMask(problem.policies)
        let entries = problem.auditors.indices.filter { problem.auditors[$0].schemes.contains(problem.scheme) }
        auditorEntry = entries
        auditorCompany = entries.map { companyIndex[problem.auditors[$0].member] ?? 0 }
        auditorValidFrom = entries.map { problem.auditors[$0].trainedOn.ordinal }
        auditorValidUntil = entries.map { problem.auditors[$0].qualifiedUntil.ordinal }
        let booked = Dictionary(grouping: problem.fixed, by: \.auditor)
        auditorBooked = entries.map { entry in (booked[problem.auditors[entry].id] ?? []).map(\.day.ordinal) }
    }

    var auditedCount: Int { auditedCompany.count }
    var auditorCount: Int { auditorEntry.count }

    func auditor(_ index: Int) -> CrossAuditProblem.Auditor { problem.auditors[auditorEntry[index]] }
    func auditedMember(_ index: Int) -> CrossAuditProblem.Member { problem.members[auditedCompany[index]] }

    /// Travel between the two companies' chefs-lieux, in kilometres.
    func distance(audited: Int, auditor: Int) -> Double {
        distance(company: auditedCompany[audited], company: auditorCompany[auditor])
    }

    func distance(company first: Int, company second: Int) -> Double {
        departementDistance[companyDepartement[first] * departementCount + companyDepartement[second]]
    }

    /// The département index companies are grouped by for nearest-first searches.
    func departement(ofCompany company: Int) -> Int { companyDepartement[company] }

    /// Every département index, nearest first, from `departement`.
    func departementsByDistance(from departement: Int) -> [Int] {
        (0..<departementCount).sorted {
            let first = departementDistance[departement * departementCount + $0]
            let second = departementDistance[departement * departementCount + $1]
            return first != second ? first < second : $0 < $1
        }
    }

    func departementDistance(_ first: Int, _ second: Int) -> Double {
        departementDistance[first * departementCount + second]
    }

    var departementTotal: Int { departementCount }

    /// The days on which `auditor` may audit `audited` under `policies`: from the year's start (or
    /// the training day, rule 16) to the day before the external audit (or the qualification's end).
    func window(audited: Int, auditor: Int, policies: PolicyMask) -> (first: Day, last: Day) {
        let (first, last) = windowOrdinals(audited: audited, auditor: auditor, qualification: policies.contains(.qualification))
        return (Day(ordinal: first), Day(ordinal: last))
    }

    private func windowOrdinals(audited: Int, auditor: Int, qualification: Bool) -> (first: Int, last: Int) {
        guard qualification else { return (firstDay.ordinal, auditedLastOrdinal[audited]) }
        return (
            max(firstDay.ordinal, auditorValidFrom[auditor]),
            min(auditedLastOrdinal[audited], auditorValidUntil[auditor])
        )
    }

    /// The working calendar of the audited member's département (rule 20).
    func calendar(ofAudited audited: Int) -> WorkingCalendar { calendars[auditedCalendar[audited]] }

    /// The number of working days in `window(audited:auditor:policies:)`.
    func workingDays(audited: Int, auditor: Int, policies: PolicyMask) -> Int {
        let (first, last) = windowOrdinals(audited: audited, auditor: auditor, qualification: policies.contains(.qualification))
        return calendar(ofAudited: audited).workingDays(fromOrdinal: first, throughOrdinal: last)
    }

    /// The working days of the window the auditor is not already booked on by a fixed audit: what
    /// the flow and the calendar count, since fixed audits take their days out of every window.
    func freeDays(audited: Int, auditor: Int, policies: PolicyMask) -> Int {
        let days = workingDays(audited: audited, auditor: auditor, policies: policies)
        guard !auditorBooked[auditor].isEmpty else { return days }
        let (first, last) = windowOrdinals(audited: audited, auditor: auditor, qualification: policies.contains(.qualification))
        let calendar = calendar(ofAudited: audited)
        let taken = auditorBooked[auditor].filter { $0 >= first && $0 <= last && calendar.isWorkingDay(Day(ordinal: $0)) }
        return max(0, days - Set(taken).count)
    }

    /// The days (ordinals) the auditor is already booked on by fixed audits.
    func bookedDays(auditor: Int) -> [Int] { auditorBooked[auditor] }

    /// Rule 19: how many more audits the auditor may take beside its fixed ones.
    func remainingCapacity(auditor: Int) -> Int { max(0, problem.capacity - auditorBooked[auditor].count) }

    /// Whether the member has any working day left before its deadline, whoever audits it.
    func hasWorkingDay(audited: Int) -> Bool {
        calendar(ofAudited: audited).workingDays(fromOrdinal: firstDay.ordinal, throughOrdinal: auditedLastOrdinal[audited]) > 0
    }

    /// Rule 18 against the fixed audits: whether the member's company audits `company` in one.
    private func auditsBackInFixed(audited: Int, company: Int) -> Bool {
        fixedAuditingCompanies[company].contains(auditedCompany[audited])
    }

    /// The constraints that hold between this member and this auditor whatever the rest of the plan
    /// is (rules 15–17, rule 18 against fixed audits, and an empty calendar), under `policies`, as
    /// bits (`CrossAuditConstraint.bit`).
    func pairConstraints(audited: Int, auditor: Int, policies: PolicyMask) -> Int {
        let member = auditedCompany[audited]
        let company = auditorCompany[auditor]
        var result = 0
        if policies.contains(.ownCompany), member == company { result |= CrossAuditConstraint.ownCompany.bit }
        if policies.contains(.sameGroup), companyGroup[member] >= 0, companyGroup[member] == companyGroup[company] {
            result |= CrossAuditConstraint.sameGroup.bit
        }
        if policies.contains(.declaredLink), companyLinks[member].contains(company) {
            result |= CrossAuditConstraint.declaredLink.bit
        }
        let hasDay = hasWorkingDay(audited: audited)
        if policies.contains(.qualification), hasDay, workingDays(audited: audited, auditor: auditor, policies: policies) == 0 {
            result |= CrossAuditConstraint.qualification.bit
        }
        if policies.contains(.rotation), previousAuditingCompanies[member].contains(company) {
            result |= CrossAuditConstraint.rotation.bit
        }
        if policies.contains(.reciprocal), auditsBackInFixed(audited: audited, company: company) {
            result |= CrossAuditConstraint.reciprocal.bit
        }
        if !hasDay { result |= CrossAuditConstraint.calendar.bit }
        return result
    }

    /// Whether no pairwise constraint under the problem's policies keeps this auditor from this member.
    func isAllowedPair(audited: Int, auditor: Int) -> Bool {
        let member = auditedCompany[audited]
        let company = auditorCompany[auditor]
        if policies.contains(.ownCompany), member == company { return false }
        if policies.contains(.sameGroup), companyGroup[member] >= 0, companyGroup[member] == companyGroup[company] {
            return false
        }
        if policies.contains(.declaredLink), companyLinks[member].contains(company) { return false }
        if policies.contains(.rotation), previousAuditingCompanies[member].contains(company) { return false }
        if policies.contains(.reciprocal), auditsBackInFixed(audited: audited, company: company) { return false }
        return freeDays(audited: audited, auditor: auditor, policies: policies) > 0
    }

    /// Rule 18: whether the audited member's company audits `company` in an assignment
    /// (`auditorOf[audited]` is an auditor index or -1).
    func auditsBack(audited: Int, company: Int, auditorOf: [Int]) -> Bool {
        let other = auditedIndexOfCompany[company]
        guard other >= 0, auditorOf[other] >= 0 else { return false }
        return auditorCompany[auditorOf[other]] == auditedCompany[audited]
    }

    /// Whether an auditor can hold audits with these working-day counts on distinct days, and one
    /// more with `added`: the windows all start on the same day, so the counts in increasing order
    /// must be at least 1, 2, 3, … (`sortedCounts` is in increasing order).
    static func fitsCalendar(_ sortedCounts: [Int], adding added: Int) -> Bool {
        var rank = 1
        var placed = false
        for count in sortedCounts {
            if !placed, added <= count {
                if added < rank { return false }
                rank += 1
                placed = true
            }
            if count < rank { return false }
            rank += 1
        }
        return placed || added >= rank
    }
}
