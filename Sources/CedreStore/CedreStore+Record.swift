import CedreCore
import Foundation
import GRDB

/// Who records, and when: the edges of a write that the domain never reads itself.
public struct RecordingContext: Sendable {
    /// The person or program recorded as the actor of every event.
    public let actor: String
    /// The command's "today": facts dated after it are refused.
    public let today: Day
    /// The moment of recording, written to `recorded_at`.
    public let now: Date

    public init(actor: String, today: Day, now: Date) {
        self.actor = actor
        self.today = today
        self.now = now
    }

    /// `recorded_at`: ISO 8601, UTC, milliseconds.
    var recordedAt: String {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        formatter.timeZone = TimeZone(identifier: "UTC")
        return formatter.string(from: now)
    }
}

/// A refused fact of a batch: its position, for import errors that name a line.
public struct BatchError: Error, Equatable, Sendable {
    public let index: Int
    public let error: StoreError
}

/// Hands out the next audit and finding numbers inside a write.
public struct IdentifierAllocator {
    private let db: Database
    private var next: [String: Int] = [:]

    init(db: Database) {
        self.db = db
    }

    /// `A-<year>-NNNN`, one more than the highest of that year.
    public mutating func nextAudit(year: Int) throws -> AuditID {
        AuditID(rawValue: try allocate(prefix: "A", year: year, table: "audit"))
    }

    /// `F-<year>-NNNN`, one more than the highest of that year.
    public mutating func nextFinding(year: Int) throws -> FindingID {
        FindingID(rawValue: try allocate(prefix: "F", year: year, table: "finding"))
    }

    private mutating func allocate(prefix: String, year: Int, table: String) throws -> String {
        let stem = "\(prefix)-\(year)-"
        let number: Int
        if let last = next[stem] {
            number = last + 1
        } else {
            let highest = try Int.fetchOne(
                db, sql: "SELECT max(CAST(substr(id, ?) AS INTEGER)) FROM \(table) WHERE id GLOB ?",
                arguments: [stem.count + 1, stem + "*"]) ?? 0
            number = highest + 1
        }
        next[stem] = number
        let digits = String(number)
        return stem + String(repeating: "0", count: max(0, 4 - digits.count)) + digits
    }
}

extension CedreStore {
    /// Records facts in one transaction: all are appended, or none.
    @discardableResult
    public func record(_ facts: [DatedFact], context: RecordingContext) throws -> [LoggedEvent] {
        try record(context: context) { _ in facts }
    }

    /// Records the facts `build` returns, in one transaction; `build` may allocate ids.
    @discardableResult
    public func record(
        context: RecordingContext, _ build: (inout IdentifierAllocator) throws -> [DatedFact]
    ) throws -> [LoggedEvent] {
        do {
            return try writer.write { db in
                var allocator = IdentifierAllocator(db: db)
                let facts = try build(&allocator)
                return try Recorder(catalog: catalog, db: db).record(facts, context: context)
            }
        } catch let error as BatchError {
            throw error.error
        }
    }

    /// Records a batch (an import), throwing `BatchError` with the position of the first refusal;
    /// with `commit: false` everything is checked and then rolled back.
    @discardableResult
    public func recordBatch(
        _ facts: [DatedFact], context: RecordingContext, commit: Bool = true, progress: ProgressReport? = nil
    ) throws -> [LoggedEvent] {
        try writer.writeWithoutTransaction { db in
            var appended: [LoggedEvent] = []
            try db.inTransaction(.immediate) {
                appended = try Recorder(catalog: catalog, db: db, progress: progress).record(facts, context: context)
                return commit ? .commit : .rollback
            }
            return appended
        }
    }
}

/// How far long work has got: called with (done, total) as it goes.
public typealias ProgressReport = (Int, Int) -> Void

/// Checks a batch of facts against everything already logged, then appends and projects it.
private struct Recorder {
    let catalog: SchemeCatalog
    let db: Database
    var progress: ProgressReport?

