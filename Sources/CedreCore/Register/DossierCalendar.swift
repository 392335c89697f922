import Foundation

/// What the calendar makes of a dossier from a day on, if no other fact comes: its standing
/// and its notices, each over the days it holds.
///
/// Facts change a dossier; after its last fact only the calendar does, and only on a few
/// days (a deadline's morrow, an expiry, a window closing). Computed when a fact is recorded
/// and stored with the projections, the calendar answers any question about a day on or after
/// the last fact (`report status`, `check`, `member list`) with rows instead of a replay.
public struct DossierCalendar: Equatable, Sendable {
    /// A standing from one day until the day before `until` (nil: ever after).
    public struct StandingPeriod: Equatable, Sendable {
        public let from: Day
        public let until: Day?
        public let standing: Standing
        /// For a suspension: the day it started and why (`member-request`, `membership`…).
        public let suspendedOn: Day?
        public let suspensionReason: String?

        public init(from: Day, until: Day?, standing: Standing, suspendedOn: Day?, suspensionReason: String?) {
            self.from = from
            self.until = until
            self.standing = standing
            self.suspendedOn = suspendedOn
            self.suspensionReason = suspensionReason
        }

        /// Whether it holds on `day`.
        public func holds(on day: Day) -> Bool {
            from <= day && until.map { day < $0 } ?? true
        }
    }

    /// A notice from one day until the day before `until` (nil: ever after). A `due-soon`
    /// notice's period is when its obligation is pending; it is announced only once its due
    /// day is within the horizon asked.
    public struct NoticePeriod: Equatable, Sendable {
        public let from: Day
        public let until: Day?
        public let notice: Notice

        public init(from: Day, until: Day?, notice: Notice) {
            self.from = from
            self.until = until
            self.notice = notice
        }

        /// Whether it is reported on `day` with `horizon` days of announcements.
        public func holds(on day: Day, horizon: Int) -> Bool {
            guard from <= day, until.map({ day < $0 }) ?? true else { return false }
            return notice.rule != .dueSoon || notice.due <= day.adding(days: horizon)
        }
    }

    public let key: CertificationKey
    /// The first day the calendar answers for: the day of the last fact of the dossier (of its
    /// whole group, for a group scheme).
    public let from: Day
    public let standings: [StandingPeriod]
    public let notices: [NoticePeriod]

    public init(key: CertificationKey, from: Day, standings: [StandingPeriod], notices: [NoticePeriod]) {
        self.key = key
        self.from = from
        self.standings = standings
        self.notices = notices
    }

    /// The standing on `day`, which must be on or after `from`.
    public func standing(on day: Day) -> StandingPeriod? {
        standings.last { $0.holds(on: day) }
    }

    /// The notices on `day` with `horizon` days of announcements; `day` must be on or after `from`.
    public func notices(on day: Day, horizon: Int) -> [Notice] {
        notices.filter { $0.holds(on: day, horizon: horizon) }.map(\.notice)
    }
}

extension Network {
    /// A horizon long enough to announce every deadline a dossier will ever have.
    static let unboundedHorizon = 36_600

    /// The calendar of one dossier from the day of its last fact (of its group's last fact,
    /// for a group scheme) on; the network must hold every fact of the dossier and its group.
    public func calendar(of key: CertificationKey) -> DossierCalendar? {
        guard let dossier = dossiers[key] else { return nil }
        let group = groupCertificate(key.scheme)?.dossiers ?? [dossier]
        guard let from = group.compactMap(\.lastFactOn).max() else { return nil }
        return calendar(of: key, from: from)
    }

