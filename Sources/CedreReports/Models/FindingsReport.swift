import CedreCore
import Foundation

/// The nonconformities still open on a day: by grade, by age, overdue, by member and by
/// region, and each of them.
///
/// Its JSON form is validated by `Schemas/json/report-findings.schema.json`.
public struct FindingsReport: Encodable, Equatable, Sendable {
    /// Open and overdue findings of one group (a grade, an age band, a region, a member).
    public struct Tally: Encodable, Equatable, Sendable {
        /// Findings still open.
        public var open = 0
        /// Of them, those past their deadline.
        public var overdue = 0

        mutating func add(_ item: Item) {
            open += 1
            if item.overdue { overdue += 1 }
        }
    }

    /// The findings of one grade in force, with the grade's words in both languages.
    public struct GradeLine: Encodable, Equatable, Sendable {
        public let grade: GradeID
        /// The grade's words, from the scheme's grading scale.
        public let label: LocalizedText
        /// How many are open, and overdue.
        public let tally: Tally
    }

    /// How long ago the audit that raised them took place.
    public struct AgeLine: Encodable, Equatable, Sendable {
        /// The first day of the band, in days since the audit (bounds included).
        public let minimumDays: Int
        /// The last day of the band; null for the oldest band.
        public let maximumDays: Int?
        /// How many are open, and overdue.
        public let tally: Tally

        private enum CodingKeys: String, CodingKey {
            case minimumDays, maximumDays, tally
        }

