import CedreCore
import CedreJSON
import Foundation
import GRDB

/// An event of the log as `cedre log` shows it: with the correction that voided or corrected
/// it, or, for a correction, the event it names.
public struct LogEntry: Sendable {
    /// One end of a correction: the other event, who recorded it, and why.
    public struct Link: Equatable, Sendable {
        /// The other event's number.
        public let event: Int64
        /// Who recorded the other event.
        public let actor: String
        /// The correction's reason.
        public let reason: String
        /// Whether the correction voids rather than corrects.
        public let voided: Bool
    }

    /// What a correction changes in the event it names.
    public enum Change: Equatable, Sendable {
        /// The day it happened.
        case day(Day)
        /// A field's new value, as the payload writes it.
        case field(String, value: String)
        /// A field it no longer carries.
        case cleared(String)
    }

    public let event: LoggedEvent
    /// For an event voided or corrected: the correction that counts now.
    public let amendedBy: Link?
    /// For a correction: the event it voids or corrects.
    public let amends: Link?
    /// For a correction: its corrected day and the fields it changes (none for a void).
    public let changes: [Change]
}

extension CedreStore {
    /// The log, oldest first (optionally one member's streams, or the last `limit` events),
    /// each correction placed right after the event it names.
    public func history(member: MemberID? = nil, limit: Int? = nil) throws -> [LogEntry] {
        let events = try events(member: member, limit: limit)
        return try writer.read { db in
            let corrections = try LoggedEvent.fetchAll(db, sql: """
                SELECT * FROM event WHERE kind IN ('event.corrected', 'event.voided') ORDER BY id
                """)
            let records = try EventLog.records(corrections.map(LoggedFact.init))
            let resolved = Corrections(records)
            let byID = Dictionary(uniqueKeysWithValues: zip(corrections.map(\.id), records.map(\.correction)))
            let correctionRows = Dictionary(uniqueKeysWithValues: corrections.map { ($0.id, $0) })
            var entries: [Int64: LogEntry] = [:]
            for event in events {
                var amendedBy: LogEntry.Link?
                if let effect = resolved.effect(of: EventID(event.id)), let row = correctionRows[effect.correction.rawValue],
                    let correction = byID[row.id]
                {
                    amendedBy = LogEntry.Link(
                        event: row.id, actor: row.actor, reason: correction.reason, voided: correction.change == .voided)
                }
                var amends: LogEntry.Link?
                var changes: [LogEntry.Change] = []
                if let correction = byID[event.id] {
                    let target = try LoggedEvent.fetchOne(db, sql: "SELECT * FROM event WHERE id = ?", arguments: [correction.target.rawValue])
                    amends = LogEntry.Link(
                        event: correction.target.rawValue, actor: target?.actor ?? "", reason: correction.reason,
                        voided: correction.change == .voided)
                    if case .corrected(let dated) = correction.change, let target {
                        changes = try Self.changes(from: target, to: dated)
                    }
                }
                entries[event.id] = LogEntry(event: event, amendedBy: amendedBy, amends: amends, changes: changes)
            }
            return Self.placingCorrections(events.map(\.id), entries: entries)
        }
    }

    /// The day, `audit A-2013-0002`: what a correction changes in its target.
    private static func changes(from target: LoggedEvent, to dated: DatedFact) throws -> [LogEntry.Change] {
        var changes: [LogEntry.Change] = []
        if dated.day != target.occurredOn { changes.append(.day(dated.day)) }
        let before = try JSONParser.parse(target.payload).objectMembers ?? []
        let after = try JSONParser.parse(dated.fact.payload.canonicalJSON).objectMembers ?? []
        for member in after where !before.contains(member) {
            changes.append(.field(member.key, value: member.value.stringValue ?? member.value.description))
        }
        for member in before where !after.contains(where: { $0.key == member.key }) {
            changes.append(.cleared(member.key))
        }
        return changes
    }

    /// Events in record order, except that each correction follows the event it names.
    private static func placingCorrections(_ ids: [Int64], entries: [Int64: LogEntry]) -> [LogEntry] {
        var following: [Int64: [Int64]] = [:]
        for id in ids {
            if let target = entries[id]?.amends?.event, entries[target] != nil { following[target, default: []].append(id) }
        }
        let placed = Set(following.values.joined())
        var ordered: [LogEntry] = []
        func emit(_ id: Int64) {
            guard let entry = entries[id] else { return }
            ordered.append(entry)
            for next in following[id] ?? [] { emit(next) }
        }
        for id in ids where !placed.contains(id) { emit(id) }
        return ordered
    }
}
