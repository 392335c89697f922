import Foundation

/// The network on one day as reports and lists count it: each member as it was that day, each
/// dossier's standing, suspension and notices, and the decisions and joinings up to that day.
///
/// Built from a replay (`init(register:)`, any day) or, by the store, from the calendars it
/// keeps (a day on or after the last facts); both give the same value, which is what the
/// status report and the member list read.
public struct NetworkStanding: Equatable, Sendable {
    /// One dossier on the day.
    public struct DossierStanding: Equatable, Sendable {
        public let key: CertificationKey
        public let standing: Standing
        /// For a suspended member: since when and why (`member-request`, `membership`…).
        public let suspendedOn: Day?
        public let suspensionReason: String?
        /// Every notice on the day, deadlines announced however far ahead they fall.
        public let notices: [Notice]

        public init(key: CertificationKey, standing: Standing, suspendedOn: Day?, suspensionReason: String?, notices: [Notice]) {
            self.key = key
            self.standing = standing
            self.suspendedOn = suspendedOn
            self.suspensionReason = suspensionReason
            self.notices = notices.sorted(by: Notice.precedes)
        }

        /// The notices reported with `horizon` days of announcements.
        public func notices(horizon: Int, on day: Day) -> [Notice] {
            notices.filter { $0.rule != .dueSoon || $0.due <= day.adding(days: horizon) }
        }
    }

    public let day: Day
    /// The schemes, in the catalog's order.
    public let schemes: [Scheme]
    /// Every member the log knows, as it was on the day (members or not on that day), by id.
    public let members: [MemberRecord]
    /// Each member's dossiers, by scheme.
    private let dossiersByMember: [MemberID: [DossierStanding]]
    /// Every decision and group joining on or before the day, by day then member.
    public let milestones: [CertificationMilestone]

    public init(
        day: Day, schemes: [Scheme], members: [MemberRecord], dossiers: [DossierStanding],
        milestones: [CertificationMilestone]
    ) {
        self.day = day
        self.schemes = schemes
        self.members = members.sorted { $0.member.id < $1.member.id }
        self.dossiersByMember = Dictionary(grouping: dossiers, by: \.key.member).mapValues { $0.sorted { $0.key < $1.key } }
        self.milestones = milestones.sorted(by: CertificationMilestone.inDayOrder)
    }

    /// The register's network on its day, replayed.
    public init(register: CertificationRegister) {
        let day = register.day
        let network = register.network
        var dossiers: [DossierStanding] = []
        for status in register.allStatuses {
            let key = CertificationKey(member: status.member, scheme: status.scheme)
            guard network.dossiers[key] != nil else { continue }
            let suspension = status.suspensionInForce
            dossiers.append(DossierStanding(
                key: key, standing: status.standing, suspendedOn: suspension?.on, suspensionReason: suspension?.reason,
                notices: network.notices(of: key, on: day, horizon: Network.unboundedHorizon)))
        }
        self.init(
            day: day, schemes: network.catalog.schemes, members: Array(network.members.values), dossiers: dossiers,
            milestones: CertificationMilestone.all(in: network, through: day))
    }

    /// The member's dossiers, by scheme.
    public func dossiers(of member: MemberID) -> [DossierStanding] {
        dossiersByMember[member] ?? []
    }

    /// Every dossier, by member then scheme.
    public var allDossiers: [DossierStanding] {
        dossiersByMember.keys.sorted().flatMap { dossiersByMember[$0] ?? [] }
    }
}

