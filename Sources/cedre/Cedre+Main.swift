#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import ArgumentParser
import CedreReports
import CedreStore
import Foundation

extension Cedre {
    /// Parses, runs, and ends the process with the code of what happened: a write that failed
    /// anywhere (standard output, a file) ends it with 74 whatever the command returned.
    static func main() {
        // A closed pipe must be an error of write(2), EPIPE, not a signal that kills cedre.
        signal(SIGPIPE, SIG_IGN)
        Foundation.exit(execute())
    }

    /// Parses and runs the command line of `RunContext.current`, and returns the exit status.
    /// A usual `cert show`, `report status` or `check` line is read without ArgumentParser (`QuickLine`).
    static func execute() -> Int32 {
        let arguments = RunContext.current.arguments
        do {
            if let query = QuickLine.certificationQuery(arguments) {
                try query.answer()
            } else if let query = QuickLine.statusQuery(arguments) {
                try query.answer()
            } else if let query = QuickLine.checkQuery(arguments) {
                try query.answer()
            } else {
                var command = try parseAsRoot(arguments)
                try command.run()
            }
            return finish(nil)
        } catch {
            return finish(error)
        }
    }

    /// Ends the run: 74 when standard output failed, else the error's code and sentence
    /// (through the terminal escaping layer: an echoed id cannot steer the terminal).
    private static func finish(_ error: (any Error)?) -> Int32 {
        guard let error else { return endAfterOutput(.success) }
        // A code thrown on purpose (3, something needs attention) says nothing more: its
        // message from ArgumentParser is empty, and asking for it builds the command's help
        // (5.6 of the main thread's 46.6 M instructions in a next night's check at 5,000 members).
        if let code = error as? ExitCode { return endAfterOutput(code) }
        let code: ExitCode
        switch ExitCodes.ending(for: error, in: RunLanguage.current) {
        case .failure(let failureCode, let failure):
            let message = error is ImportFailure ? TerminalText.escapeLines(failure) : TerminalText.escape(failure)
            // An output error is already the answer: standard output's own failure would repeat it.
            return endAfterOutput(failureCode, error: message, checkingOutput: !(error is OutputError))
        case .reportedByArgumentParser(let reported):
            code = reported
        }
        if code == .success, let help = HelpLayout.examplesLast(for: error) {
            Output.write(help)
            return endAfterOutput(.success)
        }
        let explained = DayArgument.explained(fullMessage(for: error, columns: RunContext.current.helpColumns), in: RunLanguage.current)
        let message = code == ExitCodes.usage
            ? UsageMessage.localized(explained, arguments: RunContext.current.arguments, language: RunLanguage.current)
            : explained
        if message.isEmpty { return endAfterOutput(code) }
        let line = message.hasSuffix("\n") ? message : message + "\n"
        if code == .success {
            Output.write(line)
            return endAfterOutput(code)
        }
        Output.standardError.write(TerminalText.escapeLines(line))
        return endAfterOutput(code)
    }

    /// The status `code` after writing `error` to standard error as `cedre: …`, or 74 and the
    /// output's failure when something written to standard output did not arrive.
    private static func endAfterOutput(_ code: ExitCode, error: String? = nil, checkingOutput: Bool = true) -> Int32 {
        do {
            if checkingOutput { try Output.confirm() }
            if let error { Output.standardError.write("cedre: \(error)\n") }
            return code.rawValue
        } catch {
            Output.standardError.write("cedre: \(error)\n")
            return ExitCodes.outputFailed.rawValue
        }
    }
}
