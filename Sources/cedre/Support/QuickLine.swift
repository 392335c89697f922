import ArgumentParser
import CedreCore
import CedreReports

/// Command lines answered without ArgumentParser, in their usual shapes: `cert show`, a lookup
/// scripts run once per member, `report status`, the network's counts, and `check`, the
/// nightly cron line.
///
/// ArgumentParser finds a command's options by reflection, and a statically linked Swift
/// program pays for each first question about a type's protocols by scanning every
/// conformance record of the binary (8,284): on a cold `cert show`, half of what the process
/// does (DESIGN §9 gives it 3× a `sqlite3` lookup). A line is read here only when every token
/// is one of the command's own, each option once, each value readable as ArgumentParser reads
/// it; anything else, help, a mistake, an unusual spelling, goes to ArgumentParser, which
/// says what is wrong. A test holds both readings equal on every line this one accepts.
enum QuickLine {
    /// The options of `cert show`, each taking one value.
    private static let showOptions: Set = ["--scheme", "--as-of", "--db", "--lang", "--format", "--actor"]

    /// The options of `report status` read here, each taking one value; its filters and
    /// --output go to ArgumentParser.
    private static let statusOptions: Set = ["--as-of", "--db", "--lang", "--format", "--actor", "--horizon"]

    /// The options of `check`, each taking one value, and its flags.
    private static let checkOptions: Set = [
        "--as-of", "--db", "--lang", "--actor", "--horizon", "--format", "--region", "--scheme", "--remind-every", "--witness",
    ]
    private static let checkFlags: Set = ["--quiet", "--all", "--dry-run"]

    /// The question `arguments` asks when it is `cert show` in a usual shape; nil for any
    /// other line, and for one this reading would not read as ArgumentParser does.
    static func certificationQuery(_ arguments: [String]) -> CertificationQuery? {
        guard arguments.count > 2, arguments[0] == "cert", arguments[1] == "show",
            let line = Line(arguments.dropFirst(2), options: showOptions), line.positionals.count == 1,
            let scheme = line.values["--scheme"],
            let asOf = read(line.values["--as-of"], as: Day.init(argument:)),
            let lang = read(line.values["--lang"], as: ReportLanguage.init(argument:)),
            let format = read(line.values["--format"], as: SheetFormat.init(argument:))
        else { return nil }
        return CertificationQuery(
            member: line.positionals[0], scheme: scheme, asOf: asOf, db: line.values["--db"], lang: lang, format: format ?? .table)
    }

    /// The question `arguments` asks when it is `report status` in a usual shape; nil for any
    /// other line, and for one this reading would not read as ArgumentParser does.
    static func statusQuery(_ arguments: [String]) -> StatusQuery? {
        guard arguments.count >= 2, arguments[0] == "report", arguments[1] == "status",
            let line = Line(arguments.dropFirst(2), options: statusOptions), line.positionals.isEmpty,
            let asOf = read(line.values["--as-of"], as: Day.init(argument:)),
            let lang = read(line.values["--lang"], as: ReportLanguage.init(argument:)),
            let format = read(line.values["--format"], as: ReportCommand.DocumentFormat.init(argument:)),
            let horizon = read(line.values["--horizon"], as: Horizon.init(argument:))
        else { return nil }
        return StatusQuery(
            asOf: asOf, db: line.values["--db"], lang: lang, format: format,
            horizonDays: horizon?.days ?? StatusReport.defaultHorizonDays, choices: ReportCommand.Choices())
    }

    /// The run `arguments` asks for when it is `check` in a usual shape; nil for any other
    /// line, and for one this reading would not read as ArgumentParser does (--quiet with
    /// --all is refused there).
    static func checkQuery(_ arguments: [String]) -> CheckQuery? {
        guard arguments.count >= 1, arguments[0] == "check",
            let line = Line(arguments.dropFirst(), options: checkOptions, flags: checkFlags), line.positionals.isEmpty,
            !(line.flags.contains("--quiet") && line.flags.contains("--all")),
            let asOf = read(line.values["--as-of"], as: Day.init(argument:)),
            let lang = read(line.values["--lang"], as: ReportLanguage.init(argument:)),
            let format = read(line.values["--format"], as: CheckFormat.init(argument:)),
            let horizon = read(line.values["--horizon"], as: Horizon.init(argument:)),
            let remindEvery = read(line.values["--remind-every"], as: Horizon.init(argument:))
        else { return nil }
        return CheckQuery(
            asOf: asOf, db: line.values["--db"], actor: line.values["--actor"], lang: lang,
            horizonDays: horizon?.days ?? Check.defaultHorizonDays, dryRun: line.flags.contains("--dry-run"),
            listing: line.flags.contains("--quiet") ? .quiet : line.flags.contains("--all") ? .all : .standard,
            region: line.values["--region"], scheme: line.values["--scheme"], remindEveryDays: remindEvery?.days,
            format: format ?? .table, witness: line.values["--witness"])
    }

    /// A command's tokens after its name: words, flags of `flags` each given once, and options
    /// of `options` each given once with one value (`--as-of 2013-12-31` or
    /// `--as-of=2013-12-31`).
    private struct Line {
        private(set) var positionals: [String] = []
        private(set) var values: [String: String] = [:]
        private(set) var flags: Set<String> = []

        /// Nil for an option or flag not among `options` and `flags`, one given twice, an
        /// option without its value, or a flag with one.
        init?(_ tokens: ArraySlice<String>, options: Set<String>, flags: Set<String> = []) {
            var tokens = tokens
            while let token = tokens.popFirst() {
                guard token.hasPrefix("-") else {
                    positionals.append(token)
                    continue
                }
                if flags.contains(token) {
                    guard self.flags.insert(token).inserted else { return nil }
                    continue
                }
                let parts = token.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
                let option = String(parts[0])
                guard options.contains(option), values[option] == nil else { return nil }
                if parts.count == 2 {
                    values[option] = String(parts[1])
                } else {
                    guard let next = tokens.popFirst(), !next.hasPrefix("-") else { return nil }
                    values[option] = next
                }
            }
        }
    }

    /// `.some(nil)` for an option not given, the value read, or nil when it cannot be read.
    private static func read<Value>(_ value: String?, as make: (String) -> Value?) -> Value?? {
        guard let value else { return .some(nil) }
        return make(value).map { .some($0) }
    }
}
