import CedreCore
import Foundation
import GRDB

extension Replay {
    /// Replays the whole log one certification at a time, handing each replayed dossier to
    /// `visit` and forgetting it: memory stays that of one dossier (one group, for a group
    /// certificate), whatever the size of the log.
    ///
    /// Members, auditors, links, campaigns and samples are replayed first; then every
    /// single-site certification in stream order, each in day order; then each group scheme
    /// as a whole, since its rules read every site.
    static func streamDossiers(
        catalog: SchemeCatalog, in db: Database, visit: (Dossier, Network) throws -> Void
    ) throws -> Network {
        var network = Network(catalog: catalog)
        let others = try LoggedEvent.fetchCursor(db, sql: """
            SELECT * FROM event WHERE stream < 'certification/' OR stream >= 'certification0'
            ORDER BY kind <> 'member.added', occurred_on, id
            """)
        while let event = try others.next() { try apply(event, to: &network) }

        let groupSchemes = Set(catalog.schemes.filter { $0.kind == .group }.map(\.id))
        var groupKeys: [SchemeID: Set<CertificationKey>] = [:]
        var current: CertificationKey?
        var dossier = Network(catalog: catalog)
        func flush() throws {
            if let key = current, let replayed = dossier.dossiers[key] { try visit(replayed, network) }
        }
        let streams = try LoggedEvent.fetchCursor(db, sql: """
            SELECT * FROM event WHERE stream >= 'certification/' AND stream < 'certification0'
            ORDER BY stream, occurred_on, id
            """)
        while let event = try streams.next() {
            let fact = try event.fact()
            guard let key = fact.key else { continue }
            guard !groupSchemes.contains(key.scheme) else {
                groupKeys[key.scheme, default: []].insert(key)
                continue
            }
            if key != current {
                try flush()
                current = key
                dossier = Network(catalog: catalog)
                if let record = network.members[key.member] { dossier.insert(record) }
            }
            try apply(fact, event: event, to: &dossier)
        }
        try flush()

        for scheme in groupSchemes.sorted() {
            var group = Network(catalog: catalog)
            for record in network.members.values { group.insert(record) }
            let keys = (groupKeys[scheme] ?? []).sorted()
            for event in try EventLog.events(ofStreams: keys.map(Stream.certification), in: db) {
                try apply(event, to: &group)
            }
            for key in keys {
                if let replayed = group.dossiers[key] { try visit(replayed, group) }
            }
        }
        return network
    }

    private static func apply(_ event: LoggedEvent, to network: inout Network) throws {
        try apply(try event.fact(), event: event, to: &network)
    }

    private static func apply(_ fact: Fact, event: LoggedEvent, to network: inout Network) throws {
        do {
            try network.apply(fact, on: event.occurredOn)
        } catch {
            throw StoreError.unreadableEvent(id: event.id, reason: "it no longer replays: \(error)")
        }
    }
}
