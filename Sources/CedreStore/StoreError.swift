import CedreCore
import CedreJSON
import Foundation

/// Why the store refused a command; nothing was written.
public enum StoreError: Error, Equatable, Sendable {
    /// The rules refuse the fact.
    case refused(TransitionError)
    /// A late fact would make an event already in the log illegal (DESIGN §5).
    case lateFactConflict(recorded: Fact.Kind, on: Day, conflicting: EventSummary, reason: TransitionError)
    /// A fact is dated after the day it is recorded on.
    case factInTheFuture(Fact.Kind, on: Day, today: Day)
    /// The database was written by a newer cedre.
    case newerSchema(path: String)
    /// Something named on the command line does not exist.
    case notFound(Missing)
    /// A fact about an audit or a finding dated before the audit was planned or the finding raised.
    case datedBeforeCreation(Creation, on: Day)
    /// A stored event cannot be read back as a fact.
    case unreadableEvent(id: Int64, reason: String)
    /// `demo --db` would overwrite a database that is not a demo one.
    case notADemoDatabase(path: String)
    /// The file exists but is not a cedre database.
    case notACedreDatabase(path: String)
    /// A fact carries an id with a control character or line break, or a number out of its bounds.
    case malformed(kind: Fact.Kind, Malformation)
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

/// What a command named that does not exist, with the known id it most likely meant.
public enum Missing: Equatable, Sendable {
    case member(MemberID, suggestion: MemberID?)
    case audit(AuditID, suggestion: AuditID?)
    case finding(FindingID, suggestion: FindingID?)
    /// The audit exists, but was planned after the day asked.
    case auditOn(AuditID, on: Day)
    /// The finding exists, but was raised after the day asked.
    case findingOn(FindingID, on: Day)
    /// The member has no dossier under the scheme on the day asked.
    case certification(CertificationKey, on: Day)
    case campaign(SchemeID, year: Int)
    /// A file to read.
    case file(String)
    /// The folder a file is to be written in does not exist or cannot be written.
    case writableFolder(String)
    /// A projection row the store cannot read back (its table was edited).
    case readableMemberRow(MemberID)
}

/// The audit or finding a fact names, with the day it came into being.
public enum Creation: Equatable, Sendable {
    case audit(AuditID, plannedOn: Day, scheduledOn: Day)
    case finding(FindingID, raisedOn: Day)
}

/// An event of the log, named in errors: its id, kind and day.
public struct EventSummary: Equatable, Sendable {
    public let id: Int64
    public let kind: String
    public let on: Day

    public init(id: Int64, kind: String, on: Day) {
        self.id = id
        self.kind = kind
        self.on = on
    }

    /// `#12`, as `cedre log` numbers events.
    public var reference: String { "#\(id)" }
}
