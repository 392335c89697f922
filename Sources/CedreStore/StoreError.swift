import CedreCore
import Foundation

/// Why the store refused a command; nothing was written.
public enum StoreError: Error, Equatable, Sendable {
    /// The rules refuse the fact.
    case refused(TransitionError)
    /// A late fact would make an event already in the log illegal (DESIGN §5).
    case lateFactConflict(recorded: String, on: Day, conflicting: EventSummary, reason: TransitionError)
    /// A fact is dated after the day it is recorded on.
    case factInTheFuture(String, on: Day, today: Day)
    /// The database was written by a newer cedre.
    case newerSchema(path: String)
    /// Something named on the command line does not exist.
    case notFound(String)
    /// A stored event cannot be read back as a fact.
    case unreadableEvent(id: Int64, reason: String)
    /// `demo --db` would overwrite a database that is not a demo one.
    case notADemoDatabase(path: String)
    /// The file exists but is not a cedre database.
    case notACedreDatabase(path: String)
    /// A fact carries an id with a control character or line break, or a number out of its bounds.
    case malformed(kind: String, FactPayloadError)
    /// What a write appended is not what the database holds after it (a trigger discarded or
    /// changed it): the transaction is rolled back.
    case writeNotLanded(table: String, expected: Int, found: Int)
}

/// An event of the log, named in errors: its id, kind and day.
public struct EventSummary: Equatable, Sendable, CustomStringConvertible {
    public let id: Int64
    public let kind: String
    public let on: Day

    public var description: String { "event #\(id) (\(kind) on \(on))" }
}

extension StoreError: CustomStringConvertible {
    /// One sentence that says what was wrong and how to fix it.
    public var description: String {
        switch self {
        case .refused(let error):
            return error.description
        case .lateFactConflict(let recorded, let day, let conflicting, let reason):
            return "recording \(recorded) on \(day) would make \(conflicting) illegal: \(reason)"
        case .factInTheFuture(let kind, let day, let today):
            return "\(kind) is dated \(day), after today (\(today)); record facts once they have happened, or pass --as-of."
        case .newerSchema(let path):
            return "\(path) was written by a newer version of cedre; upgrade cedre to open it."
        case .notFound(let what):
            return "\(what) does not exist."
        case .unreadableEvent(let id, let reason):
            return "event #\(id) of the log cannot be read (\(reason)); run 'cedre verify'."
        case .notADemoDatabase(let path):
            return "\(path) holds a database that is not a demo one; choose another --db path for the demo."
        case .notACedreDatabase(let path):
            return "\(path) is not a cedre database."
        case .malformed(let kind, let problem):
            return "\(kind) is refused: \(problem.field): \(problem.message)."
        case .writeNotLanded(let table, let expected, let found):
            return "the database did not keep what was just written to \(table) (\(expected) row(s) written, \(found) found "
                + "when read back): something in the database interferes with writes, run 'cedre verify'; nothing was recorded."
        }
    }
}