    func record(_ facts: [DatedFact], context: RecordingContext) throws -> [LoggedEvent] {
        for (index, item) in facts.enumerated() where item.day > context.today {
            throw BatchError(
                index: index, error: .factInTheFuture(item.fact.kind.rawValue, on: item.day, today: context.today))
        }
        for (index, item) in facts.enumerated() {
            if let problem = item.fact.malformation {
                throw BatchError(index: index, error: .malformed(kind: item.fact.kind.rawValue, problem))
            }
        }
        var network = Network(catalog: catalog)
        for record in try members(involvedIn: facts) { network.insert(record) }
        try applyFactsOutsideCertifications(facts, to: &network)
        for (index, item) in facts.enumerated() {
            if case .memberAdded(let member, _) = item.fact, !network.groupIsKnown(of: member), let group = member.group {
                throw BatchError(index: index, error: .refused(.unknownGroup(member.id, group: group)))
            }
        }
        let changed = try replayDossiers(touchedBy: facts, in: &network)

        let appended = try EventLog.append(
            facts.map { ($0.fact, $0.day) }, actor: context.actor, recordedAt: context.recordedAt, in: db)
        let projections = ProjectionWriter(db)
        let changedMembers = Set(facts.compactMap { $0.fact.key == nil ? $0.fact.member : nil })
        for id in changedMembers.sorted() {
            if let record = network.members[id] { try projections.write(record) }
        }
        for (key, isNew) in changed {
            guard let dossier = network.dossiers[key] else { continue }
            let escalations = network.groupEscalations(for: dossier)
            if isNew {
                try projections.insert(dossier, escalations: escalations)
            } else {
                try projections.replace(dossier, escalations: escalations)
            }
        }
        return appended
    }

    private func members(involvedIn facts: [DatedFact]) throws -> [MemberRecord] {
        var ids = Set(facts.compactMap(\.fact.member))
        for item in facts {
            switch item.fact {
            case .memberAdded(let member, _): if let group = member.group { ids.insert(group) }
            case .membersLinked(let link): ids.insert(link.second)
            default: break
            }
        }
        if ids.count > 500 { return try MemberRows.fetchAll(in: db) }
        return try ids.sorted().compactMap { try MemberRows.fetch($0, in: db) }
    }

    /// Facts outside certifications first (members, auditors, campaigns, samples): dossier
    /// facts need the members they name. Auditor and campaign facts are replayed after the
    /// logged events of their streams (and of every auditor, whom campaigns name), in day order.
    private func applyFactsOutsideCertifications(_ facts: [DatedFact], to network: inout Network) throws {
        let new = facts.enumerated().filter { $0.element.fact.key == nil }.map { (index: $0.offset, item: $0.element) }
        var streams = Set(new.map(\.item.fact.stream).filter { !$0.hasPrefix("member/") })
        if new.contains(where: { $0.item.fact.stream.hasPrefix("campaign/") || $0.item.fact.stream.hasPrefix("auditor/") }) {
            streams.formUnion(try String.fetchAll(db, sql: """
                SELECT DISTINCT stream FROM event WHERE stream >= 'auditor/' AND stream < 'auditor0'
                """))
        }
        let existing = try EventLog.events(ofStreams: streams.sorted(), in: db)
        for event in existing {
            if let member = try event.fact().member, network.members[member] == nil, let record = try MemberRows.fetch(member, in: db) {
                network.insert(record)
            }
        }
        for step in merge(existing: existing, new: new) {
            do {
                switch step {
                case .existing(let event): try network.apply(try event.fact(), on: event.occurredOn)
                case .new(_, let item): try network.apply(item.fact, on: item.day)
                }
            } catch let error as TransitionError {
                throw attribute(error, at: step, among: new)
            }
            guard case .new(let index, let item) = step else { continue }
            if case .memberLeft(let id) = item.fact, let later = try firstEvent(of: id, after: item.day) {
                throw BatchError(index: index, error: .lateFactConflict(
                    recorded: item.fact.kind.rawValue, on: item.day, conflicting: later.summary,
                    reason: .memberHasLeft(id, leftOn: item.day, on: later.occurredOn)))
            }
        }
    }

