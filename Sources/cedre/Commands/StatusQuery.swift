import CedreCore
import CedreReports
import CedreStore

/// What `report status` asks: the network's standing on a day, restricted and written as
/// chosen.
///
/// A plain value, read from the command line by ArgumentParser (`ReportCommand.Status`) or,
/// for the usual shapes, by `QuickLine` alone: the same question gets the same answer
/// whichever read it.
struct StatusQuery: Equatable {
    /// The day answered for; nil for today.
    let asOf: Day?
    /// `--db`; nil for `CEDRE_DB` or the default.
    let db: String?
    /// `--lang`; nil for `CEDRE_LANG` or French.
    let lang: ReportLanguage?
    /// `--format`; nil for the --output file's extension, or a table.
    let format: ReportCommand.DocumentFormat?
    /// How far ahead the lists of what is due or expiring look.
    let horizonDays: Int
    let choices: ReportCommand.Choices

    /// Writes the status report: the --output file checked first, then the members counted
    /// from the store's rows on the day, and their lists.
    func answer() throws {
        let format = try choices.format(format)
        let day = asOf ?? Clock.today()
        let cedre = try StoreOptions.openExisting(db: db)
        let tally = try cedre.tally(on: day, horizon: horizonDays, listing: StatusReport.listedRules)
        let report = StatusReport(
            tally: tally, filter: try choices.filter(regions: try cedre.memberRegions(), catalog: cedre.catalog),
            horizonDays: horizonDays)
        try choices.emit(report, as: format, document: report.document(RunLanguage.of(lang)), csv: report.csv)
    }
}
