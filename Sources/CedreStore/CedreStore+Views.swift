import CedreCore
import Foundation
import GRDB

/// Views: the part of the network one command shows, replayed from the log without replaying
/// the rest (DESIGN §5, "Reads answer from stored state").
///
/// Each view is compared with the full replay in `StoredStateTests`.
extension CedreStore {
    /// The member `id` as it was on `day`, with each of its dossiers replayed through `day`
    /// together with what its rules read (the whole group, for a group scheme): what a view of
    /// one member needs, without replaying the network. The member is missing from it when the
    /// log does not know it.
    public func network(of id: MemberID, through day: Day) throws -> Network {
        try writer.read { db in
            var keys = Set<CertificationKey>()
            for scheme in try SchemeID.fetchAll(db, sql: """
                SELECT scheme_id FROM certification WHERE member_id = ? UNION SELECT scheme_id FROM group_membership WHERE member_id = ?
                """, arguments: [id, id])
            {
                keys.formUnion(try Replay.unitKeys(of: CertificationKey(member: id, scheme: scheme), catalog: catalog, in: db))
            }
            return try Self.view(of: keys, with: [id], through: day, catalog: catalog, in: db)
        }
    }

    /// Every dossier of the group scheme `scheme` replayed through `day`, with its members as
    /// they were: what a view of one group certificate needs, without replaying the network.
    public func network(ofGroup scheme: SchemeID, through day: Day) throws -> Network {
        try writer.read { db in
            let keys = catalog[scheme]?.kind == .group ? try Replay.groupKeys(scheme, in: db) : []
            return try Self.view(of: Set(keys), through: day, catalog: catalog, in: db)
        }
    }

    /// The dossiers with an audit held or scheduled from `from` to `to` (both included), with
    /// what their rules read and their members as they were, as the facts through `day` leave
    /// them: what the audit programme needs. On a day some facts follow, whose audits may have
    /// moved since, the whole network.
    public func network(ofAuditsFrom from: Day, to: Day, through day: Day) throws -> Network {
        try keysView(through: day, sql: """
            SELECT DISTINCT member_id, scheme_id FROM audit WHERE coalesce(conducted_on, scheduled_on) BETWEEN ? AND ?
            """, arguments: [from, to])
    }

    /// The dossiers with an audit scheduled from `from` to `to` (both included), with what
    /// their rules read and their members as they were, as the facts through `day` leave them:
    /// what a list of the audits scheduled in a period needs. On a day some facts follow, the
    /// whole network.
    public func network(ofAuditsScheduledFrom from: Day, to: Day, through day: Day) throws -> Network {
        try keysView(through: day, sql: "SELECT DISTINCT member_id, scheme_id FROM audit WHERE scheduled_on BETWEEN ? AND ?",
            arguments: [from, to])
    }

    /// The dossiers the projections' `sql` names (member, scheme), a group site's with its
    /// group, replayed through `day` with their members as they were; the whole network on a
    /// day some facts follow, when the projections no longer say what the facts through it said.
    private func keysView(through day: Day, sql: String, arguments: StatementArguments = []) throws -> Network {
        try writer.read { db in
            guard try StandingRows.answersFromRows(on: day, in: db) else {
                return try Replay.network(through: day, catalog: catalog, in: db)
            }
            var keys = Set<CertificationKey>()
            for row in try Row.fetchAll(db, sql: sql, arguments: arguments) {
                keys.formUnion(try Replay.unitKeys(of: CertificationKey(member: row[0], scheme: row[1]), catalog: catalog, in: db))
            }
            // A view holds its dossiers' events in memory at once: past a quarter of the
            // dossiers (and a thousand), the full replay, which streams the log, is about as
            // fast and stays small.
            let dossiers = try Int.fetchOne(db, sql: "SELECT count(*) FROM dossier_calendar") ?? 0
            guard keys.count <= max(1_000, dossiers / 4) else { return try Replay.network(through: day, catalog: catalog, in: db) }
            return try Self.view(of: keys, through: day, catalog: catalog, in: db)
        }
    }

    /// The dossiers with a finding still open (not verified effective, not a mere observation),
    /// with what their rules read and their members as they were, as the facts through `day`
    /// leave them: what the findings report needs. On a day some facts follow, whose findings
    /// may have been opened or closed since, the whole network.
    public func networkOfOpenFindings(through day: Day) throws -> Network {
        try keysView(through: day, sql: """
            SELECT DISTINCT member_id, scheme_id FROM finding WHERE state NOT IN ('verifiedEffective', 'noted')
            """)
    }

    /// The cross-auditors as the facts through `day` describe them, with the members they
    /// belong to as they were: what the auditors' list needs, without replaying the network.
    public func networkOfAuditors(through day: Day) throws -> Network {
        try writer.read { db in try Self.view(ofStreams: Self.auditorStreams(in: db), through: day, catalog: catalog, in: db) }
    }

    /// The campaign of `scheme` for `year` and the cross-auditors, as the facts through `day`
    /// describe them, with the members they name as they were: what a campaign's sheet and
    /// calendar need, without replaying the network.
    public func network(ofCampaign scheme: SchemeID, year: Int, through day: Day) throws -> Network {
        try writer.read { db in
            let streams = try Self.auditorStreams(in: db) + [LogStream.campaign(scheme, year: year)]
            return try Self.view(ofStreams: streams, through: day, catalog: catalog, in: db)
        }
    }

    /// The facts of `streams` through `day`, with the members they name as they were; only
    /// streams whose facts touch no dossier (auditors, campaigns).
    private static func view(ofStreams streams: [LogStream], through day: Day, catalog: SchemeCatalog, in db: Database) throws -> Network {
        let events = try EventLog.replayable(ofStreams: streams, in: db).filter { $0.day <= day }
        let members = events.flatMap { event -> [MemberID] in
            switch event.fact {
            case .auditorAdded(let auditor): [auditor.member]
            case .campaignPlanned(_, _, _, let assignments, let unassigned, _): assignments.map(\.member) + unassigned
            case .campaignSwapped(_, _, let assignment, _): [assignment.member]
            default: []
            }
        }
        var network = try view(of: [], with: members, through: day, catalog: catalog, in: db)
        for event in events { try Replay.apply(event, to: &network) }
        return network
    }

    /// The dossiers `keys` replayed through `day`, with their members and `others` as they were.
    private static func view(
        of keys: Set<CertificationKey>, with others: [MemberID] = [], through day: Day, catalog: SchemeCatalog, in db: Database
    ) throws -> Network {
        let members = Set(keys.map(\.member)).union(others).sorted()
        let records = try members.compactMap { try StandingRows.record(of: $0, on: day, catalog: catalog, in: db) }
        return try Replay.network(of: keys, through: day, catalog: catalog, in: db, given: records)
    }
}
