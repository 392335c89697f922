import CedreCore
import Crypto
import Foundation
import GRDB

/// The append-only, hash-chained event log: the only truth the store keeps.
///
/// Each row's hash is SHA-256 over the previous row's hash and the row's own columns, each
/// length-prefixed, so editing any column of any row, or removing a row, breaks the chain
/// from that row on; `verify` names the first broken row.
enum EventLog {
    /// The `prev_hash` of the first row.
    static let genesisHash = String(repeating: "0", count: 64)

    /// SHA-256 over the previous hash and every column of the row, hex. The fields are written
    /// into one buffer hashed at once: an import hashes a million rows, and two updates of the
    /// hasher a field, each from an array of its own, took 2,700 instructions a row more.
    static func hash(
        id: Int64, stream: String, kind: String, occurredOn: Day, recordedAt: String, actor: String,
        payload: String, previousHash: String
    ) -> String {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(payload.utf8.count + 192)
        appendLengthPrefixed(previousHash, to: &bytes)
        appendLengthPrefixed(id, to: &bytes)
        for field in [stream, kind, occurredOn.description, recordedAt, actor, payload] {
            appendLengthPrefixed(field, to: &bytes)
        }
        return hexadecimal(SHA256.hash(data: bytes))
    }

    /// `field` length-prefixed, as the log's and the ledger's hashes take each field: its UTF-8
    /// length in decimal, a colon, its UTF-8 bytes.
    static func appendLengthPrefixed(_ field: String, to bytes: inout [UInt8]) {
        var field = field
        field.withUTF8 { utf8 in
            appendDecimal(UInt64(utf8.count), to: &bytes)
            bytes.append(UInt8(ascii: ":"))
            bytes.append(contentsOf: utf8)
        }
    }

    /// `number`'s decimal text length-prefixed, the bytes `appendLengthPrefixed(String(number),
    /// to:)` writes, without making the text: a first night chains tens of thousands of ledger
    /// rows, each with two ids and a few integer columns, and `String(_:)` of an integer (through
    /// `description`) was 70.0 M of its 2,851.7 M instructions.
    static func appendLengthPrefixed(_ number: Int64, to bytes: inout [UInt8]) {
        let digits = decimalDigits(number.magnitude)
        appendDecimal(UInt64(number < 0 ? digits + 1 : digits), to: &bytes)
        bytes.append(UInt8(ascii: ":"))
        if number < 0 { bytes.append(UInt8(ascii: "-")) }
        appendDecimal(number.magnitude, digits: digits, to: &bytes)
    }

    /// How many decimal digits `number` takes.
    private static func decimalDigits(_ number: UInt64) -> Int {
        var (digits, rest) = (1, number / 10)
        while rest > 0 {
            digits += 1
            rest /= 10
        }
        return digits
    }

    /// `number` in decimal.
    private static func appendDecimal(_ number: UInt64, to bytes: inout [UInt8]) {
        appendDecimal(number, digits: decimalDigits(number), to: &bytes)
    }

    /// The `digits` decimal digits of `number`, written into room appended at once.
    private static func appendDecimal(_ number: UInt64, digits: Int, to bytes: inout [UInt8]) {
        let start = bytes.count
        bytes.append(contentsOf: repeatElement(UInt8(ascii: "0"), count: digits))
        bytes.withUnsafeMutableBufferPointer { $0.writeDecimal(number, width: digits, at: start) }
    }

    /// The digest in lowercase hexadecimal, written into the string's own bytes.
    static func hexadecimal(_ digest: SHA256.Digest) -> String {
        digest.withUnsafeBytes { raw in
            String(unsafeUninitializedCapacity: raw.count * 2) { text in
                func digit(_ nibble: UInt8) -> UInt8 { nibble < 10 ? UInt8(ascii: "0") + nibble : UInt8(ascii: "a") + nibble - 10 }
                for (index, byte) in raw.enumerated() {
                    text[2 * index] = digit(byte >> 4)
                    text[2 * index + 1] = digit(byte & 0x0F)
                }
                return raw.count * 2
            }
        }
    }

    /// The last row's id and hash, or nil for an empty log.
    static func head(_ db: Database) throws -> (id: Int64, hash: String)? {
        try Row.fetchOne(db, sql: "SELECT id, hash FROM event ORDER BY id DESC LIMIT 1").map { ($0["id"], $0["hash"]) }
    }

