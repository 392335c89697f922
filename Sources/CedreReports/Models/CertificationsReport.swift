import CedreCore
import Foundation

/// The members newly certified, renewed and joined to the group certificate in one year,
/// grouped by region as the activity report prints them ("Name (département) - type"), with
/// the year's figures.
///
/// Its JSON form is validated by `Schemas/json/report-certifications.schema.json`.
public struct CertificationsReport: Encodable, Equatable, Sendable {
    /// One line of the list.
    public struct Entry: Encodable, Equatable, Sendable {
        /// The member listed.
        public let member: MemberReference
        /// The scheme of the decision or of the group joined.
        public let scheme: SchemeID
        /// The category the printed report showed by colour.
        public let kind: CertificationMilestone.Kind
        /// The decision day, or the day the site joined.
        public let on: Day
        /// The GES this line is printed under, when that GES is listed the same year in the same region.
        public let underGroup: MemberID?
        /// The line as the report prints it: `AIDER (50) - AI`, `AIRE - AI` under its GES,
        /// `COORACE national (75)` for a federation body.
        public let line: String

        private enum CodingKeys: String, CodingKey {
            case member, scheme, kind, on, underGroup, line
        }

        /// The group is written even when null, so every entry has the same keys.
        public func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(member, forKey: .member)
            try container.encode(scheme, forKey: .scheme)
            try container.encode(kind, forKey: .kind)
            try container.encode(on, forKey: .on)
            try container.encode(underGroup, forKey: .underGroup)
            try container.encode(line, forKey: .line)
        }
    }

    /// The entries of one region, in print order (GES companies right after their GES).
    public struct Region: Encodable, Equatable, Sendable {
        public let name: String
        /// The region's lines in print order.
        public let entries: [Entry]
    }

    /// The certified members of one scheme at the end of the year.
    public struct SchemeFigure: Encodable, Equatable, Sendable {
        /// The scheme of the decision or of the group joined.
        public let scheme: SchemeID
        public let name: String
        /// Members certified under the scheme.
        public let certified: Int
    }

    /// The figures the report's text gives for the year.
    public struct Figures: Encodable, Equatable, Sendable {
        /// Initial decisions under single-site schemes in the year.
        public let newlyCertified: Int
        /// Renewals and restorations in the year.
        public let renewed: Int
        /// Central functions and sites that joined a group certificate in the year.
        public let joinedGroup: Int
        /// Members holding a valid certificate on `asOf`, each counted once.
        public let certified: Int
        /// The certified members of each scheme (a member certified under two counts under both).
        public let certifiedByScheme: [SchemeFigure]
        /// Members counted on `asOf`.
        public let members: Int
        /// Members on their way to a first certificate on `asOf`.
        public let engaged: Int
        /// certified / members, computed.
        public let certifiedShare: Double
    }

    /// The year listed.
    public let year: Int
    /// The day the figures are counted on: the year's last day, or an earlier as-of day.
    public let asOf: Day
    /// What the list is restricted to.
    public let filter: ReportFilter
    /// The figures of the report's text.
    public let figures: Figures
    /// The regions with at least one line, in French order.
    public let regions: [Region]

    /// The report of `year` from `network` replayed through `asOf` (the year's last day, or earlier).
    public init(network: Network, year: Int, asOf: Day, filter: ReportFilter = .everything) {
        self.init(standing: NetworkStanding(register: CertificationRegister(network: network, on: asOf)), year: year, filter: filter)
    }

    /// The report of `year` from the network as `standing` gives it on its day (the year's
    /// last day, or earlier).
    public init(standing: NetworkStanding, year: Int, filter: ReportFilter = .everything) {
        self.year = year
        asOf = standing.day
        self.filter = filter
        let members = Dictionary(standing.members.map { ($0.member.id, $0.member) }, uniquingKeysWith: { first, _ in first })
        let milestones = standing.milestones.filter { milestone in
            milestone.on.year == year && filter.includes(milestone.scheme)
                && members[milestone.member].map { filter.includes($0) } == true
        }
        regions = CertificationsReport.regions(of: milestones, members: members)
        let status = StatusReport(standing: standing, filter: filter, horizonDays: 0)
        let certifiedByScheme = status.byScheme.map {
            SchemeFigure(scheme: $0.scheme, name: $0.name, certified: $0.counts.certified)
        }
        figures = Figures(
            newlyCertified: milestones.filter { $0.kind == .newlyCertified }.count,
            renewed: milestones.filter { $0.kind == .renewed }.count,
            joinedGroup: milestones.filter { $0.kind == .joinedGroup }.count,
            certified: status.counts.certified, certifiedByScheme: certifiedByScheme, members: status.counts.members,
            engaged: status.counts.engaged, certifiedShare: status.certifiedShare)
    }

    /// Every entry, region after region, in print order.
    public var entries: [Entry] { regions.flatMap(\.entries) }

    private static func regions(of milestones: [CertificationMilestone], members: [MemberID: Member]) -> [Region] {
        var byRegion: [String: [(Member, CertificationMilestone)]] = [:]
        for milestone in milestones {
            guard let member = members[milestone.member] else { continue }
            byRegion[member.region, default: []].append((member, milestone))
        }
        return byRegion.keys.sorted(by: Collation.precedes).map { region in
            Region(name: region, entries: entries(of: byRegion[region] ?? []))
        }
    }

    /// Top-level lines by name, each GES followed by its companies listed the same year.
    private static func entries(of listed: [(Member, CertificationMilestone)]) -> [Entry] {
        let listedIDs = Set(listed.map(\.0.id))
        func parent(of member: Member) -> MemberID? {
            guard let group = member.group, group != member.id, listedIDs.contains(group) else { return nil }
            return group
        }
        func precedes(_ first: (Member, CertificationMilestone), _ second: (Member, CertificationMilestone)) -> Bool {
            let names = Collation.compare(first.0.name, second.0.name)
            if names != .orderedSame { return names == .orderedAscending }
            let types = (typeRank(first.0), typeRank(second.0))
            if types.0 != types.1 { return types.0.lexicographicallyPrecedes(types.1) }
            let kinds = CertificationMilestone.Kind.allCases
            return (first.0.id, kinds.firstIndex(of: first.1.kind) ?? 0, first.1.scheme)
                < (second.0.id, kinds.firstIndex(of: second.1.kind) ?? 0, second.1.scheme)
        }
        let top = listed.filter { parent(of: $0.0) == nil }.sorted(by: precedes)
        return top.flatMap { member, milestone in
            let children = listed.filter { parent(of: $0.0) == member.id }.sorted(by: precedes)
            let seen = top.prefix { $0.0.id != member.id || $0.1 != milestone }.contains { $0.0.id == member.id }
            return [entry(member, milestone, under: nil)] + (seen ? [] : children.map { entry($0.0, $0.1, under: member.id) })
        }
    }

    private static func typeRank(_ member: Member) -> [Int] {
        member.types.compactMap { CompanyType.allCases.firstIndex(of: $0) }
    }

    private static func entry(_ member: Member, _ milestone: CertificationMilestone, under group: MemberID?) -> Entry {
        Entry(
            member: MemberReference(member), scheme: milestone.scheme, kind: milestone.kind, on: milestone.on,
            underGroup: group, line: line(of: member, nested: group != nil))
    }

    /// `Name (département) - type` as the report writes it: `AI & ACI` for two agreements,
    /// no type for a federation body, no département under a GES.
    static func line(of member: Member, nested: Bool) -> String {
        var line = member.name
        if !nested { line += " (\(member.departement))" }
        if !member.types.contains(where: \.isFederationBody) {
            line += " - " + member.types.map(\.rawValue).joined(separator: " & ")
        }
        return line
    }
}
