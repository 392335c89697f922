import ArgumentParser
import CedreCore
import CedreFixtures
import CedreReports
import CedreStore
import Foundation

struct ReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "Certification status, certifications of a year, open findings and the audit programme.",
        discussion: """
            Every report is computed from the event log as of --as-of (default today), for the \
            whole network or one --region, --scheme or --type, in French (default) or English, \
            as a terminal table, Markdown, CSV, JSON, a self-contained HTML file with charts, or \
            (audit programme) an ICS calendar. docs/reports.md shows a sample of each.

            EXAMPLE
              cedre report status --as-of 2013-12-31
              cedre report certifications --year 2013 --format html --output certifications-2013.html
              cedre report audits --from 2014-01-01 --to 2014-03-31 --format ics --output audits.ics
            """,
        subcommands: [Status.self, Certifications.self, Findings.self, Audits.self])

    struct Status: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "status",
            abstract: "Members by certification state, region, company type and scheme; what is due, overdue, suspended, expiring.",
            discussion: """
                Each member counts once overall, by its best standing (certified first); under \
                each scheme it counts in that scheme's line. "Certified" means a valid \
                certificate: suspended and expired ones are not. The share certified is computed \
                (certified ÷ members on the day), never copied from a printed report.

                EXAMPLE
                  cedre report status --as-of 2013-12-31
                  cedre report status --region "Pays de la Loire" --scheme cedre --format markdown
                  cedre report status --as-of 2013-12-31 --format html --output status.html
                """)
        @OptionGroup var store: StoreOptions
        @OptionGroup var options: Options
        @Option(help: DocumentFormat.help, completion: .list(DocumentFormat.allValueStrings))
        var format: DocumentFormat?
        @Option(help: ArgumentHelp("How far ahead to list what is due or expiring, in days: 60 or 60d.", valueName: "days"))
        var horizon: Horizon = Horizon(days: StatusReport.defaultHorizonDays)

        /// What the command line asks, as `QuickLine` also reads it without ArgumentParser.
        var query: StatusQuery {
            StatusQuery(
                asOf: store.asOf, db: store.db, lang: store.lang, format: format, horizonDays: horizon.days, choices: options.choices)
        }

        func run() throws {
            try query.answer()
        }
    }

    struct Certifications: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "certifications",
            abstract: "Members newly certified, renewed and joined to a group certificate in a year, by region.",
            discussion: """
                Each line reads "Name (département) - type" as the activity report prints it; \
                the companies of a GES listed the same year follow it, without département. The \
                figures (members, certified, engaged, share) are counted on 31 December of the \
                year, or on --as-of when it is earlier.

                EXAMPLE
                  cedre report certifications --year 2013
                  cedre report certifications --year 2013 --lang en --format csv
                """)
        @OptionGroup var store: StoreOptions
        @OptionGroup var options: Options
        @Option(help: DocumentFormat.help, completion: .list(DocumentFormat.allValueStrings))
        var format: DocumentFormat?
        @Option(help: ArgumentHelp("The year (default the year of --as-of).", valueName: "year"))
        var year: Int?

        func validate() throws {
            if let year { try UsageProblem.check("--year", year, in: Bounds.year) }
        }

        func run() throws {
            let format = try options.choices.format(format)
            let today = store.today
            let year = self.year ?? today.year
            guard year <= today.year else {
                throw CommandError.yearAfterToday(year: year, today: today)
            }
            let day = min(today, Day.lastDay(ofYear: year))
            let cedre = try store.openExistingStore()
            // The report's figures are counts: the notices are not read.
            let standing = try cedre.standing(on: day, notices: false)
            let report = CertificationsReport(
                standing: standing, year: year, filter: try options.choices.filter(members: standing.members, catalog: cedre.catalog))
            try options.choices.emit(report, as: format, document: report.document(store.language), csv: report.csv)
        }
    }

    struct Findings: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "findings",
            abstract: "Open nonconformities by grade, age, region and member; overdue ones first.",
            discussion: """
                A finding is open until its corrective action is verified effective; \
                observations and opportunities for improvement are not listed. Grades are those \
                in force (a minor escalated by rule 7 or 8 shows as major).

                EXAMPLE
                  cedre report findings --as-of 2013-12-31
                  cedre report findings --region "Midi-Pyrénées" --format csv --output findings.csv
                """)
        @OptionGroup var store: StoreOptions
        @OptionGroup var options: Options
        @Option(help: DocumentFormat.help, completion: .list(DocumentFormat.allValueStrings))
        var format: DocumentFormat?

        func run() throws {
            let format = try options.choices.format(format)
            let day = store.today
            let cedre = try store.openExistingStore()
            let network = try cedre.networkOfOpenFindings(through: day)
            let report = FindingsReport(
                network: network, on: day, filter: try options.choices.filter(regions: try cedre.memberRegions(), catalog: cedre.catalog))
            try options.choices.emit(report, as: format, document: report.document(store.language), csv: report.csv)
        }
    }

    struct Audits: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "audits",
            abstract: "The audit programme between two days, also as an ICS calendar.",
            discussion: """
                Lists the audits held or scheduled from --from to --to (both included) as the \
                facts stand on --as-of. With --format ics each audit is one all-day event whose \
                UID is the audit id, so a re-imported calendar updates its events.

                EXAMPLE
                  cedre report audits --from 2013-01-01 --to 2013-12-31 --as-of 2013-12-31
                  cedre report audits --from 2014-01-01 --to 2014-06-30 --format ics --output audits.ics
                """)
        @OptionGroup var store: StoreOptions
        @OptionGroup var options: Options
        @Option(help: Format.help, completion: .list(Format.allValueStrings))
        var format: Format?
        @Option(help: .day("The first day of the programme", default: "--as-of"))
        var from: Day?
        @Option(help: .day("The last day of the programme", default: "three months after --from"))
        var to: Day?

        func validate() throws {
            if let from, let to, to < from {
                throw UsageProblem.reversedPeriod(from: from, to: to).validationError
            }
        }

        func run() throws {
            let format = try options.choices.format(format)
            let day = store.today
            let first = from ?? day
            let last = to ?? first.adding(months: 3)
            let cedre = try store.openExistingStore()
            let network = try cedre.network(ofAuditsFrom: first, to: last, through: day)
            let report = AuditProgramme(
                network: network, from: first, to: last, asOf: day, departements: CedreFixtures.departements,
                filter: try options.choices.filter(regions: try cedre.memberRegions(), catalog: cedre.catalog))
            try options.choices.emit(report, as: format, document: report.document(store.language), csv: report.csv, calendar: { report.ics($0) })
        }
    }
}

