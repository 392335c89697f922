import CedreCore
import Foundation
import GRDB

extension Replay {
    /// Replays the whole log one certification at a time, handing each replayed dossier, ready
    /// to project, to `visit` and forgetting it: memory stays that of two batches of dossiers
    /// (one replaying, one being visited) and of each group certificate, whatever the size of
    /// the log.
    ///
    /// Members, auditors, links, campaigns and samples are replayed first (on `store`'s second
    /// connection, when it has one, while this one sorts the certifications' events); then
    /// every single-site certification in stream order, each in day order; then each group
    /// scheme as a whole, since its rules read every site.
    static func streamDossiers(
        catalog: SchemeCatalog, in db: Database, beside store: CedreStore? = nil, progress: ProgressReport? = nil,
        visit: (ProjectedDossier) throws -> Void
    ) throws -> Network {
        let total = try Int.fetchOne(db, sql: "SELECT count(*) FROM event") ?? 0
        var replayed = 0
        let others = try store.map { store in
            try CompanionRead(store, beside: db) { try replayOutsideCertifications(catalog: catalog, in: $0) }
        }
        // Read in file order and sorted by SQLite, not through the stream index: in stream order
        // each event lies on another page of the table, read from the disk one by one.
        let streams = try LoggedFact.fetchCursor(db, sql: """
            SELECT \(LoggedFact.columns) FROM event NOT INDEXED
            WHERE stream >= 'certification/' AND stream < 'certification0'
            ORDER BY stream, occurred_on, id
            """)
        // SQLite sorts at the first row.
        var next = try streams.next()
        let network = try others?.value(in: db) ?? replayOutsideCertifications(catalog: catalog, in: db)

        let groupSchemes = Set(catalog.schemes.filter { $0.kind == .group }.map(\.id))
        var groupKeys: [SchemeID: Set<CertificationKey>] = [:]
        var batch: [(key: CertificationKey, events: [LoggedFact])] = []
        // One batch is replayed on the other threads while this one writes the rows of the
        // previous batch and reads the events of the next.
        var inFlight: (work: BackgroundWork<[ProjectedDossier]>, events: Int)?
        func finishInFlight() throws {
            guard let (work, events) = inFlight else { return }
            inFlight = nil
            for projected in try work.value() { try visit(projected) }
            replayed += events
            progress?(replayed, total)
        }
        func flush() throws {
            let started = batch, members = network.members
            let work = BackgroundWork { try replayInParallel(started, members: members, catalog: catalog) }
            try finishInFlight()
            inFlight = (work, batch.reduce(0) { $0 + $1.events.count })
            batch = []
        }
        var current: (stream: String, key: CertificationKey?) = ("", nil)
        while let event = next {
            next = try streams.next()
            if event.stream != current.stream { current = (event.stream, LogStream(event.stream)?.certificationKey) }
            guard let key = current.key else { continue }
            guard !groupSchemes.contains(key.scheme) else {
                groupKeys[key.scheme, default: []].insert(key)
                continue
            }
            if batch.last?.key != key {
                if batch.count >= 1_024 { try flush() }
                batch.append((key, []))
            }
            batch[batch.count - 1].events.append(event)
        }
        try flush()
        try finishInFlight()

        for scheme in groupSchemes.sorted() {
            var group = Network(catalog: catalog)
            let keys = (groupKeys[scheme] ?? []).sorted()
            // Its sites' members only, as a write to the group (`Recorder`) and a read of it
            // (`Replay.network(of:)`) seed it: a copy of every member would double the members'
            // memory while the group replays.
            for key in keys {
                if let record = network.members[key.member] { group.insert(record) }
            }
            for event in try EventLog.replayable(ofStreams: keys.map(LogStream.certification), in: db) {
                try apply(event, to: &group)
            }
            for key in keys {
                if let projected = ProjectedDossier(key, in: group) { try visit(projected) }
            }
        }
        return network
    }

    /// The members, auditors, links, campaigns and samples: every fact outside a certification.
    private static func replayOutsideCertifications(catalog: SchemeCatalog, in db: Database) throws -> Network {
        var network = Network(catalog: catalog)
        let recorded = try LoggedFact.fetchCursor(db, sql: """
            SELECT \(LoggedFact.columns) FROM event WHERE stream < 'certification/' OR stream >= 'certification0'
            ORDER BY kind <> 'member.added', occurred_on, id
            """)
        var others = CorrectedCursor(recorded, corrections: try EventLog.corrections(in: db)) { _, stream in
            stream.certificationKey == nil
        }
        while let event = try others.next() { try apply(event, to: &network) }
        return network
    }

    /// Replays independent certifications on every core; the dossiers come back in the
    /// batch's order, so what follows is the same whatever the scheduling.
    private static func replayInParallel(
        _ batch: [(key: CertificationKey, events: [LoggedFact])], members: [MemberID: MemberRecord],
        catalog: SchemeCatalog
    ) throws -> [ProjectedDossier] {
        let results = ParallelResults<Result<ProjectedDossier?, any Error>>(count: batch.count)
        DispatchQueue.concurrentPerform(iterations: batch.count) { index in
            let (key, events) = batch[index]
            var network = Network(catalog: catalog)
            if let record = members[key.member] { network.insert(record) }
            do {
                for event in try ReplayedEvent.resolve(events) { try apply(event, to: &network) }
                results.set(index, .success(ProjectedDossier(key, in: network)))
            } catch {
                results.set(index, .failure(error))
            }
        }
        return try results.values.compactMap { try $0.get() }
    }
}
