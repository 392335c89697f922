import ArgumentParser
import CedreCore
import CedreStore
import Foundation

struct Correct: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "correct",
        abstract: "Correct a recorded fact: its day, or any field of it; the original stays in the log.",
        discussion: """
            EVENT is the number 'cedre log' shows. The correction is appended as a fact of its \
            own (who, why, what changed); from then on every answer (shows, lists, reports, \
            check, the registry, --as-of any day) is what it would have been had the fact been \
            entered right the first time. The kind of the fact and the member or scheme it is \
            about never change: void it and record the right one instead.

            Refused (exit 65, nothing written) when the corrected fact would make its \
            certification, or anything else it touches, replay illegally: the message names \
            the event and the day that would break. Correct again to change a correction, or \
            void the correction to restore the original.

            Prints the correction's event number alone.

            EXAMPLE
              cedre log --member solipass
              cedre correct 12 --on 2013-03-01 --reason "conducted on the 1st, typed the 11th"
              cedre correct 14 --set audit=A-2013-0002 --reason "finding opened on the wrong audit"
            """)

    @OptionGroup var store: StoreOptions

    @Argument(help: ArgumentHelp("The number of the event to correct, as 'cedre log' shows it.", valueName: "event"))
    var event: Int64

    @Option(help: ArgumentHelp("Why the fact is corrected (required; kept in the log).", valueName: "text"))
    var reason: String

    @Option(help: .day("The day the fact really happened"))
    var on: Day?

    @Option(name: .customLong("set"), help: ArgumentHelp(
        "A field and its right value, e.g. audit=A-2013-0002, due=2013-05-30, effective=false; repeat for several; an empty value clears an optional field.",
        valueName: "field=value"))
    var fields: [FieldAssignment] = []

    func validate() throws {
        try CorrectionReason.check(reason)
        if on == nil && fields.isEmpty {
            throw UsageProblem.nothingToCorrect.validationError
        }
    }

    func run() throws {
        let event = try store.openExistingStore().correct(
            event: event, on: on, setting: fields.map { ($0.name, $0.value) }, reason: reason, context: store.context)
        Output.write("\(event.id)\n")
    }
}

struct VoidFact: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "void",
        abstract: "Void a recorded fact entered by mistake; the original stays in the log.",
        discussion: """
            EVENT is the number 'cedre log' shows. The void is appended as a fact of its own \
            (who, why); from then on every answer is what it would have been had the fact never \
            been entered. Any fact can be voided, a correction too, which restores what it \
            corrected.

            Refused (exit 65, nothing written) when what follows the fact needs it (a finding \
            raised at a voided audit, a decision resting on a voided audit): the message names \
            the event and the day that would break; void those first.

            Prints the void's event number alone.

            EXAMPLE
              cedre void 15 --reason "decision entered for the wrong member"
            """)

    @OptionGroup var store: StoreOptions

    @Argument(help: ArgumentHelp("The number of the event to void, as 'cedre log' shows it.", valueName: "event"))
    var event: Int64

    @Option(help: ArgumentHelp("Why the fact is voided (required; kept in the log).", valueName: "text"))
    var reason: String

    func validate() throws {
        try CorrectionReason.check(reason)
    }

    func run() throws {
        let event = try store.openExistingStore().void(event: event, reason: reason, context: store.context)
        Output.write("\(event.id)\n")
    }
}

/// A `--set FIELD=VALUE` of a correction.
struct FieldAssignment: ExpressibleByArgument {
    let name: String
    let value: String

    init?(argument: String) {
        guard let equals = argument.firstIndex(of: "="), equals != argument.startIndex else { return nil }
        name = String(argument[..<equals]).trimmingSpaces
        value = String(argument[argument.index(after: equals)...])
    }
}

/// The reason every correction carries.
enum CorrectionReason {
    static func check(_ reason: String) throws {
        if reason.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
            throw UsageProblem.reasonRequired.validationError
        }
    }
}
