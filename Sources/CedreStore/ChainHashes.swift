import Dispatch
import GRDB
import Synchronization

/// The links of ledger rows being inserted, hashed on a thread of their own in the order the
/// rows are handed over, while the inserting thread goes on.
final class ChainHashes: Sendable {
    /// Links hashed one after the other from a chain's head.
    struct Chained: Sendable {
        struct Link: Sendable {
            let id: Int64
            let entry: Entry
            let rowID: Int64
            let previous: String
            let hash: String
        }

        private(set) var head: (id: Int64, hash: String)
        private(set) var links: [Link] = []

        init(after head: (id: Int64, hash: String)) {
            self.head = head
        }

        /// Hashes the link of one more row, after the last.
        mutating func link(_ entry: Entry, rowID: Int64, values: [DatabaseValue]) {
            let id = head.id + 1
            let hash = LedgerChain.hash(previous: head.hash, link: id, entry: entry, rowID: rowID, values: values)
            links.append(Link(id: id, entry: entry, rowID: rowID, previous: head.hash, hash: hash))
            head = (id, hash)
        }
    }

    typealias Entry = LedgerChain.Entry

    private let entry: Entry
    private let queue = DispatchQueue(label: "cedre.ledger-chain")
    private let chained: Mutex<Chained>
    /// How many rows were handed over: touched by the inserting thread only.
    private let handed = Mutex(0)

    init(after head: (id: Int64, hash: String), entry: Entry) {
        self.entry = entry
        chained = Mutex(Chained(after: head))
    }

    /// Hands over the rows of `rows` that `ids` numbers and were not handed yet: `ids` are
    /// the ids SQLite gave the first rows of `rows`, in order.
    func hash(ids: [Int64], of rows: [[BulkInsert.Value]]) {
        let start = handed.withLock { handed in
            defer { handed = ids.count }
            return handed
        }
        guard ids.count > start else { return }
        let batch = Array(zip(ids[start...], rows[start..<ids.count]))
        queue.async { [self] in
            chained.withLock { chained in
                for (id, values) in batch { chained.link(entry, rowID: id, values: values.map(\.databaseValue)) }
            }
        }
    }

    /// Every link of the rows handed over, once hashed.
    func links() -> Chained {
        queue.sync { chained.withLock { $0 } }
    }
}
