import CedreCore
import Foundation
import GRDB
import Testing

@testable import CedreStore

/// A past day keeps the log rows of the dossiers it replays by looking their stream up from
/// SQLite's bytes (`TextSlots`): every stream it holds is found at its own slot, and no other.
@Suite struct TextSlotsTests {
    /// Streams of one length apart from a digit, of every length from one byte to past a
    /// few words (the hash reads eight bytes at a time, then the rest), and one not ASCII.
    private static let streams: [String] = {
        let members = (0..<3_000).map { "certification/synthetique-\(String(format: "%06d", $0 * 7))/cedre-iso" }
        let lengths = (1...27).map { String(repeating: "x", count: $0) }
        return members + lengths + ["certification/société-01/cedre"]
    }()

    @Test func everyStreamIsFoundAtItsSlot() {
        let slots = TextSlots(Self.streams)
        for (slot, stream) in Self.streams.enumerated() {
            #expect(Self.slot(of: stream, in: slots) == slot, "\(stream)")
        }
    }

    /// A stream one byte off (a digit, a longer or shorter text, the last byte), or empty, is in
    /// no slot; nor is any stream of an empty table.
    @Test func noOtherStreamIsFound() {
        let slots = TextSlots(Self.streams)
        let others = (0..<3_000).map { "certification/synthetique-\(String(format: "%06d", $0 * 7 + 1))/cedre-iso" }
            + ["certification/synthetique-000000/cedre-is", "certification/synthetique-000000/cedre-iso0"]
            + ["certification/synthetique-000000/cedre-isp", "", String(repeating: "x", count: 28), "y"]
            + ["certification/societe-01/cedre"]
        for stream in others {
            #expect(Self.slot(of: stream, in: slots) == nil, "\(stream)")
        }
        #expect(Self.slot(of: "x", in: TextSlots([])) == nil)
    }

    /// Read from a statement's column, as `PastDayEvents` reads the log: a row's stream is found,
    /// another row's or a NULL is not.
    @Test func aColumnOfTheRowAStatementStandsOnIsLookedUp() throws {
        let slots = TextSlots(["certification/a/cedre", "certification/b/cedre"])
        let found = try DatabaseQueue().read { db in
            let statement = try db.makeStatement(sql: """
                SELECT 1, column1 FROM (VALUES ('certification/b/cedre'), ('certification/c/cedre'), (NULL), ('certification/a/cedre'))
                """)
            let cursor = try Row.fetchCursor(statement)
            var found: [Int?] = []
            while try cursor.next() != nil { found.append(slots.slot(ofColumn: 1, in: statement.sqliteStatement)) }
            return found
        }
        #expect(found == [1, nil, nil, 0])
    }

    private static func slot(of stream: String, in slots: TextSlots) -> Int? {
        slots.slot(of: stream)
    }
}
