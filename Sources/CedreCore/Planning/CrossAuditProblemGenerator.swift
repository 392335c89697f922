import Foundation

/// Synthetic cross-audit campaigns, drawn from a seed: members spread over real départements
/// (some crowded, most sparse), GES groups, declared links, auditors with expired or late
/// trainings, external audits through the year and a previous campaign for rotation.
///
/// Tests check the planner's guarantees on them and the benchmarks measure it on them; the
/// same seed and shape give the same campaign on every machine.
public struct CrossAuditProblemGenerator: Sendable {
    /// The shape of a generated campaign.
    public struct Shape: Sendable {
        public var members: Int
        /// Share (per cent) of members with 0, 1, 2 and 3 trained auditors.
        public var auditorsPerMemberPercent: [Int]
        /// Members draw their départements from this many (nil: all), the busiest first, so that
        /// small campaigns have neighbours at equal distance.
        public var departementPool: Int?
        public var groupPercent: Int
        public var linkPercent: Int
        public var previousCampaignPercent: Int
        public var externalAuditPercent: Int
        /// Share (per cent) of external audits in the first days of January, which leave no day.
        public var earlyExternalAuditPercent: Int
        public var notAuditedPercent: Int
        public var otherSchemePercent: Int
        public var policies: Set<ImpartialityPolicy>
        public var capacity: Int
        public var year: Int

        public init(
            members: Int, auditorsPerMemberPercent: [Int] = [35, 35, 20, 10], departementPool: Int? = nil,
            groupPercent: Int = 8, linkPercent: Int = 4, previousCampaignPercent: Int = 80,
            externalAuditPercent: Int = 70, earlyExternalAuditPercent: Int = 1, notAuditedPercent: Int = 5,
            otherSchemePercent: Int = 5, policies: Set<ImpartialityPolicy> = Set(ImpartialityPolicy.allCases),
            capacity: Int = 2, year: Int = 2014
        ) {
            self.members = members
            self.auditorsPerMemberPercent = auditorsPerMemberPercent
            self.departementPool = departementPool
            self.groupPercent = groupPercent
            self.linkPercent = linkPercent
            self.previousCampaignPercent = previousCampaignPercent
            self.externalAuditPercent = externalAuditPercent
            self.earlyExternalAuditPercent = earlyExternalAuditPercent
            self.notAuditedPercent = notAuditedPercent
            self.otherSchemePercent = otherSchemePercent
            self.policies = policies
            self.capacity = capacity
            self.year = year
        }
    }

    public let departements: DepartementDirectory

    public init(departements: DepartementDirectory) {
        self.departements = departements
    }

