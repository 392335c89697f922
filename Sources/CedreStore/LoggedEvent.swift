import CedreCore
import CedreJSON
import Foundation
import GRDB

/// A row of the event log: a fact, when it happened and was recorded, by whom, chained.
public struct LoggedEvent: Equatable, Sendable, FetchableRecord {
    public let id: Int64
    public let stream: String
    public let kind: String
    public let occurredOn: Day
    /// ISO 8601 UTC with milliseconds: when the fact was entered.
    public let recordedAt: String
    public let actor: String
    /// Canonical JSON (sorted keys).
    public let payload: String
    public let previousHash: String
    public let hash: String

    /// Reads a row of `SELECT * FROM event`, by position: the migration fixes the columns'
    /// order (id, stream, kind, occurred_on, recorded_at, actor, payload, prev_hash, hash).
    public init(row: Row) throws {
        let fact = try LoggedFact(row: row, payloadAt: 6)
        id = fact.id
        stream = fact.stream
        kind = fact.kind
        occurredOn = fact.occurredOn
        recordedAt = row[4]
        actor = row[5]
        payload = fact.payload
        previousHash = row[7]
        hash = row[8]
    }

    init(
        id: Int64, stream: String, kind: String, occurredOn: Day, recordedAt: String, actor: String,
        payload: String, previousHash: String, hash: String
    ) {
        self.id = id
        self.stream = stream
        self.kind = kind
        self.occurredOn = occurredOn
        self.recordedAt = recordedAt
        self.actor = actor
        self.payload = payload
        self.previousHash = previousHash
        self.hash = hash
    }

    /// The fact this row records.
    public func fact() throws(StoreError) -> Fact {
        try LoggedFact.fact(id: id, kind: kind, payload: payload)
    }

    /// The stream the row names, typed.
    public func namedStream() throws(StoreError) -> LogStream {
        guard let named = LogStream(stream) else {
            throw .unreadableEvent(id: id, reason: "'\(stream)' is not a stream of the log")
        }
        return named
    }

    /// The id, kind and day, for error messages.
    public var summary: EventSummary { EventSummary(id: id, kind: kind, on: occurredOn) }
}

extension Optional {
    func orThrow(_ error: @autoclosure () -> some Error) throws -> Wrapped {
        guard let self else { throw error() }
        return self
    }
}
