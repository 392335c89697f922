import CedreCore
import Foundation
import GRDB

extension CedreStore {
    /// The network on `day` as reports count it (DESIGN §5, "Reads answer from stored state").
    ///
    /// Every dossier whose last fact (its group's, for a group scheme) is on or before `day`
    /// answers from the calendar stored with the projections; only the others, and the members
    /// whose profile changed after `day`, are replayed from the log, certification by
    /// certification on every core. For today, that is nothing.
    ///
    /// Without `notices`, every dossier's notices are left empty and the stored ones are not
    /// read: what a view that only counts or lists standings needs.
    public func standing(on day: Day, notices: Bool = true) throws -> NetworkStanding {
        try writer.read { db in try standing(on: day, notices: notices, in: db) }
    }

    /// When dossiers are replayed, what the stored rows answer (the members, the other dossiers,
    /// the milestones) is read on a second connection while this one reads the log
    /// (`CompanionRead`); that connection then reads its share of the log's parts, when it
    /// sees the same log (`PastDayEvents`).
    func standing(on day: Day, notices: Bool = true, in db: Database) throws -> NetworkStanding {
        let catalog = catalog
        let keys = try StandingRows.replayedKeys(on: day, catalog: catalog, in: db)
        let events = try StandingRows.streamedEvents(keys, on: day, in: db)
        let head = try LogHead.read(db)
        let readStored: @Sendable (Database) throws -> StoredStanding = { db in
            let stored = try StoredStanding(on: day, except: keys.all, notices: notices, catalog: catalog, in: db)
            if let events, try LogHead.read(db) == head { try events.readParts(in: db) }
            return stored
        }
        let beside = keys.isEmpty ? nil : try CompanionRead(self, beside: db, readStored)
        var read: StoredStanding?
        func stored() throws -> StoredStanding {
            if let read { return read }
            let found = try beside?.value(in: db) ?? readStored(db)
            read = found
            return found
        }
        if let events {
            try events.readParts(in: db)
            // The second connection's parts are all read, or left to this one, once it ends.
            _ = try stored()
        }
        var replayed = try StandingRows.replayedDossiers(keys, streamed: events, on: day, catalog: catalog, in: db) {
            try stored().members[$0]
        }
        if !notices { replayed = replayed.map(\.withoutNotices) }
        let answer = try stored()
        return NetworkStanding(
            day: day, schemes: catalog.schemes, members: answer.members.records, dossiers: answer.dossiers + replayed,
            milestones: answer.milestones)
    }
}

/// What the stored rows answer on a day: every member as it was, the dossiers not replayed, the
/// milestones up to the day.
private struct StoredStanding: Sendable {
    let members: MemberDirectory
    let dossiers: [NetworkStanding.DossierStanding]
    let milestones: [CertificationMilestone]

    init(on day: Day, except replayed: Set<CertificationKey>, notices: Bool, catalog: SchemeCatalog, in db: Database) throws {
        members = try StandingRows.members(on: day, catalog: catalog, in: db)
        dossiers = try StandingRows.storedDossiers(on: day, except: replayed, notices: notices, in: db)
        milestones = try StandingRows.milestones(through: day, catalog: catalog, in: db)
    }
}

/// The reads behind `CedreStore.standing(on:)`.
enum StandingRows {
    /// Every member as it was on `day`, by id: its projection row, or, when its own facts go on
    /// after `day`, its stream replayed through `day`.
    static func members(on day: Day, catalog: SchemeCatalog, in db: Database) throws -> MemberDirectory {
        var members = MemberDirectory(try MemberRows.fetchAll(in: db))
        for stream in try memberStreamsChanged(after: day, in: db) {
            guard let id = LogStream(stream)?.member,
                let record = try replayedRecord(of: id, on: day, catalog: catalog, in: db, known: { members[$0] })
            else { continue }
            members[id] = record
        }
        return members
    }

    /// The member `id` as it was on `day`: its projection row, or, when its own facts go on
    /// after `day`, its stream replayed through `day`.
    static func record(of id: MemberID, on day: Day, catalog: SchemeCatalog, in db: Database) throws -> MemberRecord? {
        let changed = try Bool.fetchOne(db, sql: """
            SELECT EXISTS (SELECT 1 FROM event WHERE stream = ? AND occurred_on > ? AND kind <> 'member.added')
            """, arguments: [LogStream.member(id).description, day]) ?? true
        guard changed else { return try MemberRows.fetch(id, in: db) }
        return try replayedRecord(of: id, on: day, catalog: catalog, in: db) { try MemberRows.fetch($0, in: db) }
    }