    /// The calendar of one dossier from `day` on: the network must hold every fact up to `day`
    /// of the dossier and, for a group scheme, of its whole group.
    ///
    /// The standing and the notices are evaluated on every day they may change — the day
    /// itself, each deadline and its morrow, each move of the calendar, each notice's due day
    /// — found again on each of those days until no new one comes, so the periods are exact.
    public func calendar(of key: CertificationKey, from day: Day) -> DossierCalendar? {
        guard let dossier = dossiers[key] else { return nil }
        // The network does not change while its calendar is computed: its group is built once,
        // and the group's context once a day for the dossier, its notices and the central function.
        let group = groupCertificate(key.scheme)
        var pending = DaysAhead(day)
        var standings: [StandingPeriod] = []
        // A dossier holds a few notices at a time: arrays, searched through, cost less than
        // hashing every notice of every day evaluated.
        var periods: [DossierCalendar.NoticePeriod] = []
        var open: [(notice: Notice, from: Day)] = []
        var findingDeadlines: (context: FindingContext, expiresOn: Day?, deadlines: [Deadline])?
        var advanced = dossier
        // The day's notices and the spans still open after it, kept from day to day so that
        // evaluating a day allocates neither.
        var holding: [Notice] = []
        var stillOpen: [(notice: Notice, from: Day)] = []
        while let next = pending.popEarliest() {
            let context = group?.findingContext(on: next) ?? .none
            advanced.advance(copyOf: dossier, to: next)
            let status = self.status(of: advanced, in: group, on: next)
            if let status, standings.last.map({ !$0.same(as: status) }) ?? true {
                if let last = standings.popLast() { standings.append(last.ending(next)) }
                standings.append(status.period(from: next))
            }
            holding.removeAll(keepingCapacity: true)
            for notice in notices(of: advanced, advancedTo: next, in: group, horizon: Network.unboundedHorizon, context: context)
            where !holding.indices.contains(where: { holding[$0].isSame(as: notice) }) {
                holding.append(notice)
            }
            stillOpen.removeAll(keepingCapacity: true)
            for index in open.indices {
                if holding.indices.contains(where: { holding[$0].isSame(as: open[index].notice) }) {
                    stillOpen.append(open[index])
                } else {
                    periods.append(DossierCalendar.NoticePeriod(from: open[index].from, until: next, notice: open[index].notice))
                }
            }
            for notice in holding where !open.indices.contains(where: { open[$0].notice.isSame(as: notice) }) {
                stillOpen.append((notice, next))
            }
            swap(&open, &stillOpen)
            let expiresOn = advanced.certification?.expiresOn
            if findingDeadlines.map({ $0.context != context || $0.expiresOn != expiresOn }) ?? true {
                findingDeadlines = (context, expiresOn, advanced.findingDeadlines(context: context))
            }
            for threshold in advanced.noticeThresholds(advancedTo: next, findingDeadlines: findingDeadlines?.deadlines ?? []) {
                pending.add(threshold, after: next)
            }
            for threshold in group?.central?.noticeThresholds(on: next, context: context) ?? [] { pending.add(threshold, after: next) }
            for notice in holding {
                pending.add(notice.due, after: next)
                pending.add(notice.due.adding(days: 1), after: next)
            }
        }
        periods += open.map { DossierCalendar.NoticePeriod(from: $0.from, until: nil, notice: $0.notice) }
        periods.sort { $0.from != $1.from ? $0.from < $1.from : Notice.inLedgerOrder($0.notice, $1.notice) }
        return DossierCalendar(key: key, from: day, standings: standings, notices: periods)
    }

    private typealias StandingPeriod = DossierCalendar.StandingPeriod

    /// A dossier's standing on `day`, with its group's certificate for a group site.
    private func status(of dossier: Dossier, in group: GroupCertificate?, on day: Day) -> SchemeStatus? {
        var groups: [SchemeID: Certification] = [:]
        if let certification = group?.central?.certification?.advance(to: day) {
            groups[dossier.key.scheme] = certification
        }
        return CertificationRegister.status(of: dossier, on: day, groups: groups)
    }
}

/// The days a calendar has still to evaluate, each once, taken earliest first: the dossier's
/// thresholds and its group certificate's (read with the group's context on the day evaluated),
/// and the due day of every notice announced and its morrow. Only days after the one evaluated
/// are added, so none is evaluated twice.
private struct DaysAhead {
    /// Latest first: the earliest is taken from the end.
    private var days: [Day]

    init(_ day: Day) {
        days = [day]
    }

    mutating func popEarliest() -> Day? {
        days.popLast()
    }

    /// Adds `day` unless it is not after `evaluated` or already there.
    mutating func add(_ day: Day, after evaluated: Day) {
        guard day > evaluated else { return }
        let index = days.partitionPoint { $0 <= day }
        if index == days.endIndex || days[index] != day { days.insert(day, at: index) }
    }
}

extension SchemeStatus {
    /// The standing and what a suspension says of it, from `day` on.
    fileprivate func period(from day: Day) -> DossierCalendar.StandingPeriod {
        let suspension = standing == .suspended ? suspensionInForce : nil
        return DossierCalendar.StandingPeriod(
            from: day, until: nil, standing: standing, suspendedOn: suspension?.on, suspensionReason: suspension?.reason)
    }

    /// Since when and why a suspended member is suspended: its own certificate's suspension,
    /// its membership's, or its group certificate's.
    public var suspensionInForce: (on: Day, reason: String)? {
        guard standing == .suspended else { return nil }
        if membership == nil, let own = certification?.suspension { return (own.on, own.reason.rawValue) }
        if let membership, membership.state == .suspended, let on = membership.suspendedOn { return (on, "membership") }
        if let group = certification?.suspension { return (group.on, "group-certificate") }
        return nil
    }
}

extension DossierCalendar.StandingPeriod {
    fileprivate func same(as status: SchemeStatus) -> Bool {
        let suspension = status.suspensionInForce
        return standing == status.standing && suspendedOn == suspension?.on && suspensionReason == suspension?.reason
    }

    fileprivate func ending(_ day: Day) -> DossierCalendar.StandingPeriod {
        DossierCalendar.StandingPeriod(
            from: from, until: day, standing: standing, suspendedOn: suspendedOn, suspensionReason: suspensionReason)
    }
}

extension Notice {
    /// `==`, its day and rule compared first: a calendar looks each notice of each day it
    /// evaluates up among the few it holds, in place, and most differ there.
    fileprivate func isSame(as other: Notice) -> Bool {
        due == other.due && rule == other.rule && self == other
    }
}
