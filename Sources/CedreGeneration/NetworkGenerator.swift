import CedreCore
import Foundation

/// Makes synthetic federations of any size, the same for the same seed on every machine: the
/// data that tests and benchmarks load (DESIGN §8 and §9).
///
/// Members follow the 2013 network's mix of types, départements and GES; their certifications
/// start over the years and run through audits, findings with their corrective actions,
/// decisions, surveillance, renewals, suspensions, expiries and withdrawals, so that 100,000
/// members make about a million facts. One national body runs a CEDRE ISO 9001 group
/// certificate with a few tens of sites.
public struct NetworkGenerator: Sendable {
    public let seed: UInt64
    public let departements: DepartementDirectory
    public let catalog: SchemeCatalog

    /// The single-site scheme members certify under, and the group scheme of the national body.
    public static let singleScheme: SchemeID = "cedre"
    public static let groupScheme: SchemeID = "cedre-iso"

    public init(seed: UInt64, departements: DepartementDirectory, catalog: SchemeCatalog = .bundled) {
        self.seed = seed
        self.departements = departements
        self.catalog = catalog
    }

    /// What a member does with certification over the years.
    private enum Intent {
        case none
        case engagedOnly
        case certified
    }

    /// A network of `count` members whose facts fall in `years`; `progress` is told how many
    /// members' stories are written, every thousand.
    public func generate(
        members count: Int, years: ClosedRange<Int>, progress: ((_ done: Int, _ total: Int) -> Void)? = nil
    ) -> GeneratedNetwork {
        var random = SeededGenerator(seed: seed)
        let firstDay = Day.firstDay(ofYear: years.lowerBound)
        let lastDay = Day.lastDay(ofYear: years.upperBound)
        let members = makeMembers(count, firstDay: firstDay, lastDay: lastDay, random: &random)
        let intents = members.map { intent(of: $0.member, random: &random) }
        let sites = groupSites(members: members, intents: intents, random: &random)
        let auditors = makeAuditors(members: members, intents: intents, firstDay: firstDay, lastDay: lastDay, random: &random)
        let links = makeLinks(members: members, random: &random)
        let groupOf = Dictionary(
            members.compactMap { entry in entry.member.group.map { (entry.member.id, $0) } }, uniquingKeysWith: { first, _ in first })

        var story = CertificationStory(random: random, lastDay: lastDay, auditors: auditors, groupOf: groupOf)
        if let central = members.first(where: { $0.member.types.contains(.national) })?.member.id,
            let scheme = catalog[NetworkGenerator.groupScheme], !sites.isEmpty
        {
            story.group(scheme: scheme, central: central, sites: sites, startOn: firstDay.adding(days: story.random.integer(in: 0...90)))
        }
        if let scheme = catalog[NetworkGenerator.singleScheme] {
            let siteSet = Set(sites)
            for (index, entry) in members.enumerated() {
                if index % 1000 == 999 { progress?(index + 1, count) }
                let intent = intents[index]
                guard intent != .none else { continue }
                let latestStart = intent == .certified ? lastDay.adding(days: -365) : lastDay
                var engaged = story.random.day(from: firstDay, through: max(firstDay, latestStart))
                if let joined = entry.joined, joined >= engaged {
                    engaged = joined.adding(days: story.random.integer(in: 30...90))
                }
                guard engaged <= lastDay else { continue }
                story.single(
                    CertificationKey(member: entry.member.id, scheme: scheme.id), scheme: scheme, engagedOn: engaged,
                    certifies: intent == .certified, canLeave: !siteSet.contains(entry.member.id))
            }
        }
        progress?(count, count)
        return GeneratedNetwork(
            members: members, facts: NetworkGenerator.inDayOrder(story.facts, through: lastDay), auditors: auditors,
            links: links, years: years)
    }

    // MARK: Members

