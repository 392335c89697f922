import ArgumentParser
import CedreCore
import CedreReports
import CedreStore
import Foundation

struct FindingCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "finding",
        abstract: "Raise findings and follow their corrective actions to closure.",
        discussion: """
            A nonconformity goes open → planProposed → planAccepted → implemented → \
            verifiedEffective (closed), or back to planProposed when verified ineffective.

            EXAMPLE
              F=$(cedre finding open A-2013-0001 --grade major --requirement 4.2 --on 2013-03-01)
              cedre finding propose $F --plan "train the two coordinators" --on 2013-03-20
              cedre finding accept $F --on 2013-03-22
              cedre finding implement $F --on 2013-04-10
              cedre finding verify $F --effective --on 2013-04-20
            """,
        subcommands: [Open.self, Correct.self, Propose.self, Accept.self, Implement.self, Verify.self, Regrade.self,
                      Answer.self, List.self, Show.self])

    struct Open: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "open",
            abstract: "Raise a finding at a conducted audit; prints the new finding id alone.",
            discussion: """
                The grade comes from the scheme's grading scale (cedre: major, minor, \
                observation, opportunity). A major must be verified effective within 90 days of \
                the audit, capped at the certificate's expiry (rule 6); a minor needs an accepted \
                plan before a decision and is escalated if still open at the next audit (rule 7).

                EXAMPLE
                  F=$(cedre finding open A-2013-0001 --grade major --requirement 4.2 --on 2013-03-01)
                """)
        @OptionGroup var store: StoreOptions
        @Argument(help: "The audit that raised it.")
        var audit: String
        @Option(help: ArgumentHelp("A grade of the scheme's scale: major, minor, observation, opportunity.", valueName: "grade"))
        var grade: String
        @Option(help: ArgumentHelp("The requirement of the referential, e.g. 4.2.", valueName: "clause"))
        var requirement: String
        @Option(help: "What the auditor found.")
        var statement: String = ""
        @Option(help: .day("The day it was raised", default: "--as-of, today"))
        var on: Day?

        func run() throws {
            let cedre = try store.openStore()
            let auditID = AuditID(rawValue: audit)
            let key = try cedre.certificationKey(ofAudit: auditID)
            let day = on ?? store.today
            var allocated: FindingID?
            try cedre.record(context: store.context) { allocator in
                let id = try allocator.nextFinding(year: day.year)
                allocated = id
                let fact = Fact.findingRaised(
                    key, id, audit: auditID, grade: GradeID(rawValue: grade),
                    requirement: RequirementID(rawValue: requirement), statement: statement)
                return [DatedFact(fact, on: day)]
            }
            Output.write("\(allocated?.rawValue ?? "")\n")
        }
    }

    struct Correct: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "correct",
            abstract: "Record an immediate correction, before the root-cause analysis (rule 8b).",
            discussion: """
                EXAMPLE
                  cedre finding correct F-2013-0001 --statement "register updated on site" --on 2013-03-01
                """)
        @OptionGroup var store: StoreOptions
        @Argument(help: "The finding id.")
        var finding: String
        @Option(help: "What was corrected.")
        var statement: String
        @Option(help: .day("The day of the correction", default: "--as-of, today"))
        var on: Day?

        func run() throws {
            try recordFinding(finding, store: store, on: on, done: .corrected) { key, id in
                .findingCorrected(key, id, statement: statement)
            }
        }
    }

    struct Propose: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "propose",
            abstract: "Record the member's corrective action plan.",
            discussion: """
                EXAMPLE
                  cedre finding propose F-2013-0001 --plan "train the two coordinators" --on 2013-03-20
                """)
        @OptionGroup var store: StoreOptions
        @Argument(help: "The finding id.")
        var finding: String
        @Option(help: "The plan: root cause and actions.")
        var plan: String = ""
        @Option(help: .day("The day it was proposed", default: "--as-of, today"))
        var on: Day?

        func run() throws {
            try recordFinding(finding, store: store, on: on, done: .planProposed) { key, id in
                .findingPlanProposed(key, id, statement: plan)
            }
        }
    }

    struct Accept: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "accept",
            abstract: "Accept the proposed plan, optionally with a due day for its implementation.",
            discussion: """
                EXAMPLE
                  cedre finding accept F-2013-0001 --due 2013-04-30 --on 2013-03-22
                """)
        @OptionGroup var store: StoreOptions
        @Argument(help: "The finding id.")
        var finding: String
        @Option(help: .day("The day the plan should be implemented by"))
        var due: Day?
        @Option(help: .day("The day it was accepted", default: "--as-of, today"))
        var on: Day?

        func run() throws {
            try recordFinding(finding, store: store, on: on, done: .planAccepted) { key, id in
                .findingPlanAccepted(key, id, due: due)
            }
        }
    }

    struct Implement: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "implement",
            abstract: "Record that the accepted plan was carried out.",
            discussion: """
                EXAMPLE
                  cedre finding implement F-2013-0001 --on 2013-04-10
                """)
        @OptionGroup var store: StoreOptions
        @Argument(help: "The finding id.")
        var finding: String
        @Option(help: .day("The day it was implemented", default: "--as-of, today"))
        var on: Day?

        func run() throws {
            try recordFinding(finding, store: store, on: on, done: .implemented) { key, id in .findingImplemented(key, id) }
        }
    }

    struct Verify: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "verify",
            abstract: "Record the effectiveness check: --effective closes it, --ineffective asks for a new plan.",
            discussion: """
                EXAMPLE
                  cedre finding verify F-2013-0001 --effective --on 2013-04-20
                """)
        @OptionGroup var store: StoreOptions
        @Argument(help: "The finding id.")
        var finding: String
        @Flag(exclusivity: .exclusive, help: "Whether the action was effective.")
        var outcome: Effectiveness
        @Option(help: .day("The day of the check", default: "--as-of, today"))
        var on: Day?

        func run() throws {
            let effective = outcome == .effective
            try recordFinding(finding, store: store, on: on, done: effective ? .verifiedEffective : .verifiedIneffective) {
                key, id in .findingVerified(key, id, effective: effective)
            }
        }
    }

    struct Regrade: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "regrade",
            abstract: "Grade a finding otherwise, e.g. several minors on one requirement as a major (rule 8).",
            discussion: """
                EXAMPLE
                  cedre finding regrade F-2013-0004 --grade major --reason "third minor on 7.1" --on 2013-09-12
                """)
        @OptionGroup var store: StoreOptions
        @Argument(help: "The finding id.")
        var finding: String
        @Option(help: "The new grade, a nonconformity of the scheme's scale.")
        var grade: String
        @Option(help: "Why the grade changes.")
        var reason: String
        @Option(help: .day("The day of the decision", default: "--as-of, today"))
        var on: Day?

        func run() throws {
            try recordFinding(finding, store: store, on: on, done: .regraded(GradeID(rawValue: grade))) { key, id in
                .findingRegraded(key, id, grade: GradeID(rawValue: grade), reason: reason)
            }
        }
    }

    struct Answer: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "answer",
            abstract: "Answer, for a group site, the investigation a finding at another site opened (rule 10).",
            discussion: """
                Every site of the group answers: affected (with its action) or not affected (with \
                the reason). The investigation closes when every site has answered.

                EXAMPLE
                  cedre finding answer F-2014-0003 --site aider-45 --not-affected --statement "no such equipment" --on 2014-10-15
                """)
        @OptionGroup var store: StoreOptions
        @Argument(help: "The finding that opened the investigation.")
        var finding: String
        @Option(help: ArgumentHelp("The answering site's member id.", valueName: "member"))
        var site: String
        @Flag(exclusivity: .exclusive, help: "Whether the site has the same problem.")
        var outcome: Exposure
        @Option(help: "The action taken, or why the site is not affected.")
        var statement: String
        @Option(help: .day("The day of the answer", default: "--as-of, today"))
        var on: Day?

        func run() throws {
            let id = FindingID(rawValue: finding)
            let origin = try store.openExistingStore().certificationKey(ofFinding: id)
            let key = CertificationKey(member: MemberID(rawValue: site), scheme: origin.scheme)
            let day = try store.record(
                [.findingAnswered(key, id, affected: outcome == .affected, statement: statement)], on: on)
            let words = Vocabulary(store.language)
            Output.write(words.say("\(site) a répondu à l'enquête ouverte par \(id) le \(words.day(day)).\n",
                                   "\(site) answered the investigation of \(id) on \(words.day(day)).\n"))
        }
    }

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "list",
            abstract: "List findings with their grade in force, deadline and lateness.",
            discussion: """
                EXAMPLE
                  cedre finding list --open --format markdown
                """)
        @OptionGroup var store: StoreOptions
        @OptionGroup var output: OutputOptions
        @Option(help: "Only this member's findings.")
        var member: String?
        @Flag(help: "Only findings still open.")
        var open = false

        func run() throws {
            let day = store.today
            let cedre = try store.openExistingStore()
            let network = try member.map { try cedre.network(of: MemberID(rawValue: $0), through: day) }
                ?? (open ? cedre.networkOfOpenFindings(through: day) : cedre.network(through: day))
            let lines = network.findingStatuses(on: day)
                .filter { status in member.map { status.finding.key.member.rawValue == $0 } ?? true }
                .filter { !open || $0.finding.isOpen }
                .sorted { $0.finding.id < $1.finding.id }
            if output.format == .json { return Output.write(try Output.json(lines.map(FindingLine.init))) }
            let words = Vocabulary(store.language)
            let days = output.days(words)
            let table = Table(
                columns: words.columns([.id, .member, .scheme, .audit, .grade, .requirement, .state, .deadline, .overdue]),
                rows: lines.map { status in
                    let finding = status.finding
                    return [finding.id.rawValue, finding.key.member.rawValue, finding.key.scheme.rawValue, finding.audit.rawValue,
                            words.grade(status.grade, in: network.catalog[finding.key.scheme]), finding.requirement.rawValue,
                            words.findingState(finding.state), status.deadline.map(days) ?? "",
                            status.isOverdue ? words.yes(true) : ""]
                })
            Output.write(Output.render(table, as: output.format))
        }
    }

    struct Show: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "show",
            abstract: "Show a finding: grade, deadline, plan and history.",
            discussion: """
                EXAMPLE
                  cedre finding show F-2013-0001 --as-of 2013-06-01
                """)
        @OptionGroup var store: StoreOptions
        @Argument(help: "The finding id.")
        var finding: String
        @Option(help: "How to write the answer: table or json.")
        var format: SheetFormat = .table

        func run() throws {
            let cedre = try store.openExistingStore()
            let id = FindingID(rawValue: finding)
            let key = try cedre.certificationKey(ofFinding: id)
            let day = store.today
            guard let status = try cedre.findingStatuses(of: key, on: day).first(where: { $0.finding.id == id }) else {
                throw StoreError.notFound(.findingOn(id, on: day))
            }
            let item = status.finding
            if format == .json { return Output.write(try Output.json(FindingLine(status))) }
            let words = Vocabulary(store.language)
            let scheme = cedre.catalog[key.scheme]
            let grade = words.grade(status.grade, in: scheme)
            let state = words.findingState(item.state)
            var lines = [words.say(
                "\(id) — \(grade), exigence \(item.requirement), audit \(item.audit) de \(key.member) sous \(key.scheme) : \(state)",
                "\(id) — \(grade), requirement \(item.requirement), audit \(item.audit) of \(key.member) under \(key.scheme): \(state)")]
            if !item.statement.isEmpty { lines.append("  \(item.statement)") }
            if let deadline = status.deadline {
                let late = status.isOverdue ? words.say(" — EN RETARD", " — OVERDUE") : ""
                lines.append(words.say("  échéance le \(words.day(deadline))\(late)", "  deadline \(words.day(deadline))\(late)"))
            }
            if let plan = item.plan, !plan.isEmpty { lines.append(words.say("  plan d'action : ", "  plan: ") + plan) }
            for entry in FindingHistoryLine.lines(of: status) {
                let grade = { (id: GradeID) in words.inSentence(words.grade(id, in: scheme)) }
                let (event, from, to, reason) = switch entry.step {
                case .moved(let event, let from, let to):
                    (words.findingEvent(event), words.findingState(from), words.findingState(to), "")
                case .regraded(let from, let to, let reason):
                    (words.findingEvent(.regraded), grade(from), grade(to), " (\(reason))")
                case .escalated(let escalation, let to):
                    (words.say("escaladé", "escalated"), grade(escalation.from), grade(to), " (\(words.escalationReason(escalation)))")
                }
                let on = words.day(entry.on)
                lines.append(words.say("  \(on)  \(event) : \(from) → \(to)\(reason)", "  \(on)  \(event): \(from) → \(to)\(reason)"))
            }
            Output.write(lines: lines)
        }
    }

    enum Exposure: String, EnumerableFlag {
        case affected, notAffected

        static func help(for value: Exposure) -> ArgumentHelp? {
            value == .affected ? "The site has the same problem; the statement says what it does." : "It does not; the statement says why."
        }
    }

    enum Effectiveness: String, EnumerableFlag {
        case effective, ineffective

        static func help(for value: Effectiveness) -> ArgumentHelp? {
            value == .effective ? "The corrective action worked: the finding is closed." : "It did not: a new plan is needed."
        }
    }
}