        /// The upper bound is written even when null.
        public func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(minimumDays, forKey: .minimumDays)
            try container.encode(maximumDays, forKey: .maximumDays)
            try container.encode(tally, forKey: .tally)
        }
    }

    /// The findings of one region.
    public struct RegionLine: Encodable, Equatable, Sendable {
        /// The region as reports write it.
        public let name: String
        /// How many are open, and overdue.
        public let tally: Tally
    }

    /// The findings of one member.
    public struct MemberLine: Encodable, Equatable, Sendable {
        /// The member the finding is about.
        public let member: MemberReference
        /// How many are open, and overdue.
        public let tally: Tally
    }

    /// One open finding.
    public struct Item: Encodable, Equatable, Sendable {
        /// The finding's id.
        public let id: FindingID
        /// The member the finding is about.
        public let member: MemberReference
        /// The scheme the finding was raised under.
        public let scheme: SchemeID
        /// The audit that raised it.
        public let audit: AuditID
        /// The grade in force (after rule 7's escalation).
        public let grade: GradeID
        /// Whether rule 7 or rule 8 made it major.
        public let escalated: Bool
        public let state: Finding.State
        /// The clause of the referential it is about.
        public let requirement: String
        /// The day of the audit that raised it.
        public let auditOn: Day
        /// Days from the audit to the report's day.
        public let ageDays: Int
        /// The last day to close it, when its grade has one.
        public let deadline: Day?
        /// Whether the deadline passed with the finding open.
        public let overdue: Bool

        private enum CodingKeys: String, CodingKey {
            case id, member, scheme, audit, grade, escalated, state, requirement, auditOn, ageDays, deadline, overdue
        }

        /// The deadline is written even when null.
        public func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(id, forKey: .id)
            try container.encode(member, forKey: .member)
            try container.encode(scheme, forKey: .scheme)
            try container.encode(audit, forKey: .audit)
            try container.encode(grade, forKey: .grade)
            try container.encode(escalated, forKey: .escalated)
            try container.encode(state, forKey: .state)
            try container.encode(requirement, forKey: .requirement)
            try container.encode(auditOn, forKey: .auditOn)
            try container.encode(ageDays, forKey: .ageDays)
            try container.encode(deadline, forKey: .deadline)
            try container.encode(overdue, forKey: .overdue)
        }
    }

    /// The lower bounds of the age bands, in days since the audit: a month, a quarter, half a year.
    public static let ageBands = [0, 31, 91, 181]

    /// The day the findings are reported on.
    public let asOf: Day
    /// What the report is restricted to.
    public let filter: ReportFilter
    /// Every open finding.
    public let total: Tally
    /// By grade in force, in the order of the schemes' scales.
    public let byGrade: [GradeLine]
    /// By age of the audit, in `ageBands`.
    public let byAge: [AgeLine]
    /// By region, in French order.
    public let byRegion: [RegionLine]
    /// By member, by name.
    public let byMember: [MemberLine]
    /// Overdue first, then oldest audit first.
    public let findings: [Item]

    /// The open findings of `network` (replayed through `day`) on `day`, for the members of `filter`.
    ///
    /// Members that left and certifications withdrawn or excluded no longer count.
    public init(network: Network, on day: Day, filter: ReportFilter = .everything) {
        asOf = day
        self.filter = filter
        var items: [Item] = []
        var labels: [GradeID: LocalizedText] = [:]
        var gradeOrder: [GradeID] = []
        for scheme in network.catalog.schemes where filter.includes(scheme.id) {
            for grade in scheme.grading.grades where labels[grade.id] == nil {
                labels[grade.id] = grade.label
                gradeOrder.append(grade.id)
            }
        }
        let contexts = network.findingContexts(on: day)
        for dossier in network.dossiers.values where filter.includes(dossier.key.scheme) {
            guard let record = network.members[dossier.key.member], record.isMember(on: day),
                filter.includes(record.member)
            else { continue }
            let advanced = dossier.advance(to: day)
            let isActive = advanced.certification.map { $0.state != .withdrawn } ?? (advanced.membership?.state != .excluded)
            guard isActive else { continue }
            let reference = MemberReference(record.member)
            for status in advanced.findingStatuses(on: day, context: contexts[dossier.key.scheme] ?? .none)
                where status.finding.isOpen {
                let finding = status.finding
                items.append(Item(
                    id: finding.id, member: reference, scheme: dossier.key.scheme, audit: finding.audit,
                    grade: status.grade, escalated: status.escalation != nil, state: finding.state,
                    requirement: finding.requirement.rawValue, auditOn: finding.auditOn,
                    ageDays: finding.auditOn.days(to: day), deadline: status.deadline, overdue: status.isOverdue))
            }
        }
        findings = items.sorted { first, second in
            if first.overdue != second.overdue { return first.overdue }
            return (first.auditOn, first.id) < (second.auditOn, second.id)
        }
        var total = Tally()
        var grades: [GradeID: Tally] = [:]
        var ages = Array(repeating: Tally(), count: FindingsReport.ageBands.count)
        var regions: [String: Tally] = [:]
        var members: [MemberID: (MemberReference, Tally)] = [:]
        for item in findings {
            total.add(item)
            grades[item.grade, default: Tally()].add(item)
            let band = FindingsReport.ageBands.lastIndex { item.ageDays >= $0 } ?? 0
            ages[band].add(item)
            regions[item.member.region, default: Tally()].add(item)
            members[item.member.id, default: (item.member, Tally())].1.add(item)
        }
        self.total = total
        byGrade = (gradeOrder + grades.keys.filter { labels[$0] == nil }.sorted()).compactMap { grade in
            guard let tally = grades[grade] else { return nil }
            return GradeLine(grade: grade, label: labels[grade] ?? LocalizedText(fr: grade.rawValue, en: grade.rawValue), tally: tally)
        }
        byAge = FindingsReport.ageBands.indices.map { index in
            let next = index + 1 < FindingsReport.ageBands.count ? FindingsReport.ageBands[index + 1] - 1 : nil
            return AgeLine(minimumDays: FindingsReport.ageBands[index], maximumDays: next, tally: ages[index])
        }
        byRegion = regions.keys.sorted(by: Collation.precedes).map { RegionLine(name: $0, tally: regions[$0] ?? Tally()) }
        byMember = members.values.sorted { MemberReference.precedes($0.0, $1.0) }.map { MemberLine(member: $0.0, tally: $0.1) }
    }
}
