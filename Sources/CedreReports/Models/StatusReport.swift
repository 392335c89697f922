import CedreCore
import Foundation

/// The network's certification status on a day: members by state, by scheme, by region and
/// by type, the share certified, and what needs a human (due, overdue, suspended, expiring).
///
/// Its JSON form is validated by `Schemas/json/report-status.schema.json`.
public struct StatusReport: Encodable, Equatable, Sendable {
    /// How many members stand in each state, overall or under one scheme.
    public struct Counts: Encodable, Equatable, Sendable {
        /// Members counted.
        public var members = 0
        /// Holding a valid certificate.
        public var certified = 0
        /// Engaged, initial audit planned, audited, or candidate to a group.
        public var engaged = 0
        /// Suspended: not valid (rule 4).
        public var suspended = 0
        /// Expired, still restorable (rule 3).
        public var expired = 0
        /// Past the restore window.
        public var lapsed = 0
        /// Withdrawn or excluded.
        public var withdrawn = 0
        /// Members with no dossier (no certification approach, no group candidacy).
        public var none = 0

        /// All zero.
        public init() {}

        /// Counts `number` members standing `standing`.
        mutating func add(_ standing: Standing?, times number: Int) {
            members += number
            switch standing {
            case .certified?: certified += number
            case .engaged?, .initialAuditPlanned?, .audited?, .candidate?: engaged += number
            case .suspended?: suspended += number
            case .expired?: expired += number
            case .lapsed?: lapsed += number
            case .withdrawn?: withdrawn += number
            case nil: none += number
            }
        }
    }

    /// The counts of the members holding a dossier under one scheme.
    public struct SchemeLine: Encodable, Equatable, Sendable {
        /// The scheme.
        public let scheme: SchemeID
        /// The name as reports print it.
        public let name: String
        /// The counts.
        public let counts: Counts
    }

    /// The counts of one region or one company type.
    public struct GroupLine: Encodable, Equatable, Sendable {
        /// The name as reports print it.
        public let name: String
        /// The counts.
        public let counts: Counts
    }

    /// One cell of the state × region × type × scheme breakdown.
    ///
    /// A member with dossiers under two schemes is in one cell per scheme; a member with none
    /// is in a cell whose scheme is null and whose state is `none`.
    public struct Cell: Encodable, Equatable, Sendable {
        public let scheme: SchemeID?
        /// The federation region.
        public let region: String
        /// The member's types as files write them (`AI+ACI`).
        public let type: String
        /// A standing (`certified`, `initialAuditPlanned`…) or `none`.
        public let state: String
        /// How many members are in the cell (never zero).
        public let members: Int

        private enum CodingKeys: String, CodingKey {
            case scheme, region, type, state, members
        }

