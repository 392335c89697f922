import ArgumentParser
import CedreCore
import CedreFixtures
import CedreReports
import CedreStore
import Foundation

struct CampaignCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "campaign",
        abstract: "Plan, show, swap, publish, complete and export a year's cross-audit campaign.",
        discussion: """
            Every member of a scheme is cross-audited each year by a trained auditor of another \
            member, before its external audit, under the policies: own-company, same-group, \
            declared-link (rule 15), qualification (16), rotation (17), reciprocal (18), \
            capacity (19) and working-day (20: never a Saturday, a Sunday or a public holiday \
            of the member's département). The plan minimises total travel between \
            départements' chefs-lieux, then balances auditors' load.

            EXAMPLE
              cedre campaign plan --scheme cedre --year 2014 --seed 7
              cedre campaign publish --scheme cedre --year 2014
              cedre campaign export --scheme cedre --year 2014 --format ics > audits-croises.ics
            """,
        subcommands: [Plan.self, Show.self, Swap.self, Publish.self, Complete.self, Export.self])

    /// The scheme and year every `campaign` verb names.
    struct Target: ParsableArguments {
        @Option(help: .scheme("The scheme of the campaign"), completion: .schemes)
        var scheme: String
        @Option(help: "The campaign's year.")
        var year: Int

        /// The campaign's scheme, read as people type it.
        func schemeID(in catalog: SchemeCatalog) throws -> SchemeID {
            try catalog.scheme(named: scheme)
        }

        func validate() throws {
            try UsageProblem.check("--year", year, in: Bounds.year)
        }
    }

    struct Plan: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "plan",
            abstract: "Plan the campaign: who audits whom, and when; explain every member left out.",
            discussion: """
                Policies are on as the scheme defines them; switch one with --policy NAME=off \
                (or =on), change the capacity with --policy capacity=3. The policies are recorded \
                with the plan, and every later swap is checked against them. Cross-audits fall on \
                working days of the audited member's département: never a Saturday, a Sunday or a \
                public holiday (rule 20, policy working-day). The same seed gives the same plan \
                (default: the year). For a member that cannot be assigned, every candidate auditor \
                is listed with the policy that excluded it, and the smallest relaxation that would \
                let one in. Planning again keeps the manual swaps of the previous plan that still \
                hold (an override stays an override) and plans the rest around them; \
                --discard-swaps plans afresh. The plan is recorded (the campaign becomes planned) \
                unless --dry-run.

                EXAMPLE
                  cedre campaign plan --scheme cedre-iso --year 2014 --policy reciprocal=off --format json
                """)
        @OptionGroup var store: StoreOptions
        @OptionGroup var target: Target
        @Option(name: .customLong("policy"), help: ArgumentHelp(
            "NAME=on|off for own-company, same-group, declared-link, qualification, rotation, reciprocal, working-day; capacity=N.",
            valueName: "name=value"))
        var policies: [String] = []
        @Option(help: "The seed of the planner's tie-breaking (default the year).")
        var seed: UInt64?
        @Flag(name: .customLong("discard-swaps"), help: "Plan afresh, giving up the manual swaps of the previous plan.")
        var discardSwaps = false
        @Flag(name: .customLong("dry-run"), help: "Plan and print, record nothing.")
        var dryRun = false
        @Option(help: "How to write the answer: table or json.")
        var format: SheetFormat = .table

        func validate() throws {
            do {
                _ = try CampaignPolicies(enabled: [], capacity: 1).switching(policies)
            } catch {
                throw UsageProblem.policySwitch(error).validationError
            }
        }

        func run() throws {
            let seed = seed ?? UInt64(target.year)
            let cedre = try store.openExistingStore()
            // The plan is written before it is committed: a plan whose answer could not be
            // written is not recorded.
            try cedre.planCampaign(
                try target.schemeID(in: cedre.catalog), year: target.year, policySwitches: policies, seed: seed, keepSwaps: !discardSwaps,
                departements: CedreFixtures.departements, commit: !dryRun, context: store.context
            ) { planning in
                if format == .json {
                    Output.write(try Output.json(planning))
                } else {
                    Output.write(planning.text(store.language, recorded: !dryRun, style: Output.terminalStyle))
                }
                try Output.confirmBeforeCommit()
            }
        }
    }

    struct Show: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "show",
            abstract: "Show a recorded campaign: state, policies, cross-audits, overrides, members left out.",
            discussion: """
                EXAMPLE
                  cedre campaign show --scheme cedre --year 2014
                """)
        @OptionGroup var store: StoreOptions
        @OptionGroup var target: Target
        @Option(help: "How to write the answer: table or json.")
        var format: SheetFormat = .table

        func run() throws {
            let (sheet, _) = try loadSheet(store: store, target: target)
            if format == .json { return Output.write(try Output.json(sheet)) }
            Output.write(sheet.text(store.language, style: Output.terminalStyle))
        }
    }

    struct Swap: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "swap",
            abstract: "Give a member another auditor (or day) in a planned campaign, re-checked against the campaign's policies.",
            discussion: """
                The swap is checked against the policies the campaign was planned with (see \
                'campaign show'), not the scheme's defaults, including working-day: no Saturday, \
                Sunday or public holiday of the member's département. A swap that breaks a policy \
                is refused unless --override --reason says why; the override is recorded in the \
                event log and shown with the assignment. A member the campaign does not \
                cross-audit, or an auditor that does not exist or was never trained for the \
                scheme, is refused even with --override.

                EXAMPLE
                  cedre campaign swap --scheme cedre --year 2014 --member solipass --auditor lemoine --day 2014-03-12
                  cedre campaign swap --scheme cedre --year 2014 --member reel --auditor dupont --override --reason "only auditor free"
                """)
        @OptionGroup var store: StoreOptions
        @OptionGroup var target: Target
        @Option(help: ArgumentHelp("The audited member.", valueName: "member"))
        var member: String
        @Option(help: ArgumentHelp("The new auditor's id.", valueName: "auditor"))
        var auditor: String
        @Option(help: .day("The day of the cross-audit", default: "the current one"))
        var day: Day?
        @Flag(help: "Keep the swap although it breaks a policy (needs --reason).")
        var override = false
        @Option(help: "Why the override is needed.")
        var reason: String?

        func validate() throws {
            if override && (reason ?? "").isEmpty { throw UsageProblem.overrideNeedsReason.validationError }
        }

        func run() throws {
            let request = Campaign.SwapRequest(
                member: MemberID(rawValue: member), auditor: AuditorID(rawValue: auditor), day: day,
                override: override ? reason : nil)
            let cedre = try store.openExistingStore()
            let decision = try cedre.swapCampaignAssignment(
                request, scheme: try target.schemeID(in: cedre.catalog), year: target.year, departements: CedreFixtures.departements,
                context: store.context)
            let words = Vocabulary(store.language)
            let broken = words.list(decision.broken.map(words.constraint))
            let note = decision.override.map { words.say(" (dérogation à \(broken) : \($0))", " (override of \(broken): \($0))") } ?? ""
            let day = words.day(decision.assignment.day)
            Output.write(words.say("\(member) sera audité par \(auditor) le \(day)\(note).\n", "\(member) is cross-audited by \(auditor) on \(day)\(note).\n"))
        }
    }

    struct Publish: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "publish",
            abstract: "Publish the planned campaign: each cross-audit becomes a planned audit of its member.",
            discussion: """
                EXAMPLE
                  cedre campaign publish --scheme cedre --year 2014
                """)
        @OptionGroup var store: StoreOptions
        @OptionGroup var target: Target

        func run() throws {
            let cedre = try store.openExistingStore()
            let scheme = try target.schemeID(in: cedre.catalog)
            let planned = try cedre.publishCampaign(scheme, year: target.year, context: store.context)
            let words = Vocabulary(store.language)
            let count = words.counted(planned, ("audit croisé planifié", "audits croisés planifiés"), ("cross-audit planned", "cross-audits planned"))
            Output.write(words.say("Campagne \(scheme) \(target.year) publiée : \(count).\n", "Published \(scheme) \(target.year): \(count).\n"))
        }
    }

    struct Complete: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "complete",
            abstract: "Mark a published campaign completed.",
            discussion: """
                EXAMPLE
                  cedre campaign complete --scheme cedre --year 2014 --as-of 2014-12-20
                """)
        @OptionGroup var store: StoreOptions
        @OptionGroup var target: Target

        func run() throws {
            var scheme = SchemeID(rawValue: target.scheme)
            try store.record(on: nil) { cedre in
                scheme = try target.schemeID(in: cedre.catalog)
                return [.campaignCompleted(scheme: scheme, year: target.year)]
            }
            let words = Vocabulary(store.language)
            Output.write(words.say("Campagne \(scheme) \(target.year) terminée.\n", "Completed \(scheme) \(target.year).\n"))
        }
    }

    struct Export: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "export",
            abstract: "Export a campaign's cross-audits as a calendar (ICS), CSV or JSON, for everyone or one auditor.",
            discussion: """
                Each cross-audit's calendar UID stays the same when it is swapped or moved, so \
                re-importing the file updates the events instead of doubling them.

                EXAMPLE
                  cedre campaign export --scheme cedre --year 2014 --format ics --auditor lemoine > lemoine.ics
                """)
        @OptionGroup var store: StoreOptions
        @OptionGroup var target: Target
        @Option(help: "ics, csv or json.")
        var format: CampaignFormat = .ics
        @Option(help: ArgumentHelp("Only this auditor's cross-audits.", valueName: "auditor"))
        var auditor: String?

        func run() throws {
            let (sheet, network) = try loadSheet(store: store, target: target)
            let lines = auditor.map { sheet.only(auditor: AuditorID(rawValue: $0)) } ?? sheet.assignments
            switch format {
            case .ics:
                Output.write(sheet.calendar(
                    lines, stamp: store.today, departements: CedreFixtures.departements, network: network, language: store.language).text())
            case .csv:
                Output.write(sheet.table(lines, Vocabulary(store.language)).csv())
            case .json:
                Output.write(try Output.json(lines))
            }
        }
    }

    enum CampaignFormat: String, ExpressibleByArgument, CaseIterable {
        case ics, csv, json
    }
}

/// A recorded campaign and the network it was read from.
private func loadSheet(store: StoreOptions, target: CampaignCommand.Target) throws -> (CampaignSheet, Network) {
    let cedre = try store.openExistingStore()
    let scheme = try target.schemeID(in: cedre.catalog)
    let network = try cedre.network(ofCampaign: scheme, year: target.year, through: store.today)
    guard let campaign = network.campaign(scheme, year: target.year) else {
        throw StoreError.notFound(.campaign(scheme, year: target.year))
    }
    return (CampaignSheet(campaign: campaign, network: network, departements: CedreFixtures.departements), network)
}
