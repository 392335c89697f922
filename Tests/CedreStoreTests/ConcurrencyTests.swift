import CedreCore
import CedreStore
import CedreTestSupport
import Dispatch
import Foundation
import Synchronization
import Testing

/// Several connections writing one database at once: each write waits for the other
/// (BEGIN IMMEDIATE + busy timeout); nothing is lost and the chain holds.
@Suite struct ConcurrencyTests {
    @Test func concurrentWritersNeverLoseOrForkTheChain() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("cedre-concurrency-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("cedre.sqlite").path
        let setup = try CedreStore.open(path: path)
        let writers = 4
        let membersPerWriter = 25
        let failures = Mutex<[String]>([])
        DispatchQueue.concurrentPerform(iterations: writers) { writer in
            do {
                let store = try CedreStore.open(path: path)
                for index in 0..<membersPerWriter {
                    let id = MemberID(rawValue: "w\(writer)-m\(index)")
                    try store.record([
                        DatedFact(.memberAdded(.sample(id), joined: nil), on: "2013-01-01"),
                        DatedFact(.certificationEngaged(.cedre(id)), on: "2013-01-02"),
                    ], context: .tests())
                }
            } catch {
                failures.withLock { $0.append("\(error)") }
            }
        }
        #expect(failures.withLock { $0 }.isEmpty)
        #expect(try setup.eventCount() == writers * membersPerWriter * 2)
        #expect(try setup.members().count == writers * membersPerWriter)
        #expect(try setup.verify().problem == nil)
    }
}
