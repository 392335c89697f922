import CedreCore
import Foundation
import GRDB

/// A logged fact as replay sees it: with its corrected day and content, under its own id.
///
/// Every replay reads events through this type, so a voided event is never applied and a
/// corrected one is applied as if it had been entered right the first time.
struct ReplayedEvent: Sendable {
    let fact: Fact
    /// Its place in replay order, which holds its id and day: compared in place in an array,
    /// where a function of the whole event copies both events (43 M instructions of a rebuild
    /// of the 5,000-member network, checking that a dossier's events came in order).
    let order: Order

    var id: Int64 { order.id }
    var day: Day { order.day }

    /// Replay order: member additions first (members exist before anything is said of them),
    /// then day order, then record order.
    struct Order: Comparable, Sendable {
        let isMemberAddition: Bool
        let day: Day
        let id: Int64

        static func < (a: Order, b: Order) -> Bool {
            if a.isMemberAddition != b.isMemberAddition { return a.isMemberAddition }
            return (a.day, a.id) < (b.day, b.id)
        }
    }

    init(id: Int64, day: Day, fact: Fact) {
        self.fact = fact
        order = Order(isMemberAddition: fact.kind == .memberAdded, day: day, id: id)
    }

    /// The id, kind and (corrected) day, for error messages.
    var summary: EventSummary { EventSummary(id: id, kind: fact.kind.rawValue, on: day) }

    /// Whether `a` comes before `b` in replay order.
    static func precedes(_ a: ReplayedEvent, _ b: ReplayedEvent) -> Bool {
        a.order < b.order
    }

    /// The replayable events among `events`, corrections of them (and `extra` ones not logged
    /// yet) applied, in replay order.
    ///
    /// Corrections live in the stream of the event they name, so the events of whole streams
    /// carry every correction that concerns them. A corrected event whose row is not among
    /// `events` (a query that left it out by its day) comes from its correction.
    static func resolve(
        _ events: [LoggedFact], extra: [(id: EventID, correction: EventCorrection)] = []
    ) throws -> [ReplayedEvent] {
        let corrections = Corrections(extra + (try EventLog.records(events)))
        var replayed: [ReplayedEvent] = []
        replayed.reserveCapacity(events.count)
        var present: Set<Int64> = []
        // Indices and stored fields: each row is read in place, where a loop's element or a
        // computed property of one is a copy of the row.
        for index in events.indices where !LoggedFact.isCorrection(kind: events[index].kind) {
            let id = events[index].id
            // Only a correction brings an event these rows lack.
            if !corrections.isEmpty { present.insert(id) }
            switch corrections.effect(of: EventID(id)) {
            case nil:
                let fact = try LoggedFact.fact(id: id, kind: events[index].kind, payload: events[index].payload)
                replayed.append(ReplayedEvent(id: id, day: events[index].occurredOn, fact: fact))
            case .voided: continue
            case .corrected(let dated, _, _): replayed.append(ReplayedEvent(id: id, day: dated.day, fact: dated.fact))
            }
        }
        for corrected in corrections.correctedEvents where !present.contains(corrected.id.rawValue) {
            replayed.append(ReplayedEvent(id: corrected.id.rawValue, day: corrected.fact.day, fact: corrected.fact.fact))
        }
        // Rows read in day order are in replay order unless a correction moved a day or brought
        // an event of its own: only then are they sorted, which copies every fact.
        if replayed.indices.dropFirst().contains(where: { replayed[$0].order < replayed[$0 - 1].order }) {
            replayed.sort(by: precedes)
        }
        return replayed
    }
}

extension LoggedEvent {
    /// Whether the row voids or corrects another instead of stating a fact.
    var isCorrection: Bool { LoggedFact(self).isCorrection }
}

