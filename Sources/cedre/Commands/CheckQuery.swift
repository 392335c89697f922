import CedreCore
import CedreFixtures
import CedreReports
import CedreStore
import Foundation

/// What `check` asks: advance every certification to a day, record what needs a human in the
/// notice ledger, and say it.
///
/// A plain value, read from the command line by ArgumentParser (`Check`) or, for the usual
/// shapes (the cron lines), by `QuickLine` alone: the same run whichever read it.
struct CheckQuery: Equatable {
    /// The day checked; nil for today.
    let asOf: Day?
    /// `--db`; nil for `CEDRE_DB` or the default.
    let db: String?
    /// `--actor`; nil for `CEDRE_ACTOR`, the user or the account.
    let actor: String?
    /// `--lang`; nil for `CEDRE_LANG` or French.
    let lang: ReportLanguage?
    /// How far ahead deadlines are announced.
    let horizonDays: Int
    let dryRun: Bool
    let listing: CheckListing
    /// `--region` and `--scheme` as people type them, read against the store.
    let region: String?
    let scheme: String?
    let remindEveryDays: Int?
    let format: CheckFormat
    /// `--witness`; nil for `CEDRE_WITNESS` or the default.
    let witness: String?

    /// Runs the check: the report is written on another thread while the ledger's rows go
    /// in, and the witness appended, before the ledger is committed; ends with
    /// `ExitCodes.attention` when something listed needs a human.
    func answer() throws {
        let cedre = try StoreOptions.openExisting(db: db)
        let request = CheckRequest(
            asOf: asOf ?? Clock.today(), horizonDays: horizonDays, dryRun: dryRun, actor: StoreOptions.actorName(option: actor),
            now: Date(),
            region: try region.map { try CedreFixtures.departements.region(named: $0, others: try cedre.members().map(\.member.region)) },
            scheme: try scheme.map { try cedre.catalog.scheme(named: $0) },
            remindEveryDays: remindEveryDays, listing: listing)
        let (context, language, witnessPath) = (RunContext.current, RunLanguage.of(lang), WitnessOptions.path(option: witness))
        let (format, dryRun) = (format, dryRun)
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
                if !dryRun {
                    try WitnessOptions.append(result.head, on: result.asOf, consequence: .noticesNotRecorded, toFile: witnessPath)
                }
            }
        }
        if result.notices.contains(where: request.listing.lists) { throw ExitCodes.attention }
    }
}
