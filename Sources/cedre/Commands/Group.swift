import ArgumentParser
import CedreCore
import CedreReports
import CedreStore
import Foundation

struct GroupCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "group",
        abstract: "Sites of a group certificate (CEDRE ISO 9001): apply, join, suspend, reinstate, exclude, show.",
        discussion: """
            A site holds no certificate of its own: while a member, it stands as the group \
            certificate the central function holds. It joins only after its cross-audit and an \
            external audit (rule 13); a site with an unresolved major finding cannot be excluded \
            to get round it (rule 9).

            EXAMPLE
              cedre group apply solipass-tierce --scheme cedre-iso --on 2014-02-01
              cedre group join solipass-tierce --scheme cedre-iso --on 2014-06-12
              cedre group show --scheme cedre-iso --as-of 2014-12-31
            """,
        subcommands: [Apply.self, Join.self, Suspend.self, Reinstate.self, Exclude.self, Show.self, Investigations.self])

    /// The site and group scheme every `group` verb names.
    struct Site: ParsableArguments {
        @Argument(help: "The site's member id.")
        var member: String

        @Option(help: .scheme("The group scheme"), completion: .schemes)
        var scheme: String = "cedre-iso"

        @Option(help: .day("The day it happened", default: "--as-of, today"))
        var on: Day?

        /// The site's dossier, its scheme read as people type it.
        func key(in catalog: SchemeCatalog) throws -> CertificationKey {
            CertificationKey(member: MemberID(rawValue: member), scheme: try catalog.scheme(named: scheme))
        }
    }

    struct Apply: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "apply",
            abstract: "Record a site's application to the group: it becomes a candidate.",
            discussion: """
                EXAMPLE
                  cedre group apply solipass-tierce --scheme cedre-iso --on 2014-02-01
                """)
        @OptionGroup var store: StoreOptions
        @OptionGroup var site: Site

        func run() throws {
            try recordSite(site, store: store, done: "is a candidate") { .membershipApplied($0) }
        }
    }

    struct Join: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "join",
            abstract: "Record that a candidate joins the group's scope (after its cross-audit and an external audit).",
            discussion: """
                Joining keeps the group's cycle dates: the site's certificate expires with the group's.

                EXAMPLE
                  cedre group join solipass-tierce --scheme cedre-iso --on 2014-06-12
                """)
        @OptionGroup var store: StoreOptions
        @OptionGroup var site: Site

        func run() throws {
            try recordSite(site, store: store, done: "joined the group") { .membershipJoined($0) }
        }
    }

    struct Suspend: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "suspend",
            abstract: "Suspend one site's membership (the group certificate stays as it is).",
            discussion: """
                EXAMPLE
                  cedre group suspend solipass-tierce --reason "premises closed" --on 2014-09-01
                """)
        @OptionGroup var store: StoreOptions
        @OptionGroup var site: Site
        @Option(help: "Why the site is suspended.")
        var reason: String

        func run() throws {
            try recordSite(site, store: store, done: "is suspended") { .membershipSuspended($0, reason: reason) }
        }
    }

    struct Reinstate: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "reinstate",
            abstract: "Lift a site's suspension.",
            discussion: """
                EXAMPLE
                  cedre group reinstate solipass-tierce --on 2014-10-01
                """)
        @OptionGroup var store: StoreOptions
        @OptionGroup var site: Site

        func run() throws {
            try recordSite(site, store: store, done: "is reinstated") { .membershipReinstated($0) }
        }
    }

    struct Exclude: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "exclude",
            abstract: "Take a site out of the group's scope (refused while it has an unresolved major finding).",
            discussion: """
                EXAMPLE
                  cedre group exclude solipass-tierce --reason "left the group" --on 2015-01-31
                """)
        @OptionGroup var store: StoreOptions
        @OptionGroup var site: Site
        @Option(help: "Why the site leaves the scope.")
        var reason: String

        func run() throws {
            try recordSite(site, store: store, done: "is excluded") { .membershipExcluded($0, reason: reason) }
        }
    }

    struct Show: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "show",
            abstract: "Show a group certificate: its central function, state, and every site's standing.",
            discussion: """
                EXAMPLE
                  cedre group show --scheme cedre-iso --as-of 2013-12-31
                """)
        @OptionGroup var store: StoreOptions
        @OptionGroup var output: OutputOptions
        @Option(help: .scheme("The group scheme"), completion: .schemes)
        var scheme: String = "cedre-iso"

        func run() throws {
            let day = store.today
            let network = try store.openExistingStore().network(through: day)
            guard let group = network.groupCertificate(try network.catalog.scheme(named: scheme)) else {
                throw CommandError.invalidArgument("'\(scheme)' is not a group scheme.")
            }
            let register = CertificationRegister(network: network, on: day)
            let rows = group.dossiers.map { dossier -> [String] in
                let standing = register.statuses(of: dossier.key.member).first { $0.scheme == dossier.key.scheme }?.standing
                let role = dossier.key == group.central?.key ? "central function" : dossier.membership?.state.rawValue ?? ""
                return [dossier.key.member.rawValue, role, standing?.rawValue ?? "", dossier.membership?.joinedOn?.description ?? ""]
            }
            let table = Table(columns: ["member", "role", "standing", "joined"], rows: rows)
            if output.format == .json {
                return Output.write(try Output.json(rows.map { ["member": $0[0], "role": $0[1], "standing": $0[2], "joined": $0[3]] }))
            }
            Output.write(Output.render(table, as: output.format))
        }
    }

    struct Investigations: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "investigations",
            abstract: "List the investigations findings at one site opened over every other site (rule 10).",
            discussion: """
                Each covered site answers with 'cedre finding answer'; an investigation closes when \
                every site has answered.

                EXAMPLE
                  cedre group investigations --scheme cedre-iso --open
                """)
        @OptionGroup var store: StoreOptions
        @OptionGroup var output: OutputOptions
        @Option(help: .scheme("The group scheme"), completion: .schemes)
        var scheme: String = "cedre-iso"
        @Flag(help: "Only investigations still waiting for answers.")
        var open = false

        func run() throws {
            let day = store.today
            let network = try store.openExistingStore().network(through: day)
            guard let group = network.groupCertificate(try network.catalog.scheme(named: scheme)) else {
                throw CommandError.invalidArgument("'\(scheme)' is not a group scheme.")
            }
            let investigations = group.investigations(on: day).filter { !open || $0.isOpen }
            if output.format == .json { return Output.write(try Output.json(investigations.map(InvestigationLine.init))) }
            let table = Table(
                columns: ["finding", "site", "raised", "answered", "awaiting"],
                rows: investigations.map { item in
                    [item.finding.rawValue, item.site.rawValue, item.raisedOn.description,
                     "\(item.answers.count)/\(item.covering.count)", item.awaiting.map(\.rawValue).joined(separator: ", ")]
                })
            Output.write(Output.render(table, as: output.format))
        }
    }
}

/// An investigation as `group investigations --format json` writes it.
struct InvestigationLine: Encodable {
    let finding: FindingID
    let site: MemberID
    let raisedOn: Day
    /// The sites that must answer, and those that have not yet.
    let covering: [MemberID]
    let awaiting: [MemberID]

    init(_ investigation: Investigation) {
        finding = investigation.finding
        site = investigation.site
        raisedOn = investigation.raisedOn
        covering = investigation.covering
        awaiting = investigation.awaiting
    }
}

/// Records one fact about a site and confirms it in one line.
private func recordSite(
    _ site: GroupCommand.Site, store options: StoreOptions, done: String, _ fact: (CertificationKey) -> Fact
) throws {
    var scheme = SchemeID(rawValue: site.scheme)
    let day = try options.record(on: site.on) { store in
        let key = try site.key(in: store.catalog)
        scheme = key.scheme
        return [fact(key)]
    }
    Output.write("\(site.member) \(done) (\(scheme), \(day)).\n")
}