        /// The scheme is written even when null, so every cell has the same keys.
        public func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(scheme, forKey: .scheme)
            try container.encode(region, forKey: .region)
            try container.encode(type, forKey: .type)
            try container.encode(state, forKey: .state)
            try container.encode(members, forKey: .members)
        }
    }

    /// The certifications of one year: the "certifications over time" chart.
    public struct YearLine: Encodable, Equatable, Sendable {
        /// The year.
        public let year: Int
        /// Initial decisions under single-site schemes.
        public let newlyCertified: Int
        /// Renewals and restorations.
        public let renewed: Int
        /// Central functions and sites joining a group certificate.
        public let joinedGroup: Int
    }

    /// One thing that needs a human: a deadline, a lateness, a suspension, an expiry.
    public struct Item: Encodable, Equatable, Sendable {
        /// Who it is about.
        public let member: MemberReference
        /// The scheme.
        public let scheme: SchemeID
        /// What it is, as a kebab-case id: an obligation (`surveillance-audit`), a notice rule
        /// (`surveillance-overdue`) or a suspension reason (`member-request`).
        public let subject: String
        /// The deadline, the first day late, or the day of the suspension.
        public let day: Day
        /// The finding, for a finding deadline.
        public let finding: FindingID?

        private enum CodingKeys: String, CodingKey {
            case member, scheme, subject, day, finding
        }

        /// The finding is written even when null, so every item has the same keys.
        public func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(member, forKey: .member)
            try container.encode(scheme, forKey: .scheme)
            try container.encode(subject, forKey: .subject)
            try container.encode(day, forKey: .day)
            try container.encode(finding, forKey: .finding)
        }
    }

    /// The horizon `check` uses too: two months of deadlines ahead.
    public static let defaultHorizonDays = 60

    /// The day reported on.
    public let asOf: Day
    /// Deadlines up to this many days after `asOf` are listed as due or expiring.
    public let horizonDays: Int
    /// What the report is restricted to.
    public let filter: ReportFilter
    /// Each member counted once, by its best standing.
    public let counts: Counts
    /// certified / members, a computed share (not the rounded figure a printed report shows).
    public let certifiedShare: Double
    /// By scheme: the members holding a dossier under each.
    public let byScheme: [SchemeLine]
    /// By region, in French order.
    public let byRegion: [GroupLine]
    /// By company type (AI, AI+ACI, ACI, EI, ETTI, GES, bodies).
    public let byType: [GroupLine]
    /// Scheme × region × type × state, for spreadsheets.
    public let breakdown: [Cell]
    /// From the first decision's year to `asOf`.
    public let certificationsByYear: [YearLine]
    /// Deadlines within the horizon: surveillance audits, recertification planning, finding deadlines…
    public let due: [Item]
    /// What is late on `asOf`: surveillance, recertification planning, major findings, expired certificates.
    public let overdue: [Item]
    /// Suspended certificates and group memberships, since when and why.
    public let suspended: [Item]
    /// Certificates whose last valid day falls within the horizon.
    public let expiring: [Item]

    /// The report of the whole network, with the default horizon.
    public init(register: CertificationRegister) {
        self.init(register: register, filter: .everything, horizonDays: StatusReport.defaultHorizonDays)
    }

    /// The report of `register` restricted to `filter`, counting each member once by its best standing.
    public init(register: CertificationRegister, filter: ReportFilter, horizonDays: Int) {
        self.init(standing: NetworkStanding(register: register), filter: filter, horizonDays: horizonDays)
    }

    /// The report of the network as `standing` gives it on its day, restricted to `filter`,
    /// counting each member once by its best standing.
    public init(standing: NetworkStanding, filter: ReportFilter, horizonDays: Int) {
        self.init(
            tally: NetworkTally(standing: standing, horizon: horizonDays, listing: StatusReport.listedRules), filter: filter,
            horizonDays: horizonDays)
    }

    /// The report of the network as `tally` counts it on its day, restricted to `filter`,
    /// counting each member once by its best standing; `tally` lists `listedRules` within
    /// `horizonDays`.
    public init(tally: NetworkTally, filter: ReportFilter, horizonDays: Int) {
        asOf = tally.day
        self.horizonDays = horizonDays
        self.filter = filter
        var counts = Counts()
        var byScheme: [SchemeID: Counts] = [:]
        var byRegion: [String: Counts] = [:]
        var byType: [String: Counts] = [:]
        var cells: [CellKey: Int] = [:]
        for (kind, number) in tally.members where filter.includes(region: kind.region, types: kind.types) {
            let statuses = kind.dossiers.filter { filter.includes($0.scheme) }
            let best = StatusReport.best(statuses.map(\.standing))
            let type = kind.typeCode
            counts.add(best, times: number)
            byRegion[kind.region, default: Counts()].add(best, times: number)
            byType[type, default: Counts()].add(best, times: number)
            for status in statuses {
                byScheme[status.scheme, default: Counts()].add(status.standing, times: number)
                cells[CellKey(scheme: status.scheme, region: kind.region, type: type, state: status.standing.rawValue), default: 0] += number
            }
            if statuses.isEmpty {
                cells[CellKey(scheme: nil, region: kind.region, type: type, state: "none"), default: 0] += number
            }
        }
        self.counts = counts
        certifiedShare = counts.members == 0 ? 0 : Double(counts.certified) / Double(counts.members)
        self.byScheme = tally.schemes.filter { filter.includes($0.id) }.map { scheme in
            SchemeLine(scheme: scheme.id, name: scheme.name, counts: byScheme[scheme.id] ?? Counts())
        }
        let regions = Collation.ranks(of: byRegion.keys)
        self.byRegion = byRegion.keys.sorted { (regions[$0] ?? 0) < (regions[$1] ?? 0) }
            .map { GroupLine(name: $0, counts: byRegion[$0] ?? Counts()) }
        self.byType = byType.keys.sorted(by: StatusReport.typeOrder).map { GroupLine(name: $0, counts: byType[$0] ?? Counts()) }
        let order = CellKey.Order(schemes: cells.keys.compactMap(\.scheme), regions: regions, types: self.byType.map(\.name))
        breakdown = cells.map { key, members in
            (place: order.place(of: key), cell: Cell(scheme: key.scheme, region: key.region, type: key.type, state: key.state, members: members))
        }.sorted { $0.place < $1.place }.map(\.cell)
        certificationsByYear = StatusReport.years(of: tally, filter: filter)
        let listed = tally.listed
        let lists = StatusReport.lists(
            of: listed, members: listed.members.filter { filter.includes($0.member) }, filter: filter, horizonDays: horizonDays)
        due = lists.due
        overdue = lists.overdue
        suspended = lists.suspended
        expiring = lists.expiring
    }

    /// The notice rules the lists show: deadlines within the horizon, and what is late.
    public static let listedRules: Set<NoticeRule> = StatusReport.late.union([.dueSoon])

    /// What the overdue list shows.
    private static let late: Set<NoticeRule> = [.surveillanceOverdue, .recertificationNotPlanned, .majorFindingOverdue, .certificateExpired]

    /// The standing that says most about a member holding several: certified first.
    static func best(_ standings: [Standing]) -> Standing? {
        let order: [Standing] = [.certified, .suspended, .expired, .audited, .initialAuditPlanned, .engaged, .candidate, .lapsed, .withdrawn]
        return order.first { standings.contains($0) }
    }

    /// Company types in the order of `CompanyType` (AI, ACI, EI, ETTI, GES, then bodies), combinations after their first type.
    static func typeOrder(_ first: String, _ second: String) -> Bool {
        func rank(_ code: String) -> [Int] {
            (CompanyType.parse(code) ?? []).compactMap { CompanyType.allCases.firstIndex(of: $0) }
        }
        let (left, right) = (rank(first), rank(second))
        return left == right ? first < second : left.lexicographicallyPrecedes(right)
    }

    private struct CellKey: Hashable {
        let scheme: SchemeID?
        let region: String
        let type: String
        let state: String

        /// The breakdown's order: by scheme (members without a dossier last), region as French
        /// readers sort, type (`typeOrder`), then standing. A key's place is worked out once,
        /// not at each of the sort's comparisons: at 20,000 members, comparing the keys'
        /// texts took 4–5 ms of a 120 ms `report status`.
        struct Order {
            private let schemes: [SchemeID: Int]
            private let regions: [String: Int]
            private let types: [String: Int]
            private static let states = Dictionary(
                uniqueKeysWithValues: (Standing.allCases.map(\.rawValue) + ["none"]).enumerated().map { ($1, $0) })

            init(schemes: some Sequence<SchemeID>, regions: [String: Int], types inOrder: [String]) {
                self.schemes = Dictionary(uniqueKeysWithValues: Set(schemes).sorted().enumerated().map { ($1, $0) })
                self.regions = regions
                types = Dictionary(uniqueKeysWithValues: inOrder.enumerated().map { ($1, $0) })
            }

            func place(of key: CellKey) -> (scheme: Int, region: Int, type: Int, state: Int) {
                (key.scheme.map { schemes[$0] ?? 0 } ?? schemes.count, regions[key.region] ?? 0, types[key.type] ?? 0,
                 Order.states[key.state] ?? Order.states.count)
            }
        }
    }

    private static func years(of tally: NetworkTally, filter: ReportFilter) -> [YearLine] {
        let milestones = tally.milestones.filter { kind, _ in
            filter.includes(kind.scheme) && filter.includes(region: kind.region, types: kind.types)
        }
        guard let first = milestones.keys.map(\.year).min() else { return [] }
        var counts: [Int: [CertificationMilestone.Kind: Int]] = [:]
        for (kind, number) in milestones { counts[kind.year, default: [:]][kind.kind, default: 0] += number }
        return (first...tally.day.year).map { year in
            let ofYear = counts[year] ?? [:]
            return YearLine(
                year: year, newlyCertified: ofYear[.newlyCertified] ?? 0, renewed: ofYear[.renewed] ?? 0,
                joinedGroup: ofYear[.joinedGroup] ?? 0)
        }
    }

    private static func lists(
        of standing: NetworkStanding, members: [MemberRecord], filter: ReportFilter, horizonDays: Int
    ) -> (due: [Item], overdue: [Item], suspended: [Item], expiring: [Item]) {
        let day = standing.day
        var due: [Item] = []
        var overdue: [Item] = []
        var suspended: [Item] = []
        var expiring: [Item] = []
        for record in members {
            let dossiers = standing.dossiers(of: record.member.id)
            guard dossiers.contains(where: { !$0.notices.isEmpty || $0.standing == .suspended }) else { continue }
            let reference = MemberReference(record.member)
            for status in dossiers where filter.includes(status.key.scheme) {
                let scheme = status.key.scheme
                for notice in status.notices(horizon: horizonDays, on: day) {
                    let item = Item(member: reference, scheme: scheme, subject: "", day: notice.due, finding: notice.finding)
                    switch notice.rule {
                    case .dueSoon where notice.obligation == .certificateExpiry:
                        expiring.append(item.about(Obligation.certificateExpiry.rawValue))
                    case .dueSoon:
                        due.append(item.about(notice.obligation?.rawValue ?? notice.rule.rawValue))
                    case .certificateExpired where status.standing != .expired:
                        break
                    case let rule where late.contains(rule):
                        overdue.append(item.about(rule.rawValue))
                    default:
                        break
                    }
                }
                if status.standing == .suspended {
                    suspended.append(Item(
                        member: reference, scheme: scheme, subject: status.suspensionReason ?? "group-certificate",
                        day: status.suspendedOn ?? day, finding: nil))
                }
            }
        }
        return (due.inListOrder(), overdue.inListOrder(), suspended.inListOrder(), expiring.inListOrder())
    }
}

extension StatusReport.Item {
    /// The same item, about `subject`.
    fileprivate func about(_ subject: String) -> StatusReport.Item {
        StatusReport.Item(member: member, scheme: scheme, subject: subject, day: day, finding: finding)
    }
}

extension [StatusReport.Item] {
    /// List order: by day, then member (`MemberReference.precedes`: the name as French readers
    /// sort, then the id), then scheme, subject and finding.
    ///
    /// The items' places are sorted, not the items: each holds five texts of its member, and
    /// the sort moved them at each step; two items of one day are told apart by their members'
    /// ids before their names go to the collator.
    fileprivate func inListOrder() -> [StatusReport.Item] {
        indices.sorted { a, b in
            if self[a].day != self[b].day { return self[a].day < self[b].day }
            if self[a].member.id != self[b].member.id { return MemberReference.precedes(self[a].member, self[b].member) }
            return (self[a].scheme, self[a].subject, self[a].finding?.rawValue ?? "")
                < (self[b].scheme, self[b].subject, self[b].finding?.rawValue ?? "")
        }.map { self[$0] }
    }
}
