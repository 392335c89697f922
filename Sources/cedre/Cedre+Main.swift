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
        var command: any ParsableCommand
        do {
            command = try parseAsRoot()
        } catch {
            finish(error)
        }
        do {
            try command.run()
            finish(nil)
        } catch {
            finish(error)
        }
    }

    /// Ends the process: 74 when standard output failed, else the error's code and sentence
    /// (through the terminal escaping layer: an echoed id cannot steer the terminal).
    private static func finish(_ error: (any Error)?) -> Never {
        guard let error else { endAfterOutput(.success) }
        if let failure = ExitCodes.failure(for: error, in: RunLanguage.current) {
            let message = error is ImportFailure ? TerminalText.escapeLines(failure.message) : TerminalText.escape(failure.message)
            // An output error is already the answer: standard output's own failure would repeat it.
            endAfterOutput(failure.code, error: message, checkingOutput: !(error is OutputError))
        }
        if let help = HelpLayout.examplesLast(for: error) {
            Output.write(help)
            endAfterOutput(.success)
        }
        let code = exitCode(for: error)
        let explained = DayArgument.explained(fullMessage(for: error), in: RunLanguage.current)
        let message = code == ExitCodes.usage
            ? UsageMessage.localized(explained, arguments: Array(CommandLine.arguments.dropFirst()), language: RunLanguage.current)
            : explained
        if message.isEmpty { endAfterOutput(code) }
        let line = message.hasSuffix("\n") ? message : message + "\n"
        if code == .success {
            Output.write(line)
            endAfterOutput(code)
        }
        Output.standardError.write(TerminalText.escapeLines(line))
        endAfterOutput(code)
    }

    /// Exits with `code` after writing `error` to standard error as `cedre: …`, or with 74
    /// and the output's failure when something written to standard output did not arrive.
    private static func endAfterOutput(_ code: ExitCode, error: String? = nil, checkingOutput: Bool = true) -> Never {
        do {
            if checkingOutput { try Output.confirm() }
            if let error { Output.standardError.write("cedre: \(error)\n") }
            Foundation.exit(code.rawValue)
        } catch {
            Output.standardError.write("cedre: \(error)\n")
            Foundation.exit(ExitCodes.outputFailed.rawValue)
        }
    }
}
