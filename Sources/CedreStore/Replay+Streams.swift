import CedreCore
import Foundation
import GRDB

extension Replay {
    /// Replays the whole log one certification at a time, handing each replayed dossier, ready
    /// to project, to `visit` and forgetting it: memory stays that of a few batches of dossiers
    /// (one being visited, one replaying and, beside `store`, at most two read ahead and one
    /// being read) and of each group certificate, whatever the size of the log.
    ///
    /// Members, auditors, links, campaigns and samples are replayed first, and the members
    /// handed to `members`; then every single-site certification in stream order, each in day
    /// order; then each group scheme as a whole, since its rules read every site. Beside
    /// `store`, the first replay and the reading of the certifications' events each run on a
    /// connection of their own, so this one only writes what the replays give, and starts with
    /// `prepare` while they read (a rebuild empties the projections then).
    ///
    /// Returns the number of events in the log.
    static func streamDossiers(
        catalog: SchemeCatalog, in db: Database, beside store: CedreStore? = nil, progress: ProgressReport? = nil,
        prepare: () throws -> Void = {}, members takeMembers: ([MemberID: MemberRecord]) throws -> Void,
        visit: (ProjectedDossier) throws -> Void
    ) throws -> Int {
        let others = try store.map { store in
            try CompanionRead(store, beside: db) { try replayOutsideCertifications(catalog: catalog, in: $0) }
        }
        let groupSchemes = catalog.groupSchemes
        let ahead = try store.flatMap { try CertificationEvents.Ahead($0, beside: db, groupSchemes: groupSchemes) }
        try prepare()
        let total = try Int.fetchOne(db, sql: "SELECT count(*) FROM event") ?? 0
        var replayed = 0
        // Without a second connection, the events are read here; SQLite sorts them meanwhile.
        let here = ahead == nil ? try CertificationEvents(in: db) : nil
        let network = try others?.value(in: db) ?? replayOutsideCertifications(catalog: catalog, in: db)
        // One batch is replayed on the other threads while this one writes the rows of the
        // previous batch, or the members while the first batch replays.
        var membersWritten = false
        func writeMembers() throws {
            guard !membersWritten else { return }
            membersWritten = true
            try takeMembers(network.members)
        }
        var inFlight: (work: BackgroundWork<[ProjectedDossier]>, events: Int)?
        func finishInFlight() throws {
            guard let (work, events) = inFlight else { return }
            inFlight = nil
            for projected in try work.value() { try visit(projected) }
            replayed += events
            progress?(replayed, total)
        }
        func replay(_ batch: CertificationEvents.Batch) throws {
            let members = network.members
            let work = BackgroundWork { try replayInParallel(batch, members: members, catalog: catalog) }
            try writeMembers()
            try finishInFlight()
            inFlight = (work, batch.reduce(0) { $0 + $1.events.count })
        }
        var groupKeys = try ahead?.read(take: replay)
        if groupKeys == nil {
            var events = try here ?? CertificationEvents(in: db)
            groupKeys = try events.read(groupSchemes: groupSchemes, take: replay)
        }
        try writeMembers()
        try finishInFlight()

        for scheme in groupSchemes.sorted() {
            var group = Network(catalog: catalog)
            let keys = (groupKeys?[scheme] ?? []).sorted()
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
        return total
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