    /// The member `id` replayed from its own stream: its addition, then its facts through
    /// `day`; the members those facts name (a GES joined, a member linked) as `known` gives them.
    private static func replayedRecord(
        of id: MemberID, on day: Day, catalog: SchemeCatalog, in db: Database, known: (MemberID) throws -> MemberRecord?
    ) throws -> MemberRecord? {
        let stream = LogStream.member(id)
        var network = Network(catalog: catalog)
        for event in try EventLog.replayable(ofStreams: [stream], in: db) where event.fact.kind == .memberAdded || event.day <= day {
            for other in event.fact.membersNamed where network.members[other] == nil && other != id {
                if let record = try known(other) { network.insert(record) }
            }
            try Replay.apply(event, to: &network)
        }
        return network.members[id]
    }

    /// Whether every dossier and member answers for `day` from its stored rows (the
    /// projections say what the facts through `day` say): no dossier's calendar starts after
    /// it (a calendar starts on its dossier's last fact, corrections applied), no member's
    /// profile changes after it.
    static func answersFromRows(on day: Day, in db: Database) throws -> Bool {
        let laterCalendar = try Bool.fetchOne(
            db, sql: "SELECT EXISTS (SELECT 1 FROM dossier_calendar WHERE from_on > ?)", arguments: [day]) ?? true
        return try !laterCalendar && memberStreamsChanged(after: day, in: db).isEmpty
    }

    /// The members whose profile changes after `day` (amended, linked, gone), by stream: their
    /// rows say what they became, not what they were on `day`.
    static func memberStreamsChanged(after day: Day, in db: Database) throws -> [String] {
        // Today, typically, nothing happened after the day: the day index says so at once,
        // where the query below walks every member's stream.
        let last = try String.fetchOne(db.cachedStatement(sql: "SELECT max(occurred_on) FROM event"))
        guard let last, last > day.description else { return [] }
        return try String.fetchAll(db.cachedStatement(sql: """
            SELECT DISTINCT stream FROM event
            WHERE occurred_on > ? AND stream >= 'member/' AND stream < 'member0' AND kind <> 'member.added'
            """), arguments: [day])
    }

    /// The dossiers whose calendar starts after `day`: the single-site ones, and every dossier
    /// of a group scheme one of whose dossiers is among them, by scheme.
    struct ReplayedKeys: Sendable {
        let single: [CertificationKey]
        let groups: [[CertificationKey]]

        /// Every dossier replayed; a dossier of these with no fact by the day is in no answer.
        var all: Set<CertificationKey> { Set(single).union(groups.joined()) }

        /// Whether no dossier is replayed: asked without building `all`, a set of up to every
        /// dossier.
        var isEmpty: Bool { single.isEmpty && groups.allSatisfy(\.isEmpty) }
    }

    static func replayedKeys(on day: Day, catalog: SchemeCatalog, in db: Database) throws -> ReplayedKeys {
        let groupSchemes = catalog.groupSchemes
        var single: [CertificationKey] = []
        var replayedGroups: Set<SchemeID> = []
        let rows = try Row.fetchCursor(db, sql: "SELECT member_id, scheme_id FROM dossier_calendar WHERE from_on > ?", arguments: [day])
        while let row = try rows.next() {
            let key = CertificationKey(member: row[0], scheme: row[1])
            if groupSchemes.contains(key.scheme) { replayedGroups.insert(key.scheme) } else { single.append(key) }
        }
        let groups = try replayedGroups.sorted().map { try Replay.groupKeys($0, in: db) }
        return ReplayedKeys(single: single, groups: groups)
    }

    /// The dossiers whose calendar starts after `day`, replayed through `day`: each single-site
    /// certification on its own, on every core; a group scheme as a whole.
    static func replayedDossiers(
        on day: Day, catalog: SchemeCatalog, in db: Database, member: (MemberID) throws -> MemberRecord?
    ) throws -> [NetworkStanding.DossierStanding] {
        let keys = try replayedKeys(on: day, catalog: catalog, in: db)
        return try replayedDossiers(
            keys, streamed: streamedEvents(keys, on: day, in: db), on: day, catalog: catalog, in: db, member: member)
    }

