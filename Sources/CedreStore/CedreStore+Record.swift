import CedreCore
import Foundation
import GRDB

/// Who records, and when: the edges of a write that the domain never reads itself.
public struct RecordingContext: Sendable {
    /// The person or program recorded as the actor of every event.
    public let actor: String
    /// The command's "today": facts dated after it are refused.
    public let today: Day
    /// The moment of recording, written to `recorded_at`.
    public let now: Date

    public init(actor: String, today: Day, now: Date) {
        self.actor = actor
        self.today = today
        self.now = now
    }

    /// `recorded_at`: ISO 8601, UTC, milliseconds.
    var recordedAt: String {
        RecordedAt.text(now)
    }
}

/// A refused fact of a batch: its position, for import errors that name a line.
public struct BatchError: Error, Equatable, Sendable {
    public let index: Int
    public let error: StoreError
}

/// Hands out the next audit and finding numbers inside a write.
public struct IdentifierAllocator {
    private let db: Database
    private var next: [String: Int] = [:]

    init(db: Database) {
        self.db = db
    }

    /// `A-<year>-NNNN`, one more than the highest of that year.
    public mutating func nextAudit(year: Int) throws -> AuditID {
        AuditID(rawValue: try allocate(prefix: "A", year: year, table: "audit"))
    }

    /// `F-<year>-NNNN`, one more than the highest of that year.
    public mutating func nextFinding(year: Int) throws -> FindingID {
        FindingID(rawValue: try allocate(prefix: "F", year: year, table: "finding"))
    }

    private mutating func allocate(prefix: String, year: Int, table: String) throws -> String {
        let stem = "\(prefix)-\(year)-"
        let number: Int
        if let last = next[stem] {
            number = last + 1
        } else {
            let highest = try Int.fetchOne(
                db, sql: "SELECT max(CAST(substr(id, ?) AS INTEGER)) FROM \(table) WHERE id GLOB ?",
                arguments: [stem.count + 1, stem + "*"]) ?? 0
            // A voided or corrected audit or finding leaves the projections, not the log: its
            // number is never handed out again.
            let field = table == "audit" ? "$.audit" : "$.finding"
            let retired = try Int.fetchOne(db, sql: """
                SELECT max(CAST(substr(json_extract(target.payload, ?), ?) AS INTEGER))
                FROM event AS correction JOIN event AS target ON target.id = json_extract(correction.payload, '$.target')
                WHERE correction.kind IN ('event.corrected', 'event.voided') AND json_extract(target.payload, ?) GLOB ?
                """, arguments: [field, stem.count + 1, field, stem + "*"]) ?? 0
            number = max(highest, retired) + 1
        }
        next[stem] = number
        return stem + number.zeroPadded(to: 4)
    }
}

extension CedreStore {
    /// Records facts in one transaction: all are appended, or none; `beforeCommit` runs last
    /// inside it, so an answer that cannot be written leaves nothing recorded.
    @discardableResult
    public func record(_ facts: [DatedFact], context: RecordingContext, beforeCommit: () throws -> Void = {}) throws -> [LoggedEvent] {
        try decide(context: context, deliver: { _ in try beforeCommit() }) { _, _ in (facts, ()) }.events
    }

    /// Records the facts `build` returns, in one transaction; `build` may allocate ids.
    @discardableResult
    public func record(
        context: RecordingContext, _ build: (inout IdentifierAllocator) throws -> [DatedFact]
    ) throws -> [LoggedEvent] {
        try decide(context: context) { _, allocator in (try build(&allocator), ()) }.events
    }

    /// Reads what a decision needs, decides, and records the facts `build` returns, in one
    /// transaction: nothing another writer records can slip between the reading and the
    /// writing, and a refused fact leaves nothing of the decision behind.
    ///
    /// `deliver` is called with the outcome before the commit (DESIGN §5: output, then
    /// commit): when it throws, because the answer could not be written, nothing is recorded.
    func decide<Outcome>(
        context: RecordingContext, deliver: (Outcome) throws -> Void = { _ in },
        _ build: (Database, inout IdentifierAllocator) throws -> (facts: [DatedFact], outcome: Outcome)
    ) throws -> (events: [LoggedEvent], outcome: Outcome) {
        do {
            return try writer.write { db in
                var allocator = IdentifierAllocator(db: db)
                let (facts, outcome) = try build(db, &allocator)
                let events = try Recorder(catalog: catalog, db: db).record(facts, context: context)
                try deliver(outcome)
                return (events, outcome)
            }
        } catch let error as BatchError {
            throw try explained(error.error)
        }
    }

    /// A refusal with what the log knows beyond the replayed streams: the member id a
    /// mistyped one most likely meant, and, for an audit or finding that does not exist yet on
    /// the fact's day, the day it was planned or raised.
    private func explained(_ error: StoreError) throws -> StoreError {
        switch error {
        case .refused(.unknownMember(let id, let day, nil)):
            let suggestion = NearestName.among(try identifiers(in: "member"), to: id.rawValue).map(MemberID.init)
            return .refused(.unknownMember(id, on: day, suggestion: suggestion))
        case .refused(.unknownAudit(let id, _, let day)):
            let row = try writer.read { db in
                try Row.fetchOne(db, sql: "SELECT planned_on, scheduled_on FROM audit WHERE id = ?", arguments: [id])
            }
            guard let row, let planned = Day(row["planned_on"] as String), let scheduled = Day(row["scheduled_on"] as String),
                planned > day
            else { return error }
            return .datedBeforeCreation(.audit(id, plannedOn: planned, scheduledOn: scheduled), on: day)
        case .refused(.unknownFinding(let id, _, let day)):
            let raised = try writer.read { db in
                try String.fetchOne(db, sql: "SELECT raised_on FROM finding WHERE id = ?", arguments: [id])
            }
            guard let raised = raised.flatMap(Day.init), raised > day else { return error }
            return .datedBeforeCreation(.finding(id, raisedOn: raised), on: day)
        default:
            return error
        }
    }

    /// Records a batch (an import), throwing `BatchErrors` with the position of every refusal:
    /// a refused fact is left out of the rest of the check, so independent problems further on
    /// are found too. With `commit: false` everything is checked and then rolled back.
    @discardableResult
    public func recordBatch(
        _ facts: [DatedFact], context: RecordingContext, commit: Bool = true, progress: ProgressReport? = nil,
        beforeCommit: () throws -> Void = {}
    ) throws -> [LoggedEvent] {
        try writer.writeWithoutTransaction { db in
            try db.execute(sql: "PRAGMA cache_size = -\(CedreStore.batchCacheKiB)")
            defer { try? db.execute(sql: "PRAGMA cache_size = -\(CedreStore.cacheKiB)") }
            var appended: [LoggedEvent] = []
            try db.inTransaction(.immediate) {
                appended = try Recorder(catalog: catalog, db: db, progress: progress, collecting: true)
                    .record(facts, context: context)
                try beforeCommit()
                return commit ? .commit : .rollback
            }
            return appended
        }
    }
}

/// How far long work has got: called with (done, total) as it goes.
public typealias ProgressReport = (Int, Int) -> Void
