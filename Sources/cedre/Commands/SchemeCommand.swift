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
            guard FileManager.default.isReadableFile(atPath: file) else { throw StoreError.notFound("the file \(file)") }
            let scheme = try SchemeDefinition.read(try Data(contentsOf: URL(fileURLWithPath: file)), file: file)
            let day = on ?? store.today
            try store.openStore().addScheme(scheme, revise: revise, on: day, context: store.context)
            Output.write("Scheme \(scheme.id) (\(scheme.name)) \(revise ? "revised" : "added") on \(day).\n")
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
            let table = Table(
                columns: ["id", "name", "kind", "grades", "referential", "versions"],
                rows: lines.map { line in
                    [line.id.rawValue, line.name, line.kind, line.grades.map(\.rawValue).joined(separator: " "),
                     line.referentialVersions.joined(separator: " "),
                     line.versions.map { $0.from?.description ?? "bundled" }.joined(separator: ", ")]
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
            guard let scheme = found else { throw TransitionError.unknownScheme(schemeID) }
            Output.write(format == .json ? try Output.json(scheme) : SchemeSheet(scheme, versions: catalog.versions(of: schemeID)).text)
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

    var text: String {
        let cycle = scheme.cycle
        var lines = [
            "\(scheme.id) — \(scheme.name) (\(scheme.kind.rawValue))",
            "  cycle: valid \(cycle.validityMonths) months; first surveillance within \(cycle.firstSurveillanceWithinMonths) months"
                + (cycle.surveillanceEachCalendarYear ? ", then one each calendar year" : ""),
            "  restore within \(cycle.restoreWindowMonths) months of expiry; suspension at most \(cycle.maximumSuspensionMonths) months;"
                + " recertification planned by expiry − \(cycle.recertificationPlanningMonths) months",
            "  grades:",
        ]
        for grade in scheme.grading.grades {
            var rule: [String] = [grade.isNonconformity ? "nonconformity" : "noted"]
            switch grade.decision {
            case .blocksUntilVerified: rule.append("blocks decisions until verified effective")
            case .blocksUntilPlanAccepted: rule.append("blocks decisions until a plan is accepted")
            case .none: break
            }
            switch grade.deadline {
            case .daysAfterAudit(let days, let capped)?: rule.append("due \(days) days after the audit" + (capped ? " (capped at expiry)" : ""))
            case .nextAudit?: rule.append("checked at the next audit")
            case nil: break
            }
            if grade.whenOverdue == .suspensionTrigger { rule.append("late: suspension trigger") }
            if let target = grade.escalatesTo { rule.append("still open at the next audit: \(target)") }
            lines.append("    \(grade.id) — \(grade.label.en): \(rule.joined(separator: "; "))")
        }
        if let group = scheme.group {
            let sampling = group.sampling
            lines.append("  group: sample √x × \(sampling.initialFactor) initial, × \(sampling.surveillanceFactor) surveillance, "
                + "× \(sampling.recertificationFactor) recertification; minor at ≥ \(group.minorEscalationSiteShare) of sites is major"
                + (group.crossAuditBeforeExternalAudit ? "; every site cross-audited before each external audit" : ""))
        }
        let versions = scheme.referentialVersions.map { version in
            version.id + " (\(version.publishedOn)" + (version.transitionEndsOn.map { ", transition ends \($0)" } ?? "") + ")"
        }
        lines.append("  referential: \(versions.joined(separator: ", "))")
        lines.append("  definitions: " + self.versions.map { $0.from.map { "from \($0)" } ?? "bundled" }.joined(separator: ", "))
        return lines.joined(separator: "\n") + "\n"
    }
}
