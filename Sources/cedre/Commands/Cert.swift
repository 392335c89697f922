import ArgumentParser
import CedreCore
import CedreReports
import CedreStore
import Foundation

struct CertificationCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "cert",
        abstract: "Engage, decide, suspend, restore, withdraw or show a member's certification under a scheme.",
        discussion: """
            A certification goes engaged → initialAuditPlanned → audited → certified, then \
            may be suspended, restored, withdrawn; expiry and lapse follow from the calendar.

            EXAMPLE
              cedre cert engage solipass --scheme cedre --on 2013-01-10
              cedre cert decide solipass --scheme cedre --on 2013-05-02
              cedre cert show solipass --scheme cedre --as-of 2014-05-03
            """,
        subcommands: [Engage.self, Decide.self, Maintain.self, Suspend.self, Restore.self, Withdraw.self, Show.self])

    /// The member and scheme every `cert` verb names.
    struct Target: ParsableArguments {
        @Argument(help: "The member's id.")
        var member: String

        @Option(help: .scheme("The scheme"), completion: .schemes)
        var scheme: String

        /// The certification named, its scheme read as people type it (`CEDRE ISO 9001` is `cedre-iso`).
        func key(in catalog: SchemeCatalog) throws -> CertificationKey {
            try CertificationCommand.key(member: member, scheme: scheme, in: catalog)
        }
    }

    /// The certification of `member` under `scheme` as people type it.
    static func key(member: String, scheme: String, in catalog: SchemeCatalog) throws -> CertificationKey {
        CertificationKey(member: MemberID(rawValue: member), scheme: try catalog.scheme(named: scheme))
    }

    struct Engage: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "engage",
            abstract: "Record that a member starts the approach under a scheme.",
            discussion: """
                EXAMPLE
                  cedre cert engage solipass --scheme cedre --on 2013-01-10
                """)
        @OptionGroup var store: StoreOptions
        @OptionGroup var target: Target
        @Option(help: .day("The day it happened", default: "--as-of, today"))
        var on: Day?

        func run() throws {
            try record(target, on: on, store: store, done: .engaged) { .certificationEngaged($0) }
        }
    }

    struct Decide: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "decide",
            abstract: "Record a certification decision: initial, renewal, or restoration after expiry.",
            discussion: """
                Refused (exit 65) while a major finding is not verified effective or a minor one \
                has no accepted action plan (rules 6 and 7), and without the audit the decision \
                rests on: the initial audit, or a recertification audit of the cycle.

                The certificate expires 3 years after an initial decision; a renewal or a \
                restoration sets the new expiry to the old expiry + 3 years (rule 1).

                EXAMPLE
                  cedre cert decide solipass --scheme cedre --on 2013-05-02
                """)
        @OptionGroup var store: StoreOptions
        @OptionGroup var target: Target
        @Option(help: .day("The day of the decision", default: "--as-of, today"))
        var on: Day?

        func run() throws {
            try record(target, on: on, store: store, done: .decided) { .certificationDecided($0) }
        }
    }

    struct Maintain: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "maintain",
            abstract: "Record the decision after a surveillance audit: the certificate is maintained.",
            discussion: """
                Refused while a finding blocks decisions. For a group certificate (CEDRE ISO), an \
                unresolved major finding at any site suspends the whole group instead (rule 9): \
                the suspension is what gets recorded, and the command says so.

                EXAMPLE
                  cedre cert maintain coorace-national --scheme cedre-iso --on 2014-12-01
                """)
        @OptionGroup var store: StoreOptions
        @OptionGroup var target: Target
        @Option(help: .day("The day of the decision", default: "--as-of, today"))
        var on: Day?

        func run() throws {
            let day = on ?? store.today
            let cedre = try store.openExistingStore()
            let key = try target.key(in: cedre.catalog)
            let words = Vocabulary(store.language)
            switch try cedre.maintain(key, on: day, context: store.context) {
            case .maintained:
                Output.write(CertificationDone.maintained.sentence(key, on: day, words))
            case .groupSuspended:
                Output.write(words.say(
                    "Certificat \(key.scheme) de \(key.member) suspendu le \(words.day(day)) : un site a une non-conformité majeure non levée (règle 9).\n",
                    "\(key.member) suspended under \(key.scheme) on \(words.day(day)): a site has an unresolved major finding (rule 9).\n"))
            case .notTheGroupCentral:
                throw CommandError.notTheGroupCentral(key)
            }
        }
    }

    struct Suspend: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "suspend",
            abstract: "Record a suspension: the certificate is not valid until restored (rule 4).",
            discussion: """
                A suspension lasts at most 6 months; past that day the certificate is withdrawn.

                EXAMPLE
                  cedre cert suspend solipass --scheme cedre --reason surveillance-overdue --on 2014-05-20
                """)
        @OptionGroup var store: StoreOptions
        @OptionGroup var target: Target
        @Option(help: ArgumentHelp("surveillance-overdue, major-finding-overdue, member-request, group-major-finding or other."))
        var reason: SuspensionReason
        @Option(help: .day("The day of the decision", default: "--as-of, today"))
        var on: Day?

        func run() throws {
            try record(target, on: on, store: store, done: .suspended) { .certificationSuspended($0, reason: reason) }
        }
    }

    struct Restore: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "restore",
            abstract: "Lift a suspension before its maximum: the certificate is valid again.",
            discussion: """
                An expired certificate is restored by a recertification decision instead \
                (cert decide, within 6 months of expiry).

                EXAMPLE
                  cedre cert restore solipass --scheme cedre --on 2014-07-01
                """)
        @OptionGroup var store: StoreOptions
        @OptionGroup var target: Target
        @Option(help: .day("The day of the decision", default: "--as-of, today"))
        var on: Day?

        func run() throws {
            try record(target, on: on, store: store, done: .restored) { .certificationRestored($0) }
        }
    }

    struct Withdraw: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "withdraw",
            abstract: "Withdraw a certification (or abandon an engagement).",
            discussion: """
                EXAMPLE
                  cedre cert withdraw solipass --scheme cedre --reason member-request --on 2015-01-15
                """)
        @OptionGroup var store: StoreOptions
        @OptionGroup var target: Target
        @Option(help: ArgumentHelp("member-left, member-request, suspension-maximum-reached, certification-body-decision or other."))
        var reason: WithdrawalReason = .other
        @Option(help: .day("The day of the decision", default: "--as-of, today"))
        var on: Day?

        func run() throws {
            try record(target, on: on, store: store, done: .withdrawn) { .certificationWithdrawn($0, reason: reason) }
        }
    }

    struct Show: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "show",
            abstract: "Show a certification on a day: state, cycle dates, flags, open findings, history.",
            discussion: """
                The state and flags are what the facts and the calendar give on --as-of \
                (default today): a certificate with no recertification decision by its expiry \
                day is expired the day after.

                EXAMPLE
                  cedre cert show solipass --scheme cedre --as-of 2014-05-03 --format json
                """)
        @OptionGroup var store: StoreOptions
        @OptionGroup var target: Target
        @Option(help: "How to write the answer: table or json.")
        var format: SheetFormat = .table

        /// What the command line asks, as `QuickLine` also reads it without ArgumentParser.
        var query: CertificationQuery {
            CertificationQuery(
                member: target.member, scheme: target.scheme, asOf: store.asOf, db: store.db, lang: store.lang, format: format)
        }

        func run() throws {
            try query.answer()
        }
    }
}