    /// The events of the single-site dossiers `keys` replays, read in one pass over the log:
    /// nil when they are few enough to be read stream by stream, from one sixteenth of the
    /// dossiers on.
    ///
    /// A stream's events lie all over the log, each row looked up on its own page, on one
    /// connection: at 2016-09-30 of the 100,000-member network (12,952 dossiers of 69,915,
    /// 302,780 events) `report status` took 3.59–4.62 s that way, 2.19–2.24 s by one pass; at
    /// 2016-11-30 (6,218 dossiers) 2.22–2.81 s against 1.62–1.91 s; at 2016-12-15 (4,104) and
    /// after, as long either way.
    static func streamedEvents(_ keys: ReplayedKeys, on day: Day, in db: Database) throws -> PastDayEvents? {
        guard !keys.single.isEmpty else { return nil }
        let calendars = try Int.fetchOne(db, sql: "SELECT count(*) FROM dossier_calendar") ?? 0
        return keys.single.count * 16 > calendars ? try PastDayEvents(keys.single, on: day, in: db) : nil
    }

    /// The dossiers `keys` replayed through `day`, the single-site ones from `streamed` when
    /// given, else stream by stream.
    static func replayedDossiers(
        _ keys: ReplayedKeys, streamed: PastDayEvents?, on day: Day, catalog: SchemeCatalog, in db: Database,
        member: (MemberID) throws -> MemberRecord?
    ) throws -> [NetworkStanding.DossierStanding] {
        var dossiers = try streamed.map { try replayStreamed($0, on: day, catalog: catalog, in: db, member: member) } ?? []
        let units = (streamed == nil ? keys.single.map { [$0] } : []) + keys.groups
        for start in stride(from: 0, to: units.count, by: 4_096) {
            let batch = try units[start..<min(start + 4_096, units.count)].map { unit in
                (unit, try unit.flatMap { try EventLog.events(ofStream: LogStream.certification($0), through: day, in: db) })
            }
            dossiers += try replay(batch, on: day, catalog: catalog, member: member)
        }
        return dossiers
    }

    /// The single-site dossiers of `events`, gathered by dossier and replayed through `day` in
    /// batches.
    private static func replayStreamed(
        _ events: PastDayEvents, on day: Day, catalog: SchemeCatalog, in db: Database,
        member: (MemberID) throws -> MemberRecord?
    ) throws -> [NetworkStanding.DossierStanding] {
        let units = events.units
        var gathered = try events.gathered(in: db)
        var dossiers: [NetworkStanding.DossierStanding] = []
        for start in stride(from: 0, to: units.count, by: 4_096) {
            let range = start..<min(start + 4_096, units.count)
            let batch = range.compactMap { slot in gathered[slot].isEmpty ? nil : ([units[slot].key], gathered[slot]) }
            for slot in range { gathered[slot] = [] }
            dossiers += try replay(batch, on: day, catalog: catalog, member: member)
        }
        return dossiers
    }

    /// Replays each unit's events through `day` on every core, and reads its standing.
    private static func replay(
        _ batch: [(unit: [CertificationKey], events: [LoggedFact])], on day: Day, catalog: SchemeCatalog,
        member: (MemberID) throws -> MemberRecord?
    ) throws -> [NetworkStanding.DossierStanding] {
        var known: [MemberID: MemberRecord] = [:]
        for key in batch.flatMap(\.unit) where known[key.member] == nil { known[key.member] = try member(key.member) }
        let members = known
        let results = ParallelResults<Result<[NetworkStanding.DossierStanding], any Error>>(count: batch.count)
        DispatchQueue.concurrentPerform(iterations: batch.count) { index in
            results.set(index, Result {
                var network = Network(catalog: catalog)
                for key in batch[index].unit { if let record = members[key.member] { network.insert(record) } }
                for event in try ReplayedEvent.resolve(batch[index].events) where event.day <= day {
                    try Replay.apply(event, to: &network)
                }
                return NetworkStanding(register: CertificationRegister(network: network, on: day)).allDossiers
            })
        }
        return try results.values.flatMap { try $0.get() }
    }

