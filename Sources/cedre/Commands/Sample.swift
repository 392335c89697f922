import ArgumentParser
import CedreCore
import CedreReports
import CedreStore
import Foundation

struct Sample: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sample",
        abstract: "Draw the sites an external audit of a group certificate visits (IAF MD 1, rules 11–12).",
        discussion: """
            The central function is always visited. The sample size is computed exactly from the \
            scheme: ⌈√x⌉ sites for an initial audit, ⌈0.6·√x⌉ for a surveillance, ⌈0.8·√x⌉ for a \
            recertification (x = sites in scope, central function excluded). At least ⌈25 %⌉ of \
            the sample is drawn at random with the seed; the rest prefers sites not yet visited \
            in the cycle, then sites with open findings. Each site is printed with its reason. \
            In non-sampling mode a surveillance visits ⌈30 %⌉ of the sites, the second \
            surveillance of a cycle other sites than the first.

            The sites in scope are taken as of --as-of, by default the earlier of today and 1 \
            January of --year. --record writes the draw, with its seed, to the event log so it \
            can be replayed (--replay checks every recorded draw gives the same sites again).

            EXAMPLE
              cedre sample --scheme cedre-iso --audit surveillance --year 2014 --seed 2014
              cedre sample --scheme cedre-iso --audit surveillance --year 2014 --seed 2014 --record
            """)

    @OptionGroup var store: StoreOptions

    @Option(help: .scheme("The group scheme"), completion: .schemes)
    var scheme: String = "cedre-iso"

    @Option(help: "initial, surveillance or recertification.")
    var audit: SiteSample.AuditKind?

    @Option(help: "The year of the audit.")
    var year: Int?

    @Option(help: "The seed of the random draw (default: a new one, printed).")
    var seed: UInt64?

    @Option(help: "sampling (IAF MD 1 sample sizes) or non-sampling (30 % of sites per surveillance year).")
    var mode: SiteSampler.Mode = .sampling

    @Flag(help: "Write the draw and its seed to the event log.")
    var record = false

    @Flag(help: "Replay every recorded draw of the scheme and say whether each gives the same sites.")
    var replay = false

    @Option(help: "How to write the answer: table or json.")
    var format: SheetFormat = .table

    func validate() throws {
        if !replay && (audit == nil || year == nil) {
            throw UsageProblem.sampleNeedsAuditAndYear.validationError
        }
        if let year { try UsageProblem.check("--year", year, in: Bounds.year) }
    }

    func run() throws {
        let cedre = try record ? store.openStore() : store.openExistingStore()
        if replay { return try replayDraws(cedre) }
        guard let audit, let year else { return }
        let day = store.asOf ?? min(Clock.today(), Day.firstDay(ofYear: year))
        let schemeID = try cedre.catalog.scheme(named: scheme)
        guard let group = try cedre.network(ofGroup: schemeID, through: day).groupCertificate(schemeID), let central = group.central else {
            throw CommandError.notAGroupCertificate(schemeID, on: day)
        }
        let seed = seed ?? UInt64.random(in: 0...UInt64(Int64.max))
        guard let sample = group.drawSample(audit: audit, seed: seed, mode: mode, on: day) else { return }
        // The sample is written before the draw is committed: a draw whose answer could not be
        // written is not recorded.
        func show() throws {
            if format == .json { return Output.write(try Output.json(sample)) }
            let words = Vocabulary(store.language)
            let table = Table(
                columns: words.columns([.member, .reason]), rows: sample.sample.map { [$0.member.rawValue, words.sampleReason($0.reason)] })
            let kind = words.sampleAudit(audit)
            let sites = words.counted(sample.sites, ("site dans le périmètre", "sites dans le périmètre"), ("site in scope", "sites in scope"))
            let recorded = record ? words.say(", enregistré", ", recorded") : ""
            let headline = words.say(
                "\(words.capitalized(kind)) \(year) de \(schemeID) au \(words.day(day)) : \(sites), échantillon de \(sample.sampleSize) plus la fonction centrale (graine \(seed)\(recorded))",
                "\(words.capitalized(kind)) \(year) of \(schemeID) as of \(words.day(day)): \(sites), sample of \(sample.sampleSize) plus the central function (seed \(seed)\(recorded))")
            Output.write(Output.terminalStyle.wrap(headline) + "\n\n" + table.text(style: Output.terminalStyle))
        }
        guard record else { return try show() }
        let drawn = SampleRecord(
            scheme: group.scheme.id, central: central.key.member, year: year, audit: audit, mode: mode, seed: seed,
            sites: sample.members)
        try cedre.record([DatedFact(.sampleDrawn(drawn), on: day)], context: store.context) {
            try show()
            try Output.confirmBeforeCommit()
        }
    }

    private func replayDraws(_ cedre: CedreStore) throws {
        let scheme = try cedre.catalog.scheme(named: self.scheme)
        let events = try cedre.events().filter { $0.kind == Fact.Kind.sampleDrawn.rawValue }
        var mismatches = 0
        for event in events {
            guard case .sampleDrawn(let drawn) = try event.fact(), drawn.scheme == scheme else { continue }
            let again = try cedre.network(ofGroup: drawn.scheme, through: event.occurredOn).groupCertificate(drawn.scheme)?.drawSample(
                audit: drawn.audit, seed: drawn.seed, mode: drawn.mode, on: event.occurredOn)
            let same = again?.members == drawn.sites
            if !same { mismatches += 1 }
            let words = Vocabulary(store.language)
            let verdict = same ? words.say("mêmes sites", "same sites") : words.say("sites DIFFÉRENTS", "DIFFERENT sites")
            Output.write(words.say(
                "événement n° \(event.id) \(words.sampleAudit(drawn.audit)) \(drawn.year) graine \(drawn.seed) : \(verdict)\n",
                "event #\(event.id) \(words.sampleAudit(drawn.audit)) \(drawn.year) seed \(drawn.seed): \(verdict)\n"))
        }
        if mismatches > 0 { throw ExitCodes.badInput }
    }
}

extension SiteSample.AuditKind: ExpressibleByArgument {}
extension SiteSampler.Mode: ExpressibleByArgument {}
