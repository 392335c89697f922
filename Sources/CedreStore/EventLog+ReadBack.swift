import CedreCore
import Foundation
import GRDB

extension EventLog {
    /// Reads back, inside the write, that every appended event is in the log and that the
    /// log's head (the last row, and `log_head` kept apart) is the last one appended.
    ///
    /// A trigger added to discard or divert inserts would otherwise let a command print
    /// success while recording nothing; this throws instead, and the write rolls back.
    static func confirmLanded(_ appended: [LoggedEvent], in db: Database) throws {
        guard let first = appended.first, let last = appended.last else { return }
        let landed = try Int.fetchOne(
            db, sql: "SELECT count(*) FROM event WHERE id BETWEEN ? AND ?", arguments: [first.id, last.id]) ?? 0
        let head = try head(db)
        let kept = try Row.fetchOne(db, sql: "SELECT id, hash FROM log_head")
        let keptID: Int64? = kept?["id"]
        let keptHash: String? = kept?["hash"]
        guard landed == appended.count, head?.id == last.id, head?.hash == last.hash, keptID == last.id, keptHash == last.hash
        else {
            throw StoreError.writeNotLanded(table: "the event log", expected: appended.count, found: landed)
        }
    }
}