/// A finding as lists and JSON write it: its grade and deadline as the rules give them.
struct FindingLine: Encodable {
    let id: FindingID
    let member: MemberID
    let scheme: SchemeID
    let audit: AuditID
    /// The grade in force: after the auditor's regrading and rules 7 and 8.
    let grade: GradeID
    /// The grade as recorded, after the auditor's regrading.
    let recordedGrade: GradeID
    let requirement: RequirementID
    let state: Finding.State
    let raisedOn: Day
    /// The day of the audit that raised it: its deadline counts from there (rule 24).
    let auditOn: Day
    let deadline: Day?
    let overdue: Bool
    let escalatedOn: Day?
    /// Why rule 7 or rule 8 made it take another grade.
    let escalationReason: String?
    let closedOn: Day?
    /// Every move, regradings and escalation included, each with its reason.
    let history: [FindingHistoryLine]

    init(_ status: FindingStatus) {
        let finding = status.finding
        id = finding.id
        member = finding.key.member
        scheme = finding.key.scheme
        audit = finding.audit
        grade = status.grade
        recordedGrade = finding.grade
        requirement = finding.requirement
        state = finding.state
        raisedOn = finding.raisedOn
        auditOn = finding.auditOn
        deadline = status.deadline
        overdue = status.isOverdue
        escalatedOn = status.escalation?.on
        escalationReason = status.escalation?.reason
        closedOn = finding.closedOn
        history = FindingHistoryLine.lines(of: status)
    }
}

