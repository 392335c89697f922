import Foundation

/// An event of the log, by the number `cedre log` shows: what a correction names.
public struct EventID: RawRepresentable, Hashable, Comparable, Sendable, CustomStringConvertible {
    public let rawValue: Int64

    public init(rawValue: Int64) {
        self.rawValue = rawValue
    }

    public init(_ rawValue: Int64) {
        self.rawValue = rawValue
    }

    public var description: String { "#\(rawValue)" }

    public static func < (lhs: EventID, rhs: EventID) -> Bool { lhs.rawValue < rhs.rawValue }
}

/// A correction of a logged fact: officers mistype days and pick the wrong audit, and the log
/// keeps both the original and its correction (DESIGN §5, "Corrections are facts too").
///
/// A correction lives in the stream of the event it names, so whatever replays a stream sees
/// every correction of it. Replay skips a voided event and applies a corrected one with its
/// corrected content, in its corrected day order.
public struct EventCorrection: Equatable, Sendable {
    /// What becomes of the target.
    public enum Change: Equatable, Sendable {
        /// The target is as if it had never been recorded.
        case voided
        /// The target is as if it had been recorded with this day and content.
        case corrected(DatedFact)
    }

    public let target: EventID
    /// The kind of the target: a fact's kind, or a correction's when a correction is voided.
    public let targetKind: Fact.Kind
    /// The target's stream, which a correction never changes.
    public let stream: LogStream
    public let change: Change
    /// Why, in the officer's words: required.
    public let reason: String

    public init(target: EventID, targetKind: Fact.Kind, stream: LogStream, change: Change, reason: String) {
        self.target = target
        self.targetKind = targetKind
        self.stream = stream
        self.change = change
        self.reason = reason
    }
}

extension Fact.Kind {
    /// Whether events of this kind correct other events instead of stating a fact.
    public var isCorrection: Bool { self == .eventCorrected || self == .eventVoided }
}

/// What the corrections of a log make of each event they name.
///
/// Built from every correction event, in any order: a correction that is itself voided has no
/// effect, and when several corrections name the same event the latest one counts.
public struct Corrections: Sendable {
    /// The outcome for one targeted event.
    public enum Effect: Equatable, Sendable {
        case voided(by: EventID)
        case corrected(DatedFact, stream: LogStream, by: EventID)

        /// The correction event that decided this effect.
        public var correction: EventID {
            switch self {
            case .voided(let id), .corrected(_, _, let id): id
            }
        }
    }

    private var effects: [EventID: Effect] = [:]

    /// No correction at all.
    public init() {}

    /// Resolves corrections given with the ids of their own events.
    public init(_ records: [(id: EventID, correction: EventCorrection)]) {
        for record in records.sorted(by: { $0.id > $1.id }) {
            // Newest first: a later void has already been seen when the correction it voids comes.
            if case .voided = effects[record.id] { continue }
            guard effects[record.correction.target] == nil else { continue }
            switch record.correction.change {
            case .voided:
                effects[record.correction.target] = .voided(by: record.id)
            case .corrected(let dated):
                effects[record.correction.target] = .corrected(dated, stream: record.correction.stream, by: record.id)
            }
        }
    }

    /// What the corrections make of `id`; nil when it stands as recorded.
    public func effect(of id: EventID) -> Effect? {
        effects[id]
    }

    /// Whether no event is voided or corrected.
    public var isEmpty: Bool { effects.isEmpty }

    /// The voided events, in record order.
    public var voidedEvents: [EventID] {
        effects.compactMap { id, effect in if case .voided = effect { id } else { nil } }.sorted()
    }

    /// The targeted events with their corrected content, in no particular order.
    public var correctedEvents: [(id: EventID, fact: DatedFact, stream: LogStream)] {
        effects.compactMap { id, effect in
            guard case .corrected(let dated, let stream, _) = effect else { return nil }
            return (id, dated, stream)
        }
    }
}
