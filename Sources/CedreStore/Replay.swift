import CedreCore
import Foundation
import GRDB

/// Replays the log through a network: every member first, then the other facts in day
/// order, then record order.
enum Replay {
    /// The network the facts up to `day` describe (all facts when nil), corrections applied.
    static func network(through day: Day?, catalog: SchemeCatalog, in db: Database) throws -> Network {
        try replay(through: day, taking: [], catalog: catalog, in: db).last
    }

    /// The networks the facts up to each of `days` describe (all facts for nil), in the order
    /// of `days`: what `network(through:)` gives for each, from one pass over the log.
    static func networks(through days: [Day?], catalog: SchemeCatalog, in db: Database) throws -> [Network] {
        let dated = days.compactMap { $0 }
        let last = dated.count == days.count ? dated.max() : nil
        let replayed = try replay(through: last, taking: dated, catalog: catalog, in: db)
        var taken = replayed.taken.makeIterator()
        return days.map { day in day == nil ? replayed.last : taken.next() ?? replayed.last }
    }

    /// Replays every member, then the other facts up to `last` in replay order, and takes the
    /// network as it stands on each of `days` (before the first fact dated after it); the last
    /// network and those taken, in the order of `days`, all with the voided decisions'
    /// certificates retired.
    private static func replay(
        through last: Day?, taking days: [Day], catalog: SchemeCatalog, in db: Database
    ) throws -> (last: Network, taken: [Network]) {
        var network = Network(catalog: catalog)
        let corrections = try EventLog.corrections(in: db)
        var members = CorrectedCursor(try EventLog.memberAdditions(in: db), corrections: corrections) { event, _ in
            event.fact.kind == .memberAdded
        }
        var others = CorrectedCursor(try EventLog.cursor(through: last, in: db), corrections: corrections) { event, _ in
            event.fact.kind != .memberAdded && last.map { event.day <= $0 } ?? true
        }
        while let event = try members.next() { try apply(event, to: &network) }
        var waiting = days.indices.sorted { days[$0] < days[$1] }[...]
        var taken = [Network?](repeating: nil, count: days.count)
        while let event = try others.next() {
            while let index = waiting.first, event.day > days[index] {
                taken[index] = network
                waiting.removeFirst()
            }
            try apply(event, to: &network)
        }
        var retired: [(key: CertificationKey, decidedOn: Day)] = []
        for id in corrections.voidedEvents {
            guard let event = try LoggedFact.fetchOne(db, sql: "SELECT \(LoggedFact.columns) FROM event WHERE id = ?", arguments: [id.rawValue]),
                case .certificationDecided(let key) = try event.fact()
            else { continue }
            retired.append((key, event.occurredOn))
        }
        let retiring = { (network: Network) -> Network in
            var network = network
            for decision in retired { network.retireCertificate(of: decision.key, decidedOn: decision.decidedOn) }
            return network
        }
        return (retiring(network), taken.map { retiring($0 ?? network) })
    }

    /// Some dossiers replayed with the facts up to `day` (all when nil), and the members they
    /// belong to (as their rows give them, but for the `given` records).
    static func network(
        of keys: Set<CertificationKey>, through day: Day?, catalog: SchemeCatalog, in db: Database, given: [MemberRecord] = []
    ) throws -> Network {
        var network = Network(catalog: catalog)
        for record in given { network.insert(record) }
        for member in Set(keys.map(\.member)) where network.members[member] == nil {
            if let record = try MemberRows.fetch(member, in: db) { network.insert(record) }
        }
        for event in try EventLog.replayable(ofStreams: keys.sorted().map(LogStream.certification), in: db)
        where day.map({ event.day <= $0 }) ?? true {
            try apply(event, to: &network)
        }
        return network
    }

    /// Applies one replayed event; an event that no longer replays means the log was edited.
    static func apply(_ event: ReplayedEvent, to network: inout Network) throws {
        do {
            try network.apply(event.fact, on: event.day)
        } catch {
            throw StoreError.unreadableEvent(id: event.id, reason: "it no longer replays: \(error)")
        }
    }

    /// The dossiers `key`'s rules read: itself, or, under a group scheme, its whole group.
    static func unitKeys(of key: CertificationKey, catalog: SchemeCatalog, in db: Database) throws -> [CertificationKey] {
        catalog[key.scheme]?.kind == .group ? try groupKeys(key.scheme, in: db) : [key]
    }

    /// Every dossier of a group scheme the projections know.
    static func groupKeys(_ scheme: SchemeID, in db: Database) throws -> [CertificationKey] {
        try MemberID.fetchAll(db, sql: """
            SELECT member_id FROM certification WHERE scheme_id = ?
            UNION SELECT member_id FROM group_membership WHERE scheme_id = ?
            ORDER BY 1
            """, arguments: [scheme, scheme]).map { CertificationKey(member: $0, scheme: scheme) }
    }
}

extension CedreStore {
    /// Replays the whole log and makes every projection what it gives, in one transaction
    /// (`Projections.inReplayTransaction`): a table that holds rows keeps those the replay
    /// gives again and has the others replaced (`ReconciledTable`); an empty one is written
    /// whole, its indexes built once it is. The check cursor is forgotten: the next `check`
    /// compares every notice with the ledger.
    ///
    /// Returns the number of events replayed.
    @discardableResult
    public func rebuild(progress: ProgressReport? = nil) throws -> Int {
        try writer.writeWithoutTransaction { db in
            var events = 0
            try Projections.inReplayTransaction(db) {
                let holding = try Projections.tablesHoldingRows(db)
                var indexes: [String] = []
                events = try Projections.replay(
                    db, into: db, catalog: catalog, reconciling: holding, beside: self, progress: progress
                ) {
                    indexes = try Projections.dropIndexes(of: ProjectionTable.all.filter { !holding.contains($0) }, db)
                    try CheckCursor.forget(in: db)
                }
                try Projections.restore(indexes: indexes, db)
            }
            return events
        }
    }

    /// Every projection row, table by table in primary-key order: what `rebuild` must reproduce.
    public func projectionDump() throws -> [String] {
        try writer.read { db in try Projections.dump(db) }
    }
}
