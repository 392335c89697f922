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
        let cedre = try StoreOptions.open(
            StoreOptions.databasePath(option: db, environment: RunContext.current.environment), creating: false)
        let key = try CertificationCommand.key(member: member, scheme: scheme, in: cedre.catalog)
        guard let scheme = cedre.catalog[key.scheme] else {
            throw TransitionError.unknownScheme(key.scheme, suggestion: NearestName.among(cedre.catalog.ids, to: key.scheme))
        }
        var groups: [SchemeID: Certification] = [:]
        let dossier: Dossier?
        var context = FindingContext.none
        if scheme.kind == .group {
            let network = try cedre.network(of: key.member, through: day)
            groups = CertificationRegister(network: network, on: day).groupCertificates
            dossier = network.dossiers[key]
            context = dossier.map { network.findingContext(for: $0, on: day) } ?? .none
        } else {
            dossier = try cedre.dossier(key, through: day)
        }
        guard let dossier, let status = CertificationRegister.status(of: dossier, on: day, groups: groups) else {
            throw StoreError.notFound(.certification(key, on: day))
        }
        let sheet = CertificationSheet(dossier: dossier, status: status, on: day, context: context)
        Output.write(format == .json ? try Output.json(sheet) : sheet.text(RunLanguage.of(lang)))
    }
}