extension ReportCommand {
    /// The options every report shares: language, where to write, and what to restrict to.
    struct Options: ParsableArguments {
        @Option(help: ArgumentHelp(
            "Write the report to this new file instead of standard output; its extension (.txt .md .csv .json .html .ics) gives the format when --format is not given.",
            valueName: "file"))
        var output: String?

        @Flag(help: "Replace the --output file if it exists.")
        var force = false

        @Option(help: .region("Only the members of this federation region"), completion: .regions)
        var region: String?

        @Option(help: .scheme("Only this scheme"), completion: .schemes)
        var scheme: String?

        @Option(help: .memberType("Only members of this type"), completion: .memberTypes)
        var type: String?

        /// The choices as a plain value, which holds what they mean.
        var choices: Choices {
            Choices(output: output, force: force, region: region, scheme: scheme, type: type)
        }
    }

    /// Where a report goes and what it is restricted to (`Options`, without ArgumentParser):
    /// `StatusQuery` holds one read by `QuickLine` too.
    struct Choices: Equatable {
        var output: String?
        var force = false
        var region: String?
        var scheme: String?
        var type: String?

        /// The format to write: `chosen`, else the one the --output file's extension names, else
        /// a table. The --output file is checked here, before any work is done.
        func format<Choice: ReportFormatChoice>(_ chosen: Choice?) throws -> Format {
            guard let output else { return chosen?.format ?? .table }
            try OutputFile(path: output, force: force).check()
            if let chosen { return chosen.format }
            let offered = Choice.allCases.map(\.format)
            guard let named = Format(extensionOf: output) else {
                throw PathError.formatUnknown(path: output, offered: offered.map(\.rawValue), extensions: offered.map(\.fileExtension))
            }
            guard offered.contains(named) else {
                throw PathError.formatNotOffered(
                    path: output, format: named.rawValue, offered: offered.map(\.rawValue), extensions: offered.map(\.fileExtension))
            }
            return named
        }

