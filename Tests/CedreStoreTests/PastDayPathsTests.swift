import CedreCore
import CedreTestSupport
import GRDB
import Testing

@testable import CedreStore

/// A past day replays the dossiers whose facts go on after it from their events, read in one
/// pass over the log (`PastDayEvents`) or stream by stream, whichever costs less for the day
/// (`StandingRows.streamedEvents`). Both ways give the same dossiers on every day, so the
/// comparisons with a full replay (`StoredStateTests`) hold whichever way a day takes.
@Suite struct PastDayPathsTests {
    @Test func bothWaysOfReadingAPastDaysEventsReplayTheSameDossiers() throws {
        let (store, _) = try StoredStateTests.store(seed: 19, members: 70)
        let catalog = store.catalog
        var replayed = 0
        try store.writer.read { db in
            for year in 2012...2016 {
                for monthDay in ["-01-01", "-03-31", "-06-30", "-09-30", "-12-31"] {
                    let day = try #require(Day("\(year)\(monthDay)"))
                    let keys = try StandingRows.replayedKeys(on: day, catalog: catalog, in: db)
                    let member = { (id: MemberID) in try StandingRows.record(of: id, on: day, catalog: catalog, in: db) }
                    let byStream = try StandingRows.replayedDossiers(
                        keys, streamed: nil, on: day, catalog: catalog, in: db, member: member)
                    let inOnePass = try StandingRows.replayedDossiers(
                        keys, streamed: keys.single.isEmpty ? nil : PastDayEvents(keys.single, on: day, in: db), on: day,
                        catalog: catalog, in: db, member: member)
                    #expect(inOnePass.sorted { $0.key < $1.key } == byStream.sorted { $0.key < $1.key }, "\(day)")
                    replayed += byStream.count
                }
            }
        }
        #expect(replayed > 0)
    }
}
