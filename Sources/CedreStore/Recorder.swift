import CedreCore
import Foundation
import GRDB

/// Checks a batch of facts against everything already logged, then appends and projects it.
///
/// Each stream a fact touches is replayed with its logged events (corrections applied, the new
/// ones included) and the new facts in day order; a fact that breaks a rule, or makes a logged
/// event illegal, is refused. Collecting, a refused fact is noted and left out and the check
/// goes on, so an import names every problem at once; then nothing is appended.
final class Recorder {
    private var catalog: SchemeCatalog
    let database: Database
    private let progress: ProgressReport?
    private let collecting: Bool
    private var refusals: [BatchError] = []
    /// The positions of the facts refused so far.
    private(set) var refused: Set<Int> = []

    init(catalog: SchemeCatalog, db: Database, progress: ProgressReport? = nil, collecting: Bool = false) {
        self.catalog = catalog
        self.database = db
        self.progress = progress
        self.collecting = collecting
    }

    /// Checks, appends and projects `facts`; throws the first refusal, or, collecting, all of them.
    func record(_ facts: [DatedFact], context: RecordingContext) throws -> [LoggedEvent] {
        // Rule 8b: a scheme added in the batch governs the batch's facts at once; a revision
        // never changes the rules under a certification already started.
        for (index, item) in facts.enumerated() {
            guard case .schemeAdded(let scheme) = item.fact else { continue }
            if let refusal = catalog.refusal(ofAdding: scheme) {
                try refuse(BatchError(index: index, error: .refused(refusal)))
                continue
            }
            if catalog[scheme.id] != nil, let started = try SchemeRegistry.certificationStarted(under: scheme.id, onOrAfter: item.day, in: database) {
                try refuse(BatchError(index: index, error: .revisionTooEarly(scheme.id, on: item.day, started: started.key, startedOn: started.on)))
                continue
            }
            catalog = catalog.adding(scheme, on: item.day)
        }
        for (index, item) in facts.enumerated() {
            let corrected: DatedFact? = if case .correction(let correction) = item.fact, case .corrected(let dated) = correction.change { dated } else { nil }
            for dated in [item] + (corrected.map { [$0] } ?? []) where dated.day > context.today {
                try refuse(BatchError(index: index, error: .factInTheFuture(dated.fact.kind, on: dated.day, today: context.today)))
            }
        }
        for (index, item) in facts.enumerated() {
            if let problem = item.fact.malformation {
                try refuse(BatchError(index: index, error: .malformed(kind: item.fact.kind, problem)))
            }
        }
        let batch = try Batch(facts, firstID: (try EventLog.head(database)?.id ?? 0) + 1, recorder: self)
        var network = Network(catalog: catalog)
        for record in try members(involvedIn: facts) { network.insert(record) }
        let dependents = try replayMembers(batch, in: &network)
        try replayOtherStreams(batch, in: &network)
        for (index, item) in facts.enumerated() where !refused.contains(index) {
            if case .memberAdded(let member, _) = item.fact, !network.groupIsKnown(of: member), let group = member.group {
                try refuse(BatchError(index: index, error: .refused(.unknownGroup(member.id, group: group))))
            }
        }
        let dossiers = try replayDossiers(batch, dependents: dependents, members: network.members)
        if !refusals.isEmpty { throw BatchErrors(errors: refusals.sorted { $0.index < $1.index }) }

        let appended = try EventLog.append(
            facts.map { ($0.fact, $0.day) }, actor: context.actor, recordedAt: context.recordedAt, in: database)
        let projections = ProjectionWriter(database)
        for id in batch.touchedMembers.sorted() {
            if let record = network.members[id] { try projections.write(record) } else { try projections.removeMember(id) }
        }
        for replayed in dossiers {
            if let projected = replayed.projected {
                if replayed.isNew {
                    try projections.insert(projected)
                } else {
                    try projections.replace(projected)
                }
            } else if !replayed.isNew {
                try projections.remove(replayed.key)
            }
        }
        return appended
    }

    /// Notes a refusal (collecting) or throws it.
    func refuse(_ error: BatchError) throws {
        guard collecting else { throw error }
        if refused.insert(error.index).inserted { refusals.append(error) }
    }

