import ArgumentParser
import CedreCore
import CedreReports
import CedreStore
import Foundation

struct SchemeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "scheme",
        abstract: "Add, list or show certification schemes: every rule of a scheme is data (rule 8b).",
        discussion: """
            cedre ships two schemes, cedre and cedre-iso. A federation adds its own (a new \
            version of the referential, an AFNOR-style grading scale) from a JSON definition \
            checked against Schemas/json/scheme.schema.json; it is recorded in the log as a \
            fact and usable at once. 'scheme show ID --format json' writes a definition that \
            'scheme add' takes back once its id is changed.

            EXAMPLE
              cedre scheme show cedre --format json > cedre-v3.json
              cedre scheme add cedre-v3.json
              cedre scheme list
            """,
        subcommands: [Add.self, List.self, Show.self])

    struct Add: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "add",
            abstract: "Add a scheme from its JSON definition, or a new version of one with --revise.",
            discussion: """
                The file is checked in full before anything is written: every problem is named \
                by its line and JSON pointer, and nothing is recorded.

                A new id is usable at once, for facts of any day. A revision (--revise) governs \
                the certifications started (engaged, or applied to a group) on or after --on; \
                those started before keep the version they started under. A revision dated on \
                or before the start of a certification already under the scheme is refused.

                EXAMPLE
                  cedre scheme add Fixtures/schemes/afnor-style.json
                  cedre scheme add cedre-revised.json --revise --on 2015-01-01
                """)
        @OptionGroup var store: StoreOptions
        @Argument(help: "The JSON definition of the scheme.")
        var file: String
        @Flag(help: "Record a new version of a scheme that exists, for certifications started from --on.")
        var revise = false
        @Option(help: .day("The day it takes effect", default: "--as-of, today"))
        var on: Day?

        func run() throws {
            guard FileManager.default.isReadableFile(atPath: file) else { throw StoreError.notFound(.file(file)) }
            let scheme = try SchemeDefinition.read(try Data(contentsOf: URL(fileURLWithPath: file)), file: file)
            let day = on ?? store.today
            try store.openStore().addScheme(scheme, revise: revise, on: day, context: store.context)
            let words = Vocabulary(store.language)
            Output.write(revise
                ? words.say("Référentiel \(scheme.id) (\(scheme.name)) révisé le \(words.day(day)).\n", "Scheme \(scheme.id) (\(scheme.name)) revised on \(words.day(day)).\n")
                : words.say("Référentiel \(scheme.id) (\(scheme.name)) ajouté le \(words.day(day)).\n", "Scheme \(scheme.id) (\(scheme.name)) added on \(words.day(day)).\n"))
        }
    }

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "list",
            abstract: "List the schemes: bundled ones and those added to the log, with their versions.",
            discussion: """
                EXAMPLE
                  cedre scheme list --format json
                """)
        @OptionGroup var store: StoreOptions
        @Option(help: "How to write the answer: table, json, csv or markdown.")
        var format: OutputFormat = .table

        func run() throws {
            let catalog = try store.openExistingStore().catalog
            let lines = catalog.ids.map { SchemeLine(catalog.versions(of: $0)) }
            if format == .json { return Output.write(try Output.json(lines)) }
            let words = Vocabulary(store.language)
            let table = Table(
                columns: [words.column(.id), words.column(.name), words.say("nature", "kind"), words.say("gravités", "grades"),
                          words.say("versions du référentiel", "referential"), words.say("définitions", "versions")],
                rows: lines.map { line in
                    [line.id.rawValue, line.name, Scheme.Kind(rawValue: line.kind).map(words.schemeKind) ?? line.kind,
                     line.grades.map(\.rawValue).joined(separator: " "), line.referentialVersions.joined(separator: " "),
                     line.versions.map { $0.from.map { words.say("à partir du \(words.day($0))", "from \(words.day($0))") } ?? words.say("fournie", "bundled") }
                        .joined(separator: ", ")]
                })
            Output.write(Output.render(table, as: format))
        }
    }

    struct Show: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "show",
            abstract: "Show a scheme's rules; --format json writes its definition, ready for 'scheme add'.",
            discussion: """
                The latest version is shown, or with --started-on the one a certification started \
                that day follows.

                EXAMPLE
                  cedre scheme show cedre --format json > cedre-v3.json
                """)
        @OptionGroup var store: StoreOptions
        @Argument(help: "The scheme: its id or its name (cedre, \"CEDRE ISO 9001\").", completion: .schemes)
        var id: String
        @Option(
            name: .customLong("started-on"),
            help: .day("Show the version a certification started that day follows"))
        var startedOn: Day?
        @Option(help: "How to write the answer: table or json.")
        var format: SheetFormat = .table

        func run() throws {
            let catalog = try store.openExistingStore().catalog
            let schemeID = try catalog.scheme(named: id)
            let found = startedOn.map { catalog.scheme(schemeID, startedOn: $0) } ?? catalog[schemeID]
            guard let scheme = found else { throw TransitionError.unknownScheme(schemeID, suggestion: NearestName.among(catalog.ids, to: schemeID)) }
            Output.write(format == .json
                ? try Output.json(scheme) : SchemeSheet(scheme, versions: catalog.versions(of: schemeID)).text(Vocabulary(store.language)))
        }
    }
}

/// A scheme as `scheme list` writes it.
struct SchemeLine: Encodable {
    /// One version of it and the day it governs certifications from (null: bundled).
    struct Version: Encodable {
        let from: Day?