    /// The notices the stored calendars hold on `day`, deadlines announced up to `horizon`
    /// days ahead (all when nil), by dossier; the `replayed` dossiers are left out.
    static func storedNotices(
        on day: Day, horizon: Int?, except replayed: Set<CertificationKey>, of members: [MemberID]? = nil,
        rules: Set<NoticeRule>? = nil, in db: Database
    ) throws -> [CertificationKey: [Notice]] {
        var notices: [CertificationKey: [Notice]] = [:]
        // A few members are looked up through the primary key, which starts with the member;
        // SQLite would otherwise walk the rules' or the days' index over every dossier's periods
        // and look each row up again (20 times slower for the members of a status list).
        let byKey = members != nil
        let holding = noticesHolding(on: day, horizon: horizon, except: replayed, byKey: byKey)
        let only = oneOf("member_id", members?.map(\.rawValue))
        let ruled = oneOf("\(byKey ? "+" : "")rule", rules?.map(\.rawValue).sorted())
        let noticeRows = try Row.fetchCursor(db, sql: """
            SELECT \(noticeColumns()) FROM calendar_notice
            WHERE \(holding.condition)\(only.condition)\(ruled.condition)
            """, arguments: holding.arguments + only.arguments + ruled.arguments)
        while let row = try noticeRows.next() {
            let key = CertificationKey(member: row[0], scheme: row[1])
            guard !replayed.contains(key), let rule = row.noticeRule(atIndex: 3), let due = row.day(atIndex: 4) else {
                continue
            }
            notices[key, default: []].append(notice(in: row, rule: rule, due: due))
        }
        return notices
    }

    /// The `calendar_notice` columns `notice(in:rule:due:)` reads, in its order (each prefixed
    /// with `qualifier`, a table's name and a dot, in a join).
    static func noticeColumns(qualifier: String = "") -> String {
        ["member_id", "scheme_id", "subject", "rule", "due_on", "finding_id", "obligation"]
            .map { qualifier + $0 }.joined(separator: ", ")
    }

    /// The notice of a row that starts with `noticeColumns()`, its rule and due day read.
    static func notice(in row: Row, rule: NoticeRule, due: Day) -> Notice {
        Notice(
            rule: rule, key: CertificationKey(member: row[0], scheme: row[1]), subject: row[2], due: due, finding: row[5],
            obligation: (row[6] as String?).flatMap(Obligation.init(rawValue:)))
    }

    /// The condition that keeps the `calendar_notice` rows holding on `day` (columns prefixed
    /// with `qualifier`, a table's alias and a dot) in the dossiers whose calendar answers for
    /// it, deadlines announced up to `horizon` days ahead (all when nil). `byKey` keeps SQLite
    /// off the days' and rules' indexes, for rows looked up through the primary key.
    static func noticesHolding(
        on day: Day, horizon: Int?, except replayed: Set<CertificationKey>, qualifier: String = "", byKey: Bool = false
    ) -> (condition: String, arguments: StatementArguments) {
        let stored = storedOnly(replayed, on: day, qualifier: qualifier)
        let off = byKey ? "+" : ""
        return (
            "\(off)\(qualifier)until_on > ? AND \(qualifier)from_on <= ? AND (\(off)\(qualifier)rule <> 'due-soon' OR \(qualifier)due_on <= ?)"
                + stored.condition,
            [day, day, horizon.map { day.adding(days: $0) } ?? Day.latest] + stored.arguments)
    }

    /// The condition that keeps the rows of the dossiers whose calendar answers for `day`,
    /// when others are replayed: a day far back then looks up the few dossiers stored by then
    /// through the calendar's day index, instead of reading every row that holds on it. With
    /// no dossier replayed, every row holding on the day is read in one pass.
    private static func storedOnly(
        _ replayed: Set<CertificationKey>, on day: Day, qualifier: String = ""
    ) -> (condition: String, arguments: StatementArguments) {
        guard !replayed.isEmpty else { return ("", []) }
        return (
            " AND (\(qualifier)member_id, \(qualifier)scheme_id) IN (SELECT member_id, scheme_id FROM dossier_calendar WHERE from_on <= ?)",
            [day])
    }

    /// The condition that keeps the rows whose `column` is one of `values` (all when nil),
    /// looked up from a JSON array of them.
    private static func oneOf(_ column: String, _ values: [String]?) -> (condition: String, arguments: StatementArguments) {
        guard let values else { return ("", []) }
        return (" AND \(column) IN (SELECT value FROM json_each(?))", [JSONArgument.strings(values)])
    }

