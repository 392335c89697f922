import CedreCore
import Foundation
import GRDB

extension CedreStore {
    /// The network on `day` counted as the status report counts it, listing the notices of
    /// `rules` due within `horizon` days (DESIGN §5, "Reads answer from stored state").
    ///
    /// On a day no fact follows (today, typically) stored rows answer: one pass over the
    /// members with their dossiers' standings, decisions and joinings read beside it in the
    /// same order, then the few members a list names. On a day some facts follow, the standing
    /// `standing(on:)` gives is counted.
    ///
    /// The members a list names are read on a second connection while this one counts
    /// (`CompanionRead`).
    public func tally(on day: Day, horizon: Int, listing rules: Set<NoticeRule>) throws -> NetworkTally {
        try tally(on: day, horizon: horizon, listing: rules, splittingFrom: TallyRows.splitFrom)
    }

    /// `tally(on:horizon:listing:)`, the members counted in two halves at once from networks of
    /// `splittingFrom` members (`TallyRows.split`).
    func tally(on day: Day, horizon: Int, listing rules: Set<NoticeRule>, splittingFrom: Int) throws -> NetworkTally {
        let catalog = catalog
        return try writer.read { db in
            guard try StandingRows.answersFromRows(on: day, in: db) else {
                return try Self.tally(of: standing(on: day, in: db), horizon: horizon, listing: rules)
            }
            let lists = try CompanionRead(self, beside: db) { db in
                try TallyRows.listed(on: day, horizon: horizon, rules: rules, catalog: catalog, in: db)
            }
            let split = try TallyRows.split(in: db, from: splittingFrom)
            let lastHalf = try split.map { split in
                try CompanionRead(self, beside: db) { db in try TallyRows.counts(on: day, catalog: catalog, of: .from(split), in: db) }
            }
            let counted = Result { try TallyRows.counts(on: day, catalog: catalog, of: split.map { .before($0) } ?? .all, in: db) }
            let listed = try lists.value(in: db)
            var counts = try counted.get()
            if let other = try lastHalf?.value(in: db) {
                counts.members.merge(other.members, uniquingKeysWith: +)
                counts.milestones.merge(other.milestones, uniquingKeysWith: +)
            }
            return NetworkTally(
                day: day, schemes: catalog.schemes, members: counts.members, milestones: counts.milestones, listed: listed)
        }
    }

    /// `NetworkTally(standing:horizon:listing:)`, its lists drawn on another thread while this
    /// one counts: on a past day the replay leaves one core idle meanwhile.
    private static func tally(of standing: NetworkStanding, horizon: Int, listing rules: Set<NoticeRule>) throws -> NetworkTally {
        let listed = BackgroundWork { NetworkTally.listed(in: standing, horizon: horizon, rules: rules) }
        let members = NetworkTally.memberCounts(in: standing)
        let milestones = NetworkTally.milestoneCounts(in: standing)
        return NetworkTally(
            day: standing.day, schemes: standing.schemes, members: members, milestones: milestones, listed: try listed.value())
    }

    /// The regions of the members the log knows, each once: the names a region filter accepts
    /// besides the federation's own.
    public func memberRegions() throws -> [String] {
        try writer.read { db in try String.fetchAll(db, sql: "SELECT DISTINCT region FROM member ORDER BY region") }
    }
}

/// The reads behind `CedreStore.tally(on:horizon:listing:)`.
enum TallyRows {
    /// The members on `day` by kind (region, types, and the standing of each dossier its
    /// calendar gives on the day), and the decisions and group joinings on or before it of the
    /// members the log knows, by kind.
    ///
    /// The members are read in id order, and beside them, in the same order, the standings
    /// holding on the day and the milestones up to it (`MemberOrderedRows`): each member's rows
    /// are counted with its profile as the pass reaches it. A member who does not belong to the
    /// network on the day (not joined yet, or left) is not counted; its milestones are.
    static func counts(
        on day: Day, catalog: SchemeCatalog, of part: Part = .all, in db: Database
    ) throws -> (members: [NetworkTally.MemberKind: Int], milestones: [NetworkTally.MilestoneKind: Int]) {
        var standings = MemberOrderedRows(try Row.fetchCursor(db.cachedStatement(sql: """
            SELECT member_id, scheme_id, standing FROM calendar_standing
            WHERE +from_on <= ? AND +until_on > ? \(part.condition("member_id")) ORDER BY member_id, scheme_id
            """), arguments: [day, day] + part.arguments)) { row in
                Standing(rawValue: row[2]).map { NetworkTally.DossierKind(scheme: row[1], standing: $0) }
            }
        var milestones = MemberOrderedRows(try Row.fetchCursor(db.cachedStatement(sql: """
            SELECT member_id, CAST(substr(decided_on, 1, 4) AS INTEGER), kind, scheme_id FROM decision
            WHERE +decided_on <= ? \(part.condition("member_id"))
            UNION ALL
            SELECT member_id, CAST(substr(joined_on, 1, 4) AS INTEGER), NULL, scheme_id FROM group_membership
            WHERE joined_on <= ? \(part.condition("member_id"))
            ORDER BY member_id
            """), arguments: [day] + part.arguments + [day] + part.arguments)) { row in
                Milestone(year: row[1], decision: row[2], scheme: row[3])
            }
        let members = try Row.fetchCursor(db.cachedStatement(sql: """
            SELECT id, \(MemberProfiles.writtenColumn),
                coalesce(joined_on, ?1) <= ?1 AND (left_on IS NULL OR ?1 <= left_on) FROM member
            WHERE 1 \(part.condition("id")) ORDER BY id
            """), arguments: [day] + part.arguments)
        var profiles = MemberProfiles()
        var memberCounts: [MemberCount: Int] = [:]
        var milestoneCounts: [MilestoneCount: Int] = [:]
        while let row = try members.next() {
            let id: String = row[0]
            let profile = try profiles.index(of: row[1], member: id)
            let present: Bool = row[2]
            var dossiers: [NetworkTally.DossierKind] = []
            try standings.take(id) { dossiers.append($0) }
            if present { memberCounts[MemberCount(profile: profile, dossiers: dossiers), default: 0] += 1 }
            try milestones.take(id) { milestoneCounts[MilestoneCount(profile: profile, milestone: $0), default: 0] += 1 }
        }
        var memberKinds: [NetworkTally.MemberKind: Int] = [:]
        for (counted, number) in memberCounts {
            let profile = profiles.kinds[counted.profile]
            memberKinds[NetworkTally.MemberKind(region: profile.region, types: profile.types, dossiers: counted.dossiers), default: 0]
                += number
        }
        var milestoneKinds: [NetworkTally.MilestoneKind: Int] = [:]
        for (counted, number) in milestoneCounts {
            let milestone = counted.milestone
            let what: CertificationMilestone.Kind
            if let decision = milestone.decision {
                guard let kind = Certification.Decision.Kind(rawValue: decision), let definition = catalog[milestone.scheme] else {
                    continue
                }
                what = CertificationMilestone.Kind(decision: kind, under: definition)
            } else {
                what = .joinedGroup
            }
            let profile = profiles.kinds[counted.profile]
            let kind = NetworkTally.MilestoneKind(
                year: milestone.year, kind: what, scheme: milestone.scheme, region: profile.region, types: profile.types)
            milestoneKinds[kind, default: 0] += number
        }
        return (memberKinds, milestoneKinds)
    }

