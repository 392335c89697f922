import CedreCore
import Foundation
import GRDB

/// The new facts of one write, by stream, each correction checked against the event it names.
struct Batch {
    /// A new correction, with the id its event will get and the event it names.
    struct Correction {
        let index: Int
        let id: EventID
        let correction: EventCorrection
        let target: EventSummary
    }

    /// What may be blamed when a logged event no longer replays.
    enum Culprit {
        case fact(index: Int, DatedFact)
        case correction(Correction)

        var index: Int {
            switch self {
            case .fact(let index, _): index
            case .correction(let correction): correction.index
            }
        }

        /// The refusal of this change, for breaking `conflicting`.
        func refusal(conflicting: EventSummary, reason: TransitionError) -> BatchError {
            switch self {
            case .fact(let index, let item):
                return BatchError(index: index, error: .lateFactConflict(
                    recorded: item.fact.kind, on: item.day, conflicting: conflicting, reason: reason))
            case .correction(let correction):
                return BatchError(index: correction.index, error: .correctionConflict(
                    voiding: correction.correction.change == .voided, target: correction.target, conflicting: conflicting,
                    reason: reason))
            }
        }
    }

    /// The new facts and corrections of some streams.
    struct Changes {
        var facts: [(index: Int, item: DatedFact)] = []
        var corrections: [Correction] = []
        /// A change in another stream these streams depend on (their member left, or was corrected).
        var external: Culprit?

        /// Whether the stream's past changes, not just its end: an amendment or a correction.
        var rewritesHistory: Bool {
            !corrections.isEmpty || facts.contains { $0.item.fact.kind == .memberAmended }
        }

        /// The change to blame when the logged `event` no longer replays: the correction of that
        /// very event, else a change of another stream it depends on, else a correction among
        /// these, else the earliest new fact; nil when no change of the batch touches it.
        func culprit(breaking event: ReplayedEvent) -> Culprit? {
            if let own = corrections.first(where: { $0.correction.target.rawValue == event.id }) { return .correction(own) }
            if let external { return external }
            if let first = corrections.first { return .correction(first) }
            return facts.min { ($0.item.day, $0.index) < ($1.item.day, $1.index) }.map { .fact(index: $0.index, $0.item) }
        }

        /// Leaves a refused change out of the next replay.
        mutating func leaveOut(_ index: Int) {
            facts.removeAll { $0.index == index }
            corrections.removeAll { $0.index == index }
            if external?.index == index { external = nil }
        }
    }

    /// A step of a replay: a logged event or a new fact.
    enum Step {
        case existing(ReplayedEvent)
        case new(index: Int, DatedFact)
    }

    /// The number of new facts.
    let count: Int
    /// The streams the batch touches, in the order it first names them.
    private(set) var streams: [LogStream] = []
    private var byStream: [LogStream: Changes] = [:]
    private var culprits: [Int: Culprit] = [:]

    /// Sorts `facts` by stream and checks each correction's target; `firstID` is the id the
    /// first fact will get when appended.
    init(_ facts: [DatedFact], firstID: Int64, recorder: Recorder) throws {
        count = facts.count
        var accepted: [(id: EventID, correction: EventCorrection)] = []
        for (index, item) in facts.enumerated() where !recorder.refused.contains(index) {
            let stream = item.fact.stream
            if byStream[stream] == nil {
                streams.append(stream)
                byStream[stream] = Changes()
            }
            // Appended in place: a copy taken out of the dictionary would copy the stream's
            // whole list at every append.
            if case .correction(let correction) = item.fact {
                let id = EventID(firstID + Int64(index))
                guard let target = try recorder.checkTarget(of: correction, correctedBefore: accepted, index: index) else { continue }
                accepted.append((id, correction))
                let checked = Correction(index: index, id: id, correction: correction, target: target)
                byStream[stream, default: Changes()].corrections.append(checked)
                culprits[index] = .correction(checked)
            } else {
                byStream[stream, default: Changes()].facts.append((index, item))
                culprits[index] = .fact(index: index, item)
            }
        }
    }

