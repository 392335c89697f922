import CedreCore
import Foundation
import GRDB

extension CedreStore {
    /// The network on `day` counted as the status report counts it, listing the notices of
    /// `rules` due within `horizon` days (DESIGN §5, "Reads answer from stored state").
    ///
    /// On a day no fact follows (today, typically) three aggregate reads answer: the members by
    /// kind with their dossiers' standings, the decisions and joinings by kind, and the few
    /// members a list names. On a day some facts follow, the standing `standing(on:)` gives is
    /// counted.
    public func tally(on day: Day, horizon: Int, listing rules: Set<NoticeRule>) throws -> NetworkTally {
        try writer.read { db in
            guard try TallyRows.answersFromRows(on: day, in: db) else {
                return NetworkTally(standing: try standing(on: day, in: db), horizon: horizon, listing: rules)
            }
            return NetworkTally(
                day: day, schemes: catalog.schemes, members: try TallyRows.members(on: day, in: db),
                milestones: try TallyRows.milestones(through: day, catalog: catalog, in: db),
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
    /// Whether every dossier and member answers for `day` from its stored rows: no dossier's
    /// calendar starts after it, no member's profile changes after it.
    static func answersFromRows(on day: Day, in db: Database) throws -> Bool {
        let laterCalendar = try Bool.fetchOne(
            db, sql: "SELECT EXISTS (SELECT 1 FROM dossier_calendar WHERE from_on > ?)", arguments: [day]) ?? true
        return try !laterCalendar && StandingRows.memberStreamsChanged(after: day, in: db).isEmpty
    }

    /// The members on `day` by kind: each member's region, types and the standing of each
    /// dossier its calendar gives on the day, counted by SQLite.
    static func members(on day: Day, in db: Database) throws -> [NetworkTally.MemberKind: Int] {
        var kinds: [NetworkTally.MemberKind: Int] = [:]
        var known: [String: [CompanyType]] = [:]
        let rows = try Row.fetchCursor(db, sql: """
            SELECT region, type, dossiers, count(*) FROM (
                SELECT m.region, m.type, group_concat(s.scheme_id || char(31) || s.standing, char(30)) AS dossiers
                FROM member m
                LEFT JOIN calendar_standing s ON s.member_id = m.id AND s.from_on <= :day AND s.until_on > :day
                WHERE coalesce(m.joined_on, :day) <= :day AND (m.left_on IS NULL OR :day <= m.left_on)
                GROUP BY m.id)
            GROUP BY region, type, dossiers
            """, arguments: ["day": day])
        while let row = try rows.next() {
            let dossiers = ((row[2] as String?) ?? "").split(separator: "\u{1E}").compactMap { dossier -> NetworkTally.DossierKind? in
                let parts = dossier.split(separator: "\u{1F}", maxSplits: 1).map(String.init)
                guard parts.count == 2, let standing = Standing(rawValue: parts[1]) else { return nil }
                return NetworkTally.DossierKind(scheme: SchemeID(rawValue: parts[0]), standing: standing)
            }
            let kind = NetworkTally.MemberKind(region: row[0], types: try types(row[1], known: &known, in: db), dossiers: dossiers)
            kinds[kind, default: 0] += row[3] as Int
        }
        return kinds
    }

    /// Decisions and group joinings on or before `day` of the members the log knows, by kind.
    static func milestones(through day: Day, catalog: SchemeCatalog, in db: Database) throws -> [NetworkTally.MilestoneKind: Int] {
        var kinds: [NetworkTally.MilestoneKind: Int] = [:]
        var known: [String: [CompanyType]] = [:]
        let decisions = try Row.fetchCursor(db, sql: """
            SELECT d.decided_on, d.kind, d.scheme_id, m.region, m.type FROM decision d JOIN member m ON m.id = d.member_id
            WHERE d.decided_on <= ?
            """, arguments: [day])
        while let row = try decisions.next() {
            guard let on = row.day(atIndex: 0), let decision = Certification.Decision.Kind(rawValue: row[1]),
                let scheme = catalog[SchemeID(rawValue: row[2])]
            else { continue }
            let kind = NetworkTally.MilestoneKind(
                year: on.year, kind: CertificationMilestone.Kind(decision: decision, under: scheme), scheme: scheme.id,
                region: row[3], types: try types(row[4], known: &known, in: db))
            kinds[kind, default: 0] += 1
        }
        let joinings = try Row.fetchCursor(db, sql: """
            SELECT g.joined_on, g.scheme_id, m.region, m.type FROM group_membership g JOIN member m ON m.id = g.member_id
            WHERE g.joined_on <= ?
            """, arguments: [day])
        while let row = try joinings.next() {
            guard let on = row.day(atIndex: 0) else { continue }
            let kind = NetworkTally.MilestoneKind(
                year: on.year, kind: .joinedGroup, scheme: SchemeID(rawValue: row[1]), region: row[2],
                types: try types(row[3], known: &known, in: db))
            kinds[kind, default: 0] += 1
        }
        return kinds
    }

    /// The members a status list names on `day`, read in full: those holding a stored notice
    /// of `rules` due within `horizon` days or a suspended dossier.
    static func listed(
        on day: Day, horizon: Int, rules: Set<NoticeRule>, catalog: SchemeCatalog, in db: Database
    ) throws -> NetworkStanding {
        let ruleList = String(decoding: try JSONEncoder().encode(rules.map(\.rawValue).sorted()), as: UTF8.self)
        let ids = try MemberID.fetchAll(db, sql: """
            SELECT member_id FROM calendar_notice
            WHERE until_on > :day AND from_on <= :day AND rule IN (SELECT value FROM json_each(:rules))
                AND (rule <> 'due-soon' OR due_on <= :horizon)
            UNION
            SELECT member_id FROM calendar_standing WHERE until_on > :day AND from_on <= :day AND standing = 'suspended'
            """, arguments: ["day": day, "rules": ruleList, "horizon": day.adding(days: horizon)])
        let candidates = NetworkStanding(
            day: day, schemes: catalog.schemes, members: try MemberRows.fetch(ids, in: db),
            dossiers: try StandingRows.storedDossiers(on: day, except: [], of: ids, in: db), milestones: [])
        return NetworkTally.listed(in: candidates, horizon: horizon, rules: rules)
    }

    /// The types a member row's code names, read once per code.
    private static func types(_ code: String, known: inout [String: [CompanyType]], in db: Database) throws -> [CompanyType] {
        if let types = known[code] { return types }
        guard let types = CompanyType.parse(code) else {
            let id = try MemberID.fetchOne(db, sql: "SELECT id FROM member WHERE type = ? LIMIT 1", arguments: [code])
            throw StoreError.notFound(.readableMemberRow(id ?? MemberID(rawValue: code)))
        }
        known[code] = types
        return types
    }
}
