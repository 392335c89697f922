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
            try recordSite(site, store: store, done: .applied) { .membershipApplied($0) }
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
            try recordSite(site, store: store, done: .joined) { .membershipJoined($0) }
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
            try recordSite(site, store: store, done: .suspended) { .membershipSuspended($0, reason: reason) }
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
            try recordSite(site, store: store, done: .reinstated) { .membershipReinstated($0) }
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
            try recordSite(site, store: store, done: .excluded) { .membershipExcluded($0, reason: reason) }
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
            let cedre = try store.openExistingStore()
            let schemeID = try cedre.catalog.scheme(named: scheme)
            let network = try cedre.network(ofGroup: schemeID, through: day)
            guard let group = network.groupCertificate(schemeID) else {
                throw CommandError.notAGroupCertificate(schemeID, on: day)
            }
            let register = CertificationRegister(network: network, on: day)
            let sites = group.dossiers.map { dossier in
                let standing = register.statuses(of: dossier.key.member).first { $0.scheme == dossier.key.scheme }?.standing
                return (dossier: dossier, standing: standing, isCentral: dossier.key == group.central?.key)
            }
            if output.format == .json {
                return Output.write(try Output.json(sites.map { site in
                    ["member": site.dossier.key.member.rawValue,
                     "role": site.isCentral ? "central function" : site.dossier.membership?.state.rawValue ?? "",
                     "standing": site.standing?.rawValue ?? "", "joined": site.dossier.membership?.joinedOn?.description ?? ""]
                }))
            }
            let words = Vocabulary(store.language)
            let table = Table(
                columns: words.columns([.member, .role, .standing, .joined]),
                rows: sites.map { site in
                    let role = site.isCentral
                        ? words.say("fonction centrale", "central function") : site.dossier.membership.map { words.membershipState($0.state) } ?? ""
                    return [site.dossier.key.member.rawValue, role, site.standing.map(words.standing) ?? "",
                            site.dossier.membership?.joinedOn.map(output.days(words)) ?? ""]
                })
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
            let cedre = try store.openExistingStore()
            let schemeID = try cedre.catalog.scheme(named: scheme)
            let network = try cedre.network(ofGroup: schemeID, through: day)
            guard let group = network.groupCertificate(schemeID) else {
                throw CommandError.notAGroupCertificate(schemeID, on: day)
            }
            let investigations = group.investigations(on: day).filter { !open || $0.isOpen }
            if output.format == .json { return Output.write(try Output.json(investigations.map(InvestigationLine.init))) }
            let words = Vocabulary(store.language)
            let table = Table(
                columns: words.columns([.finding, .site, .raised, .answered, .awaiting]),
                rows: investigations.map { item in
                    [item.finding.rawValue, item.site.rawValue, output.days(words)(item.raisedOn),
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

/// What a verb of `group` records, for its one-line confirmation.
private enum SiteDone {
    case applied, joined, suspended, reinstated, excluded

    func sentence(_ member: String, scheme: SchemeID, on day: Day, _ words: Vocabulary) -> String {
        let on = words.day(day)
        return switch self {
        case .applied: words.say("\(member) est candidat au groupe \(scheme) (\(on)).\n", "\(member) is a candidate (\(scheme), \(on)).\n")
        case .joined: words.say("\(member) est entré dans le groupe \(scheme) (\(on)).\n", "\(member) joined the group (\(scheme), \(on)).\n")
        case .suspended: words.say("\(member) est suspendu du groupe \(scheme) (\(on)).\n", "\(member) is suspended (\(scheme), \(on)).\n")
        case .reinstated: words.say("\(member) est réintégré dans le groupe \(scheme) (\(on)).\n", "\(member) is reinstated (\(scheme), \(on)).\n")
        case .excluded: words.say("\(member) est exclu du groupe \(scheme) (\(on)).\n", "\(member) is excluded (\(scheme), \(on)).\n")
        }
    }
}

/// Records one fact about a site and confirms it in one line.
private func recordSite(
    _ site: GroupCommand.Site, store options: StoreOptions, done: SiteDone, _ fact: (CertificationKey) -> Fact
) throws {
    let (key, day) = try options.record(on: site.on, of: site.key(in:), fact)
    Output.write(done.sentence(site.member, scheme: key.scheme, on: day, Vocabulary(options.language)))
}
