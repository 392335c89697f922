import ArgumentParser
import CedreCore
import CedreReports
import CedreStore
import Foundation

struct AuditCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "audit",
        abstract: "Plan, confirm, conduct, report, close, cancel, postpone, list or show audits.",
        discussion: """
            An audit is planned, may be confirmed or postponed, is conducted, reported and \
            closed, or cancelled; conducting it moves the certification.

            EXAMPLE
              AUDIT=$(cedre audit plan solipass --scheme cedre --kind initial --on 2013-03-01)
              cedre audit conduct $AUDIT --on 2013-03-01
              cedre audit show $AUDIT
            """,
        subcommands: [Plan.self, Confirm.self, Conduct.self, Report.self, Close.self, Cancel.self, Postpone.self,
                      List.self, Show.self])

    struct Plan: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "plan",
            abstract: "Plan an audit of a member under a scheme; prints the new audit id alone.",
            discussion: """
                --on is the day the audit is to take place. The plan itself is dated \
                --planned-on, by default the earlier of that day and today. A day that is a \
                Saturday, a Sunday or a public holiday of the member's département (rule 20) is \
                recorded with a warning on stderr. --auditor takes a cross-auditor's id (cedre \
                auditor list), which a cross-audit needs, or the name of a certification body's \
                auditor; a mistyped id is refused with the id it most likely meant.

                The initial audit is one step (--kind initial) or two (rule 23): stage1, the \
                readiness review, leaves the certification waiting; stage2, the certification \
                audit, makes it audited. After a lapse, a new stage2 (or initial) leads back.

                --referential names the version of the referential audited against (rule 14); \
                by default the latest published by the audit's day.

                EXAMPLE
                  AUDIT=$(cedre audit plan solipass --scheme cedre --kind initial --on 2013-03-01)
                  READINESS=$(cedre audit plan tremplin --scheme cedre --kind stage1 --on 2014-05-06)
                  STAGE=$(cedre audit plan tremplin --scheme cedre --kind stage2 --referential cedre-v2 --on 2014-06-12)
                """)
        @OptionGroup var store: StoreOptions
        @Argument(help: "The audited member's id.")
        var member: String
        @Option(help: .scheme("The scheme"), completion: .schemes)
        var scheme: String
        @Option(help: "initial, stage1, stage2, surveillance, recertification, special or cross-audit.")
        var kind: Audit.Kind
        @Option(help: .day("The day the audit is to take place"))
        var on: Day
        @Option(name: .customLong("planned-on"), help: .day("The day the plan was made", default: "the earlier of --on and today"))
        var plannedOn: Day?
        @Option(name: .customLong("auditor"), help: ArgumentHelp(
            "A cross-auditor's id, or an external auditor's name; repeat for a team.", valueName: "id-or-name"))
        var auditors: [String] = []
        @Option(help: ArgumentHelp(
            "The referential version audited against (default: the latest published by --on).", valueName: "version"))
        var referential: String?

        func run() throws {
            let cedre = try store.openStore()
            let key = CertificationKey(member: MemberID(rawValue: member), scheme: try cedre.catalog.scheme(named: scheme))
            let names = auditors.isEmpty ? [] : try cedre.auditorLookup().auditorNames(auditors, kind: kind)
            var allocated: AuditID?
            try cedre.record(context: store.context) { allocator in
                let id = try allocator.nextAudit(year: on.year)
                allocated = id
                let fact = Fact.auditPlanned(key, id, kind: kind, scheduledOn: on, auditors: names, referential: referential)
                return [DatedFact(fact, on: plannedOn ?? min(on, store.today))]
            }
            Output.write("\(allocated?.rawValue ?? "")\n")
            if let departement = try cedre.member(key.member)?.member.departement,
                let dayOff = HolidayCalendar.france.dayOff(on, departement: departement)
            {
                // Recorded all the same (audits are sometimes held on such days) and only told: a
                // warning that cannot be written must not turn a recorded plan into a failure.
                let words = Vocabulary(store.language)
                let audit = allocated?.rawValue ?? ""
                let warning = words.say(
                    "cedre : attention : l'audit \(audit) est planifié le \(words.day(on)), \(words.dayOff(dayOff)) dans le \(departement) (règle 20 : les audits ont lieu les jours ouvrés) ; reportez-le si c'est une erreur.\n",
                    "cedre: warning: audit \(audit) is planned on \(words.day(on)), \(words.dayOff(dayOff)) in \(departement) (rule 20: audits happen on working days); postpone it if that is a mistake.\n")
                Output.standardError.write(TerminalText.escapeLines(warning))
            }
        }
    }

    struct Confirm: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "confirm",
            abstract: "Confirm an audit's day and auditors.",
            discussion: """
                EXAMPLE
                  cedre audit confirm A-2013-0001 --on 2013-03-01 --auditor "C. Lemoine"
                """)
        @OptionGroup var store: StoreOptions
        @Argument(help: "The audit id.")
        var audit: String
        @Option(help: .day("The confirmed day of the audit", default: "the planned one"))
        var on: Day?
        @Option(name: .customLong("confirmed-on"), help: .day("The day of the confirmation", default: "the earlier of the audit day and today"))
        var confirmedOn: Day?
        @Option(name: .customLong("auditor"), help: ArgumentHelp(
            "A cross-auditor's id, or an external auditor's name; repeat for a team.", valueName: "id-or-name"))
        var auditors: [String] = []

        func run() throws {
            let confirmed = try store.openStore().confirmAudit(
                AuditID(rawValue: audit), on: on, auditors: auditors, confirmedOn: confirmedOn, context: store.context)
            let (id, day) = (confirmed.audit, confirmed.day)
            let words = Vocabulary(store.language)
            Output.write(words.say("Audit \(id) confirmé pour le \(words.day(day)).\n", "Audit \(id) confirmed for \(words.day(day)).\n"))
        }
    }

    struct Conduct: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "conduct",
            abstract: "Record that an audit took place: moves the certification (initial, surveillance, recertification).",
            discussion: """
                A minor finding of an earlier audit still open on this day is escalated to major \
                (rule 7).

                EXAMPLE
                  cedre audit conduct A-2013-0001 --on 2013-03-01
                """)
        @OptionGroup var store: StoreOptions
        @Argument(help: "The audit id.")
        var audit: String
        @Option(help: .day("The day it took place", default: "--as-of, today"))
        var on: Day?

        func run() throws {
            try recordAudit(audit, store: store, on: on, done: .conducted) { key, id in .auditConducted(key, id) }
        }
    }

    struct Report: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "report",
            abstract: "Record that an audit's report was issued.",
            discussion: """
                EXAMPLE
                  cedre audit report A-2013-0001 --on 2013-03-08
                """)
        @OptionGroup var store: StoreOptions
        @Argument(help: "The audit id.")
        var audit: String
        @Option(help: .day("The day of the report", default: "--as-of, today"))
        var on: Day?

        func run() throws {
            try recordAudit(audit, store: store, on: on, done: .reported) { key, id in .auditReported(key, id) }
        }
    }

    struct Close: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "close",
            abstract: "Close a reported audit: each of its findings is closed or has an accepted plan.",
            discussion: """
                EXAMPLE
                  cedre audit close A-2013-0001 --on 2013-04-20
                """)
        @OptionGroup var store: StoreOptions
        @Argument(help: "The audit id.")
        var audit: String
        @Option(help: .day("The day it was closed", default: "--as-of, today"))
        var on: Day?

        func run() throws {
            try recordAudit(audit, store: store, on: on, done: .closed) { key, id in .auditClosed(key, id) }
        }
    }

    struct Cancel: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "cancel",
            abstract: "Cancel a planned or confirmed audit.",
            discussion: """
                EXAMPLE
                  cedre audit cancel A-2014-0003 --reason "site closed for works" --on 2014-02-10
                """)
        @OptionGroup var store: StoreOptions
        @Argument(help: "The audit id.")
        var audit: String
        @Option(help: "Why it is cancelled.")
        var reason: String
        @Option(help: .day("The day of the cancellation", default: "--as-of, today"))
        var on: Day?

        func run() throws {
            try recordAudit(audit, store: store, on: on, done: .cancelled) { key, id in
                .auditCancelled(key, id, reason: reason)
            }
        }
    }

    struct Postpone: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "postpone",
            abstract: "Move a planned or confirmed audit to a new day; the old day stays in its history.",
            discussion: """
                EXAMPLE
                  cedre audit postpone A-2014-0003 --to 2014-04-15 --reason "auditor ill" --on 2014-03-01
                """)
        @OptionGroup var store: StoreOptions
        @Argument(help: "The audit id.")
        var audit: String
        @Option(help: .day("The new day of the audit"))
        var to: Day
        @Option(help: "Why it is moved.")
        var reason: String = ""
        @Option(help: .day("The day of the decision", default: "--as-of, today"))
        var on: Day?

        func run() throws {
            try recordAudit(audit, store: store, on: on, done: .postponed(to: to)) { key, id in
                .auditPostponed(key, id, to: to, reason: reason)
            }
        }
    }

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "list",
            abstract: "List audits, optionally of one member, scheme, state or period.",
            discussion: """
                EXAMPLE
                  cedre audit list --scheme cedre --from 2014-01-01 --to 2014-12-31 --format csv
                """)
        @OptionGroup var store: StoreOptions
        @OptionGroup var output: OutputOptions
        @Option(help: "Only this member's audits.")
        var member: String?
        @Option(help: .scheme("Only this scheme's audits"), completion: .schemes)
        var scheme: String?
        @Option(help: .day("Only audits scheduled on or after this day"))
        var from: Day?
        @Option(help: .day("Only audits scheduled on or before this day"))
        var to: Day?

        func run() throws {
            let cedre = try store.openExistingStore()
            let network = try member.map { try cedre.network(of: MemberID(rawValue: $0), through: store.today) }
                ?? (from == nil && to == nil
                    ? cedre.network(through: store.today)
                    : cedre.network(ofAuditsScheduledFrom: from ?? Day.earliest, to: to ?? Day.latest, through: store.today))
            let scheme = try self.scheme.map { try network.catalog.scheme(named: $0) }
            let audits = network.dossiers.values.flatMap(\.audits)
                .filter { audit in member.map { audit.key.member.rawValue == $0 } ?? true }
                .filter { audit in scheme.map { audit.key.scheme == $0 } ?? true }
                .filter { audit in from.map { audit.scheduledOn >= $0 } ?? true }
                .filter { audit in to.map { audit.scheduledOn <= $0 } ?? true }
                .sorted { ($0.scheduledOn, $0.id) < ($1.scheduledOn, $1.id) }
            if output.format == .json { return Output.write(try Output.json(audits.map(AuditLine.init))) }
            let words = Vocabulary(store.language)
            let day = output.days(words)
            let table = Table(
                columns: words.columns([.id, .member, .scheme, .kind, .state, .scheduled, .conducted, .auditors]),
                rows: audits.map {
                    [$0.id.rawValue, $0.key.member.rawValue, $0.key.scheme.rawValue, words.auditKind($0.kind), words.auditState($0.state),
                     day($0.scheduledOn), $0.conductedOn.map(day) ?? "", $0.auditors.joined(separator: ", ")]
                })
            Output.write(Output.render(table, as: output.format))
        }
    }

    struct Show: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "show",
            abstract: "Show an audit with its findings and history.",
            discussion: """
                EXAMPLE
                  cedre audit show A-2013-0001 --format json
                """)
        @OptionGroup var store: StoreOptions
        @Argument(help: "The audit id.")
        var audit: String
        @Option(help: "How to write the answer: table or json.")
        var format: SheetFormat = .table

        func run() throws {
            let cedre = try store.openExistingStore()
            let id = AuditID(rawValue: audit)
            let key = try cedre.certificationKey(ofAudit: id)
            guard let dossier = try cedre.dossier(key, through: store.today), let item = dossier.audit(id) else {
                throw StoreError.notFound(.auditOn(id, on: store.today))
            }
            let statuses = try cedre.findingStatuses(of: key, on: store.today).filter { $0.finding.audit == id }
            if format == .json {
                return Output.write(try Output.json(AuditDetail(
                    audit: AuditLine(item), findings: statuses.map(FindingLine.init), history: item.history.map(HistoryLine.init))))
            }
            let words = Vocabulary(store.language)
            var lines = [words.say(
                "\(id) — \(words.auditKind(item.kind)) de \(key.member) sous \(key.scheme) : \(words.auditState(item.state))",
                "\(id) — \(words.auditKind(item.kind)) of \(key.member) under \(key.scheme): \(words.auditState(item.state))")]
            lines.append(words.say("  planifié le \(words.day(item.plannedOn)) pour le \(words.day(item.scheduledOn))",
                                   "  planned on \(words.day(item.plannedOn)) for \(words.day(item.scheduledOn))"))
            if let day = item.conductedOn { lines.append(words.say("  réalisé le \(words.day(day))", "  conducted on \(words.day(day))")) }
            if let day = item.reportedOn { lines.append(words.say("  rapport remis le \(words.day(day))", "  reported on \(words.day(day))")) }
            if let day = item.closedOn { lines.append(words.say("  clos le \(words.day(day))", "  closed on \(words.day(day))")) }
            if let day = item.cancelledOn { lines.append(words.say("  annulé le \(words.day(day))", "  cancelled on \(words.day(day))")) }
            if !item.auditors.isEmpty { lines.append(words.say("  auditeurs : ", "  auditors: ") + item.auditors.joined(separator: ", ")) }
            if let version = item.referential { lines.append(words.say("  référentiel \(version)", "  referential \(version)")) }
            for status in statuses {
                let grade = words.inSentence(words.grade(status.grade, in: dossier.scheme))
                lines.append(words.say(
                    "  écart \(status.finding.id), \(grade), exigence \(status.finding.requirement) : \(words.findingState(status.finding.state))",
                    "  finding \(status.finding.id), \(grade), requirement \(status.finding.requirement): \(words.findingState(status.finding.state))"))
            }
            for move in item.history {
                let (day, event, from, to) = (words.day(move.on), words.auditEvent(move.event), words.auditState(move.from), words.auditState(move.to))
                lines.append(words.say("  \(day)  \(event) : \(from) → \(to)", "  \(day)  \(event): \(from) → \(to)"))
            }
            Output.write(lines: lines)
        }
    }
}

