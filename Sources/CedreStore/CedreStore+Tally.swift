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
            guard try StandingRows.answersFromRows(on: day, in: db) else {
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
    /// The members on `day` by kind: each member's region, types and the standing of each
    /// dossier its calendar gives on the day.
    ///
    /// SQLite gathers each member's dossiers and writes its kind as one text, its parts parted
    /// by ASCII separators (U+001D, U+001E, U+001F), which ids refuse; the region, free text,
    /// comes last and is read whole. The kinds are counted here, where a second GROUP BY would
    /// sort every member.
    static func members(on day: Day, in db: Database) throws -> [NetworkTally.MemberKind: Int] {
        var counts: [String: Int] = [:]
        let keys = try String.fetchCursor(db, sql: """
            SELECT m.type || char(29) || coalesce(group_concat(s.scheme_id || char(31) || s.standing, char(30)), '') || char(29) || m.region
            FROM member m
            LEFT JOIN calendar_standing s ON s.member_id = m.id AND s.from_on <= :day AND s.until_on > :day
            WHERE coalesce(m.joined_on, :day) <= :day AND (m.left_on IS NULL OR :day <= m.left_on)
            GROUP BY m.id
            """, arguments: ["day": day])
        while let key = try keys.next() { counts[key, default: 0] += 1 }
        var kinds: [NetworkTally.MemberKind: Int] = [:]
        var known: [String: [CompanyType]] = [:]
        for (key, number) in counts {
            let fields = key.split(separator: "\u{1D}", maxSplits: 2, omittingEmptySubsequences: false).map(String.init)
            guard fields.count == 3 else { continue }
            let dossiers = fields[1].split(separator: "\u{1E}").compactMap { dossier -> NetworkTally.DossierKind? in
                let parts = dossier.split(separator: "\u{1F}", maxSplits: 1).map(String.init)
                guard parts.count == 2, let standing = Standing(rawValue: parts[1]) else { return nil }
                return NetworkTally.DossierKind(scheme: SchemeID(rawValue: parts[0]), standing: standing)
            }
            let kind = NetworkTally.MemberKind(region: fields[2], types: try types(fields[0], known: &known, in: db), dossiers: dossiers)
            kinds[kind, default: 0] += number
        }
        return kinds
    }

    /// Decisions and group joinings on or before `day` of the members the log knows, by kind:
    /// SQLite writes each one's kind as one text (year, what, scheme, types, then the region,
    /// read whole), counted here.
    static func milestones(through day: Day, catalog: SchemeCatalog, in db: Database) throws -> [NetworkTally.MilestoneKind: Int] {
        var counts: [String: Int] = [:]
        let keys = try String.fetchCursor(db, sql: """
            SELECT substr(d.decided_on, 1, 4) || char(29) || d.kind || char(29) || d.scheme_id || char(29) || m.type
                || char(29) || m.region
            FROM decision d JOIN member m ON m.id = d.member_id WHERE d.decided_on <= :day
            UNION ALL
            SELECT substr(g.joined_on, 1, 4) || char(29) || 'joined-group' || char(29) || g.scheme_id || char(29) || m.type
                || char(29) || m.region
            FROM group_membership g JOIN member m ON m.id = g.member_id WHERE g.joined_on <= :day
            """, arguments: ["day": day])
        while let key = try keys.next() { counts[key, default: 0] += 1 }
        var kinds: [NetworkTally.MilestoneKind: Int] = [:]
        var known: [String: [CompanyType]] = [:]
        for (key, number) in counts {
            let fields = key.split(separator: "\u{1D}", maxSplits: 4, omittingEmptySubsequences: false).map(String.init)
            guard fields.count == 5, let year = Int(fields[0]) else { continue }
            let scheme = SchemeID(rawValue: fields[2])
            let what: CertificationMilestone.Kind
            if fields[1] == "joined-group" {
                what = .joinedGroup
            } else {
                guard let decision = Certification.Decision.Kind(rawValue: fields[1]), let definition = catalog[scheme] else { continue }
                what = CertificationMilestone.Kind(decision: decision, under: definition)
            }
            let kind = NetworkTally.MilestoneKind(
                year: year, kind: what, scheme: scheme, region: fields[4], types: try types(fields[3], known: &known, in: db))
            kinds[kind, default: 0] += number
        }
        return kinds
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