    private func firstEvent(of member: MemberID, after day: Day) throws -> LoggedEvent? {
        try LoggedEvent.fetchOne(db, sql: """
            SELECT * FROM event WHERE stream >= ? AND stream < ? AND occurred_on > ? ORDER BY occurred_on, id LIMIT 1
            """, arguments: ["certification/\(member)/", "certification/\(member)0", day])
    }

    /// Replays each touched unit of consistency with its new facts in day order, and returns
    /// the dossiers to project, saying which had no event before (nothing to delete).
    ///
    /// A single-site certification is its own unit; a group certificate's unit is every dossier
    /// of the group scheme, so a late fact at one site is checked against the group's decisions.
    private func replayDossiers(
        touchedBy facts: [DatedFact], in network: inout Network
    ) throws -> [(key: CertificationKey, isNew: Bool)] {
        var newFacts: [CertificationKey: [(index: Int, item: DatedFact)]] = [:]
        var touched: [CertificationKey] = []
        for (index, item) in facts.enumerated() {
            guard let key = item.fact.key else { continue }
            if newFacts[key] == nil { touched.append(key) }
            newFacts[key, default: []].append((index, item))
        }
        var units = touched.filter { catalog[$0.scheme]?.kind != .group }.map { [$0] }
        for scheme in Set(touched.filter { catalog[$0.scheme]?.kind == .group }.map(\.scheme)).sorted() {
            let known = try Replay.groupKeys(scheme, in: db)
            units.append(known + touched.filter { $0.scheme == scheme && !known.contains($0) })
        }
        var replayed: [(key: CertificationKey, isNew: Bool)] = []
        var checked = 0
        for unit in units {
            checked += unit.reduce(0) { $0 + (newFacts[$1]?.count ?? 0) }
            progress?(checked, facts.count)
            for key in unit where network.members[key.member] == nil {
                if let record = try MemberRows.fetch(key.member, in: db) { network.insert(record) }
            }
            let existing = try EventLog.events(ofStreams: unit.map(Stream.certification), in: db)
            replayed += unit.map { ($0, existing.isEmpty) }
            let additions = unit.flatMap { newFacts[$0] ?? [] }
            for step in merge(existing: existing, new: additions) {
                do {
                    switch step {
                    case .existing(let event):
                        try network.apply(try event.fact(), on: event.occurredOn)
                    case .new(_, let item):
                        try network.apply(item.fact, on: item.day)
                    }
                } catch let error as TransitionError {
                    throw attribute(error, at: step, among: additions)
                }
            }
        }
        return replayed
    }

    private enum Step {
        case existing(LoggedEvent)
        case new(index: Int, DatedFact)
    }

    /// Day order, then record order: a new fact goes after every logged fact of its day.
    private func merge(existing: [LoggedEvent], new: [(index: Int, item: DatedFact)]) -> [Step] {
        let sortedNew = new.sorted { ($0.item.day, $0.index) < ($1.item.day, $1.index) }
        var steps: [Step] = []
        var newIterator = sortedNew.makeIterator()
        var pending = newIterator.next()
        for event in existing {
            while let candidate = pending, candidate.item.day < event.occurredOn {
                steps.append(.new(index: candidate.index, candidate.item))
                pending = newIterator.next()
            }
            steps.append(.existing(event))
        }
        while let candidate = pending {
            steps.append(.new(index: candidate.index, candidate.item))
            pending = newIterator.next()
        }
        return steps
    }

    private func attribute(_ error: TransitionError, at step: Step, among new: [(index: Int, item: DatedFact)]) -> BatchError {
        switch step {
        case .new(let index, _):
            return BatchError(index: index, error: .refused(error))
        case .existing(let event):
            let culprit = new.min { ($0.item.day, $0.index) < ($1.item.day, $1.index) }
            return BatchError(index: culprit?.index ?? 0, error: .lateFactConflict(
                recorded: culprit?.item.fact.kind.rawValue ?? "a fact", on: culprit?.item.day ?? event.occurredOn,
                conflicting: event.summary, reason: error))
        }
    }
}
