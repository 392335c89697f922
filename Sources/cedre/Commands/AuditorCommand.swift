import ArgumentParser
import CedreCore
import CedreReports
import CedreStore
import Foundation

struct AuditorCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "auditor",
        abstract: "Add, qualify or list the trained cross-auditors of member companies.",
        discussion: """
            A cross-auditor belongs to a member company (rule 15: never audits it, nor a company \
            of its GES, nor one with a declared link) and holds a qualification per scheme, \
            valid for 3 years after training unless --validity-months says otherwise (rule 16).

            EXAMPLE
              cedre auditor add --id lemoine --name "Christophe Lemoine" --member aider-45 --scheme cedre --trained-on 2013-02-04
              cedre auditor list --scheme cedre --as-of 2014-01-01
            """,
        subcommands: [Add.self, Qualify.self, List.self])

    struct Add: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "add",
            abstract: "Add a trained cross-auditor.",
            discussion: """
                EXAMPLE
                  cedre auditor add --id lemoine --name "Christophe Lemoine" --member aider-45 --scheme cedre --trained-on 2013-02-04
                """)
        @OptionGroup var store: StoreOptions
        @Option(help: ArgumentHelp("A short id for the auditor.", valueName: "id"))
        var id: String
        @Option(help: "The auditor's name.")
        var name: String
        @Option(help: ArgumentHelp("The member company the auditor works for.", valueName: "member"))
        var member: String
        @Option(name: .customLong("scheme"), help: .scheme("A scheme the auditor may audit, repeated for several"), completion: .schemes)
        var schemes: [String]
        @Option(name: .customLong("trained-on"), help: .day("The day of the cross-auditor training"))
        var trainedOn: Day
        @Option(name: .customLong("validity-months"), help: ArgumentHelp("How long the training qualifies (default the scheme's: 36).", valueName: "months"))
        var validityMonths: Int?

        func validate() throws {
            if schemes.isEmpty { throw UsageProblem.auditorNeedsScheme.validationError }
            if let validityMonths { try UsageProblem.check("--validity-months", validityMonths, in: Bounds.validityMonths) }
        }

        func run() throws {
            var ids: [SchemeID] = []
            try store.record(on: trainedOn) { cedre in
                ids = try schemes.map { try cedre.catalog.scheme(named: $0) }
                let auditor = Auditor(
                    id: AuditorID(rawValue: id), name: name, member: MemberID(rawValue: member),
                    trainedOn: Dictionary(ids.map { ($0, trainedOn) }, uniquingKeysWith: { first, _ in first }),
                    validityMonths: validityMonths)
                return [.auditorAdded(auditor)]
            }
            let words = Vocabulary(store.language)
            let list = ids.map(\.rawValue).joined(separator: ", ")
            Output.write(words.say(
                "Auditeur \(id) de \(member) ajouté, formé le \(words.day(trainedOn)) pour \(list).\n",
                "Added auditor \(id) of \(member), trained on \(words.day(trainedOn)) for \(list).\n"))
        }
    }

    struct Qualify: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "qualify",
            abstract: "Record a new training: the auditor is qualified for the scheme from that day.",
            discussion: """
                EXAMPLE
                  cedre auditor qualify lemoine --scheme cedre-iso --trained-on 2014-09-18
                """)
        @OptionGroup var store: StoreOptions
        @Argument(help: "The auditor's id.")
        var auditor: String
        @Option(help: .scheme("The scheme of the training"), completion: .schemes)
        var scheme: String
        @Option(name: .customLong("trained-on"), help: .day("The day of the training"))
        var trainedOn: Day

        func run() throws {
            var scheme = SchemeID(rawValue: self.scheme)
            try store.record(on: trainedOn) { cedre in
                scheme = try cedre.catalog.scheme(named: self.scheme)
                return [.auditorQualified(AuditorID(rawValue: auditor), scheme: scheme, trainedOn: trainedOn)]
            }
            let words = Vocabulary(store.language)
            Output.write(words.say(
                "Auditeur \(auditor) qualifié pour \(scheme) à partir du \(words.day(trainedOn)).\n",
                "Auditor \(auditor) qualified for \(scheme) from \(words.day(trainedOn)).\n"))
        }
    }

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "list",
            abstract: "List the cross-auditors with each qualification's last valid day.",
            discussion: """
                EXAMPLE
                  cedre auditor list --scheme cedre --format csv
                """)
        @OptionGroup var store: StoreOptions
        @OptionGroup var output: OutputOptions
        @Option(help: .scheme("Only auditors qualified (once) for this scheme"), completion: .schemes)
        var scheme: String?

        func run() throws {
            let day = store.today
            let network = try store.openExistingStore().networkOfAuditors(through: day)
            let scheme = try self.scheme.map { try network.catalog.scheme(named: $0) }
            var qualifications: [(auditor: Auditor, scheme: SchemeID, trained: Day, until: Day?)] = []
            for auditor in network.auditors.values.sorted(by: { $0.id < $1.id }) {
                for (schemeID, trained) in auditor.trainedOn.sorted(by: { $0.key < $1.key }) {
                    guard scheme.map({ $0 == schemeID }) ?? true, let definition = network.catalog[schemeID] else { continue }
                    qualifications.append((auditor, schemeID, trained, auditor.qualifiedUntil(definition)))
                }
            }
            if output.format == .json {
                let keys = ["id", "name", "member", "scheme", "trainedOn", "qualifiedUntil", "status"]
                return Output.write(try Output.json(qualifications.map { item in
                    Dictionary(uniqueKeysWithValues: zip(keys, [
                        item.auditor.id.rawValue, item.auditor.name, item.auditor.member.rawValue, item.scheme.rawValue,
                        item.trained.description, item.until?.description ?? "", item.until.map { $0 >= day ? "valid" : "expired" } ?? "",
                    ]))
                }))
            }
            let words = Vocabulary(store.language)
            let days = output.days(words)
            let table = Table(
                columns: words.columns([.id, .name, .member, .scheme, .trainedOn, .qualifiedUntil, .status]),
                rows: qualifications.map { item in
                    [item.auditor.id.rawValue, item.auditor.name, item.auditor.member.rawValue, item.scheme.rawValue,
                     days(item.trained), item.until.map(days) ?? "", item.until.map { words.qualification(valid: $0 >= day) } ?? ""]
                })
            Output.write(Output.render(table, as: output.format))
        }
    }
}

extension MemberLink.Kind: ExpressibleByArgument {}
