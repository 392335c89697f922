import Foundation

/// The calendar rules `cedre check` reports on, by their stable kebab-case ids.
public enum NoticeRule: String, Codable, CaseIterable, Sendable {
    /// Rule 2: the surveillance audit was not held by its last day.
    case surveillanceOverdue = "surveillance-overdue"
    /// Rule 5: no recertification audit planned by expiry − 4 months.
    case recertificationNotPlanned = "recertification-not-planned"
    /// Rule 3: no recertification decision by the expiry day.
    case certificateExpired = "certificate-expired"
    /// Rule 3: the restore window closed; only a new initial audit leads back.
    case certificationLapsed = "certification-lapsed"
    /// Rule 4: a suspension outlived its maximum: the certificate is withdrawn.
    case suspensionExpired = "suspension-expired"
    /// Rule 6: a major nonconformity still open after its deadline (a suspension trigger).
    case majorFindingOverdue = "major-finding-overdue"
    /// Rule 7: a minor nonconformity still open at the next audit, escalated to major.
    case minorFindingEscalated = "minor-finding-escalated"
    /// A deadline of the rules above falls within the horizon.
    case dueSoon = "due-soon"
    /// Rule 13: a group site not cross-audited since the group's previous external audit,
    /// from the day the next one is planned.
    case crossAuditMissing = "cross-audit-missing"
    /// Rule 21: an audit whose planned day passed without it being conducted, postponed or
    /// cancelled, from the day after.
    case auditNotHeld = "audit-not-held"
    /// Rule 22: an engagement with no initial audit planned, from the scheme's months after it.
    case engagementStalled = "engagement-stalled"
}

/// The obligation a `due-soon` notice announces.
public enum Obligation: String, Codable, CaseIterable, Sendable {
    case surveillanceAudit = "surveillance-audit"
    case recertificationPlanning = "recertification-planning"
    case certificateExpiry = "certificate-expiry"
    case restoreWindow = "restore-window"
    case suspensionMaximum = "suspension-maximum"
    case findingDeadline = "finding-deadline"
    /// Rule 14: the last day an audit may be held under a referential version being replaced.
    case referentialTransition = "referential-transition"
}

/// Something that needs a human, with the true day it fell due.
///
/// Identified by (subject, rule, due): the notice ledger stores each once, so a notice is
/// new on the first run that sees it and never again.
public struct Notice: Hashable, Sendable {
    public let rule: NoticeRule
    public let key: CertificationKey
    /// The machine instance it is about: the certification stream, a finding, or an obligation.
    public let subject: String
    /// The first day the rule holds (for `due-soon`: the deadline announced).
    public let due: Day
    public let finding: FindingID?
    public let obligation: Obligation?

    public init(
        rule: NoticeRule, key: CertificationKey, subject: String, due: Day, finding: FindingID? = nil,
        obligation: Obligation? = nil
    ) {
        self.rule = rule
        self.key = key
        self.subject = subject
        self.due = due
        self.finding = finding
        self.obligation = obligation
    }
}

extension Notice {
    /// The subject of a notice about the dossier `key`: its certification stream, then what in
    /// it the notice is about (a finding, an obligation, an audit), parted by `/`.
    public static func subject(of key: CertificationKey, _ first: String? = nil, _ second: String? = nil) -> String {
        LogStream.text(of: key, then: first, second)
    }

    /// The notice ledger's key order: subject, rule, due day.
    public static func inLedgerOrder(_ first: Notice, _ second: Notice) -> Bool {
        LedgerKey(first) < LedgerKey(second)
    }

    /// `notices` in ledger order (`inLedgerOrder`), sorted through their keys laid out as bytes
    /// (`LedgerSortKeys`): sorted themselves, two notices (five strings each) were copied and
    /// destroyed at every comparison, 616 M instructions for a first night's 28,913 new notices;
    /// sorted through `LedgerKey`s, each comparison still retained and released two subjects.
    public static func sortedInLedgerOrder(_ notices: [Notice]) -> [Notice] {
        LedgerSortKeys(notices).order().map { notices[$0] }
    }

    /// The order lists show notices in: due day, subject, rule.
    public static func precedes(_ first: Notice, _ second: Notice) -> Bool {
        if first.due != second.due { return first.due < second.due }
        if first.subject != second.subject { return first.subject < second.subject }
        return first.rule.rawValue < second.rule.rawValue
    }
}

/// What a `check` run says of a notice.
public enum NoticeStatus: String, Codable, CaseIterable, Sendable {
    /// Reported for the first time by this run.
    case new
    /// Reported by an earlier run and still holding.
    case open
    /// Reported earlier, and no longer holding: done, or made moot by a late fact.
    case resolved
    /// Still open, and shown again because it was last shown long enough ago (`--remind-every`).
    case reminder
}

/// A notice as one `check` run reports it.
public struct ReportedNotice: Hashable, Sendable {
    public let notice: Notice
    public let status: NoticeStatus

    public init(notice: Notice, status: NoticeStatus) {
        self.notice = notice
        self.status = status
    }
}

/// Which notices a `check` run lists; whatever it lists, it counts them all.
public enum CheckListing: Sendable {
    /// New, resolved, and still-open items (reminders of deadlines to come only when new).
    case standard
    /// Only what changed: new and resolved items; a run with nothing to show prints nothing.
    case quiet
    /// Every open item, reminders included.
    case all

    /// Whether the run lists `reported`.
    public func lists(_ reported: ReportedNotice) -> Bool {
        lists(reported.status, rule: reported.notice.rule)
    }

    /// Whether the run lists a notice of `rule` with `status`: what it takes to know, before a
    /// still-open notice is read in full (a night lists none of tens of thousands).
    public func lists(_ status: NoticeStatus, rule: NoticeRule) -> Bool {
        switch (self, status) {
        case (_, .new), (_, .resolved), (_, .reminder): true
        case (.standard, .open): rule != .dueSoon
        case (.all, .open): true
        case (.quiet, .open): false
        }
    }
}

/// How many notices a `check` run found of each status, listed or not: a quiet mail that
/// lists only the new items still says how many stay open.
public struct NoticeCounts: Encodable, Equatable, Sendable {
    public private(set) var new = 0
    public private(set) var open = 0
    public private(set) var resolved = 0
    /// Still-open items shown again (`--remind-every`), counted apart from `open`.
    public private(set) var reminders = 0

    public init() {}

    /// The counts of `notices`.
    public init(_ notices: some Sequence<ReportedNotice>) {
        for reported in notices { count(reported.status) }
    }

    /// Counts `times` more notices of `status`.
    public mutating func count(_ status: NoticeStatus, times: Int = 1) {
        switch status {
        case .new: new += times
        case .open: open += times
        case .resolved: resolved += times
        case .reminder: reminders += times
        }
    }
}

extension Notice {
    /// A notice's key in the ledger, which holds one row per subject, rule and due day; keys
    /// sort in the ledger's order: by subject, then rule name, then due day, field by field
    /// rather than as a tuple, which copies its strings at every comparison.
    public struct LedgerKey: Hashable, Comparable, Sendable {
        public let subject: String
        public let rule: NoticeRule
        public let due: Day

        public init(_ notice: Notice) {
            subject = notice.subject
            rule = notice.rule
            due = notice.due
        }

        public static func < (first: LedgerKey, second: LedgerKey) -> Bool {
            if first.subject != second.subject { return first.subject < second.subject }
            if first.rule != second.rule { return first.rule.rawValue < second.rule.rawValue }
            return first.due < second.due
        }
    }
}
