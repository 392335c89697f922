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
    /// Every dossier, by member then scheme: a member's dossiers lie together, found by a
    /// binary search or, for every member in turn, along one pass (`forEachMember`).
    public let allDossiers: [DossierStanding]
    /// Every decision and group joining on or before the day, by day then member.
    public let milestones: [CertificationMilestone]

    public init(
        day: Day, schemes: [Scheme], members: [MemberRecord], dossiers: [DossierStanding],
        milestones: [CertificationMilestone]
    ) {
        self.day = day
        self.schemes = schemes
        self.members = Self.inOrder(members) { $0.member.id < $1.member.id }
        self.allDossiers = Self.inOrder(dossiers) { $0.key < $1.key }
        self.milestones = Self.inOrder(milestones, by: CertificationMilestone.inDayOrder)
    }

    /// `values` sorted by `precedes`: the array itself when it is in order already, as a store
    /// reads its members, where a sorted copy copied every record, each of its texts retained
    /// (100,000 members: 67 ms).
    private static func inOrder<Value>(_ values: [Value], by precedes: (Value, Value) -> Bool) -> [Value] {
        let inOrder = values.indices.dropFirst().allSatisfy { !precedes(values[$0], values[$0 - 1]) }
        return inOrder ? values : values.sorted(by: precedes)
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
    public func dossiers(of member: MemberID) -> ArraySlice<DossierStanding> {
        let start = allDossiers.partitionPoint { $0.key.member >= member }
        return allDossiers[start..<allDossiers.partitionPoint(from: start) { $0.key.member > member }]
    }

    /// Calls `body` with each member, in id order, and its dossiers, by scheme: one pass along
    /// the members and the dossiers, where looking each member's up by its id in a dictionary
    /// took about half of a past day's count at 100,000 members (`perf`: 141 of 281 samples).
    public func forEachMember(_ body: (MemberRecord, ArraySlice<DossierStanding>) throws -> Void) rethrows {
        var start = allDossiers.startIndex
        for record in members {
            let id = record.member.id
            // Dossiers of a member the log does not know are in no member's list.
            while start < allDossiers.endIndex, allDossiers[start].key.member < id { start += 1 }
            var end = start
            while end < allDossiers.endIndex, allDossiers[end].key.member == id { end += 1 }
            try body(record, allDossiers[start..<end])
            start = end
        }
    }

    /// The member `id` as it was on the day, if the log knows it.
    public func record(of id: MemberID) -> MemberRecord? {
        let index = members.partitionPoint { $0.member.id >= id }
        return index < members.endIndex && members[index].member.id == id ? members[index] : nil
    }
}