/// An audit as lists and JSON write it.
struct AuditLine: Encodable {
    let id: AuditID
    let member: MemberID
    let scheme: SchemeID
    let kind: String
    let state: String
    let plannedOn: Day
    let scheduledOn: Day
    let conductedOn: Day?
    let reportedOn: Day?
    let closedOn: Day?
    let cancelledOn: Day?
    let auditors: [String]
    /// The referential version audited against (rule 14).
    let referential: String?

    init(_ audit: Audit) {
        id = audit.id
        member = audit.key.member
        scheme = audit.key.scheme
        kind = audit.kind.rawValue
        state = audit.state.rawValue
        plannedOn = audit.plannedOn
        scheduledOn = audit.scheduledOn
        conductedOn = audit.conductedOn
        reportedOn = audit.reportedOn
        closedOn = audit.closedOn
        cancelledOn = audit.cancelledOn
        auditors = audit.auditors
        referential = audit.referential
    }
}

/// `audit show --format json`.
struct AuditDetail: Encodable {
    let audit: AuditLine
    let findings: [FindingLine]
    let history: [HistoryLine]
}

/// One move of a machine's history.
struct HistoryLine: Encodable {
    let on: Day
    let from: String
    let event: String
    let to: String

    init<State, Kind>(_ move: Transition<State, Kind>) {
        on = move.on
        from = move.from.rawValue
        event = move.event.rawValue
        to = move.to.rawValue
    }
}

