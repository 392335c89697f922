import ArgumentParser
import CedreCore
import CedreFixtures
import CedreReports
import CedreStore
import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

struct Demo: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "demo",
        abstract: "Build the federation's 2013 network from the bundled fixtures and print its status.",
        discussion: """
            The database is built in a temporary folder, or at --db (or CEDRE_DB) to explore it \
            afterwards; an existing database there is replaced only if it is itself a demo one. \
            The status report of 31 December 2013 is printed, and written as a self-contained \
            HTML page next to the database (status-report-2013-12-31.html).

            EXAMPLE
              cedre demo
              cedre demo --db /tmp/demo.sqlite && cedre member list --db /tmp/demo.sqlite --as-of 2013-12-31
            """)

    /// Every fact of the demo is recorded by this actor: it is how a demo database is recognised.
    static let actor = "cedre demo"
    /// The day the 2013 activity report speaks of.
    static let day = Day(year: 2013, month: 12, day: 31) ?? Day(ordinal: 0)

    @Option(help: ArgumentHelp("Where to build the demo database (env CEDRE_DB; default a temporary folder).", valueName: "path"))
    var db: String?

    @OptionGroup var language: LanguageOption

    func run() throws {
        let path = try databasePath()
        let store = try CedreStore.open(path: path)
        let context = RecordingContext(actor: Demo.actor, today: Demo.day, now: Date())
        let folder = CedreFixtures.network2013
        for file in ["members.csv", "events.jsonl", "auditors.jsonl"] {
            _ = try store.importFile(folder.appendingPathComponent(file), departements: CedreFixtures.departements, context: context)
        }
        let register = CertificationRegister(network: try store.network(through: Demo.day), on: Demo.day)
        let lang = language.language
        let document = StatusReport(register: register).document(lang)
        let page = URL(fileURLWithPath: path).deletingLastPathComponent().appendingPathComponent("status-report-\(Demo.day).html")
        try Output.write(document.html(), toFile: page.path)
        let words = Vocabulary(lang)
        Output.write(document.text(style: Output.terminalStyle))
        Output.write("\n" + words.labelled(words.label(.htmlReport), page.path) + "\n")
        Output.write(words.labelled(words.label(.demoDatabase), path) + "\n")
    }

    /// A fresh path: the requested one (after removing an earlier demo there) or a temporary one.
    private func databasePath() throws -> String {
        let requested = db ?? RunContext.current.environment["CEDRE_DB"].flatMap { $0.isEmpty ? nil : $0 }
        guard let path = requested else {
            let folder = RunContext.current.temporaryDirectory.appendingPathComponent("cedre-demo-\(UUID().uuidString)")
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            return folder.appendingPathComponent("cedre.sqlite").path
        }
        guard FileManager.default.fileExists(atPath: path) else { return path }
        let isDemo = try CedreStore.open(path: path).isDemoDatabase(actor: Demo.actor)
        guard isDemo else { throw StoreError.notADemoDatabase(path: path) }
        for suffix in ["", "-wal", "-shm"] {
            try? FileManager.default.removeItem(atPath: path + suffix)
        }
        return path
    }
}

/// `--lang`'s values worked out once: every command that opens a store has `--lang`, and
/// ArgumentParser reads an option's values each time it builds the option, several times a
/// command line (dozens in a debug build, where the list it works out cost 1.8 % of the suite).
extension ReportLanguage: ExpressibleByArgument {
    public static let allValueStrings = allCases.map(\.rawValue)
}