    /// The members a pass of `counts` reads: all of them, or those before or from a member id
    /// (SQLite's binary order, the order of the pass).
    enum Part {
        case all
        case before(String)
        case from(String)

        /// `AND column < ?` or `AND column >= ?`, bound to `arguments`; empty for all.
        func condition(_ column: String) -> String {
            switch self {
            case .all: ""
            case .before: "AND \(column) < ?"
            case .from: "AND \(column) >= ?"
            }
        }

        var arguments: StatementArguments {
            switch self {
            case .all: []
            case .before(let id), .from(let id): [id]
            }
        }
    }

    /// The member id that parts the members in two halves, for two passes of `counts` on two
    /// connections at once; nil when the network has fewer than `smallest` members (a second
    /// connection and thread would cost more than they save), or on one core.
    ///
    /// The counts are a status report's largest part and run on the first connection while its
    /// lists are read on a second: at 5,000 members, 72 of its 132 M instructions (callgrind).
    static func split(in db: Database, from smallest: Int) throws -> String? {
        guard ProcessInfo.processInfo.activeProcessorCount > 1 else { return nil }
        let members = try Int.fetchOne(db, sql: "SELECT count(*) FROM member") ?? 0
        guard members >= max(smallest, 2) else { return nil }
        return try String.fetchOne(db, sql: "SELECT id FROM member ORDER BY id LIMIT 1 OFFSET ?", arguments: [members / 2])
    }

    /// The smallest network whose counts are split in two.
    static let splitFrom = 1_000

    /// Members counted alike before their profile is looked up: its index in `MemberProfiles.kinds`.
    private struct MemberCount: Hashable {
        let profile: Int
        let dossiers: [NetworkTally.DossierKind]
    }

    /// A decision (its kind) or a group joining (none), by year and scheme.
    private struct Milestone: Hashable {
        let year: Int
        let decision: String?
        let scheme: SchemeID
    }

    /// Milestones counted alike before their member's profile is looked up.
    private struct MilestoneCount: Hashable {
        let profile: Int
        let milestone: Milestone
    }

    /// The members a status list names on `day`, read in full: those holding a stored notice
    /// of `rules` due within `horizon` days or a suspended dossier.
    static func listed(
        on day: Day, horizon: Int, rules: Set<NoticeRule>, catalog: SchemeCatalog, in db: Database
    ) throws -> NetworkStanding {
        let listedRules = rules.map(\.rawValue).sorted()
        let placeholders = Array(repeating: "?", count: listedRules.count).joined(separator: ", ")
        let ids = try MemberID.fetchAll(db, sql: """
            SELECT member_id FROM calendar_notice
            WHERE rule IN (\(placeholders)) AND until_on > ? AND from_on <= ? AND (rule <> 'due-soon' OR due_on <= ?)
            UNION
            SELECT member_id FROM calendar_standing WHERE standing = 'suspended' AND until_on > ? AND from_on <= ?
            """, arguments: StatementArguments(listedRules) + [day, day, day.adding(days: horizon), day, day])
        let candidates = NetworkStanding(
            day: day, schemes: catalog.schemes, members: try MemberRows.fetch(ids, in: db),
            dossiers: try StandingRows.storedDossiers(on: day, except: [], of: ids, horizon: horizon, rules: rules, in: db),
            milestones: [])
        return NetworkTally.listed(in: candidates, horizon: horizon, rules: rules)
    }
}
