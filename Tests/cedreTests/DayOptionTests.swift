import CedreCore
import CedreTestSupport
import Foundation
import ArgumentParser
import Testing

@testable import cedre

/// Days as officers write them (issue 14, item 3): every day option reads `YYYY-MM-DD` and
/// `DD/MM/YYYY` through one path, says both in its help, and says why a day does not exist.
@Suite struct DayOptionTests {
    /// What cedre says of a command line ArgumentParser refuses (its first line), as `cedre` prints it.
    private func refusal(_ arguments: [String]) -> String? {
        do {
            _ = try Cedre.parseAsRoot(arguments)
            return nil
        } catch {
            return DayArgument.explained(Cedre.message(for: error), in: .en)
        }
    }

    /// What the command at `path` says of `arguments` when it refuses them (the first line).
    private func refusal(of path: [String], _ arguments: [String]) -> String? {
        guard let type = CommandTree.type(at: path) else { return refusal(path + arguments) }
        do {
            _ = try type.parseAsRoot(arguments)
            return nil
        } catch {
            return DayArgument.explained(type.message(for: error), in: .en)
        }
    }

    @Test func aFrenchDayAndAnIsoDayAreTheSameDayInProcess() throws {
        let french = try #require(try Cedre.parseAsRoot(["audit", "conduct", "A-2013-0001", "--on", "01/03/2013"]) as? AuditCommand.Conduct)
        let iso = try #require(try Cedre.parseAsRoot(["audit", "conduct", "A-2013-0001", "--on", "2013-03-01"]) as? AuditCommand.Conduct)
        #expect(french.on == Day("2013-03-01"))
        #expect(french.on == iso.on)
        let short = try #require(try Cedre.parseAsRoot(["audit", "conduct", "A-2013-0001", "--on", "1/3/2013", "--as-of", "31/12/2013"])
            as? AuditCommand.Conduct)
        #expect(short.on == Day("2013-03-01"))
        #expect(short.store.asOf == Day("2013-12-31"))
    }

    @Test func auditConductOnADayWrittenDDMMYYYYRecordsWhatTheIsoDayRecords() throws {
        // Given the same audit planned in two databases
        var shown: [String] = []
        for day in ["01/03/2013", "2013-03-01"] {
            let cedre = try ContractSteps.engaged.runner()
            defer { cedre.cleanUp() }
            let audit = try cedre.newIdentifier("audit plan solipass --scheme cedre --kind initial --on 2013-03-01")

            // When it is conducted on the day written one way or the other
            try cedre.succeed(["audit", "conduct", audit, "--on", day])

            // Then the audit and the certification are the same in both
            shown.append(try cedre.succeed(["audit", "show", audit, "--format", "json"])
                + cedre.succeed(["cert", "show", "solipass", "--scheme", "cedre", "--as-of", "2013-03-02", "--format", "json"]))
        }
        #expect(shown[0] == shown[1])
        #expect(shown[0].contains("\"conductedOn\" : \"2013-03-01\""))
    }

    @Test func aDayThatDoesNotExistIsRefusedSayingWhy() throws {
        let cedre = try CommandLineRunner()
        defer { cedre.cleanUp() }
        let leap = try cedre.run(["audit", "conduct", "A-2013-0001", "--on", "30/02/2013"])
        leap.expectUsageError(mentioning: "The value '30/02/2013' is invalid for '--on <day>': February 2013 has 28 days.")
        #expect(refusal(["cert", "engage", "x", "--scheme", "cedre", "--on", "29/02/2012"]) == nil)
        #expect(refusal(["cert", "engage", "x", "--scheme", "cedre", "--on", "29/02/2013"])?
            .contains("'29/02/2013' is invalid for '--on <day>': February 2013 has 28 days.") == true)
        #expect(refusal(["cert", "engage", "x", "--scheme", "cedre", "--on", "31/04/2013"])?.contains("April 2013 has 30 days.") == true)
        #expect(refusal(["report", "status", "--as-of", "01/13/2013"])?.contains("'--as-of <day>': there is no month 13.") == true)
        #expect(refusal(["report", "status", "--as-of", "1/3/13"])?.contains(": write it YYYY-MM-DD or DD/MM/YYYY.") == true)
    }

    @Test func anUnknownOptionThatNamesADayPointsToTheCommandsDayOptions() throws {
        var cedre = try CommandLineRunner()
        defer { cedre.cleanUp() }
        try cedre.run(["audit", "conduct", "A-2013-0001", "--date", "01/03/2013"])
            .expectUsageError(mentioning: "unknown option '--date': for a day, use '--as-of' or '--on'.")
        try cedre.run(["report", "status", "--day", "01/03/2013"])
            .expectUsageError(mentioning: "unknown option '--day': for a day, use '--as-of'.")
        try cedre.run(["report", "status", "--dbb", "x"]).expectUsageError(mentioning: "Unknown option '--dbb'. Did you mean '--db'?")
        cedre.environment["CEDRE_LANG"] = "fr"
        let french = try cedre.run(["audit", "conduct", "A-2013-0001", "--date", "01/03/2013"])
        #expect(french.status == 64)
        #expect(french.error.hasPrefix(
            "Erreur\u{00A0}: option inconnue --date\u{00A0}: pour un jour, utilisez «\u{00A0}--as-of\u{00A0}» ou «\u{00A0}--on\u{00A0}».\n"))
    }

    @Test func everyDayOptionReadsBothFormsSaysBothInItsHelpAndSaysWhyADayIsWrong() throws {
        // Each option as declared, once: the global ones (--as-of) appear in every command.
        var probed: Set<[String]> = []
        var dayOptions: Set<String> = []
        for command in try HelpDump.shared.get().commands {
            for argument in command.arguments where argument.takesValue && argument.display.hasPrefix("--") {
                guard probed.insert([argument.display, argument.valueName, argument.abstract]).inserted else { continue }
                let option = argument.display.split(separator: "/").last.map(String.init) ?? argument.display
                // An option is a day option when a day that does not exist is refused as a day.
                let message = refusal(of: command.path, [option, "30/02/2013"]) ?? ""
                let readsDays = message.contains("'\(option) <\(argument.valueName)>': February 2013 has 28 days.")
                #expect(readsDays == (argument.valueName == "day"),
                        "\(command.commandLine) \(option) <\(argument.valueName)>: \(message)")
                guard readsDays else { continue }
                dayOptions.insert(option)
                #expect(argument.abstract.contains("YYYY-MM-DD or DD/MM/YYYY"),
                        "\(command.commandLine) \(option): '\(argument.abstract)' does not say both forms")
            }
        }
        #expect(dayOptions == [
            "--as-of", "--on", "--joined", "--from", "--to", "--day", "--due", "--trained-on", "--planned-on", "--confirmed-on",
            "--started-on",
        ])
    }
}
