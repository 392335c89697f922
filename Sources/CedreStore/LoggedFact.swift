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

    /// Every kind, at the slot of its name in `kindSlots`.
    fileprivate static let kinds = Fact.Kind.allCases

    /// Every kind's name, looked up from its bytes: a row's kind is found by one pass over
    /// them, not hashed with SipHash nor compared with each kind's name in turn.
    fileprivate static let kindSlots = TextSlots(kinds.map(\.rawValue))

    /// The kind named `name`, nil when no kind has that name.
    private static func kind(named name: String) -> Fact.Kind? {
        kindSlots.slot(of: name).map { kinds[$0] }
    }

    /// The fact this row records.
    func fact() throws(StoreError) -> Fact {
        try Self.fact(id: id, kind: kind, payload: payload)
    }

    /// The fact of the row `id`, from its kind and payload.
    static func fact(id: Int64, kind name: String, payload: String) throws(StoreError) -> Fact {
        guard let kind = kind(named: name) else {
            throw .unreadableEvent(id: id, reason: "unknown kind '\(name)'")
        }
        // A payload is written in the flat form; one that is not is read by the full parser,
        // which also names what is wrong with one the flat reader could not take. The payload
        // read is handed over, not copied for the fact and then released (65 M of 3,164 M
        // instructions in a rebuild of the 5,000-member network).
        var flat = FactPayload()
        if FactPayload.read(flatJSON: payload, into: &flat), let fact = try? Fact(kind: kind, payload: consume flat) {
            return fact
        }
        let document: JSONValue
        do {
            document = try JSONParser.parse(payload)
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
        guard let occurredOn = row.day(atIndex: 3) else {
            throw StoreError.unreadableEvent(id: row[0], reason: "occurred_on is not a day")
        }
        id = row[0]
        self.stream = stream
        kind = try row.decode(KindName.self, atIndex: 2).text
        self.occurredOn = occurredOn
        payload = row[payloadIndex]
    }

    /// A kind's name as a row holds it: the name `Fact.Kind` holds when a kind has it, so a
    /// replay's million rows share a few dozen names instead of each copying its own from
    /// SQLite; else the row's own text, refused later with the row's id.
    private struct KindName: DatabaseValueConvertible, StatementColumnConvertible {
        let text: String

        init(text: String) {
            self.text = text
        }

        init?(sqliteStatement: SQLiteStatement, index: CInt) {
            if let slot = LoggedFact.kindSlots.slot(ofColumn: index, in: sqliteStatement) {
                text = LoggedFact.kinds[slot].rawValue
            } else {
                text = String(sqliteStatement: sqliteStatement, index: index)
            }
        }

        var databaseValue: DatabaseValue { text.databaseValue }

        static func fromDatabaseValue(_ dbValue: DatabaseValue) -> KindName? {
            String.fromDatabaseValue(dbValue).map(KindName.init(text:))
        }
    }

    init(_ event: LoggedEvent) {
        self.init(id: event.id, stream: event.stream, kind: event.kind, occurredOn: event.occurredOn, payload: event.payload)
    }
}
