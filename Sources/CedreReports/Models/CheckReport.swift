import CedreCore
import Foundation

/// What `cedre check` prints: the notices of one run, grouped by status.
///
/// Its JSON form is validated by `Schemas/json/check.schema.json`.
public struct CheckReport: Encodable, Equatable, Sendable {
    public struct Item: Encodable, Equatable, Sendable {
        public let member: MemberID
        /// The member's name, region and département, so a mail reads without a lookup.
        public let name: String
        public let region: String
        public let departement: String
        public let scheme: SchemeID
        public let rule: NoticeRule
        public let due: Day
        public let status: NoticeStatus
        public let subject: String
        public let finding: FindingID?
        public let obligation: Obligation?
    }

    /// The run's notices by status, listed or not (`--quiet` lists no still-open one, the
    /// default no still-open deadline reminder).
    public typealias Counts = NoticeCounts

    public let asOf: Day
    public let horizonDays: Int
    public let items: [Item]
    public let counts: Counts

    /// The items of a run, those of `notices` that `mode` lists; `counts` says what the run
    /// found, listed or not (the store counts while it compares, and hands over only what the
    /// run lists); `members` gives each member's name, region and département.
    public init(
        asOf: Day, horizonDays: Int, notices: [ReportedNotice], counts: Counts, members: [MemberID: Member], mode: CheckListing
    ) {
        self.asOf = asOf
        self.horizonDays = horizonDays
        items = notices.filter(mode.lists).map { reported in
            let notice = reported.notice
            let member = members[notice.key.member]
            return Item(
                member: notice.key.member, name: member?.name ?? notice.key.member.rawValue, region: member?.region ?? "",
                departement: member?.departement ?? "", scheme: notice.key.scheme, rule: notice.rule, due: notice.due,
                status: reported.status, subject: notice.subject, finding: notice.finding, obligation: notice.obligation)
        }
        self.counts = counts
    }

    /// Whether a human should read this run (exit code 3): it shows at least one item.
    public var needsAttention: Bool { !items.isEmpty }

    /// The items as a table: status, due day, rule, member (name, département, region), scheme,
    /// what it is about; days as the language writes them, or ISO for a spreadsheet (`isoDays`).
    public func table(_ language: ReportLanguage, isoDays: Bool = false) -> Table {
        let words = CheckWords(language)
        let vocabulary = Vocabulary(language)
        return Table(
            columns: words.columns,
            rows: items.map { item in
                [words.status(item.status), isoDays ? item.due.description : vocabulary.day(item.due), item.rule.rawValue,
                 item.member.rawValue, item.name, item.departement, item.region, item.scheme.rawValue, words.describe(item)]
            })
    }

    /// The run as a document: a headline, the counts, the table; its HTML is a mail-ready page.
    public func document(_ language: ReportLanguage) -> ReportDocument {
        let words = CheckWords(language)
        let vocabulary = Vocabulary(language)
        return ReportDocument(language: language, title: words.headline(asOf: vocabulary.date(asOf), horizon: horizonDays), blocks: [
            .paragraph(words.summary(counts)),
            .table(table(language)),
        ])
    }

    /// A short text for a terminal or a mail: a headline, then the table fitted to `style`.
    public func text(_ language: ReportLanguage, style: TerminalStyle = .plain) -> String {
        let words = CheckWords(language)
        let vocabulary = Vocabulary(language)
        let preface = words.headline(asOf: vocabulary.date(asOf), horizon: horizonDays) + "\n" + words.summary(counts) + "\n"
        return items.isEmpty ? preface : table(language).text(style: style, after: preface + "\n")
    }
}

/// The words of `check`'s output, in each language.
private struct CheckWords {
    let language: ReportLanguage

    init(_ language: ReportLanguage) {
        self.language = language
    }

    var columns: [String] {
        language == .fr
            ? ["statut", "échéance", "règle", "adhérent", "nom", "département", "région", "référentiel", "objet"]
            : ["status", "due", "rule", "member", "name", "département", "region", "scheme", "about"]
    }

    func headline(asOf: String, horizon: Int) -> String {
        language == .fr
            ? "cedre check au \(asOf) (horizon \(horizon) jours)"
            : "cedre check as of \(asOf) (horizon \(horizon) days)"
    }

