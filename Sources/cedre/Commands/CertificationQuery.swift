import CedreCore
import CedreReports
import CedreStore

/// What `cert show` asks: one certification on a day, and how to write it.
///
/// A plain value, read from the command line by ArgumentParser (`CertificationCommand.Show`)
/// or, for the usual shapes, by `QuickLine` alone: the same question gets the same answer
/// whichever read it.
struct CertificationQuery: Equatable {
    let member: String
    /// The scheme as people type it (`CEDRE ISO 9001` is `cedre-iso`).
    let scheme: String
    /// The day answered for; nil for today.
    let asOf: Day?
    /// `--db`; nil for `CEDRE_DB` or the default.
    let db: String?
    /// `--lang`; nil for `CEDRE_LANG` or French.
    let lang: ReportLanguage?
    let format: SheetFormat

    /// Writes the certification's sheet on the day: its state and flags as the facts and the
    /// calendar give them, its cycle dates, open findings and history.
    func answer() throws {
        let day = asOf ?? Clock.today()
        let cedre = try StoreOptions.openExisting(db: db)
        let found = try cedre.certification(try CertificationCommand.key(member: member, scheme: scheme, in: cedre.catalog), on: day)
        let sheet = CertificationSheet(dossier: found.dossier, status: found.status, on: day, context: found.context)
        Output.write(format == .json ? try Output.json(sheet) : sheet.text(RunLanguage.of(lang)))
    }
}
