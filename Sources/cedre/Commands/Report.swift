import ArgumentParser
import CedreCore
import CedreFixtures
import CedreReports
import CedreStore
import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

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
        @Option(help: ArgumentHelp("How far ahead to list what is due or expiring, in days: 60 or 60d.", valueName: "days"))
        var horizon: Horizon = Horizon(days: StatusReport.defaultHorizonDays)

        func validate() throws {
            try options.refuseCalendar(for: "status")
        }

        func run() throws {
            let day = store.today
            let network = try store.openExistingStore().network(through: day)
            let report = StatusReport(
                register: CertificationRegister(network: network, on: day), filter: try options.filter(for: network),
                horizonDays: horizon.days)
            try options.emit(report, document: report.document(store.language), csv: report.csv)
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
        @Option(help: ArgumentHelp("The year (default the year of --as-of).", valueName: "year"))
        var year: Int?

        func validate() throws {
            try options.refuseCalendar(for: "certifications")
            if let year { try UsageProblem.check("--year", year, in: Bounds.year) }
        }

        func run() throws {
            let today = store.today
            let year = self.year ?? today.year
            guard year <= today.year else {
                throw CommandError.yearAfterToday(year: year, today: today)
            }
            let day = min(today, Day.lastDay(ofYear: year))
            let network = try store.openExistingStore().network(through: day)
            let report = CertificationsReport(network: network, year: year, asOf: day, filter: try options.filter(for: network))
            try options.emit(report, document: report.document(store.language), csv: report.csv)
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

        func validate() throws {
            try options.refuseCalendar(for: "findings")
        }

        func run() throws {
            let day = store.today
            let network = try store.openExistingStore().network(through: day)
            let report = FindingsReport(network: network, on: day, filter: try options.filter(for: network))
            try options.emit(report, document: report.document(store.language), csv: report.csv)
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
        @Option(help: ArgumentHelp("The first day of the programme (default --as-of).", valueName: "day"))
        var from: Day?
        @Option(help: ArgumentHelp("The last day of the programme (default three months after --from).", valueName: "day"))
        var to: Day?

        func validate() throws {
            if let from, let to, to < from {
                throw UsageProblem.reversedPeriod(from: from, to: to).validationError
            }
        }

        func run() throws {
            let day = store.today
            let first = from ?? day
            let last = to ?? first.adding(months: 3)
            let network = try store.openExistingStore().network(through: day)
            let report = AuditProgramme(
                network: network, from: first, to: last, asOf: day, departements: CedreFixtures.departements,
                filter: try options.filter(for: network))
            try options.emit(report, document: report.document(store.language), csv: report.csv, calendar: { report.ics($0) })
        }
    }
}

extension ReportCommand {
    /// The options every report shares: format, language, where to write, and what to restrict to.
    struct Options: ParsableArguments {
        @Option(help: "table (default), markdown, csv, json, html, or ics (audit programme only).")
        var format: Format = .table

        @Option(help: ArgumentHelp("Write the report to this file instead of standard output.", valueName: "file"))
        var output: String?

        @Option(help: ArgumentHelp("Only the members of this federation region, as reports write it (\"Pays de la Loire\").", valueName: "region"))
        var region: String?

        @Option(help: ArgumentHelp("Only this scheme: cedre or cedre-iso.", valueName: "scheme"))
        var scheme: String?

        @Option(help: ArgumentHelp("Only members of this type: AI, ACI, EI, ETTI, GES, national, regional; AI+ACI for both.", valueName: "type"))
        var type: String?

        /// A calendar is a programme of dated events: only the audit programme has one.
        func refuseCalendar(for report: String) throws {
            if format == .ics {
                throw UsageProblem.calendarOnlyForAudits(report: report).validationError
            }
        }

        /// The restriction asked for, each part checked against what the network knows.
        func filter(for network: Network) throws -> ReportFilter {
            var filter = ReportFilter()
            if let region {
                let known = Set(network.members.values.map(\.member.region)).union(CedreFixtures.departements.federationRegions)
                guard let match = known.first(where: { ReportFilter.sameName($0, region) }) else {
                    throw CommandError.unknownRegion(region, known: known.sorted(by: Collation.precedes))
                }
                filter.region = match
            }
            if let scheme {
                guard network.catalog[SchemeID(rawValue: scheme)] != nil else {
                    throw CommandError.unknownReportScheme(scheme, known: network.catalog.ids)
                }
                filter.scheme = SchemeID(rawValue: scheme)
            }
            if let type {
                guard let types = CompanyType.parse(type) else {
                    throw CommandError.unknownType(type)
                }
                filter.types = types
            }
            return filter
        }

        /// Renders `report` in the chosen format and writes it to --output or standard output.
        func emit(
            _ report: some Encodable, document: ReportDocument, csv: () -> String, calendar: ((ReportLanguage) -> String)? = nil
        ) throws {
            let text: String
            switch format {
            case .table:
                let style = output == nil
                    ? TerminalStyle.detect(environment: ProcessInfo.processInfo.environment, descriptor: STDOUT_FILENO) : .plain
                text = document.text(style: style)
            case .markdown: text = document.markdown()
            case .csv: text = csv()
            case .json: text = try JSONText.write(report)
            case .html: text = document.html()
            case .ics:
                guard let calendar else { throw UsageProblem.calendarOnlyForAudits(report: "").validationError }
                text = calendar(RunLanguage.current)
            }
            guard let output else {
                Output.write(text)
                return
            }
            try Output.write(text, toFile: output)
        }
    }

    /// The formats of reports: the list formats, plus a self-contained HTML page and a calendar.
    enum Format: String, ExpressibleByArgument, CaseIterable {
        case table, markdown, csv, json, html, ics
    }
}
