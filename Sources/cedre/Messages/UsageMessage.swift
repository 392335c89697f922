import ArgumentParser
import CedreCore
import CedreReports
import Foundation

/// ArgumentParser's usage errors in the run's language, with "did you mean" for a mistyped
/// subcommand; the usage and help lines they quote stay English, as `--help` does.
enum UsageMessage {
    /// `text`, ArgumentParser's message for a usage error of `arguments`, in `language`.
    static func localized(_ text: String, arguments: [String], language: ReportLanguage) -> String {
        let words = Vocabulary(language)
        var lines = text.components(separatedBy: "\n")
        if let index = lines.firstIndex(where: { $0.hasPrefix("Error: ") }), let (typed, nearest) = mistypedSubcommand(in: arguments) {
            lines[index] = "Error: " + words.say(
                "la sous-commande « \(typed) » n'existe pas : vouliez-vous dire « \(nearest) » ?",
                "there is no subcommand '\(typed)': did you mean '\(nearest)'?")
        }
        if let index = lines.firstIndex(where: { $0.hasPrefix("Error: ") }), let hint = dayOptionHint(lines[index], usage: lines, words) {
            lines[index] = "Error: " + hint
        }
        guard language == .fr else { return lines.joined(separator: "\n") }
        return lines.map { line in
            if line.hasPrefix("Error: ") { return "Erreur\u{00A0}: " + french(String(line.dropFirst("Error: ".count))) }
            if line.hasPrefix("  See '"), line.hasSuffix("' for more information."),
                let command = line.dropFirst("  See '".count).split(separator: "'").first
            {
                return "  Voir «\u{00A0}\(command)\u{00A0}» pour en savoir plus."
            }
            return line
        }.joined(separator: "\n")
    }

    /// The first command-line word that names no subcommand where one is expected, and the
    /// subcommand it most likely meant; nil when the words before the options name commands.
    static func mistypedSubcommand(in arguments: [String]) -> (typed: String, nearest: String)? {
        var command: any ParsableCommand.Type = Cedre.self
        for argument in arguments {
            guard !argument.hasPrefix("-") else { return nil }
            let subcommands = command.configuration.subcommands
            guard !subcommands.isEmpty else { return nil }
            let names = subcommands.map { $0.configuration.commandName ?? "" }
            guard let index = names.firstIndex(of: argument) else {
                return NearestName.among(names, to: argument).map { (argument, $0) }
            }
            command = subcommands[index]
        }
        return nil
    }

    /// For an unknown option that names a day (`--date`, `--day`, `--jour`), the command's own
    /// day options, read from its usage line: ArgumentParser would suggest `--db`, the nearest
    /// spelling, which is not a day at all.
    static func dayOptionHint(_ line: String, usage lines: [String], _ words: Vocabulary) -> String? {
        guard let match = line.firstMatch(of: #/^Error: Unknown option '(?<option>--[^']+)'/#) else { return nil }
        let typed = String(match.output.option)
        guard ["date", "day", "jour"].contains(where: typed.lowercased().contains) else { return nil }
        let usage = lines.first { $0.hasPrefix("Usage: ") } ?? ""
        var options: [String] = []
        for found in usage.matches(of: #/(?<name>--[a-z-]+) <day>/#) where !options.contains(String(found.output.name)) {
            options.append(String(found.output.name))
        }
        guard !options.isEmpty else { return nil }
        let quoted = options.map { "'\($0)'" }
        return words.say(
            "option inconnue \(typed) : pour un jour, utilisez \(words.list(options.map { "« \($0) »" }, conjunction: ("ou", "or"))).",
            "unknown option '\(typed)': for a day, use \(words.list(quoted, conjunction: ("ou", "or"))).")
    }

    /// One line of ArgumentParser's English, in French; a line it does not know stays as it is
    /// (a `ValidationError` of a command is already in the run's language).
    private static func french(_ line: String) -> String {
        let patterns: [(String, (Regex<AnyRegexOutput>.Match) -> String)] = [
            (#"^Missing expected argument '(.+)'$"#, { "argument attendu manquant\u{00A0}: \(group($0, 1))" }),
            (#"^Missing value for '(.+)'$"#, { "valeur manquante pour \(group($0, 1))" }),
            (#"^Unknown option '(.+)'\. Did you mean '(.+)'\?$"#, { "option inconnue \(group($0, 1))\u{00A0}: vouliez-vous dire \(group($0, 2))\u{202F}?" }),
            (#"^Unknown option '(.+)'$"#, { "option inconnue \(group($0, 1))" }),
            (#"^Unexpected argument '(.+)'$"#, { "argument inattendu\u{00A0}: \(group($0, 1))" }),
            (#"^(\d+) unexpected arguments: (.+)$"#, { "\(group($0, 1)) arguments inattendus\u{00A0}: \(group($0, 2))" }),
            (#"^The value '(.*)' is invalid for '(.+)'\. Please provide one of the following:$"#,
             { "la valeur «\u{00A0}\(group($0, 1))\u{00A0}» n'est pas valable pour \(group($0, 2)). Valeurs possibles\u{00A0}:" }),
            (#"^The value '(.*)' is invalid for '(.+)'\. Please provide one of (.+)\.$"#,
             { "la valeur «\u{00A0}\(group($0, 1))\u{00A0}» n'est pas valable pour \(group($0, 2)). Valeurs possibles\u{00A0}: \(group($0, 3).replacingOccurrences(of: " and ", with: " et "))." }),
            (#"^The value '(.*)' is invalid for '(.+)': (.+)$"#,
             { "la valeur «\u{00A0}\(group($0, 1))\u{00A0}» n'est pas valable pour \(group($0, 2))\u{00A0}: \(group($0, 3))" }),
            (#"^The value '(.*)' is invalid for '(.+)'$"#, { "la valeur «\u{00A0}\(group($0, 1))\u{00A0}» n'est pas valable pour \(group($0, 2))" }),
        ]
        for (pattern, rewrite) in patterns {
            if let regex = try? Regex(pattern), let match = line.wholeMatch(of: regex) { return rewrite(match) }
        }
        return line
    }

    private static func group(_ match: Regex<AnyRegexOutput>.Match, _ index: Int) -> String {
        match.output[index].substring.map(String.init) ?? ""
    }
}
