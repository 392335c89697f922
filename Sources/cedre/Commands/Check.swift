import ArgumentParser
import CedreCore
import CedreFixtures
import CedreReports
import CedreStore
import Foundation

struct Check: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "The nightly check: advance every certification to a day and report what needs a human.",
        discussion: """
            Computes, from the facts and the day, everything that fell due on or before --as-of \
            (surveillance overdue, recertification not planned, certificate expired, \
            certification lapsed, suspension past its maximum, major finding overdue, minor \
            finding escalated, site not cross-audited, audit not held, engagement stalled) and \
            the deadlines falling within the horizon (due-soon). Each \
            notice is recorded once in the notice ledger with its true due day: a night cron \
            did not run is caught up by the next, nothing is reported as new twice, and a \
            notice a late fact made moot is reported once as resolved. The event log is never \
            written. Two runs at once: the second waits for the first, then finds nothing new.

            The report is written before the ledger is committed: when it cannot be written (a \
            full disk, a closed pipe) nothing is recorded and the next run reports the same \
            notices again. Each run but a dry run appends the event log's head (count, hash, \
            day) to the witness file, kept apart from the database for 'cedre verify --witness'.

            Exit codes: 0 nothing needs attention (with --quiet: nothing printed), 3 something \
            needs attention, 64 usage error, 65 bad input, 70 internal error, 74 the report or \
            the witness could not be written (nothing was recorded).

            --region and --scheme narrow what is reported and recorded: the notices of other \
            regions and schemes stay new for the run that covers them, so one cron line per \
            region can mail each regional officer its own list. Items name the member, its \
            département and region. --remind-every shows again, as reminders, the notices still \
            open that were last shown that many days ago (with --quiet too), so nothing nobody \
            acted on is forgotten. --format html writes a mail-ready page.

            EXAMPLE
              cedre check --quiet                                  # from cron: mails only when needed
              cedre check --quiet --region "Pays de la Loire" --remind-every 7d --format html
              cedre check --as-of 2014-12-31 --format json
            """)

    @OptionGroup var store: StoreOptions
    @OptionGroup var witness: WitnessOptions

    @Option(help: ArgumentHelp("How far ahead to announce deadlines, in days: 60 or 60d.", valueName: "days"))
    var horizon: Horizon = Horizon(days: 60)

    @Flag(name: .customLong("dry-run"), help: "Print exactly what a real run would print; write nothing.")
    var dryRun = false

    @Flag(help: "Show only what changed (new and resolved); print nothing when nothing did.")
    var quiet = false

    @Flag(help: "Show every open item, deadline reminders included.")
    var all = false

    @Option(help: .region("Only the members of this federation region"), completion: .regions)
    var region: String?

    @Option(help: .scheme("Only this scheme"), completion: .schemes)
    var scheme: String?

    @Option(name: .customLong("remind-every"), help: ArgumentHelp(
        "Show again the notices still open that were last shown this many days ago: 7 or 7d.", valueName: "days"))
    var remindEvery: Horizon?

    @Option(help: "How to write the answer: table, json, csv, markdown or html (a mail-ready page).")
    var format: CheckFormat = .table

    func validate() throws {
        if quiet && all { throw UsageProblem.quietAndAll.validationError }
    }

    func run() throws {
        let cedre = try store.openExistingStore()
        let request = CheckRequest(
            asOf: store.today, horizonDays: horizon.days, dryRun: dryRun, actor: store.actorName, now: Date(),
            region: try region.map { try CedreFixtures.departements.region(named: $0, others: try cedre.members().map(\.member.region)) },
            scheme: try scheme.map { try cedre.catalog.scheme(named: $0) },
            remindEveryDays: remindEvery?.days, listing: quiet ? .quiet : all ? .all : .standard)
        // The report is written on another thread while the ledger's rows go in: it writes to
        // this run's outputs.
        let (context, language, format, witness, dryRun) = (RunContext.current, store.language, format, witness, dryRun)
        let result = try cedre.check(request) { result in
            try RunContext.$current.withValue(context) {
                let report = CheckReport(
                    asOf: result.asOf, horizonDays: result.horizonDays, notices: result.notices, counts: result.counts,
                    members: result.members, mode: request.listing)
                if !(request.listing == .quiet && !report.needsAttention) {
                    switch format {
                    case .json: Output.write(try Output.json(report))
                    case .table: Output.write(report.text(language, style: Output.terminalStyle))
                    case .csv: Output.write(report.table(language, isoDays: true).csv())
                    case .markdown: Output.write(report.table(language).markdown())
                    case .html: Output.write(report.document(language).html())
                    }
                }
                try Output.confirmBeforeCommit(.noticesNotRecorded)
                if !dryRun { try witness.append(result.head, on: result.asOf, consequence: .noticesNotRecorded) }
            }
        }
        if result.notices.contains(where: request.listing.lists) { throw ExitCodes.attention }
    }
}

/// The formats of `check`: the list formats and a mail-ready HTML page.
enum CheckFormat: String, ExpressibleByArgument, CaseIterable {
    case table, json, csv, markdown, html
}

/// `--horizon 60` or `--horizon 60d`.
struct Horizon: ExpressibleByArgument {
    let days: Int

    init(days: Int) {
        self.days = days
    }

    init?(argument: String) {
        let digits = argument.hasSuffix("d") ? String(argument.dropLast()) : argument
        guard let days = Int(digits), Bounds.days.contains(days) else { return nil }
        self.days = days
    }

    var defaultValueDescription: String { "\(days)d" }
}