        private enum CodingKeys: String, CodingKey { case from }

        /// The day is written even when null.
        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(from, forKey: .from)
        }
    }

    let id: SchemeID
    let name: String
    let kind: String
    let grades: [GradeID]
    let referentialVersions: [String]
    let versions: [Version]

    /// The line of the latest of `versions`.
    init(_ versions: [SchemeCatalog.Version]) {
        let scheme = versions.last?.scheme
        id = scheme?.id ?? ""
        name = scheme?.name ?? ""
        kind = scheme?.kind.rawValue ?? ""
        grades = scheme?.grading.grades.map(\.id) ?? []
        referentialVersions = scheme?.referentialVersions.map(\.id) ?? []
        self.versions = versions.map { Version(from: $0.from) }
    }
}

/// A scheme's rules, written for a person.
struct SchemeSheet {
    let scheme: Scheme
    let versions: [SchemeCatalog.Version]

    init(_ scheme: Scheme, versions: [SchemeCatalog.Version]) {
        self.scheme = scheme
        self.versions = versions
    }

    /// The rules, in the vocabulary's language.
    func text(_ words: Vocabulary) -> String {
        let cycle = scheme.cycle
        let each = cycle.surveillanceEachCalendarYear ? words.say(", puis une par année civile", ", then one each calendar year") : ""
        var lines = [
            "\(scheme.id) — \(scheme.name) (\(words.schemeKind(scheme.kind)))",
            words.say(
                "  cycle : valable \(cycle.validityMonths) mois ; première surveillance dans les \(cycle.firstSurveillanceWithinMonths) mois\(each)",
                "  cycle: valid \(cycle.validityMonths) months; first surveillance within \(cycle.firstSurveillanceWithinMonths) months\(each)"),
            words.say(
                "  rétablissement dans les \(cycle.restoreWindowMonths) mois après expiration ; suspension de \(cycle.maximumSuspensionMonths) mois au plus ; renouvellement planifié avant l'expiration − \(cycle.recertificationPlanningMonths) mois",
                "  restore within \(cycle.restoreWindowMonths) months of expiry; suspension at most \(cycle.maximumSuspensionMonths) months; recertification planned by expiry − \(cycle.recertificationPlanningMonths) months"),
            words.say("  gravités :", "  grades:"),
        ]
        for grade in scheme.grading.grades {
            var rule: [String] = [grade.isNonconformity ? words.say("non-conformité", "nonconformity") : words.say("notée", "noted")]
            switch grade.decision {
            case .blocksUntilVerified: rule.append(words.say("bloque les décisions jusqu'à vérification de l'efficacité", "blocks decisions until verified effective"))
            case .blocksUntilPlanAccepted: rule.append(words.say("bloque les décisions jusqu'à l'acceptation d'un plan", "blocks decisions until a plan is accepted"))
            case .none: break
            }
            switch grade.deadline {
            case .daysAfterAudit(let days, let capped)?:
                rule.append(words.say("échéance \(days) jours après l'audit", "due \(days) days after the audit")
                    + (capped ? words.say(" (au plus l'expiration)", " (capped at expiry)") : ""))
            case .nextAudit?: rule.append(words.say("vérifiée à l'audit suivant", "checked at the next audit"))
            case nil: break
            }
            if grade.whenOverdue == .suspensionTrigger { rule.append(words.say("en retard : motif de suspension", "late: suspension trigger")) }
            if let target = grade.escalatesTo {
                rule.append(words.say("encore ouverte à l'audit suivant : \(target)", "still open at the next audit: \(target)"))
            }
            let label = words.language == .fr ? grade.label.fr : grade.label.en
            lines.append(words.say("    \(grade.id) — \(label) : \(rule.joined(separator: " ; "))", "    \(grade.id) — \(label): \(rule.joined(separator: "; "))"))
        }
        if let group = scheme.group {
            let sampling = group.sampling
            let crossAudits = group.crossAuditBeforeExternalAudit
                ? words.say(" ; chaque site audité en croisé avant chaque audit externe", "; every site cross-audited before each external audit") : ""
            lines.append(words.say(
                "  groupe : échantillon √x × \(sampling.initialFactor) initial, × \(sampling.surveillanceFactor) surveillance, × \(sampling.recertificationFactor) renouvellement ; mineure dans ≥ \(group.minorEscalationSiteShare) des sites : majeure\(crossAudits)",
                "  group: sample √x × \(sampling.initialFactor) initial, × \(sampling.surveillanceFactor) surveillance, × \(sampling.recertificationFactor) recertification; minor at ≥ \(group.minorEscalationSiteShare) of sites is major\(crossAudits)"))
        }
        let versions = scheme.referentialVersions.map { version in
            version.id + " (\(words.day(version.publishedOn))"
                + (version.transitionEndsOn.map { words.say(", fin de transition le \(words.day($0))", ", transition ends \(words.day($0))") } ?? "") + ")"
        }
        lines.append(words.say("  référentiel : \(versions.joined(separator: ", "))", "  referential: \(versions.joined(separator: ", "))"))
        let definitions = self.versions.map { $0.from.map { words.say("à partir du \(words.day($0))", "from \(words.day($0))") } ?? words.say("fournie", "bundled") }
        lines.append(words.say("  définitions : ", "  definitions: ") + definitions.joined(separator: ", "))
        return lines.joined(separator: "\n") + "\n"
    }
}
