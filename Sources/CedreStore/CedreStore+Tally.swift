import CedreCore
import Foundation
import GRDB

extension CedreStore {
    /// The network on `day` counted as the status report counts it, listing the notices of
    /// `rules` due within `horizon` days (DESIGN §5, "Reads answer from stored state").
    ///
    /// On a day no fact follows (today, typically) stored rows answer, each table read once in a
    /// single pass: the members' profiles, their dossiers' standings, the decisions and
    /// joinings, then the few members a list names. On a day some facts follow, the standing
    /// `standing(on:)` gives is counted.
    public func tally(on day: Day, horizon: Int, listing rules: Set<NoticeRule>) throws -> NetworkTally {
        try writer.read { db in
            guard try StandingRows.answersFromRows(on: day, in: db) else {
                return NetworkTally(standing: try standing(on: day, in: db), horizon: horizon, listing: rules)
            }
            let profiles = try MemberProfiles(on: day, in: db)
            return NetworkTally(
                day: day, schemes: catalog.schemes, members: try TallyRows.members(on: day, profiles: profiles, in: db),
                milestones: try TallyRows.milestones(through: day, profiles: profiles, catalog: catalog, in: db),
                listed: try TallyRows.listed(on: day, horizon: horizon, rules: rules, catalog: catalog, in: db))
        }
    }

    /// The regions of the members the log knows, each once: the names a region filter accepts
    /// besides the federation's own.
    public func memberRegions() throws -> [String] {
        try writer.read { db in try String.fetchAll(db, sql: "SELECT DISTINCT region FROM member ORDER BY region") }
    }
}

/// The reads behind `CedreStore.tally(on:horizon:listing:)`.
enum TallyRows {
    /// The members on `day` by kind: each member's region, types and the standing of each
    /// dossier its calendar gives on the day.
    ///
    /// The dossiers holding on the day are read in one pass in member order and gathered member
    /// by member; the members without any are counted from `profiles` alone.
    static func members(on day: Day, profiles: MemberProfiles, in db: Database) throws -> [NetworkTally.MemberKind: Int] {
        var counts: [MemberCount: Int] = [:]
        var withDossiers = Array(repeating: 0, count: profiles.kinds.count)
        var current: (member: String, dossiers: [NetworkTally.DossierKind])?
        func count() {
            guard let (member, dossiers) = current, let profile = profiles.present(member) else { return }
            counts[MemberCount(profile: profile, dossiers: dossiers), default: 0] += 1
            withDossiers[profile] += 1
        }
        let rows = try Row.fetchCursor(db.cachedStatement(sql: """
            SELECT member_id, scheme_id, standing FROM calendar_standing
            WHERE +from_on <= ? AND +until_on > ? ORDER BY member_id
            """), arguments: [day, day])
        while let row = try rows.next() {
            let member: String = row[0]
            guard let standing = Standing(rawValue: row[2]) else { continue }
            let dossier = NetworkTally.DossierKind(scheme: row[1], standing: standing)
            if current?.member == member {
                current?.dossiers.append(dossier)
            } else {
                count()
                current = (member, [dossier])
            }
        }
        count()
        for (profile, present) in profiles.presentCounts.enumerated() where present > withDossiers[profile] {
            counts[MemberCount(profile: profile, dossiers: []), default: 0] += present - withDossiers[profile]
        }
        var kinds: [NetworkTally.MemberKind: Int] = [:]
        for (counted, number) in counts {
            let profile = profiles.kinds[counted.profile]
            kinds[NetworkTally.MemberKind(region: profile.region, types: profile.types, dossiers: counted.dossiers), default: 0] += number
        }
        return kinds
    }

    /// Decisions and group joinings on or before `day` of the members the log knows, by kind.
    static func milestones(
        through day: Day, profiles: MemberProfiles, catalog: SchemeCatalog, in db: Database
    ) throws -> [NetworkTally.MilestoneKind: Int] {
        var counts: [MilestoneCount: Int] = [:]
        let rows = try Row.fetchCursor(db.cachedStatement(sql: """
            SELECT member_id, CAST(substr(decided_on, 1, 4) AS INTEGER), kind, scheme_id FROM decision WHERE +decided_on <= ?
            UNION ALL
            SELECT member_id, CAST(substr(joined_on, 1, 4) AS INTEGER), NULL, scheme_id FROM group_membership WHERE joined_on <= ?
            """), arguments: [day, day])
        while let row = try rows.next() {
            guard let profile = profiles.profile(of: row[0]) else { continue }
            counts[MilestoneCount(profile: profile, year: row[1], decision: row[2], scheme: row[3]), default: 0] += 1
        }
        var kinds: [NetworkTally.MilestoneKind: Int] = [:]
        for (counted, number) in counts {
            let what: CertificationMilestone.Kind
            if let decision = counted.decision {
                guard let kind = Certification.Decision.Kind(rawValue: decision), let definition = catalog[counted.scheme] else { continue }
                what = CertificationMilestone.Kind(decision: kind, under: definition)
            } else {
                what = .joinedGroup
            }
            let profile = profiles.kinds[counted.profile]
            let kind = NetworkTally.MilestoneKind(
                year: counted.year, kind: what, scheme: counted.scheme, region: profile.region, types: profile.types)
            kinds[kind, default: 0] += number
        }
        return kinds
    }

    /// Members counted alike before their profile is looked up: its index in `MemberProfiles.kinds`.
    private struct MemberCount: Hashable {
        let profile: Int
        let dossiers: [NetworkTally.DossierKind]
    }

    /// Milestones counted alike; a joining has no decision.
    private struct MilestoneCount: Hashable {
        let profile: Int
        let year: Int
        let decision: String?
        let scheme: SchemeID
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
