import CedreCore
import Foundation

/// The audits taking place (or that took place) between two days: the programme a quality
/// officer sends to auditors and members, and subscribes to as a calendar.
///
/// Its JSON form is validated by `Schemas/json/report-audits.schema.json`.
public struct AuditProgramme: Encodable, Equatable, Sendable {
    /// One audit of the programme.
    public struct Item: Encodable, Equatable, Sendable {
        /// The audit id, which is also the calendar UID.
        public let id: AuditID
        /// The audited member.
        public let member: MemberReference
        /// The scheme audited against.
        public let scheme: SchemeID
        /// The scheme as reports name it (`CEDRE ISO 9001`).
        public let schemeName: String
        /// Initial, surveillance, recertification, special or cross-audit.
        public let kind: Audit.Kind
        /// Where the audit stands on the report's day.
        public let state: Audit.State
        /// The day it took place, or the day it is scheduled for.
        public let day: Day
        /// The auditors named in the facts, in their order.
        public let auditors: [String]
        /// The chef-lieu of the member's département, where auditors travel to (`Angers`).
        public let location: String
        /// How many findings the audit raised.
        public let findings: Int
    }

    /// How many audits of one kind, and how many of them took place.
    public struct KindLine: Encodable, Equatable, Sendable {
        /// Initial, surveillance, recertification, special or cross-audit.
        public let kind: Audit.Kind
        /// How many audits.
        public let audits: Int
        /// How many of them took place by the report's day.
        public let conducted: Int
    }

    /// How many audits in one month (`2013-11`).
    public struct MonthLine: Encodable, Equatable, Sendable {
        /// The month, `YYYY-MM`.
        public let month: String
        /// How many audits.
        public let audits: Int
    }

    /// The first day of the programme.
    public let from: Day
    /// The last day of the programme, included.
    public let to: Day
    /// The day the facts were replayed to: later audits show as planned.
    public let asOf: Day
    /// What the programme is restricted to.
    public let filter: ReportFilter
    /// Audits by kind, in the order of `Audit.Kind`.
    public let byKind: [KindLine]
    /// Audits by month, months without audits left out.
    public let byMonth: [MonthLine]
    /// By day, then member, then id.
    public let audits: [Item]

    /// The audits of `network` (replayed through `asOf`) whose day falls between `from` and `to`, both included.
    public init(
        network: Network, from: Day, to: Day, asOf: Day, departements: DepartementDirectory,
        filter: ReportFilter = .everything
    ) {
        self.from = from
        self.to = to
        self.asOf = asOf
        self.filter = filter
        var items: [Item] = []
        var held: Set<AuditID> = []
        for dossier in network.dossiers.values where filter.includes(dossier.key.scheme) {
            guard let member = network.members[dossier.key.member]?.member, filter.includes(member) else { continue }
            let reference = MemberReference(member)
            for audit in dossier.audits {
                let day = audit.conductedOn ?? audit.scheduledOn
                guard day >= from, day <= to else { continue }
                if audit.wasConducted { held.insert(audit.id) }
                items.append(Item(
                    id: audit.id, member: reference, scheme: dossier.scheme.id, schemeName: dossier.scheme.name,
                    kind: audit.kind, state: audit.state, day: day, auditors: audit.auditors,
                    location: departements[member.departement]?.chefLieu ?? member.departement,
                    findings: dossier.findings.filter { $0.audit == audit.id }.count))
            }
        }
        audits = items.sorted { first, second in
            if first.day != second.day { return first.day < second.day }
            if first.member != second.member { return MemberReference.precedes(first.member, second.member) }
            return first.id < second.id
        }
        byKind = Audit.Kind.allCases.compactMap { kind in
            let ofKind = items.filter { $0.kind == kind }
            guard !ofKind.isEmpty else { return nil }
            return KindLine(kind: kind, audits: ofKind.count, conducted: ofKind.filter { held.contains($0.id) }.count)
        }
        var months: [String: Int] = [:]
        for item in items {
            months[String(item.day.description.prefix(7)), default: 0] += 1
        }
        byMonth = months.keys.sorted().map { MonthLine(month: $0, audits: months[$0] ?? 0) }
    }
}
