import CedreCore
import CedreFixtures
import CedreStore
import Foundation

extension CedreStore {
    /// A fresh in-memory store holding the federation's 2013 network: the bundled members,
    /// facts and cross-auditors, imported as `cedre demo` imports them.
    public static func network2013() throws -> CedreStore {
        let store = try CedreStore.inMemory()
        let context = RecordingContext(actor: "tests", today: "2013-12-31", now: Date(timeIntervalSince1970: 1_388_448_000))
        for file in ["members.csv", "events.jsonl", "auditors.jsonl"] {
            _ = try store.importFile(
                CedreFixtures.network2013.appendingPathComponent(file), departements: CedreFixtures.departements,
                context: context)
        }
        return store
    }
}
