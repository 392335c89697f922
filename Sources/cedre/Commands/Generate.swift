import ArgumentParser
import CedreCore
import CedreFixtures
import CedreGeneration
import CedreReports
import Foundation

struct Generate: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "generate",
        abstract: "Write a synthetic network (members.csv and events.jsonl) for tests and benchmarks.",
        discussion: """
            The same seed gives the same files on every machine. Members follow the 2013 \
            network's mix of types, départements and GES; their certifications start over the \
            years and run through audits, findings and their corrective actions, decisions, \
            surveillance, renewals, suspensions, expiries and withdrawals; the national body \
            runs a CEDRE ISO 9001 group certificate with a few tens of sites. 100,000 members \
            make about a million events. Every row is marked synthetic.

            The files are the import formats: load them with 'cedre import' into a database \
            made by 'cedre init', members first, with --as-of on or after the last day of \
            --years. Existing files in the folder are replaced. Progress is shown on standard \
            error when it is a terminal.

            EXAMPLE
              cedre generate --members 10000 --years 2010-2016 --seed 7 --output /tmp/reseau
              cedre init
              cedre import /tmp/reseau/members.csv --as-of 2016-12-31
              cedre import /tmp/reseau/events.jsonl --as-of 2016-12-31
            """)

    @OptionGroup var language: LanguageOption

    @Option(help: ArgumentHelp("How many members.", valueName: "count"))
    var members: Int = 1000

    @Option(help: ArgumentHelp("The years the facts cover, FIRST-LAST.", valueName: "years"))
    var years: YearRange = YearRange(2010...2016)

    @Option(help: ArgumentHelp("The seed of every draw: the same seed gives the same files.", valueName: "seed"))
    var seed: UInt64 = 1

    @Option(help: ArgumentHelp("The folder to write members.csv and events.jsonl into (created if needed).", valueName: "folder"))
    var output: String

    func validate() throws {
        try UsageProblem.check("--members", members, in: Bounds.generatedMembers)
    }

    func run() throws {
        let folder = URL(fileURLWithPath: output)
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let stories = Progress("generate", total: members, unit: "members")
        let network = NetworkGenerator(seed: seed, departements: CedreFixtures.departements)
            .generate(members: members, years: years.range) { done, _ in stories.update(done) }
        stories.finish()

        let membersFile = folder.appendingPathComponent("members.csv")
        try Data(network.membersCSV().utf8).write(to: membersFile)
        let eventsFile = folder.appendingPathComponent("events.jsonl")
        guard FileManager.default.createFile(atPath: eventsFile.path, contents: nil) else {
            throw CommandError.cannotWrite(eventsFile.path)
        }
        let handle = try FileHandle(forWritingTo: eventsFile)
        defer { try? handle.close() }
        let lines = Progress("write", total: network.facts.count, unit: "events")
        var written = 0
        try network.writeEvents(linesPerChunk: 10_000) { chunk in
            try handle.write(contentsOf: chunk)
            written = min(network.facts.count, written + 10_000)
            lines.update(written)
        }
        lines.finish()

        let day = network.lastDay
        let words = Vocabulary(language.language)
        let members = words.counted(network.members.count, ("adhérent", "adhérents"), ("member", "members"))
        let events = words.counted(network.facts.count, ("événement", "événements"), ("event", "events"))
        let span = "\(years.range.lowerBound)-\(years.range.upperBound)"
        Output.write(words.say(
            "\(members) et \(events) générés (\(span), graine \(seed)) :\n",
            "Generated \(members) and \(events) (\(span), seed \(seed)):\n"))
        Output.write("""
              \(membersFile.path)
              \(eventsFile.path)
            \(words.say("Pour les charger :", "Load them with:"))
              cedre init
              cedre import \(membersFile.path) --as-of \(day)
              cedre import \(eventsFile.path) --as-of \(day)

            """)
    }
}

/// `2010-2016`: a span of whole years, or one year alone.
struct YearRange: ExpressibleByArgument {
    let range: ClosedRange<Int>

    init(_ range: ClosedRange<Int>) {
        self.range = range
    }

    init?(argument: String) {
        let parts = argument.split(separator: "-", omittingEmptySubsequences: false).map { Int($0) }
        guard (1...2).contains(parts.count), let first = parts.first ?? nil, let last = parts.last ?? nil,
            Bounds.year.contains(first), first <= last, Bounds.year.contains(last)
        else { return nil }
        range = first...last
    }

    var defaultValueDescription: String { "\(range.lowerBound)-\(range.upperBound)" }
}
