import ArgumentParser
import CedreCore
import CedreReports
import CedreStore
import Foundation

/// `--db`, `--as-of`, `--actor` and `--lang`: where the facts are, what "today" is, who
/// records, and the language of what the command says.
struct StoreOptions: ParsableArguments {
    // Names and help built once: every command has these options, and ArgumentParser builds a
    // command's options again each time it reads its definition (dozens of times a command
    // line in a debug build, where building `.long` alone cost 0.9 % of the suite's time).
    private static let long = NameSpecification.long
    private static let asOf = NameSpecification.customLong("as-of")
    private static let asOfHelp = ArgumentHelp.day("The day to act or answer as of", default: "today, Europe/Paris")

    @Option(name: StoreOptions.long, help: ArgumentHelp(
        "The database file (env CEDRE_DB; default $XDG_DATA_HOME/cedre/cedre.sqlite).", valueName: "path"))
    var db: String?

    @Option(name: StoreOptions.asOf, help: StoreOptions.asOfHelp)
    var asOf: Day?

    @Option(name: StoreOptions.long, help: ArgumentHelp(
        "Who records the facts (env CEDRE_ACTOR; default your user name).", valueName: "name"))
    var actor: String?

    // `--lang` is declared here rather than as a nested `LanguageOption` group: ArgumentParser
    // builds (and, in debug builds, checks) a nested group again for every level above it.
    @Option(name: StoreOptions.long, help: .language)
    var lang: ReportLanguage?

    /// The language of the command's output and messages: `--lang`, `CEDRE_LANG`, or French.
    var language: ReportLanguage { RunLanguage.of(lang) }

    /// The database path, from the option, the environment or the XDG default.
    var databasePath: String {
        StoreOptions.databasePath(option: db, environment: RunContext.current.environment)
    }

    /// `--db`, else `CEDRE_DB`, else `$XDG_DATA_HOME/cedre/cedre.sqlite` with XDG's default
    /// `$HOME/.local/share`.
    static func databasePath(option: String?, environment: RunEnvironment) -> String {
        if let option { return option }
        if let path = environment["CEDRE_DB"], !path.isEmpty { return path }
        return (xdgDirectory("XDG_DATA_HOME", default: ".local/share", environment: environment) as NSString)
            .appendingPathComponent("cedre/cedre.sqlite")
    }

    /// An XDG base directory: `$variable`, else `$HOME/fallback` (the `HOME` of the
    /// environment, as every XDG program reads it, and the account's home only when `HOME` is
    /// unset).
    static func xdgDirectory(_ variable: String, default fallback: String, environment: RunEnvironment) -> String {
        func nonEmpty(_ name: String) -> String? { environment[name].flatMap { $0.isEmpty ? nil : $0 } }
        return nonEmpty(variable) ?? ((nonEmpty("HOME") ?? NSHomeDirectory()) as NSString).appendingPathComponent(fallback)
    }

    /// The command's today: `--as-of`, or the calendar day in Paris.
    var today: Day { asOf ?? Clock.today() }

    /// The recorded actor.
    var actorName: String { StoreOptions.actorName(option: actor) }

    /// `--actor`, else `CEDRE_ACTOR`, `USER` or `LOGNAME`, else the account's name.
    static func actorName(option: String?) -> String {
        if let option, !option.isEmpty { return option }
        let environment = RunContext.current.environment
        // cron sets LOGNAME and not always USER; the account itself is read only when none is set.
        return ["CEDRE_ACTOR", "USER", "LOGNAME"].lazy.compactMap { environment[$0] }.first { !$0.isEmpty } ?? NSUserName()
    }

    /// The recording context of a write command.
    var context: RecordingContext {
        RecordingContext(actor: actorName, today: today, now: Date())
    }

    /// Records facts that happened on `day` (default: today) in one transaction; returns the day.
    @discardableResult
    func record(_ facts: [Fact], on day: Day?) throws -> Day {
        try record(on: day) { _ in facts }
    }

    /// Records the facts `make` builds with the open store (whose catalog reads the schemes
    /// people type) as having happened on `day` (default: today), in one transaction; returns the day.
    @discardableResult
    func record(on day: Day?, _ make: (CedreStore) throws -> [Fact]) throws -> Day {
        let date = day ?? today
        let store = try openStore()
        try store.record(try make(store).map { DatedFact($0, on: date) }, context: context)
        return date
    }

