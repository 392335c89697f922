import CedreCore
import CedreJSON
import Foundation
import GRDB

/// A row of the event log as a replay reads it: the fact and the day it happened, without who
/// entered it when, or its links in the chain, which no replay reads (a rebuild reads a
/// million rows, 150 bytes each of them left on disk).
struct LoggedFact: Sendable, FetchableRecord {
    let id: Int64
    let stream: String
    let kind: String
    let occurredOn: Day
    /// Canonical JSON (sorted keys).
    let payload: String

    /// The columns a `SELECT` reads for `init(row:)`, in its order.
    static let columns = "id, stream, kind, occurred_on, payload"

    /// Whether the row voids or corrects another instead of stating a fact.
    var isCorrection: Bool { Self.isCorrection(kind: kind) }

    /// Whether a row of the kind `kind` voids or corrects another.
    static func isCorrection(kind: String) -> Bool { correctionKinds.contains(kind) }

    /// The kinds of the rows that correct others: a replay asks of every row whether it is one,
    /// and comparing with two names costs less than reading the kind.
    private static let correctionKinds = Fact.Kind.allCases.filter(\.isCorrection).map(\.rawValue)

    /// Every kind by its name: one hash instead of comparing the name with each kind's in turn.
    private static let kinds = Dictionary(uniqueKeysWithValues: Fact.Kind.allCases.map { ($0.rawValue, $0) })

    /// The fact this row records.
    func fact() throws(StoreError) -> Fact {
        try Self.fact(id: id, kind: kind, payload: payload)
    }

    /// The fact of the row `id`, from its kind and payload.
    static func fact(id: Int64, kind name: String, payload: String) throws(StoreError) -> Fact {
        guard let kind = kinds[name] else {
            throw .unreadableEvent(id: id, reason: "unknown kind '\(name)'")
        }
        let document: JSONValue
        do {
            // A payload is written in the flat form; one that is not is read by the full parser.
            document = try JSONParser.flatObject(payload) ?? JSONParser.parse(payload)
        } catch {
            throw .unreadableEvent(id: id, reason: "payload is not JSON (\(error))")
        }
        do {
            return try Fact(kind: kind, payload: FactPayload(json: document))
        } catch {
            throw .unreadableEvent(id: id, reason: error.description)
        }
    }
}

// The initializers stand apart from the type so that it keeps its memberwise one.
extension LoggedFact {
    init(row: Row) throws {
        try self.init(row: row, payloadAt: 4)
    }

    /// Reads a row whose first columns are id, stream, kind and day, and whose payload is at
    /// `payloadAt` (6 in `SELECT *`).
    init(row: Row, payloadAt payloadIndex: Int) throws {
        try self.init(row: row, stream: row[1], payloadAt: payloadIndex)
    }

    /// Reads a row of `columns` whose stream, `stream`, its reader has already read.
    ///
    /// Inlined into `init(row:payloadAt:)`, which a rebuild calls for each row: called from
    /// it, the cursor decoded each row apart (a rebuild of the 5,000-member network: 3,402.4 M
    /// instructions before this initializer, 3,406.3 M with it called, 3,399.0 M inlined).
    @inline(__always)
    init(row: Row, stream: String, payloadAt payloadIndex: Int = 4) throws {
        // Every column is read before the first field is set: a throwing initializer that sets
        // some first built the row apart and copied it into place.
        let day: String = row[3]
        guard let occurredOn = Day(day) else { throw StoreError.unreadableEvent(id: row[0], reason: "occurred_on is not a day") }
        id = row[0]
        self.stream = stream
        kind = row[2]
        self.occurredOn = occurredOn
        payload = row[payloadIndex]
    }

    init(_ event: LoggedEvent) {
        self.init(id: event.id, stream: event.stream, kind: event.kind, occurredOn: event.occurredOn, payload: event.payload)
    }
}
