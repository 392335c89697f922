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
    /// A member edit that changes none of its fields.
    case nothingToAmend(MemberID)
    /// A correction names an event it cannot void or correct.
    case correctionRefused(event: Int64, CorrectionRefusal)
    /// A correction would make an event of a stream it touches replay illegally (DESIGN §5).
    case correctionConflict(voiding: Bool, target: EventSummary, conflicting: EventSummary, reason: TransitionError)
    /// A scheme definition breaks `Schemas/json/scheme.schema.json` or contradicts itself (rule 8b).
    case invalidScheme(file: String, problems: [SchemaViolation])
    /// `scheme add` names a scheme that exists, without `--revise`.
    case schemeExists(SchemeID)
    /// `scheme add --revise` names a scheme that does not exist.
    case noSchemeToRevise(SchemeID)
    /// A revision dated on or before the start of a certification already under the scheme.
    case revisionTooEarly(SchemeID, on: Day, started: CertificationKey, startedOn: Day)
}

/// Why an event cannot be voided or corrected as asked.
public enum CorrectionRefusal: Equatable, Sendable {
    /// No event has that number.
    case noSuchEvent
    /// The target is a correction: it can be voided, not corrected.
    case isACorrection(EventSummary)
    /// The target is voided already, by the given correction.
    case alreadyVoided(EventSummary, by: Int64)
    /// The correction gives the target the day and content it already has.
    case changesNothing(EventSummary)
    /// The correction says the target is of another kind or stream than it is.
    case notTheTarget(EventSummary, kind: String, stream: String)
    /// A `--set` names a field the fact does not have.
    case unknownField(String, kind: String, known: [String])
    /// A `--set` value does not fit its field.
    case invalidValue(field: String, message: String)
    /// The target records a scheme definition: it is revised, never voided or corrected.
    case schemeDefinition(EventSummary)
}

/// An event of the log, named in errors: its id, kind and day.
public struct EventSummary: Equatable, Sendable, CustomStringConvertible {
    public let id: Int64
    public let kind: String
    public let on: Day

    public init(id: Int64, kind: String, on: Day) {
        self.id = id
        self.kind = kind
        self.on = on
    }

    public var description: String { "event #\(id) (\(kind) on \(on))" }

    /// `#12`, as `cedre log` numbers events.
    public var reference: String { "#\(id)" }
}

extension CorrectionRefusal {
    /// One sentence that says what was refused and what to do instead.
    func sentence(event: Int64) -> String {
        switch self {
        case .noSuchEvent:
            return "there is no event #\(event) in the log; 'cedre log' shows each event's number."
        case .isACorrection(let target):
            return "\(target) is itself a correction: void it ('cedre void \(target.id)'), then correct the original again."
        case .alreadyVoided(let target, let correction):
            return "\(target) is voided by event #\(correction); void #\(correction) first to restore it."
        case .changesNothing(let target):
            return "the correction gives \(target) the day and content it already has; say what to change with --on or --set."
        case .notTheTarget(let target, let kind, let stream):
            return "the correction names event #\(event) as \(kind) in \(stream), but it is \(target) in another stream or of another kind."
        case .unknownField(let field, let kind, let known):
            return "\(kind) has no field '\(field)'; it has \(known.joined(separator: ", "))."
        case .invalidValue(let field, let message):
            return "--set \(field): \(message)."
        case .schemeDefinition(let target):
            return "\(target) records a scheme definition, which certifications may follow; record a new version with 'cedre scheme add --revise' instead."
        }
    }
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
        case .nothingToAmend(let id):
            return "member \(id) already has that profile; give the new name, type, département, region or group."
        case .correctionRefused(let event, let refusal):
            return refusal.sentence(event: event)
        case .correctionConflict(let voiding, let target, let conflicting, let reason):
            let verb = voiding ? "voiding" : "correcting"
            if conflicting.id == target.id {
                return "\(verb) \(target) is refused: as corrected, on \(conflicting.on), it would not replay (\(reason)); nothing was written."
            }
            return "\(verb) \(target) would make \(conflicting) illegal: \(reason) Nothing was written; correct or void \(conflicting.reference) first."
        case .invalidScheme(let file, let problems):
            let lines = problems.map { "  \($0)" }.joined(separator: "\n")
            return "\(file) is not a valid scheme definition (\(problems.count) problem\(problems.count == 1 ? "" : "s"); nothing was written):\n\(lines)"
        case .schemeExists(let id):
            return "scheme \(id) already exists; pass --revise to record a new version of it, or change the definition's id."
        case .noSchemeToRevise(let id):
            return "there is no scheme \(id) to revise; add it without --revise."
        case .revisionTooEarly(let id, let day, let started, let startedOn):
            return "a revision of \(id) dated \(day) would change the rules under \(started.member), started on \(startedOn); date it after the last certification started under \(id) (--on)."
        }
    }
}