    private func makeMembers(
        _ count: Int, firstDay: Day, lastDay: Day, random: inout SeededGenerator
    ) -> [(member: Member, joined: Day?)] {
        let width = max(6, String(count).count)
        func id(_ number: Int) -> MemberID {
            MemberID(rawValue: "synthetique-" + number.zeroPadded(to: width))
        }
        func joined() -> Day {
            random.chance(0.85)
                ? random.day(from: firstDay.adding(years: -22), through: firstDay.adding(days: -1))
                : random.day(from: firstDay, through: lastDay)
        }
        var members: [(member: Member, joined: Day?)] = []
        members.reserveCapacity(count)
        guard count > 0 else { return members }
        members.append((Member(
            id: id(1), name: "Fédération nationale synthétique", types: [.national], departement: "75",
            region: departements["75"]?.federationRegion ?? "Ile-de-France", source: "synthetic"), joined()))

        let bodies = departements.departements.filter { $0.regionalBody != nil }
        let regions = Dictionary(grouping: bodies, by: \.federationRegion).sorted { $0.key < $1.key }
        let regionalCount = min(regions.count, Int((Double(count) * NetworkMix.regionalBodyShare).rounded()), count - 1)
        for (region, places) in random.shuffled(regions).prefix(regionalCount) {
            let place = places.min { $0.code < $1.code } ?? places[0]
            members.append((Member(
                id: id(members.count + 1), name: "COORACE \(region) (synthétique)", types: [.regional],
                departement: place.code, region: region, source: "synthetic"), joined()))
        }

        var groupsByRegion: [String: [MemberID]] = [:]
        var allGroups: [MemberID] = []
        while members.count < count {
            let number = members.count + 1
            let types = random.weighted(NetworkMix.companyTypes)
            let code = random.weighted(NetworkMix.departements)
            let region = departements[code]?.federationRegion ?? ""
            var group: MemberID?
            if !types.contains(.ges), !allGroups.isEmpty, random.chance(NetworkMix.groupedShare) {
                group = random.element(of: groupsByRegion[region] ?? allGroups)
            }
            let kind = types.contains(.ges) ? "GES" : "Adhérent"
            let member = Member(
                id: id(number), name: "\(kind) synthétique \(number)", types: types, departement: code, region: region,
                group: group, source: "synthetic")
            if types.contains(.ges) {
                groupsByRegion[region, default: []].append(member.id)
                allGroups.append(member.id)
            }
            members.append((member, joined()))
        }
        return members
    }

    /// Companies: 30 % never engage, 43 % engage without a certificate, 27 % get certified
    /// at some point; regional bodies seldom engage; the national body runs the group.
    private func intent(of member: Member, random: inout SeededGenerator) -> Intent {
        if member.types.contains(.national) { return .none }
        if member.types.contains(.regional) { return random.chance(0.15) ? .engagedOnly : .none }
        let draw = random.unitInterval()
        return draw < 0.30 ? .none : draw < 0.73 ? .engagedOnly : .certified
    }

    /// The group certificate's sites: members with no CEDRE story of their own.
    private func groupSites(
        members: [(member: Member, joined: Day?)], intents: [Intent], random: inout SeededGenerator
    ) -> [MemberID] {
        let wanted = min(NetworkMix.maximumGroupSites, Int((Double(members.count) * NetworkMix.groupSiteShare).rounded()))
        guard wanted > 0 else { return [] }
        let candidates = members.indices.filter { index in
            intents[index] == .none && !members[index].member.types.contains(.national)
        }
        return random.shuffled(candidates).prefix(wanted).sorted().map { members[$0].member.id }
    }

    /// About one trained cross-auditor for three certified companies.
    private func makeAuditors(
        members: [(member: Member, joined: Day?)], intents: [Intent], firstDay: Day, lastDay: Day,
        random: inout SeededGenerator
    ) -> [GeneratedNetwork.Auditor] {
        var auditors: [GeneratedNetwork.Auditor] = []
        for (index, entry) in members.enumerated() where intents[index] == .certified && random.chance(0.3) {
            let padded = (auditors.count + 1).zeroPadded(to: 4)
            auditors.append(GeneratedNetwork.Auditor(
                id: AuditorID(rawValue: "auditeur-\(padded)"), member: entry.member.id,
                name: "Auditeur croisé synthétique \(padded)",
                trainedOn: random.day(from: firstDay.adding(years: -2), through: lastDay)))
        }
        return auditors
    }

    /// Declared client/supplier links between companies of one region (2 % of them).
    private func makeLinks(members: [(member: Member, joined: Day?)], random: inout SeededGenerator) -> [GeneratedNetwork.Link] {
        var previous: [String: MemberID] = [:]
        var links: [GeneratedNetwork.Link] = []
        for entry in members where !entry.member.types.contains(where: \.isFederationBody) {
            if let partner = previous[entry.member.region], random.chance(0.02) {
                links.append(GeneratedNetwork.Link(member: entry.member.id, partner: partner))
            }
            previous[entry.member.region] = entry.member.id
        }
        return links
    }

    // MARK: Order

    /// The facts up to `lastDay`, sorted by day and, within a day, in the order written
    /// (a stable counting sort: a million facts span a few thousand days).
    static func inDayOrder(_ facts: [DatedFact], through lastDay: Day) -> [DatedFact] {
        let kept = facts.filter { $0.day <= lastDay }
        guard let first = kept.map(\.day.ordinal).min() else { return [] }
        var starts = [Int](repeating: 0, count: lastDay.ordinal - first + 2)
        for fact in kept { starts[fact.day.ordinal - first + 1] += 1 }
        for index in 1..<starts.count { starts[index] += starts[index - 1] }
        var order = [Int](repeating: 0, count: kept.count)
        for (index, fact) in kept.enumerated() {
            let bucket = fact.day.ordinal - first
            order[starts[bucket]] = index
            starts[bucket] += 1
        }
        return order.map { kept[$0] }
    }
}
