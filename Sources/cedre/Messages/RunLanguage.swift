import CedreReports
import Foundation

/// The language of one run's output and messages: the `--lang` of the command line, else
/// `CEDRE_LANG`, else French (DESIGN §6; `--help` stays English).
///
/// Read from the raw arguments, not from parsed options, so that an error raised before a
/// command's options are parsed (a mistyped subcommand, a missing option) speaks it too.
enum RunLanguage {
    /// The language of the run in progress.
    static var current: ReportLanguage {
        resolve(arguments: RunContext.current.arguments, environment: RunContext.current.environment)
    }

    /// The language of a command whose `--lang` was parsed as `parsed`: it, else the run's.
    static func of(_ parsed: ReportLanguage?) -> ReportLanguage {
        parsed ?? current
    }

    /// The last valid `--lang X` or `--lang=X` before a `--`, else `CEDRE_LANG` (`en`, `en_GB.UTF-8`…),
    /// else French.
    static func resolve(arguments: [String], environment: RunEnvironment) -> ReportLanguage {
        var chosen: ReportLanguage?
        var index = arguments.startIndex
        while index < arguments.endIndex, arguments[index] != "--" {
            let argument = arguments[index]
            if argument == "--lang", index + 1 < arguments.endIndex {
                chosen = ReportLanguage(rawValue: arguments[index + 1]) ?? chosen
                index += 1
            } else if argument.hasPrefix("--lang=") {
                chosen = ReportLanguage(rawValue: String(argument.dropFirst("--lang=".count))) ?? chosen
            }
            index += 1
        }
        if let chosen { return chosen }
        let variable = environment["CEDRE_LANG"]?.lowercased() ?? ""
        return ReportLanguage(rawValue: String(variable.prefix(2))) ?? .fr
    }
}
