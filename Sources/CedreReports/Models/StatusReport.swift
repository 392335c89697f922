import CedreCore
import Foundation

/// The network's certification status on a day: members by state, by scheme, by region and
/// by type, and the share certified.
public struct StatusReport: Encodable, Equatable, Sendable {
    /// How many members stand in each state, overall or under one scheme.
    public struct Counts: Encodable, Equatable, Sendable {
        public var members = 0
        public var certified = 0
        public var engaged = 0
        public var suspended = 0
        public var expired = 0
        public var lapsed = 0
        public var withdrawn = 0
        public var none = 0

        mutating func add(_ standing: Standing?) {
            members += 1
            switch standing {
            case .certified?: certified += 1
            case .engaged?, .initialAuditPlanned?, .audited?, .candidate?: engaged += 1
            case .suspended?: suspended += 1
            case .expired?: expired += 1
            case .lapsed?: lapsed += 1
            case .withdrawn?: withdrawn += 1
            case nil: none += 1
            }
        }
    }

    public struct SchemeLine: Encodable, Equatable, Sendable {
        public let scheme: SchemeID
        public let name: String
        public let counts: Counts
    }

    public struct GroupLine: Encodable, Equatable, Sendable {
        public let name: String
        public let counts: Counts
    }

    public let asOf: Day
    public let counts: Counts
    /// certified / members, a computed share (not the rounded figure a printed report shows).
    public let certifiedShare: Double
    public let byScheme: [SchemeLine]
    public let byRegion: [GroupLine]
    public let byType: [GroupLine]

    /// The report of `register`, counting each member once by its best standing.
    public init(register: CertificationRegister) {
        asOf = register.day
        let network = register.network
        let members = network.members.values.filter { $0.isMember(on: register.day) }.sorted { $0.member.id < $1.member.id }
        var counts = Counts()
        var byScheme: [SchemeID: Counts] = [:]
        var byRegion: [String: Counts] = [:]
        var byType: [String: Counts] = [:]
        for record in members {
            let statuses = register.statuses(of: record.member.id)
            let best = StatusReport.best(statuses.map(\.standing))
            counts.add(best)
            byRegion[record.member.region, default: Counts()].add(best)
            byType[record.member.typeCode, default: Counts()].add(best)
            for status in statuses {
                byScheme[status.scheme, default: Counts()].add(status.standing)
            }
        }
        self.counts = counts
        certifiedShare = counts.members == 0 ? 0 : Double(counts.certified) / Double(counts.members)
        self.byScheme = network.catalog.schemes.map { scheme in
            SchemeLine(scheme: scheme.id, name: scheme.name, counts: byScheme[scheme.id] ?? Counts())
        }
        let french = Locale(identifier: "fr_FR")
        self.byRegion = byRegion.keys.sorted { $0.compare($1, locale: french) == .orderedAscending }
            .map { GroupLine(name: $0, counts: byRegion[$0] ?? Counts()) }
        self.byType = byType.keys.sorted().map { GroupLine(name: $0, counts: byType[$0] ?? Counts()) }
    }

    /// The standing that says most about a member holding several: certified first.
    static func best(_ standings: [Standing]) -> Standing? {
        let order: [Standing] = [.certified, .suspended, .expired, .audited, .initialAuditPlanned, .engaged, .candidate, .lapsed, .withdrawn]
        return order.first { standings.contains($0) }
    }
}
