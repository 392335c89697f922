import CedreCore
import CedreReports
import CedreTestSupport
import Testing

/// Every report in every format on the 2013 fixture, French and English where the format has
/// words, compared with `__Snapshots__/` (re-record with `RECORD_SNAPSHOTS=1 swift test`).
@Suite struct ReportGoldenTests {
    /// The four reports of `cedre report`.
    enum Report: String, CaseIterable, Sendable {
        case status, certifications, findings, audits

        func document(_ language: ReportLanguage) -> ReportDocument {
            switch self {
            case .status: Network2013.status.document(language)
            case .certifications: Network2013.certifications.document(language)
            case .findings: Network2013.findings.document(language)
            case .audits: Network2013.audits.document(language)
            }
        }

        var csv: String {
            switch self {
            case .status: Network2013.status.csv()
            case .certifications: Network2013.certifications.csv()
            case .findings: Network2013.findings.csv()
            case .audits: Network2013.audits.csv()
            }
        }

        func json() throws -> String {
            switch self {
            case .status: try JSONText.write(Network2013.status)
            case .certifications: try JSONText.write(Network2013.certifications)
            case .findings: try JSONText.write(Network2013.findings)
            case .audits: try JSONText.write(Network2013.audits)
            }
        }
    }

    /// A fixed terminal, so goldens do not depend on the one running the tests.
    static let terminal = TerminalStyle(width: 132, colour: false)

    @Test(arguments: Report.allCases, ReportLanguage.allCases)
    func tableMatchesItsGolden(_ report: Report, _ language: ReportLanguage) {
        Snapshot.expect(report.document(language).text(style: ReportGoldenTests.terminal), matches: "\(report).\(language).txt")
    }

    @Test(arguments: Report.allCases, ReportLanguage.allCases)
    func markdownMatchesItsGolden(_ report: Report, _ language: ReportLanguage) {
        Snapshot.expect(report.document(language).markdown(), matches: "\(report).\(language).md")
    }

    @Test(arguments: Report.allCases, ReportLanguage.allCases)
    func htmlMatchesItsGolden(_ report: Report, _ language: ReportLanguage) {
        Snapshot.expect(report.document(language).html(), matches: "\(report).\(language).html")
    }

    @Test(arguments: Report.allCases)
    func csvMatchesItsGolden(_ report: Report) {
        Snapshot.expect(report.csv, matches: "\(report).csv")
    }

    @Test(arguments: Report.allCases)
    func jsonMatchesItsGolden(_ report: Report) throws {
        Snapshot.expect(try report.json(), matches: "\(report).json")
    }

    @Test(arguments: ReportLanguage.allCases)
    func calendarMatchesItsGolden(_ language: ReportLanguage) {
        Snapshot.expect(Network2013.audits.ics(language), matches: "audits.\(language).ics")
    }
}