    private func members(involvedIn facts: [DatedFact]) throws -> [MemberRecord] {
        var ids = Set(facts.compactMap(\.fact.member))
        for item in facts {
            switch item.fact {
            case .memberAdded(let member, _): if let group = member.group { ids.insert(group) }
            case .memberAmended(_, let amendment): if case .joined(let group) = amendment.group { ids.insert(group) }
            case .membersLinked(let link): ids.insert(link.second)
            default: break
            }
        }
        if ids.count > 500 { return try MemberRows.fetchAll(in: database) }
        return try ids.sorted().compactMap { try MemberRows.fetch($0, in: database) }
    }

    // MARK: - Members

    /// Applies the member facts. A member whose history is amended or corrected is replayed
    /// from its own stream, since its profile on each day depends on every amendment; the
    /// others take their new facts on top of the projection.
    ///
    /// Returns the certifications that must be replayed again because their member's stay in
    /// the federation changed (a departure, a corrected member fact), with the fact to blame.
    private func replayMembers(_ batch: Batch, in network: inout Network) throws -> [CertificationKey: Int] {
        var dependents: [CertificationKey: Int] = [:]
        for stream in batch.streams {
            guard case .member(let member) = stream else { continue }
            let changes = batch.changes(of: stream)
            if changes.rewritesHistory {
                try replay(stream: stream, changes, into: &network, forgetting: member)
            } else {
                for step in Batch.merge(existing: [], changes.facts) {
                    guard case .new(let index, let item) = step else { continue }
                    do {
                        try network.apply(item.fact, on: item.day)
                    } catch {
                        try refuse(BatchError(index: index, error: .refused(error)))
                    }
                }
            }
            let culprit = changes.corrections.first?.index ?? changes.facts.first { $0.item.fact.kind == .memberLeft }?.index
            if let culprit {
                for key in try certifications(of: member) where dependents[key] == nil { dependents[key] = culprit }
            }
        }
        return dependents
    }

    private func certifications(of member: MemberID) throws -> [CertificationKey] {
        try Row.fetchAll(database, sql: """
            SELECT member_id, scheme_id FROM certification WHERE member_id = ?
            UNION SELECT member_id, scheme_id FROM group_membership WHERE member_id = ?
            """, arguments: [member, member]).map { CertificationKey(member: $0["member_id"], scheme: $0["scheme_id"]) }
    }

    // MARK: - Auditors, campaigns, samples

    /// Auditor, campaign and sample facts, replayed after the logged events of their streams
    /// (and of every auditor, whom campaigns name), in day order.
    private func replayOtherStreams(_ batch: Batch, in network: inout Network) throws {
        var streams = Set(batch.streams.filter { $0.member == nil })
        guard !streams.isEmpty else { return }
        let namesAuditors = streams.contains { stream in
            switch stream {
            case .campaign, .auditor: true
            case .member, .certification, .scheme, .sample: false
            }
        }
        if namesAuditors { streams.formUnion(try CedreStore.auditorStreams(in: database)) }
        let changes = batch.changes(of: streams)
        let logged = try EventLog.events(ofStreams: Array(streams), in: database)
        for event in try ReplayedEvent.resolve(logged, extra: changes.corrections.map { ($0.id, $0.correction) }) {
            if let member = event.fact.member, network.members[member] == nil, let record = try MemberRows.fetch(member, in: database) {
                network.insert(record)
            }
        }
        try replay(changes, logged: logged, into: &network)
    }

    // MARK: - Certifications

    /// One certification's replay, ready to project; nil when every fact of it was voided.
    private struct ReplayedDossier {
        let key: CertificationKey
        let projected: ProjectedDossier?
        /// No event of it was logged before: there are no rows to replace.
        let isNew: Bool
    }