    func summary(_ counts: CheckReport.Counts) -> String {
        let words = Vocabulary(language)
        let parts = [
            words.counted(counts.new, ("nouveau", "nouveaux"), ("new", "new")),
            words.counted(counts.open, ("toujours ouvert", "toujours ouverts"), ("still open", "still open")),
            words.counted(counts.resolved, ("résolu", "résolus"), ("resolved", "resolved")),
        ]
        let reminders = counts.reminders == 0 ? [] : [words.counted(counts.reminders, ("rappel", "rappels"), ("reminder", "reminders"))]
        return (parts + reminders).joined(separator: " · ")
    }

    func status(_ status: NoticeStatus) -> String {
        switch (status, language) {
        case (.new, .fr): "nouveau"
        case (.open, .fr): "ouvert"
        case (.resolved, .fr): "résolu"
        case (.new, .en): "new"
        case (.open, .en): "open"
        case (.resolved, .en): "resolved"
        case (.reminder, .fr): "rappel"
        case (.reminder, .en): "reminder"
        }
    }

    func describe(_ item: CheckReport.Item) -> String {
        let finding = item.finding.map { " \($0)" } ?? ""
        switch (item.rule, language) {
        case (.surveillanceOverdue, .fr): return "audit de surveillance non réalisé à temps"
        case (.surveillanceOverdue, .en): return "surveillance audit not held in time"
        case (.recertificationNotPlanned, .fr): return "audit de renouvellement non planifié"
        case (.recertificationNotPlanned, .en): return "recertification audit not planned"
        case (.certificateExpired, .fr): return "certificat expiré"
        case (.certificateExpired, .en): return "certificate expired"
        case (.certificationLapsed, .fr): return "délai de rétablissement dépassé"
        case (.certificationLapsed, .en): return "restore window closed"
        case (.suspensionExpired, .fr): return "suspension au-delà de sa durée maximale : retrait"
        case (.suspensionExpired, .en): return "suspension past its maximum: withdrawn"
        case (.majorFindingOverdue, .fr): return "non-conformité majeure\(finding) non levée à échéance"
        case (.majorFindingOverdue, .en): return "major nonconformity\(finding) past its deadline"
        case (.minorFindingEscalated, .fr): return "non-conformité mineure\(finding) encore ouverte à l'audit suivant : majeure"
        case (.minorFindingEscalated, .en): return "minor nonconformity\(finding) open at the next audit: major"
        case (.dueSoon, _): return dueSoon(item.obligation, finding: finding)
        case (.crossAuditMissing, .fr): return "site sans audit croisé avant l'audit externe du groupe"
        case (.crossAuditMissing, .en): return "site not cross-audited before the group's external audit"
        case (.auditNotHeld, .fr): return "audit prévu le \(item.due.adding(days: -1)) non tenu (ni réalisé, ni reporté, ni annulé)"
        case (.auditNotHeld, .en): return "audit planned for \(item.due.adding(days: -1)) not held (neither conducted, postponed nor cancelled)"
        case (.engagementStalled, .fr): return "engagé sans audit initial planifié"
        case (.engagementStalled, .en): return "engaged with no initial audit planned"
        }
    }

    private func dueSoon(_ obligation: Obligation?, finding: String) -> String {
        switch (obligation, language) {
        case (.surveillanceAudit?, .fr): "échéance de l'audit de surveillance"
        case (.surveillanceAudit?, .en): "surveillance audit due"
        case (.recertificationPlanning?, .fr): "planifier l'audit de renouvellement"
        case (.recertificationPlanning?, .en): "plan the recertification audit"
        case (.certificateExpiry?, .fr): "expiration du certificat"
        case (.certificateExpiry?, .en): "certificate expiry"
        case (.restoreWindow?, .fr): "fin du délai de rétablissement"
        case (.restoreWindow?, .en): "end of the restore window"
        case (.suspensionMaximum?, .fr): "fin de la durée maximale de suspension"
        case (.suspensionMaximum?, .en): "end of the maximum suspension"
        case (.findingDeadline?, .fr): "échéance de la non-conformité\(finding)"
        case (.findingDeadline?, .en): "deadline of finding\(finding)"
        case (.referentialTransition?, .fr): "dernier jour d'audit sur l'ancienne version du référentiel"
        case (.referentialTransition?, .en): "last day to audit under the old referential version"
        case (nil, .fr): "échéance"
        case (nil, .en): "deadline"
        }
    }
}