/// One step of a finding's history, with the reason of a change of grade.
struct FindingHistoryLine: Encodable {
    enum Step {
        case moved(Finding.EventKind, from: Finding.State, to: Finding.State)
        case regraded(from: GradeID, to: GradeID, reason: String)
        /// The escalation the rules derive (rules 7 and 8), never a recorded fact.
        case escalated(FindingStatus.Escalation, to: GradeID)
    }

    let on: Day
    let step: Step

    /// The finding's moves, its regradings with their grades and reasons, and its escalation,
    /// in day order.
    static func lines(of status: FindingStatus) -> [FindingHistoryLine] {
        var regradings = status.finding.regradings.makeIterator()
        var lines = status.finding.history.map { move -> FindingHistoryLine in
            guard move.event == .regraded, let regrading = regradings.next() else {
                return FindingHistoryLine(on: move.on, step: .moved(move.event, from: move.from, to: move.to))
            }
            return FindingHistoryLine(on: move.on, step: .regraded(from: regrading.from, to: regrading.to, reason: regrading.reason))
        }
        if let escalation = status.escalation {
            let index = lines.firstIndex { $0.on > escalation.on } ?? lines.endIndex
            lines.insert(FindingHistoryLine(
                on: escalation.on, step: .escalated(escalation, to: status.grade)), at: index)
        }
        return lines
    }