        /// The filter of `--region`, `--scheme` and `--type`, each read as people type it and
        /// checked against the regions the members use and the schemes of the catalog.
        func filter(members: [MemberRecord], catalog: SchemeCatalog) throws -> ReportFilter {
            try filter(regions: members.map(\.member.region), catalog: catalog)
        }

        /// The filter the options ask for; `regions` (read only when --region is given) are the
        /// region names the network's members hold besides the federation's own.
        func filter(regions: @autoclosure () throws -> [String], catalog: SchemeCatalog) throws -> ReportFilter {
            ReportFilter(
                region: try region.map { try CedreFixtures.departements.region(named: $0, others: try regions()) },
                scheme: try scheme.map { try catalog.scheme(named: $0) },
                types: try type.map { try CompanyType.matching($0) })
        }

        /// Renders `report` in `format` and writes it to --output or standard output.
        func emit(
            _ report: some Encodable, as format: Format, document: ReportDocument, csv: () -> String,
            calendar: ((ReportLanguage) -> String)? = nil
        ) throws {
            let text: String
            switch format {
            case .table: text = document.text(style: output == nil ? Output.terminalStyle : .plain)
            case .markdown: text = document.markdown()
            case .csv: text = csv()
            case .json: text = try JSONText.write(report)
            case .html: text = document.html()
            case .ics:
                guard let calendar else { preconditionFailure("only the audit programme offers --format ics") }
                text = calendar(RunLanguage.current)
            }
            guard let output else {
                Output.write(text)
                return
            }
            try OutputFile(path: output, force: force).write(text)
        }
    }

    /// The formats of reports: the list formats, a self-contained HTML page, and (for the audit
    /// programme) a calendar.
    enum Format: String, ReportFormatChoice {
        case table, markdown, csv, json, html, ics

        var format: Format { self }

        static let help: ArgumentHelp = "table (default), markdown, csv, json, html or ics."

        /// The extension a file of this format is given: `.txt` for a table.
        var fileExtension: String {
            switch self {
            case .table: ".txt"
            case .markdown: ".md"
            case .csv, .json, .html, .ics: "." + rawValue
            }
        }

        /// The format a file name's extension names (`.htm` and `.markdown` too), if any.
        init?(extensionOf path: String) {
            switch URL(fileURLWithPath: path).pathExtension.lowercased() {
            case "txt": self = .table
            case "md", "markdown": self = .markdown
            case "htm", "html": self = .html
            case "csv": self = .csv
            case "json": self = .json
            case "ics": self = .ics
            default: return nil
            }
        }
    }

    /// The formats of reports that are no calendar: status, certifications, findings.
    enum DocumentFormat: String, ReportFormatChoice {
        case table, markdown, csv, json, html

        var format: Format { Format(rawValue: rawValue) ?? .table }

        static let help: ArgumentHelp = "table (default), markdown, csv, json or html."
    }
}

/// A report's `--format`: the formats that report can be written in.
protocol ReportFormatChoice: ExpressibleByArgument, CaseIterable, RawRepresentable<String> {
    /// The same format among every report format.
    var format: ReportCommand.Format { get }
}
