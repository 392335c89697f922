import Foundation

/// The network on one day, counted: how many members of each kind there are (same region,
/// same types, same standing under each scheme), how many decisions and joinings of each kind
/// each year, and in full only the members a status list names.
///
/// A status report needs no more. Counting kinds lets the store answer from a few aggregate
/// rows where a `NetworkStanding` builds every member, dossier and notice (DESIGN §5, "Reads
/// answer from stored state"); built from a `NetworkStanding` (a replay, or a day before the
/// last facts) it gives the same value, which the store's tests compare.
public struct NetworkTally: Equatable, Sendable {
    /// A dossier's scheme and standing.
    public struct DossierKind: Hashable, Sendable {
        public let scheme: SchemeID
        public let standing: Standing

        public init(scheme: SchemeID, standing: Standing) {
            self.scheme = scheme
            self.standing = standing
        }
    }

    /// Members every count treats alike.
    public struct MemberKind: Hashable, Sendable {
        public let region: String
        /// As the member's profile lists them (`AI+ACI`).
        public let types: [CompanyType]
        /// One per dossier held on the day, by scheme.
        public let dossiers: [DossierKind]

        public init(region: String, types: [CompanyType], dossiers: [DossierKind]) {
            self.region = region
            self.types = types
            self.dossiers = dossiers.sorted { $0.scheme < $1.scheme }
        }

        /// The types as files write them.
        public var typeCode: String { CompanyType.code(for: types) }
    }

    /// Milestones the yearly counts treat alike: a year, what happened, under which scheme,
    /// to a member of which region and types.
    public struct MilestoneKind: Hashable, Sendable {
        public let year: Int
        public let kind: CertificationMilestone.Kind
        public let scheme: SchemeID
        public let region: String
        public let types: [CompanyType]

        public init(year: Int, kind: CertificationMilestone.Kind, scheme: SchemeID, region: String, types: [CompanyType]) {
            self.year = year
            self.kind = kind
            self.scheme = scheme
            self.region = region
            self.types = types
        }
    }

    public let day: Day
    /// The schemes, in the catalog's order.
    public let schemes: [Scheme]
    /// The members of the federation on the day, by kind, with how many there are of each.
    public let members: [MemberKind: Int]
    /// The decisions and group joinings on or before the day of the members the log knows
    /// (members on the day or not), by kind.
    public let milestones: [MilestoneKind: Int]
    /// The members on the day holding a notice of the listed rules within the horizon, or a
    /// suspended dossier: their records, and their dossiers with those notices only.
    public let listed: NetworkStanding

    public init(
        day: Day, schemes: [Scheme], members: [MemberKind: Int], milestones: [MilestoneKind: Int], listed: NetworkStanding
    ) {
        self.day = day
        self.schemes = schemes
        self.members = members
        self.milestones = milestones
        self.listed = listed
    }

    /// The tally of `standing`, listing the notices of `rules` due within `horizon` days.
    public init(standing: NetworkStanding, horizon: Int, listing rules: Set<NoticeRule>) {
        self.init(
            day: standing.day, schemes: standing.schemes, members: Self.memberCounts(in: standing),
            milestones: Self.milestoneCounts(in: standing), listed: Self.listed(in: standing, horizon: horizon, rules: rules))
    }

    /// The members of `standing` on its day, by kind: the tally's first part, which a store
    /// may count while another thread lists (`listed(in:horizon:rules:)`).
    public static func memberCounts(in standing: NetworkStanding) -> [MemberKind: Int] {
        let day = standing.day
        var members: [MemberKind: Int] = [:]
        standing.forEachMember { record, dossiers in
            guard record.isMember(on: day) else { return }
            let kinds = dossiers.map { DossierKind(scheme: $0.key.scheme, standing: $0.standing) }
            members[MemberKind(region: record.member.region, types: record.member.types, dossiers: kinds), default: 0] += 1
        }
        return members
    }

    /// The milestones of `standing` by kind, those of members it does not know left out: the
    /// tally's second part.
    ///
    /// The milestones are taken in member order, each member's profile found along one pass
    /// over the members: found by a binary search for each milestone, every step waited on
    /// memory (at 2016-06-30 of the 100,000-member network, 33,107 milestones took 0.1 s).
    public static func milestoneCounts(in standing: NetworkStanding) -> [MilestoneKind: Int] {
        var milestones: [MilestoneKind: Int] = [:]
        let members = standing.members
        var index = members.startIndex
        for milestone in standing.milestones.sorted(by: { $0.member < $1.member }) {
            while index < members.endIndex, members[index].member.id < milestone.member { index += 1 }
            guard index < members.endIndex, members[index].member.id == milestone.member else { continue }
            let member = members[index].member
            let kind = MilestoneKind(
                year: milestone.on.year, kind: milestone.kind, scheme: milestone.scheme, region: member.region, types: member.types)
            milestones[kind, default: 0] += 1
        }
        return milestones
    }

    /// The members of `standing` a status list names, on its day: members then, holding a
    /// notice of `rules` due within `horizon` days or a suspended dossier; each dossier keeps
    /// only those notices.
    ///
    /// `standing` may hold only some of the network's members (those the store found with
    /// such notices or suspensions), as long as it holds every dossier of each.
    public static func listed(in standing: NetworkStanding, horizon: Int, rules: Set<NoticeRule>) -> NetworkStanding {
        let day = standing.day
        var members: [MemberRecord] = []
        var dossiers: [NetworkStanding.DossierStanding] = []
        standing.forEachMember { record, own in
            guard record.isMember(on: day) else { return }
            let listed = own.map { dossier in
                NetworkStanding.DossierStanding(
                    key: dossier.key, standing: dossier.standing, suspendedOn: dossier.suspendedOn,
                    suspensionReason: dossier.suspensionReason,
                    notices: dossier.notices(horizon: horizon, on: day).filter { rules.contains($0.rule) })
            }
            guard listed.contains(where: { !$0.notices.isEmpty || $0.standing == .suspended }) else { return }
            members.append(record)
            dossiers += listed
        }
        return NetworkStanding(day: day, schemes: standing.schemes, members: members, dossiers: dossiers, milestones: [])
    }
}