    private enum CodingKeys: String, CodingKey {
        case on, event, from, to, reason
    }

    /// `{on, event, from, to, reason}`: states for a move, grades for a regrading or an escalation.
    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(on, forKey: .on)
        switch step {
        case .moved(let event, let from, let to):
            try container.encode(event.rawValue, forKey: .event)
            try container.encode(from.rawValue, forKey: .from)
            try container.encode(to.rawValue, forKey: .to)
        case .regraded(let from, let to, let reason):
            try container.encode(Finding.EventKind.regraded.rawValue, forKey: .event)
            try container.encode(from, forKey: .from)
            try container.encode(to, forKey: .to)
            try container.encode(reason, forKey: .reason)
        case .escalated(let escalation, let to):
            try container.encode("escalated", forKey: .event)
            try container.encode(escalation.from, forKey: .from)
            try container.encode(to, forKey: .to)
            try container.encode(escalation.reason, forKey: .reason)
        }
    }
}

/// What a verb of `finding` records, for its one-line confirmation.
private enum FindingDone {
    case corrected, planProposed, planAccepted, implemented, verifiedEffective, verifiedIneffective
    case regraded(GradeID)

    func sentence(_ id: FindingID, on day: Day, _ words: Vocabulary) -> String {
        let on = words.day(day)
        return switch self {
        case .corrected: words.say("Correction immédiate de l'écart \(id) enregistrée le \(on).\n", "Finding \(id) corrected on \(on).\n")
        case .planProposed: words.say("Plan d'action de l'écart \(id) proposé le \(on).\n", "Finding \(id) has a proposed plan on \(on).\n")
        case .planAccepted: words.say("Plan d'action de l'écart \(id) accepté le \(on).\n", "Finding \(id) has an accepted plan on \(on).\n")
        case .implemented: words.say("Plan d'action de l'écart \(id) mis en œuvre le \(on).\n", "Finding \(id) implemented on \(on).\n")
        case .verifiedEffective:
            words.say("Écart \(id) levé : action vérifiée efficace le \(on).\n", "Finding \(id) verified effective (closed) on \(on).\n")
        case .verifiedIneffective:
            words.say("Écart \(id) : action jugée inefficace le \(on), un nouveau plan est attendu.\n", "Finding \(id) verified ineffective on \(on).\n")
        case .regraded(let grade):
            words.say("Écart \(id) reclassé « \(words.inSentence(words.grade(grade, in: nil))) » le \(on).\n",
                      "Finding \(id) graded \(words.inSentence(words.grade(grade, in: nil))) on \(on).\n")
        }
    }
}

/// Records one fact about an existing finding.
private func recordFinding(
    _ finding: String, store options: StoreOptions, on day: Day?, done: FindingDone,
    _ fact: (CertificationKey, FindingID) -> Fact
) throws {
    let id = FindingID(rawValue: finding)
    let key = try options.openExistingStore().certificationKey(ofFinding: id)
    let date = try options.record([fact(key, id)], on: day)
    Output.write(done.sentence(id, on: date, Vocabulary(options.language)))
}