    /// Appends facts in order, chaining each to the previous row.
    static func append(
        _ facts: [(fact: Fact, day: Day)], actor: String, recordedAt: String, in db: Database
    ) throws -> [LoggedEvent] {
        var (lastID, lastHash) = try head(db) ?? (0, genesisHash)
        let statement = try BulkInsert("""
            INSERT INTO event (id, stream, kind, occurred_on, recorded_at, actor, payload, prev_hash, hash)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
            """, in: db)
        var appended: [LoggedEvent] = []
        appended.reserveCapacity(facts.count)
        for (fact, day) in facts {
            let id = lastID + 1
            let payload = fact.payload.canonicalJSON
            let hash = hash(
                id: id, stream: fact.stream.description, kind: fact.kind.rawValue, occurredOn: day, recordedAt: recordedAt,
                actor: actor, payload: payload, previousHash: lastHash)
            try statement.execute(
                .integer(id), .text(fact.stream.description), .text(fact.kind.rawValue), .day(day), .text(recordedAt), .text(actor),
                .text(payload), .text(lastHash), .text(hash))
            appended.append(LoggedEvent(
                id: id, stream: fact.stream.description, kind: fact.kind.rawValue, occurredOn: day, recordedAt: recordedAt,
                actor: actor, payload: payload, previousHash: lastHash, hash: hash))
            (lastID, lastHash) = (id, hash)
        }
        try confirmLanded(appended, in: db)
        return appended
    }

    /// The events of some streams, in replay order: day, then record order.
    static func events(ofStreams streams: [LogStream], in db: Database) throws -> [LoggedFact] {
        guard !streams.isEmpty else { return [] }
        var events: [LoggedFact] = []
        let statement = try db.cachedStatement(sql: "SELECT \(LoggedFact.columns) FROM event WHERE stream = ? ORDER BY occurred_on, id")
        for stream in streams {
            events += try LoggedFact.fetchAll(statement, arguments: [stream.description])
        }
        return events.sorted { ($0.occurredOn, $0.id) < ($1.occurredOn, $1.id) }
    }

    /// Every event but member additions that happened on or before `day` (all when nil), in
    /// replay order.
    static func cursor(through day: Day?, in db: Database) throws -> RecordCursor<LoggedFact> {
        try LoggedFact.fetchCursor(db, sql: """
            SELECT \(LoggedFact.columns) FROM event WHERE occurred_on <= ? AND kind <> 'member.added' ORDER BY occurred_on, id
            """, arguments: [day ?? Day.latest])
    }

    /// Every member addition, whatever its day: members exist before any fact is replayed.
    static func memberAdditions(in db: Database) throws -> RecordCursor<LoggedFact> {
        try LoggedFact.fetchCursor(db, sql: "SELECT \(LoggedFact.columns) FROM event WHERE kind = 'member.added' ORDER BY id")
    }

    /// Walks the chain in id order and returns the first row whose hash or link is wrong.
    static func firstBrokenRow(in db: Database) throws -> ChainBreak? {
        var previousHash = genesisHash
        var previousID: Int64 = 0
        let rows = try Row.fetchCursor(db, sql: "SELECT * FROM event ORDER BY id")
        while let row = try rows.next() {
            let id: Int64 = row["id"]
            let stored: String = row["hash"]
            let linked: String = row["prev_hash"]
            guard let occurredOn = Day.fromDatabaseValue(row["occurred_on"]) else {
                return ChainBreak(id: id, reason: .unreadableRow)
            }
            let computed = hash(
                id: id, stream: row["stream"], kind: row["kind"], occurredOn: occurredOn, recordedAt: row["recorded_at"],
                actor: row["actor"], payload: row["payload"], previousHash: linked)
            if id != previousID + 1 { return ChainBreak(id: id, reason: .missingRowBefore) }
            if linked != previousHash { return ChainBreak(id: id, reason: .linkBroken) }
            if computed != stored { return ChainBreak(id: id, reason: .contentChanged) }
            previousHash = stored
            previousID = id
        }
        if let head = try Row.fetchOne(db, sql: "SELECT id, hash FROM log_head"),
            (head["id"] as Int64) != previousID || (head["hash"] as String) != previousHash
        {
            return ChainBreak(id: previousID + 1, reason: .truncated)
        }
        return nil
    }
}

/// The first row where the hash chain does not hold.
public struct ChainBreak: Equatable, Sendable {
    public enum Reason: String, Sendable {
        /// A column was edited: the row's hash no longer matches its content.
        case contentChanged = "its content does not match its hash"
        /// The row does not point to the previous row's hash.
        case linkBroken = "it does not link to the previous row's hash"
        /// Rows are missing before it.
        case missingRowBefore = "rows are missing before it"
        /// The log ends before its recorded head: its last rows were removed.
        case truncated = "the log's last rows were removed (its head, kept apart, is further on)"
        /// A column cannot be read.
        case unreadableRow = "a column cannot be read"
    }

    public let id: Int64
    public let reason: Reason

    public init(id: Int64, reason: Reason) {
        self.id = id
        self.reason = reason
    }
}