    /// The dossiers whose calendar answers for `day` (of `members` only, when given): the
    /// standing and (unless `notices` is false) the notices holding on it, due within `horizon`
    /// days and of `rules` when given.
    static func storedDossiers(
        on day: Day, except replayed: Set<CertificationKey>, of members: [MemberID]? = nil, notices withNotices: Bool = true,
        horizon: Int? = nil, rules: Set<NoticeRule>? = nil, in db: Database
    ) throws -> [NetworkStanding.DossierStanding] {
        let notices = withNotices
            ? try storedNotices(on: day, horizon: horizon, except: replayed, of: members, rules: rules, in: db) : [:]
        var dossiers: [NetworkStanding.DossierStanding] = []
        let stored = storedOnly(replayed, on: day)
        let only = oneOf("member_id", members?.map(\.rawValue))
        let standingRows = try Row.fetchCursor(db, sql: """
            SELECT member_id, scheme_id, standing, suspended_on, suspension_reason FROM calendar_standing
            WHERE until_on > ? AND from_on <= ?\(stored.condition)\(only.condition)
            """, arguments: [day, day] + stored.arguments + only.arguments)
        while let row = try standingRows.next() {
            let key = CertificationKey(member: row[0], scheme: row[1])
            guard !replayed.contains(key), let standing = Standing(rawValue: row[2]) else { continue }
            dossiers.append(NetworkStanding.DossierStanding(
                key: key, standing: standing, suspendedOn: row.day(atIndex: 3), suspensionReason: row[4],
                notices: notices[key] ?? []))
        }
        return dossiers
    }

    /// Every decision and group joining on or before `day`: facts, which later facts never change.
    static func milestones(through day: Day, catalog: SchemeCatalog, in db: Database) throws -> [CertificationMilestone] {
        var milestones: [CertificationMilestone] = []
        for row in try Row.fetchAll(db, sql: "SELECT member_id, scheme_id, decided_on, kind FROM decision WHERE decided_on <= ? ORDER BY decided_on, member_id, scheme_id", arguments: [day]) {
            let key = CertificationKey(member: row[0], scheme: row[1])
            guard let scheme = catalog[key.scheme], let on = row.day(atIndex: 2),
                let kind = Certification.Decision.Kind(rawValue: row[3])
            else { continue }
            milestones.append(CertificationMilestone(key, decision: kind, on: on, under: scheme))
        }
        for row in try Row.fetchAll(db, sql: "SELECT member_id, scheme_id, joined_on FROM group_membership WHERE joined_on <= ? ORDER BY joined_on, member_id, scheme_id", arguments: [day]) {
            guard let on = row.day(atIndex: 2) else { continue }
            milestones.append(CertificationMilestone(member: row[0], scheme: row[1], kind: .joinedGroup, on: on))
        }
        return milestones
    }
}

extension NetworkStanding.DossierStanding {
    /// The same standing, without its notices.
    fileprivate var withoutNotices: NetworkStanding.DossierStanding {
        NetworkStanding.DossierStanding(
            key: key, standing: standing, suspendedOn: suspendedOn, suspensionReason: suspensionReason, notices: [])
    }
}

extension Fact {
    /// The other members a member fact needs known: a GES joined, a member linked.
    fileprivate var membersNamed: [MemberID] {
        switch self {
        case .memberAdded(let member, _): member.group.map { [$0] } ?? []
        case .memberAmended(_, let amendment): if case .joined(let group) = amendment.group { [group] } else { [] }
        case .membersLinked(let link): [link.second]
        default: []
        }
    }
}

/// Members in id order, as the projection reads them, with a lookup by id.
struct MemberDirectory {
    private(set) var records: [MemberRecord]
    private var positions: [MemberID: Int] = [:]

    init(_ records: [MemberRecord]) {
        self.records = records
        positions.reserveCapacity(records.count)
        for (position, record) in records.enumerated() { positions[record.member.id] = position }
    }

    subscript(id: MemberID) -> MemberRecord? {
        get { positions[id].map { records[$0] } }
        set {
            guard let record = newValue, let position = positions[id] else { return }
            records[position] = record
        }
    }
}