    /// Records the one fact `fact` makes of the certification `key` names, read with the open
    /// store's catalog, on `day` (default: today); returns the certification and the day.
    func record(
        on day: Day?, of key: (SchemeCatalog) throws -> CertificationKey, _ fact: (CertificationKey) -> Fact
    ) throws -> (key: CertificationKey, day: Day) {
        var recorded: CertificationKey?
        let date = try record(on: day) { store in
            let found = try key(store.catalog)
            recorded = found
            return [fact(found)]
        }
        guard let recorded else { preconditionFailure("record(on:) returns after building its facts") }
        return (recorded, date)
    }

    /// Opens the database, which must exist: only `cedre init` (and `demo`) create one, so a
    /// mistyped `--db` never leaves an empty database behind.
    func openStore() throws -> CedreStore {
        try openExistingStore()
    }

    /// Opens a database that must already exist.
    func openExistingStore() throws -> CedreStore {
        try StoreOptions.openExisting(db: db)
    }

    /// Opens the database `--db` names (else `CEDRE_DB` or the default), which must exist.
    static func openExisting(db: String?) throws -> CedreStore {
        try open(databasePath(option: db, environment: RunContext.current.environment), creating: false)
    }

    /// Opens the database at `path`, creating it when `creating`; a folder, a file this account
    /// cannot read and write, or a place where no file can be created is refused naming the path.
    static func open(_ path: String, creating: Bool) throws -> CedreStore {
        var isFolder: ObjCBool = false
        let exists = FileManager.default.fileExists(atPath: path, isDirectory: &isFolder)
        if exists, isFolder.boolValue { throw PathError.databaseIsFolder(path: path) }
        if !exists, !creating { throw CommandError.noDatabase(path) }
        if exists, access(path, R_OK | W_OK) != 0 {
            throw PathError.databaseUnusable(path: path, reason: String(cString: strerror(errno)))
        }
        if !exists, let problem = creationProblem(path) { throw PathError.databaseNotCreated(path: path, reason: problem) }
        do {
            return try CedreStore.open(path: path)
        } catch let error where DatabaseFailure(error)?.kind == .cannotOpen {
            // The file is usable, its folder is not: SQLite keeps its journal (-wal, -shm) beside it.
            let failure = DatabaseFailure(error)
            throw PathError.databaseUnusable(path: path, reason: failure?.message ?? failure?.code ?? "")
        } catch let error as CocoaError where !exists {
            let folder = URL(fileURLWithPath: path).deletingLastPathComponent().path
            let reason = FileManager.default.fileExists(atPath: folder) ? error.localizedDescription : "the folder \(folder) could not be created"
            throw PathError.databaseNotCreated(path: path, reason: reason)
        }
    }

    /// Why no file can be created at `path` (its nearest existing folder is a file, or not
    /// writable), or nil when it can: `CedreStore.open` creates the missing folders.
    private static func creationProblem(_ path: String) -> String? {
        var folder = URL(fileURLWithPath: path).deletingLastPathComponent()
        var isFolder: ObjCBool = false
        while !FileManager.default.fileExists(atPath: folder.path, isDirectory: &isFolder), folder.path != "/" {
            folder.deleteLastPathComponent()
        }
        if !isFolder.boolValue { return "\(folder.path) is a file, not a folder" }
        return access(folder.path, W_OK | X_OK) == 0 ? nil : "the folder \(folder.path) is not writable"
    }
}

/// `--lang`: the language of a command's output and messages (`--help` stays English).
struct LanguageOption: ParsableArguments {
    @Option(name: .long, help: .language)
    var lang: ReportLanguage?

    /// `--lang`, else `CEDRE_LANG`, else French.
    var language: ReportLanguage { RunLanguage.of(lang) }
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

extension ArgumentHelp {
    /// The help of `--lang`, in the store options and in the commands that open no store.
    static let language = ArgumentHelp(
        "The language of output and messages: fr or en (env CEDRE_LANG; default fr).", valueName: "lang")
}
