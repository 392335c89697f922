import ArgumentParser
import CedreCore
import CedreReports

/// Every day option (`--on`, `--as-of`, `--joined`, `--from`, `--to`, `--day`…) reads its value
/// here: `YYYY-MM-DD`, or `DD/MM/YYYY` as officers write days.
extension Day: ExpressibleByArgument {
    public init?(argument: String) {
        guard let day = try? Day(written: argument) else { return nil }
        self = day
    }

    public var defaultValueDescription: String { description }
}

extension ArgumentHelp {
    /// The help of a day option: what the day is, the two ways to write it, and its default.
    ///
    /// `.day("The day it happened", default: "--as-of, today")` reads "The day it happened,
    /// YYYY-MM-DD or DD/MM/YYYY (default --as-of, today)."
    static func day(_ what: String, default fallback: String? = nil) -> ArgumentHelp {
        ArgumentHelp("\(what), \(DayArgument.formats)\(fallback.map { " (default \($0))" } ?? "").", valueName: DayArgument.valueName)
    }
}

/// What ArgumentParser says of a day it could not read, completed with why.
enum DayArgument {
    /// How day options name their value in usage lines: `--on <day>`.
    static let valueName = "day"
    /// The two ways a day is written, as every day option's help says them.
    static let formats = "YYYY-MM-DD or DD/MM/YYYY"

    /// `message` (ArgumentParser's refusal of a command line) with the reason a refused day
    /// names no day: "The value '30/02/2013' is invalid for '--on <day>': February 2013 has 28 days."
    ///
    /// ArgumentParser only learns that a value could not be read (`init?(argument:)` has no
    /// room for a reason), so the reason is found here again from the value it quotes.
    static func explained(_ message: String, in language: ReportLanguage) -> String {
        // Help, versions and most refusals quote no day: no need to compile the pattern for them.
        guard message.contains(" <day>'") else { return message }
        let pattern = #/The value '(?<value>.*)' is invalid for '(?<option>[^']*) <day>'$/#
        return message.split(separator: "\n", omittingEmptySubsequences: false).map { line in
            guard let match = line.firstMatch(of: pattern) else { return String(line) }
            do throws(Day.WritingError) {
                _ = try Day(written: match.output.value)
                return String(line)
            } catch {
                return "\(line): \(error.reason(language))."
            }
        }.joined(separator: "\n")
    }
}
