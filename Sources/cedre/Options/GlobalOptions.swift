import ArgumentParser
import CedreCore
import CedreReports
import CedreStore
import Foundation

/// `--db`, `--as-of`, `--actor` and `--lang`: where the facts are, what "today" is, who
/// records, and the language of what the command says.
struct StoreOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp(
        "The database file (env CEDRE_DB; default $XDG_DATA_HOME/cedre/cedre.sqlite).", valueName: "path"))
    var db: String?

    @Option(name: .customLong("as-of"), help: ArgumentHelp(
        "The day to act or answer as of, YYYY-MM-DD (default today, Europe/Paris).", valueName: "day"))
    var asOf: Day?

    @Option(name: .long, help: ArgumentHelp(
        "Who records the facts (env CEDRE_ACTOR; default your user name).", valueName: "name"))
    var actor: String?

    @OptionGroup var languageOption: LanguageOption

    /// The language of the command's output and messages: `--lang`, `CEDRE_LANG`, or French.
    var language: ReportLanguage { languageOption.language }

    /// The database path, from the option, the environment or the XDG default.
    var databasePath: String {
        if let db { return db }
        let environment = ProcessInfo.processInfo.environment
        if let path = environment["CEDRE_DB"], !path.isEmpty { return path }
        let dataHome = environment["XDG_DATA_HOME"].flatMap { $0.isEmpty ? nil : $0 }
            ?? (NSHomeDirectory() as NSString).appendingPathComponent(".local/share")
        return (dataHome as NSString).appendingPathComponent("cedre/cedre.sqlite")
    }

    /// The command's today: `--as-of`, or the calendar day in Paris.
    var today: Day { asOf ?? Clock.today() }

    /// The recorded actor.
    var actorName: String {
        if let actor, !actor.isEmpty { return actor }
        let environment = ProcessInfo.processInfo.environment
        return environment["CEDRE_ACTOR"].flatMap { $0.isEmpty ? nil : $0 }
            ?? environment["USER"].flatMap { $0.isEmpty ? nil : $0 } ?? NSUserName()
    }

    /// The recording context of a write command.
    var context: RecordingContext {
        RecordingContext(actor: actorName, today: today, now: Date())
    }

    /// Records facts that happened on `day` (default: today) in one transaction; returns the day.
    @discardableResult
    func record(_ facts: [Fact], on day: Day?) throws -> Day {
        let date = day ?? today
        try openStore().record(facts.map { DatedFact($0, on: date) }, context: context)
        return date
    }

    /// Opens the database, which must exist: only `cedre init` (and `demo`) create one, so a
    /// mistyped `--db` never leaves an empty database behind.
    func openStore() throws -> CedreStore {
        try openExistingStore()
    }

    /// Opens a database that must already exist.
    func openExistingStore() throws -> CedreStore {
        guard FileManager.default.fileExists(atPath: databasePath) else {
            throw CommandError.noDatabase(databasePath)
        }
        return try CedreStore.open(path: databasePath)
    }
}

/// `--lang`: the language of a command's output and messages (`--help` stays English).
struct LanguageOption: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp(
        "The language of output and messages: fr or en (env CEDRE_LANG; default fr).", valueName: "lang"))
    var lang: ReportLanguage?

    /// `--lang`, else `CEDRE_LANG`, else French.
    var language: ReportLanguage { lang ?? RunLanguage.current }
}

/// `--format`: how a list command's answer is written (its language is the store options' `--lang`).
struct OutputOptions: ParsableArguments {
    @Option(name: .long, help: "How to write the answer: table, json, csv or markdown.")
    var format: OutputFormat = .table
}

/// The output formats of list commands.
enum OutputFormat: String, ExpressibleByArgument, CaseIterable {
    case table, json, csv, markdown
}

/// The output formats of commands that show one thing.
enum SheetFormat: String, ExpressibleByArgument, CaseIterable {
    case table, json
}

extension Day: ExpressibleByArgument {
    public init?(argument: String) {
        self.init(argument)
    }

    public var defaultValueDescription: String { description }
}

/// Reads the wall clock, at the edge of the program only.
enum Clock {
    /// Today's calendar day in Europe/Paris, the federation's time zone.
    static func today() -> Day {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "Europe/Paris") ?? .current
        let parts = calendar.dateComponents([.year, .month, .day], from: Date())
        return Day(year: parts.year ?? 1970, month: parts.month ?? 1, day: parts.day ?? 1) ?? Day(ordinal: 0)
    }
}
