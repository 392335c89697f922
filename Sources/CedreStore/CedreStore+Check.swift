import CedreCore
import Foundation
import GRDB

/// What `check` is asked: the day, how far ahead to look, what to look at, and whether to
/// write the ledger.
public struct CheckRequest: Sendable {
    public let asOf: Day
    public let horizonDays: Int
    public let dryRun: Bool
    public let actor: String
    public let now: Date
    /// Only the members of this federation region (as their profile gives it); nil for all.
    public var region: String?
    /// Only this scheme; nil for all.
    public var scheme: SchemeID?
    /// Still-open notices last shown at least this many days before `asOf` are shown again
    /// as reminders; nil for never.
    public var remindEveryDays: Int?
    /// What the run will list: the result names the members of those notices only.
    public var listing: CheckListing
    /// Compares every notice with the ledger even when the check cursor could serve: what the
    /// tests hold the cursor's runs to.
    var comparesEveryNotice = false

    public init(
        asOf: Day, horizonDays: Int, dryRun: Bool, actor: String, now: Date, region: String? = nil, scheme: SchemeID? = nil,
        remindEveryDays: Int? = nil, listing: CheckListing = .all
    ) {
        self.asOf = asOf
        self.horizonDays = horizonDays
        self.dryRun = dryRun
        self.actor = actor
        self.now = now
        self.region = region
        self.scheme = scheme
        self.remindEveryDays = remindEveryDays
        self.listing = listing
    }

    /// Whether the run looks at one region or one scheme only: a notice's member is then read
    /// to know whether the run covers it.
    var isScoped: Bool { region != nil || scheme != nil }

    /// Whether a notice about `member` under `scheme` is within what the run looks at.
    func covers(_ key: CertificationKey, member: Member?) -> Bool {
        (scheme.map { $0 == key.scheme } ?? true) && (region.map { $0 == member?.region } ?? true)
    }
}

/// What a `check` run found: the notices it lists (`CheckRequest.listing`), new, still open,
/// resolved or reminders, and how many it found of each, listed or not.
public struct CheckResult: Sendable {
    public let asOf: Day
    public let horizonDays: Int
    /// The notices the run lists, in the order lists show them.
    public let notices: [ReportedNotice]
    public let counts: NoticeCounts
    /// The members the listed notices are about, for their names, regions and départements.
    public let members: [MemberID: Member]
    /// The event log's head as the run saw it: what a witness file records.
    public let head: LogHead
}

extension CedreStore {
    /// Advances every certification to `asOf` and records in the notice ledger what fell due
    /// on or before it (with its true due day) and what falls due within the horizon.
    ///
    /// One IMMEDIATE transaction: two runs at once are serialised by SQLite, and the second
    /// finds the first one's notices in the ledger. The event log is never written. With
    /// `dryRun` the same work is done and rolled back.
    ///
    /// `deliver` is called with the result before the ledger is committed (DESIGN §5: output,
    /// then commit): when it throws (the output could not be written), nothing is committed
    /// and the next run reports the same notices again. A notice may be shown twice after a
    /// crash between the two, never lost. It runs on another thread while this one writes the
    /// ledger's rows (a first night writes tens of thousands, and lists as many): the commit
    /// waits for both, and either failing commits nothing.
    @discardableResult
    public func check(
        _ request: CheckRequest, deliver: @escaping @Sendable (CheckResult) throws -> Void = { _ in }
    ) throws -> CheckResult {
        try writer.writeWithoutTransaction { db in
            // The ledger's INSERTs keep their statement journals in memory, not in temporary
            // files: a first run writes tens of thousands of rows. The run reads each page of
            // the calendars once: a small page cache reuses its pages where the usual one takes
            // fresh memory for each (on 100,000 members, 8,000 page faults more for one night).
            try db.execute(sql: "PRAGMA temp_store = MEMORY; PRAGMA cache_size = -\(CedreStore.scanCacheKiB)")
            defer { try? db.execute(sql: "PRAGMA temp_store = DEFAULT; PRAGMA cache_size = -\(CedreStore.cacheKiB)") }
            var result: CheckResult?
            try db.inTransaction(.immediate) {
                let ledger = NoticeLedger(db: db, request: request)
                let likelyListed = try likelyListedMembers(request, beside: db)
                let comparison = try ledger.compare(catalog: catalog)
                let (listed, counts, head) = (comparison.listed, comparison.counts, try LogHead.read(db))
                let members = try ListedMembers(listed, known: try likelyListed?.value(in: db) ?? [:], beside: self, in: db)
                let delivery = BackgroundWork { () throws -> CheckResult in
                    let found = CheckResult(
                        asOf: request.asOf, horizonDays: request.horizonDays, notices: listed, counts: counts,
                        members: try members.read(), head: head)
                    try deliver(found)
                    return found
                }
                let recorded = Result { try ledger.record(comparison) }
                let delivered = Result { try delivery.value() }
                try recorded.get()
                result = try delivered.get()
                return request.dryRun ? .rollback : .commit
            }
            guard let result else { throw StoreError.writeNotLanded(table: "the notice ledger", expected: 1, found: 0) }
            return result
        }
    }

    /// The members a run listing every open notice will most likely name, read on the second
    /// connection while this one compares (on 100,000 members, a night lists some 27,000
    /// notices about 20,000 members: reading them took as long as the comparison); none for a
    /// run that lists only what changed, or looks at one region or scheme. A first night, whose
    /// ledger holds nothing open, reads its members beside the ledger's writes instead.
    private func likelyListedMembers(_ request: CheckRequest, beside db: Database) throws -> CompanionRead<[MemberID: Member]>? {
        guard request.listing != .quiet, !request.isScoped, writer.path != ":memory:" else { return nil }
        return try CompanionRead(self, beside: db) { db in try NoticeLedger.likelyListedMembers(in: db) }
    }

    /// The number of notices the ledger holds.
    public func ledgerCount() throws -> Int {
        try writer.read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM notice") ?? 0 }
    }
}

/// The members a run's report names: those already `known` (read beside the comparison), and
/// the others read on a connection of their own, beside the one that writes the ledger
/// meanwhile (a first night names 20,000 members at 100,000); read before the writes on the
/// run's own connection when there is no other (a database in memory), or nothing to read.
private struct ListedMembers: Sendable {
    private let notices: [ReportedNotice]
    private let known: [MemberID: Member]
    private let others: Others

    private enum Others: Sendable {
        case read([MemberID: Member])
        case toRead([ReportedNotice], from: DatabaseQueue)
    }

    init(_ notices: [ReportedNotice], known: [MemberID: Member], beside store: CedreStore, in db: Database) throws {
        self.notices = notices
        self.known = known
        let unknown = notices.filter { known[$0.notice.key.member] == nil }
        if !unknown.isEmpty, let reader = store.companionReader() {
            others = .toRead(unknown, from: reader)
        } else {
            others = .read(try NoticeLedger.members(of: unknown, in: db))
        }
    }

    /// The members, by id: those the notices name, and no other.
    func read() throws -> [MemberID: Member] {
        let read = switch others {
        case .read(let members): members
        case .toRead(let unknown, let reader): try reader.read { db in try NoticeLedger.members(of: unknown, in: db) }
        }
        var named = [MemberID: Member](minimumCapacity: known.count + read.count)
        for id in notices.lazy.map(\.notice.key.member) where named[id] == nil {
            named[id] = known[id] ?? read[id]
        }
        return named
    }
}
