import CedreCore
import Foundation
import GRDB

extension CedreStore {
    /// Voids a logged event: from now on every replay skips it, as if it had never been
    /// recorded; the event stays in the log and in the chain. A voided correction restores
    /// what it corrected.
    ///
    /// One transaction: refused (nothing written) when a stream it touches would no longer
    /// replay legally. Returns the void's own event.
    @discardableResult
    public func void(event id: Int64, reason: String, context: RecordingContext) throws -> LoggedEvent {
        try correction(of: id, context: context) { target, standing in
            EventCorrection(
                target: EventID(id), targetKind: standing.fact.kind, stream: try target.namedStream(), change: .voided, reason: reason)
        }
    }

    /// Corrects a logged event: from now on every replay applies it on `day` (default: its
    /// day) with `fields` set (`--set FIELD=VALUE`), as if it had been entered right the first
    /// time. Its kind and stream never change.
    ///
    /// One transaction: refused (nothing written) when a stream it touches would no longer
    /// replay legally. Returns the correction's own event.
    @discardableResult
    public func correct(
        event id: Int64, on day: Day?, setting fields: [(name: String, value: String)], reason: String,
        context: RecordingContext
    ) throws -> LoggedEvent {
        try correction(of: id, context: context) { target, standing in
            let fact: Fact
            do {
                fact = try standing.fact.setting(fields)
            } catch let error as FieldCorrectionError {
                switch error {
                case .unknownField(let field, let known):
                    throw StoreError.correctionRefused(event: id, .unknownField(field, kind: target.kind, known: known))
                case .invalidValue(let field, let message):
                    throw StoreError.correctionRefused(event: id, .invalidValue(field: field, message: message))
                }
            }
            return EventCorrection(
                target: EventID(id), targetKind: standing.fact.kind, stream: try target.namedStream(),
                change: .corrected(DatedFact(fact, on: day ?? standing.day)), reason: reason)
        }
    }

    /// Reads the target and what it stands for now (its latest correction, if any), builds the
    /// correction and records it, in one write.
    private func correction(
        of id: Int64, context: RecordingContext, _ build: (LoggedEvent, DatedFact) throws -> EventCorrection
    ) throws -> LoggedEvent {
        try writer.write { db in
            guard let target = try LoggedEvent.fetchOne(db, sql: "SELECT * FROM event WHERE id = ?", arguments: [id]) else {
                throw StoreError.correctionRefused(event: id, .noSuchEvent)
            }
            var standing = DatedFact(try target.fact(), on: target.occurredOn)
            let current = Corrections(try EventLog.corrections(ofStream: try target.namedStream(), in: db)).effect(of: EventID(id))
            if !target.isCorrection, case .corrected(let corrected, _, _) = current {
                standing = corrected
            }
            let fact = Fact.correction(try build(target, standing))
            do {
                let appended = try Recorder(catalog: catalog, db: db).record([DatedFact(fact, on: context.today)], context: context)
                return appended[0]
            } catch let error as BatchError {
                throw error.error
            }
        }
    }
}

extension CedreStore {
    /// Amends a member's profile from `day` on with what `edit` makes of its current profile;
    /// only the fields that differ are recorded. One transaction; returns the amendment's event.
    @discardableResult
    public func amend(
        member id: MemberID, on day: Day, context: RecordingContext, _ edit: (Member) throws -> Member
    ) throws -> LoggedEvent {
        try writer.write { db in
            guard let current = try MemberRows.fetch(id, in: db) else { throw StoreError.notFound(.member(id, suggestion: nil)) }
            guard let amendment = MemberAmendment(from: current.member, to: try edit(current.member)) else {
                throw StoreError.nothingToAmend(id)
            }
            do {
                let fact = DatedFact(.memberAmended(id, amendment), on: day)
                return try Recorder(catalog: catalog, db: db).record([fact], context: context)[0]
            } catch let error as BatchError {
                throw error.error
            }
        }
    }
}