extension EventLog {
    /// Every correction of the log, resolved: read once before a replay of the whole log.
    static func corrections(in db: Database) throws -> Corrections {
        Corrections(try records(LoggedFact.fetchAll(db, sql: """
            SELECT \(LoggedFact.columns) FROM event WHERE kind IN ('event.corrected', 'event.voided') ORDER BY id
            """)))
    }

    /// The logged corrections of one stream, oldest first.
    static func corrections(ofStream stream: LogStream, in db: Database) throws -> [(id: EventID, correction: EventCorrection)] {
        try records(LoggedFact.fetchAll(db, sql: """
            SELECT \(LoggedFact.columns) FROM event WHERE stream = ? AND kind IN ('event.corrected', 'event.voided') ORDER BY id
            """, arguments: [stream.description]))
    }

    /// The corrections among logged events, with their ids.
    static func records(_ events: [LoggedFact]) throws -> [(id: EventID, correction: EventCorrection)] {
        var records: [(id: EventID, correction: EventCorrection)] = []
        // Indices, as in `ReplayedEvent.resolve`: a loop's element is a copy of the row, its
        // three texts retained and released, for each of the rows a past day replays.
        for index in events.indices where LoggedFact.isCorrection(kind: events[index].kind) {
            if case .correction(let correction) = try events[index].fact() { records.append((EventID(events[index].id), correction)) }
        }
        return records
    }

    /// The events of one stream that can matter on or before `day`: those of that day or
    /// earlier, and every correction, which may move a later event earlier.
    static func events(ofStream stream: LogStream, through day: Day, in db: Database) throws -> [LoggedFact] {
        try LoggedFact.fetchAll(db.cachedStatement(sql: """
            SELECT \(LoggedFact.columns) FROM event WHERE stream = ? AND (occurred_on <= ? OR kind IN ('event.corrected', 'event.voided'))
            ORDER BY occurred_on, id
            """), arguments: [stream.description, day])
    }

    /// The events of some streams as replay sees them, in replay order.
    static func replayable(ofStreams streams: [LogStream], in db: Database) throws -> [ReplayedEvent] {
        try ReplayedEvent.resolve(events(ofStreams: streams, in: db))
    }
}

/// A cursor over the log in replay order with every correction applied, for replays of the
/// whole log that cannot hold it in memory.
///
/// The base cursor yields rows in their recorded order; the rows a correction names are left
/// out of it and come, with their corrected content, from a short list merged in at their
/// corrected place.
struct CorrectedCursor {
    private let base: RecordCursor<LoggedFact>
    private let corrections: Corrections
    private let corrected: [ReplayedEvent]
    private var nextCorrected = 0
    private var pending: ReplayedEvent?

    /// `base` must be in replay order; `includes` picks the corrected events that belong to
    /// what it selects (the same streams, on or before the same day).
    init(_ base: RecordCursor<LoggedFact>, corrections: Corrections, includes: (ReplayedEvent, LogStream) -> Bool) {
        self.base = base
        self.corrections = corrections
        corrected = corrections.correctedEvents
            .map { (event: ReplayedEvent(id: $0.id.rawValue, day: $0.fact.day, fact: $0.fact.fact), stream: $0.stream) }
            .filter { includes($0.event, $0.stream) }
            .map(\.event)
            .sorted(by: ReplayedEvent.precedes)
    }

    /// The next event in replay order, or nil at the end.
    mutating func next() throws -> ReplayedEvent? {
        if pending == nil { pending = try nextRecorded() }
        if nextCorrected < corrected.count, pending.map({ ReplayedEvent.precedes(corrected[nextCorrected], $0) }) ?? true {
            nextCorrected += 1
            return corrected[nextCorrected - 1]
        }
        defer { pending = nil }
        return pending
    }

    private func nextRecorded() throws -> ReplayedEvent? {
        while let event = try base.next() {
            if event.isCorrection || corrections.effect(of: EventID(event.id)) != nil { continue }
            return ReplayedEvent(id: event.id, day: event.occurredOn, fact: try event.fact())
        }
        return nil
    }
}
