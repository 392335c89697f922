import CedreCore
import GRDB

/// Every member's region and types, read in one pass for the counts of a status report.
///
/// The counts join their rows (standings, decisions, joinings) to the members here, by id:
/// a join in SQLite looked the member up again in its primary key for every row, which was
/// 44 % of a status report at 100,000 members.
struct MemberProfiles {
    /// A region and the types as a member's profile lists them: what the counts tell apart.
    struct Kind: Hashable {
        let region: String
        let types: [CompanyType]
    }

    /// Each kind once; members point into it.
    private(set) var kinds: [Kind] = []
    /// How many members of each kind belong to the network on the day.
    private(set) var presentCounts: [Int] = []
    private var members: [String: (kind: Int, present: Bool)] = [:]

    /// Reads every member, noting those that belong to the network on `day` (joined on or
    /// before it, not left before it).
    init(on day: Day, in db: Database) throws {
        // By the row's type code and region, written as one text parted by U+001F (which a
        // type code refuses; the region, free text, comes last and is read whole): each
        // distinct one is parsed once.
        var known: [String: Int] = [:]
        let count = try Int.fetchOne(db.cachedStatement(sql: "SELECT count(*) FROM member")) ?? 0
        members.reserveCapacity(count)
        let rows = try Row.fetchCursor(db.cachedStatement(sql: """
            SELECT id, type || char(31) || region,
                coalesce(joined_on, :day) <= :day AND (left_on IS NULL OR :day <= left_on) FROM member
            """), arguments: ["day": day])
        while let row = try rows.next() {
            let id: String = row[0]
            let written: String = row[1]
            let index: Int
            if let existing = known[written] {
                index = existing
            } else {
                let parts = written.split(separator: "\u{1F}", maxSplits: 1, omittingEmptySubsequences: false)
                guard parts.count == 2, let types = CompanyType.parse(String(parts[0])) else {
                    throw StoreError.notFound(.readableMemberRow(MemberID(rawValue: id)))
                }
                index = kinds.count
                known[written] = index
                kinds.append(Kind(region: String(parts[1]), types: types))
                presentCounts.append(0)
            }
            let present: Bool = row[2]
            if present { presentCounts[index] += 1 }
            members[id] = (index, present)
        }
    }

    /// The kind of member `id` (an index into `kinds`); nil for a member the log does not know.
    func profile(of id: String) -> Int? {
        members[id]?.kind
    }

    /// The kind of member `id` when it belongs to the network on the day.
    func present(_ id: String) -> Int? {
        members[id].flatMap { $0.present ? $0.kind : nil }
    }
}