/// What a verb of `cert` records, for its one-line confirmation.
private enum CertificationDone {
    case engaged, decided, maintained, suspended, restored, withdrawn

    func sentence(_ key: CertificationKey, on day: Day, _ words: Vocabulary) -> String {
        let (member, scheme, on) = (key.member, key.scheme, words.day(day))
        return switch self {
        case .engaged: words.say("\(member) engagé sous \(scheme) le \(on).\n", "\(member) engaged under \(scheme) on \(on).\n")
        case .decided: words.say("\(member) certifié sous \(scheme) le \(on).\n", "\(member) certified under \(scheme) on \(on).\n")
        case .maintained: words.say("Certificat \(scheme) de \(member) maintenu le \(on).\n", "\(member) maintained under \(scheme) on \(on).\n")
        case .suspended: words.say("Certificat \(scheme) de \(member) suspendu le \(on).\n", "\(member) suspended under \(scheme) on \(on).\n")
        case .restored: words.say("Suspension du certificat \(scheme) de \(member) levée le \(on).\n", "\(member) restored under \(scheme) on \(on).\n")
        case .withdrawn: words.say("Certification \(scheme) de \(member) retirée le \(on).\n", "\(member) withdrawn under \(scheme) on \(on).\n")
        }
    }
}

/// Records one fact about the certification `target` names and confirms it in one line.
private func record(
    _ target: CertificationCommand.Target, on day: Day?, store options: StoreOptions, done: CertificationDone,
    _ fact: (CertificationKey) -> Fact
) throws {
    let (key, date) = try options.record(on: day, of: target.key(in:), fact)
    Output.write(done.sentence(key, on: date, Vocabulary(options.language)))
}

extension SuspensionReason: ExpressibleByArgument {}
extension WithdrawalReason: ExpressibleByArgument {}