/// What a verb of `audit` records, for its one-line confirmation.
private enum AuditDone {
    case conducted, reported, closed, cancelled
    case postponed(to: Day)

    func sentence(_ id: AuditID, on day: Day, _ words: Vocabulary) -> String {
        let on = words.day(day)
        return switch self {
        case .conducted: words.say("Audit \(id) réalisé le \(on).\n", "Audit \(id) conducted on \(on).\n")
        case .reported: words.say("Rapport de l'audit \(id) remis le \(on).\n", "Audit \(id) reported on \(on).\n")
        case .closed: words.say("Audit \(id) clos le \(on).\n", "Audit \(id) closed on \(on).\n")
        case .cancelled: words.say("Audit \(id) annulé le \(on).\n", "Audit \(id) cancelled on \(on).\n")
        case .postponed(let newDay):
            words.say("Audit \(id) reporté au \(words.day(newDay)) (décidé le \(on)).\n", "Audit \(id) postponed to \(words.day(newDay)) on \(on).\n")
        }
    }
}

/// Records one fact about an existing audit.
private func recordAudit(
    _ audit: String, store options: StoreOptions, on day: Day?, done: AuditDone,
    _ fact: (CertificationKey, AuditID) -> Fact
) throws {
    let id = AuditID(rawValue: audit)
    let key = try options.openExistingStore().certificationKey(ofAudit: id)
    let date = try options.record([fact(key, id)], on: day)
    Output.write(done.sentence(id, on: date, Vocabulary(options.language)))
}

extension Audit.Kind: ExpressibleByArgument {}