    /// The members whose own stream the batch changes.
    var touchedMembers: Set<MemberID> {
        Set(streams.compactMap { stream in if case .member(let id) = stream { id } else { nil } })
    }

    /// The changes of one stream.
    func changes(of stream: LogStream) -> Changes {
        byStream[stream] ?? Changes()
    }

    /// The changes of several streams together, in batch order.
    func changes(of streams: Set<LogStream>) -> Changes {
        var merged = Changes()
        for stream in streams {
            guard let changes = byStream[stream] else { continue }
            merged.facts += changes.facts
            merged.corrections += changes.corrections
        }
        merged.facts.sort { $0.index < $1.index }
        merged.corrections.sort { $0.index < $1.index }
        return merged
    }

    /// The change at a position of the batch.
    func culprit(at index: Int) -> Culprit? {
        culprits[index]
    }

    /// Logged events and new facts in replay order: member additions first, then day order; a
    /// new fact goes after every logged fact of its day.
    static func merge(existing: [ReplayedEvent], _ new: [(index: Int, item: DatedFact)]) -> [Step] {
        func rank(_ fact: Fact) -> Int { fact.kind == .memberAdded ? 0 : 1 }
        let sortedNew = new.sorted {
            (rank($0.item.fact), $0.item.day, $0.index) < (rank($1.item.fact), $1.item.day, $1.index)
        }
        var steps: [Step] = []
        steps.reserveCapacity(existing.count + new.count)
        var pending = sortedNew.makeIterator()
        var candidate = pending.next()
        for event in existing {
            while let next = candidate, (rank(next.item.fact), next.item.day) < (rank(event.fact), event.day) {
                steps.append(.new(index: next.index, next.item))
                candidate = pending.next()
            }
            steps.append(.existing(event))
        }
        while let next = candidate {
            steps.append(.new(index: next.index, next.item))
            candidate = pending.next()
        }
        return steps
    }
}

extension Recorder {
    /// The summary of the event a correction names, or nil after refusing the correction: the
    /// event must exist, be what the correction says, not be voided, and change.
    func checkTarget(
        of correction: EventCorrection, correctedBefore accepted: [(id: EventID, correction: EventCorrection)], index: Int
    ) throws -> EventSummary? {
        let id = correction.target.rawValue
        func refusal(_ reason: CorrectionRefusal) throws -> EventSummary? {
            try refuse(BatchError(index: index, error: .correctionRefused(event: id, reason)))
            return nil
        }
        guard let target = try LoggedEvent.fetchOne(database, sql: "SELECT * FROM event WHERE id = ?", arguments: [id]) else {
            return try refusal(.noSuchEvent)
        }
        guard target.kind == correction.targetKind.rawValue, target.stream == correction.stream.description else {
            return try refusal(.notTheTarget(target.summary, kind: correction.targetKind.rawValue, stream: correction.stream.description))
        }
        if target.kind == Fact.Kind.schemeAdded.rawValue { return try refusal(.schemeDefinition(target.summary)) }
        if case .corrected = correction.change, target.isCorrection { return try refusal(.isACorrection(target.summary)) }
        let records = accepted.filter { $0.correction.stream == correction.stream }
            + (try EventLog.corrections(ofStream: correction.stream, in: database))
        let current = Corrections(records).effect(of: EventID(id))
        if case .voided(let by) = current { return try refusal(.alreadyVoided(target.summary, by: by.rawValue)) }
        if case .corrected(let dated) = correction.change {
            let standing: DatedFact = if case .corrected(let earlier, _, _) = current { earlier } else {
                DatedFact(try target.fact(), on: target.occurredOn)
            }
            if standing == dated { return try refusal(.changesNothing(target.summary)) }
        }
        return target.summary
    }
}
