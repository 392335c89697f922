import CedreCore
@testable import CedreStore
import CedreTestSupport
import Testing

/// One pass over the log gives, for each day asked, the network a replay through that day gives:
/// what a campaign decision reads (the network of its day and the one of its year's first day).
@Suite struct ReplayTests {
    @Test func theNetworksOfOnePassAreThoseOfAReplayThroughEachDay() throws {
        // Given a generated network with facts voided, moved and entered late
        let (store, _) = try StoredStateTests.store(seed: 7, members: 40)
        var random = SeededGenerator(seed: 7)
        let events = try store.events().filter { $0.stream.hasPrefix("certification/") }
        var changed = 0
        for _ in 0..<20 where try StoredStateTests.changeAtRandom(store, of: events, &random, context: .tests(today: "2026-12-01")) {
            changed += 1
        }
        #expect(changed > 5, "enough of the random changes are legal to test something")

        // When the networks of several days, in any order, are replayed in one pass
        let first = try #require(events.map(\.occurredOn).min())
        let last = try #require(events.map(\.occurredOn).max())
        var asked: [[Day?]] = [[nil], [first.adding(days: -1)], [last, first], [last.adding(days: 300), nil, first]]
        for _ in 0..<6 {
            asked.append((0..<random.between(1, 3)).map { _ in first.adding(days: random.between(-10, first.days(to: last) + 10)) })
        }
        for days in asked {
            let networks = try store.writer.read { db in try Replay.networks(through: days, catalog: store.catalog, in: db) }

            // Then each is the network replayed through its day alone
            #expect(networks.count == days.count)
            for (day, network) in zip(days, networks) {
                let alone = try store.writer.read { db in try Replay.network(through: day, catalog: store.catalog, in: db) }
                #expect(network.dossiers == alone.dossiers, "dossiers through \(day.map(\.description) ?? "the end")")
                #expect(network.members == alone.members)
                #expect(network.auditors == alone.auditors && network.links == alone.links && network.samples == alone.samples)
                #expect(network.campaigns == alone.campaigns && network.retiredCertificates == alone.retiredCertificates)
                #expect(network.catalog.ids == alone.catalog.ids)
            }
        }
        // And a day before every fact has no dossier, the end every one
        let ends = try store.writer.read { db in try Replay.networks(through: [first.adding(days: -1), nil], catalog: store.catalog, in: db) }
        #expect(ends[0].dossiers.isEmpty && !ends[1].dossiers.isEmpty)
    }
}