    /// Replays each touched unit of consistency with its new facts in day order.
    ///
    /// A single-site certification is its own unit; a group certificate's unit is every dossier
    /// of the group scheme, so a late fact at one site is checked against the group's decisions.
    private func replayDossiers(
        _ batch: Batch, dependents: [CertificationKey: Int], members: [MemberID: MemberRecord]
    ) throws -> [ReplayedDossier] {
        var touched: [CertificationKey] = []
        var seen: Set<CertificationKey> = []
        for stream in batch.streams {
            if let key = stream.certificationKey, seen.insert(key).inserted { touched.append(key) }
        }
        for key in dependents.keys.sorted() where seen.insert(key).inserted { touched.append(key) }
        var units = touched.filter { catalog[$0.scheme]?.kind != .group }.map { [$0] }
        for scheme in Set(touched.filter { catalog[$0.scheme]?.kind == .group }.map(\.scheme)).sorted() {
            let known = try Replay.groupKeys(scheme, in: database)
            units.append(known + touched.filter { $0.scheme == scheme && !known.contains($0) })
        }
        var replayed: [ReplayedDossier] = []
        var checked = 0
        for unit in units {
            let streams = unit.map(LogStream.certification)
            var changes = batch.changes(of: Set(streams))
            changes.external = unit.compactMap { dependents[$0] }.min().flatMap(batch.culprit(at:))
            checked += changes.facts.count + changes.corrections.count
            progress?(checked, batch.count)
            let logged = try EventLog.events(ofStreams: streams, in: database)
            var network = Network(catalog: catalog)
            for key in unit {
                if let record = try members[key.member] ?? MemberRows.fetch(key.member, in: database) { network.insert(record) }
            }
            try replay(changes, logged: logged, into: &network)
            let withEvents = Set(logged.map(\.stream))
            for key in unit {
                replayed.append(ReplayedDossier(
                    key: key, projected: ProjectedDossier(key, in: network), isNew: !withEvents.contains(LogStream.certification(key).description)))
            }
        }
        return replayed
    }

    // MARK: - Replaying a stream with its changes

    /// Replays one member's stream from the log, with its changes, in place of its projection.
    private func replay(stream: LogStream, _ changes: Batch.Changes, into network: inout Network, forgetting member: MemberID) throws {
        let logged = try EventLog.events(ofStreams: [stream], in: database)
        let seeded = network.members[member]
        network.removeMember(member)
        do {
            try replay(changes, logged: logged, into: &network)
        } catch {
            if let seeded { network.insert(seeded) }
            throw error
        }
    }

    /// Applies logged events, with the new corrections, and new facts in replay order. A
    /// refused new fact is left out; a logged event made illegal is blamed on the change that
    /// broke it, which is left out before the replay starts again from `network` as it was.
    /// When the change to blame is in another stream (a member's departure), nothing of this
    /// one can be written: the replay stops there.
    private func replay(_ changes: Batch.Changes, logged: [LoggedFact], into network: inout Network) throws {
        var changes = changes
        let start = network
        while true {
            var attempt = start
            var broken: (culprit: Batch.Culprit, refusal: BatchError)?
            let existing = try ReplayedEvent.resolve(logged, extra: changes.corrections.map { ($0.id, $0.correction) })
            for step in Batch.merge(existing: existing, changes.facts) {
                do {
                    switch step {
                    case .existing(let event): try attempt.apply(event.fact, on: event.day)
                    case .new(let index, let item):
                        guard !refused.contains(index) else { continue }
                        try attempt.apply(item.fact, on: item.day)
                    }
                } catch {
                    switch step {
                    case .new(let index, _):
                        try refuse(BatchError(index: index, error: .refused(error)))
                    case .existing(let event):
                        guard let culprit = changes.culprit(breaking: event) else {
                            throw StoreError.unreadableEvent(id: event.id, reason: "it no longer replays: \(error)")
                        }
                        broken = (culprit, culprit.refusal(conflicting: event.summary, reason: error))
                    }
                }
                if broken != nil { break }
            }
            guard let broken else {
                network = attempt
                return
            }
            try refuse(broken.refusal)
            if broken.culprit.index == changes.external?.index { return }
            changes.leaveOut(broken.culprit.index)
        }
    }
}

/// The refusals of a batch checked in full: every problem, with its position.
public struct BatchErrors: Error, Equatable, Sendable {
    public let errors: [BatchError]
}