    /// The campaign of `shape` drawn from `seed`, for the scheme `cedre`.
    public func problem(_ shape: Shape, seed: UInt64) -> CrossAuditProblem {
        var generator = SeededGenerator(seed: seed)
        func percent(_ share: Int) -> Bool { generator.index(below: 100) < share }

        // Départements weighted 1 to 12, so that some are crowded and most are not.
        let codes = departements.departements.map(\.code)
        var weights = codes.map { _ in 1 + generator.index(below: 12) }
        if let pool = shape.departementPool {
            let kept = Set(generator.shuffled(Array(codes.indices)).prefix(pool))
            weights = weights.indices.map { kept.contains($0) ? weights[$0] : 0 }
        }
        let totalWeight = weights.reduce(0, +)
        func drawDepartement() -> String {
            var draw = generator.index(below: totalWeight)
            for (index, weight) in weights.enumerated() {
                if draw < weight { return codes[index] }
                draw -= weight
            }
            return codes[codes.count - 1]
        }

        let yearStart = Day.firstDay(ofYear: shape.year)
        var members: [CrossAuditProblem.Member] = []
        var index = 0
        while members.count < shape.members {
            index += 1
            let id = MemberID(rawValue: "M\(index.zeroPadded(to: 5))")
            // A GES with two to four companies in its département.
            if percent(shape.groupPercent), shape.members - members.count >= 3 {
                let departement = drawDepartement()
                let companies = 2 + generator.index(below: 3)
                members.append(member(id, departement, group: nil, shape, &generator))
                for _ in 0..<min(companies, shape.members - members.count) {
                    index += 1
                    let company = MemberID(rawValue: "M\(index.zeroPadded(to: 5))")
                    members.append(member(company, departement, group: id, shape, &generator))
                }
                continue
            }
            members.append(member(id, drawDepartement(), group: nil, shape, &generator))
        }

        var auditors: [CrossAuditProblem.Auditor] = []
        for member in members {
            var draw = generator.index(below: 100)
            var count = 0
            for share in shape.auditorsPerMemberPercent {
                if draw < share { break }
                draw -= share
                count += 1
            }
            for _ in 0..<count {
                // Trained from four years before the campaign to four months into it: with 36
                // months of validity, some have expired and some start mid-year.
                let trainedOn = yearStart.adding(days: -4 * 365 + generator.index(below: 4 * 365 + 120))
                let schemes: Set<SchemeID> = percent(shape.otherSchemePercent) ? ["cedre-iso"] : ["cedre"]
                auditors.append(CrossAuditProblem.Auditor(
                    id: AuditorID(rawValue: "A\((auditors.count + 1).zeroPadded(to: 5))"),
                    name: "Auditor \(auditors.count + 1) of \(member.id)", member: member.id, schemes: schemes,
                    trainedOn: trainedOn, validityMonths: 36))
            }
        }

        // Links and last campaign's pairs go to nearby companies, as they do in a network.
        let auditing = Set(auditors.map(\.member))
        var nearestDepartements: [String: [String]] = [:]
        func departementsNearest(_ code: String) -> [String] {
            if let known = nearestDepartements[code] { return known }
            let sorted = codes.sorted {
                let first = departements.distanceKilometres(from: code, to: $0) ?? 0
                let second = departements.distanceKilometres(from: code, to: $1) ?? 0
                return first != second ? first < second : $0 < $1
            }
            nearestDepartements[code] = sorted
            return sorted
        }
        let membersIn = Dictionary(grouping: members, by: \.departement)
        func nearby(_ member: CrossAuditProblem.Member, auditingOnly: Bool) -> MemberID? {
            var candidates: [MemberID] = []
            for code in departementsNearest(member.departement) where candidates.count < 5 {
                candidates += (membersIn[code] ?? []).map(\.id).filter {
                    $0 != member.id && (!auditingOnly || auditing.contains($0))
                }
            }
            guard !candidates.isEmpty else { return nil }
            return candidates[generator.index(below: min(5, candidates.count))]
        }
        var links = Set<CrossAuditProblem.MemberPair>()
        var previous = Set<CrossAuditProblem.PreviousAudit>()
        for member in members {
            if percent(shape.linkPercent), let other = nearby(member, auditingOnly: false) {
                links.insert(CrossAuditProblem.MemberPair(member.id, other))
            }
            if member.needsCrossAudit, percent(shape.previousCampaignPercent),
                let other = nearby(member, auditingOnly: true)
            {
                previous.insert(CrossAuditProblem.PreviousAudit(audited: member.id, auditing: other))
            }
        }
        do {
            return try CrossAuditProblem(
                scheme: "cedre", year: shape.year, members: members, auditors: auditors, declaredLinks: links,
                previousCampaign: previous, policies: shape.policies, capacity: shape.capacity,
                departements: departements)
        } catch {
            preconditionFailure("a generated campaign is consistent by construction: \(error)")
        }
    }

    private func member(
        _ id: MemberID, _ departement: String, group: MemberID?, _ shape: Shape, _ generator: inout SeededGenerator
    ) -> CrossAuditProblem.Member {
        let yearStart = Day.firstDay(ofYear: shape.year)
        var externalAuditOn: Day?
        if generator.index(below: 100) < shape.externalAuditPercent {
            externalAuditOn = generator.index(below: 100) < shape.earlyExternalAuditPercent
                ? yearStart.adding(days: generator.index(below: 3))
                : yearStart.adding(days: 20 + generator.index(below: 320))
        }
        return CrossAuditProblem.Member(
            id: id, departement: departement, group: group, externalAuditOn: externalAuditOn,
            needsCrossAudit: generator.index(below: 100) >= shape.notAuditedPercent)
    }
}
