import ArgumentParser
import CedreCore

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

    /// How far ahead deadlines are announced when --horizon is not given.
    static let defaultHorizonDays = 60

    @Option(help: ArgumentHelp("How far ahead to announce deadlines, in days: 60 or 60d.", valueName: "days"))
    var horizon: Horizon = Horizon(days: Check.defaultHorizonDays)

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

    /// What the command line asks, as `QuickLine` also reads it without ArgumentParser.
    var query: CheckQuery {
        CheckQuery(
            asOf: store.asOf, db: store.db, actor: store.actor, lang: store.lang, horizonDays: horizon.days, dryRun: dryRun,
            listing: quiet ? .quiet : all ? .all : .standard, region: region, scheme: scheme, remindEveryDays: remindEvery?.days,
            format: format, witness: witness.witness)
    }

    func run() throws {
        try query.answer()
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
