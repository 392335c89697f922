import ArgumentParser
import CedreCore
import CedreTestSupport
import Testing

@testable import cedre

/// `cert show`, `report status` and `check` read without ArgumentParser (`QuickLine`): every line it
/// reads, it reads as ArgumentParser does; every other line goes to ArgumentParser.
@Suite struct QuickLineTests {
    /// A command `QuickLine` reads: its words, the pieces every usual line of it holds (each
    /// given as the ways it may be written on a line ArgumentParser reads), its options, the
    /// tokens a usual line does not hold, and both readings.
    private struct Shape<Query: Equatable & Sendable>: Sendable {
        let words: [String]
        let required: [[[String]]]
        let options: [[[String]]]
        let unusual: [[String]]
        let quick: @Sendable ([String]) -> Query?
        let parsed: @Sendable ([String]) -> Query?

        /// A line of the usual pieces in a random order, each option at most once; with
        /// `unusual` tokens or repeated pieces inserted when `noisy`.
        func line(_ random: inout SeededGenerator, noisy: Bool) -> [String] {
            var pieces = required.map { $0.randomElement(using: &random)! }
            for option in options where Bool.random(using: &random) {
                pieces.append(option.randomElement(using: &random)!)
            }
            if noisy {
                for _ in 0...Int.random(in: 0...1, using: &random) {
                    pieces.append(Bool.random(using: &random)
                        ? unusual.randomElement(using: &random)! : (required + options).flatMap { $0 }.randomElement(using: &random)!)
                }
            }
            return words + pieces.shuffled(using: &random).flatMap { $0 }
        }

        /// `count` usual lines: each read here, as ArgumentParser reads it.
        func readUsualLines(seed: UInt64, count: Int) {
            var random = SeededGenerator(seed: seed)
            for _ in 0..<count {
                let line = line(&random, noisy: false)
                let quick = quick(line)
                #expect(quick != nil, "\(line) is usual: read here")
                #expect(quick == parsed(line), "\(line)")
            }
        }

        /// `count` lines with unusual tokens: each read here is read as ArgumentParser reads it.
        func readNoisyLines(seed: UInt64, count: Int) {
            var random = SeededGenerator(seed: seed)
            var read = 0
            var left = 0
            for _ in 0..<count {
                let line = line(&random, noisy: true)
                guard let quick = quick(line) else {
                    left += 1
                    continue
                }
                read += 1
                #expect(parsed(line) == quick, "\(line)")
            }
            // Both kinds occur: some lines with an added or repeated piece are read, the others go on.
            #expect(read > count / 12 && left > count / 2, "\(read) read here, \(left) left to ArgumentParser")
        }
    }

    private static let show = Shape<CertificationQuery>(
        words: ["cert", "show"],
        required: [
            [["solipass"], ["x=y"], ["é-ü"], ["CEDRE ISO 9001"]],
            [["--scheme", "cedre"], ["--scheme=CEDRE ISO 9001"], ["--scheme", "cedre-iso"], ["--scheme=a=b"]],
        ],
        options: [
            [["--as-of", "2013-12-31"], ["--as-of=31/12/2013"], ["--as-of", "1/3/2013"], ["--as-of", "29/02/2016"]],
            [["--db", "/tmp/x.sqlite"], ["--db=a b.sqlite"], ["--db", "db=x"]],
            [["--lang", "en"], ["--lang=fr"]],
            [["--format", "json"], ["--format=table"]],
            [["--actor", "anne"], ["--actor=Anne Martin"]],
        ],
        unusual: [
            ["--help"], ["-h"], ["--version"], ["--"], ["--as-of", "2013-02-30"], ["--as-of", "2013-13-01"], ["--lang", "de"],
            ["--lang", "EN"], ["--format", "csv"], ["--format=JSON"], ["--scheme", "-x"], ["--sheme", "cedre"], ["other"],
            ["--as-of"], ["--db", "--lang"], ["--json"], ["-x"], ["help"], ["--scheme="], ["--db", ""], ["--on", "2013-01-01"],
        ],
        quick: { QuickLine.certificationQuery($0) },
        parsed: { (try? Cedre.parseAsRoot($0) as? CertificationCommand.Show)?.query })

    private static let status = Shape<StatusQuery>(
        words: ["report", "status"],
        required: [],
        options: [
            [["--as-of", "2013-12-31"], ["--as-of=31/12/2013"], ["--as-of", "29/02/2016"]],
            [["--db", "/tmp/x.sqlite"], ["--db=a b.sqlite"], ["--db", "db=x"]],
            [["--lang", "en"], ["--lang=fr"]],
            [["--format", "json"], ["--format=csv"], ["--format", "html"], ["--format", "markdown"], ["--format=table"]],
            [["--actor", "anne"], ["--actor=Anne Martin"]],
            [["--horizon", "30"], ["--horizon=90d"], ["--horizon", "365"]],
        ],
        unusual: [
            ["--help"], ["-h"], ["--version"], ["--"], ["--as-of", "2013-02-30"], ["--lang", "de"], ["--format", "ics"],
            ["--format=JSON"], ["--horizon", "x"], ["--horizon", "-1"], ["--horizon=60days"], ["--region", "paca"],
            ["--scheme", "cedre"], ["--type", "AI"], ["--output", "status.csv"], ["--force"], ["other"], ["--as-of"],
            ["--db", "--lang"], ["help"], ["--db", ""],
        ],
        quick: { QuickLine.statusQuery($0) },
        parsed: { (try? Cedre.parseAsRoot($0) as? ReportCommand.Status)?.query })

    private static let check = Shape<CheckQuery>(
        words: ["check"],
        required: [],
        options: [
            [["--as-of", "2013-12-31"], ["--as-of=31/12/2013"], ["--as-of", "29/02/2016"]],
            [["--db", "/tmp/x.sqlite"], ["--db=a b.sqlite"], ["--db", "db=x"]],
            [["--lang", "en"], ["--lang=fr"]],
            [["--actor", "anne"], ["--actor=Anne Martin"]],
            [["--quiet"], ["--all"]],
            [["--dry-run"]],
            [["--format", "json"], ["--format=csv"], ["--format", "html"], ["--format", "markdown"], ["--format=table"]],
            [["--horizon", "30"], ["--horizon=90d"], ["--horizon", "365"]],
            [["--remind-every", "7d"], ["--remind-every=14"]],
            [["--region", "Pays de la Loire"], ["--region=paca"]],
            [["--scheme", "cedre"], ["--scheme=CEDRE ISO 9001"]],
            [["--witness", "/srv/witness"], ["--witness=w x"]],
        ],
        unusual: [
            ["--help"], ["-h"], ["--version"], ["--"], ["--as-of", "2013-02-30"], ["--lang", "de"], ["--format", "ics"],
            ["--format=JSON"], ["--horizon", "x"], ["--horizon", "-1"], ["--horizon=60days"], ["--remind-every", "0"],
            ["--quiet=yes"], ["--dry-run", "x"], ["--output", "check.html"], ["--force"], ["other"], ["--as-of"],
            ["--db", "--lang"], ["help"], ["--db", ""], ["-q"],
        ],
        quick: { QuickLine.checkQuery($0) },
        parsed: { (try? Cedre.parseAsRoot($0) as? Check)?.query })

    /// ArgumentParser's debug build checks every command definition on each line it reads (30 ms
    /// a line): the quick variants read 25 and 150 lines of each command, the long campaign 400
    /// and 1,200 more.
    @Test(arguments: [(UInt64(2013), 25)])
    func everyUsualLineIsReadAsArgumentParserReadsIt(seed: UInt64, lines: Int) {
        Self.show.readUsualLines(seed: seed, count: lines)
        Self.status.readUsualLines(seed: seed, count: lines)
        Self.check.readUsualLines(seed: seed, count: lines)
    }

    @Test(.tags(.long), .enabled(if: LongTests.enabled, LongTests.skipped), arguments: [(UInt64(2014), 200), (2015, 200)])
    func everyUsualLineOfTheLongCampaignIsReadAsArgumentParserReadsIt(seed: UInt64, lines: Int) {
        Self.show.readUsualLines(seed: seed, count: lines)
        Self.status.readUsualLines(seed: seed, count: lines)
        Self.check.readUsualLines(seed: seed, count: lines)
    }

    @Test(arguments: [(UInt64(2016), 150)])
    func aLineReadHereIsReadAsArgumentParserReadsIt(seed: UInt64, lines: Int) {
        Self.show.readNoisyLines(seed: seed, count: lines)
        Self.status.readNoisyLines(seed: seed, count: lines)
        Self.check.readNoisyLines(seed: seed, count: lines)
    }

    @Test(.tags(.long), .enabled(if: LongTests.enabled, LongTests.skipped), arguments: [(UInt64(2017), 600), (2018, 600)])
    func aLineOfTheLongCampaignReadHereIsReadAsArgumentParserReadsIt(seed: UInt64, lines: Int) {
        Self.show.readNoisyLines(seed: seed, count: lines)
        Self.status.readNoisyLines(seed: seed, count: lines)
        Self.check.readNoisyLines(seed: seed, count: lines)
    }

    @Test(arguments: [
        ["cert", "show", "solipass", "--scheme", "cedre", "--help"],
        ["cert", "show", "solipass", "--scheme", "cedre", "--as-of", "30/02/2013"],
        ["cert", "show", "solipass", "--scheme", "cedre", "--scheme", "cedre-iso"],
        ["cert", "show", "solipass", "other", "--scheme", "cedre"],
        ["cert", "show", "solipass"],
        ["cert", "show", "--scheme", "cedre"],
        ["cert", "show", "solipass", "--scheme"],
        ["cert", "engage", "solipass", "--scheme", "cedre"],
        ["--lang", "en", "cert", "show", "solipass", "--scheme", "cedre"],
        ["member", "show", "solipass"],
    ])
    func anyOtherLineGoesToArgumentParser(line: [String]) {
        #expect(QuickLine.certificationQuery(line) == nil)
        #expect(QuickLine.statusQuery(line) == nil)
    }

    @Test(arguments: [
        ["report", "status", "--region", "paca"],
        ["report", "status", "--output", "status.html"],
        ["report", "status", "--horizon", "60", "--horizon", "30"],
        ["report", "status", "--format", "ics"],
        ["report", "status", "extra"],
        ["report", "--lang", "en", "status"],
        ["report", "findings"],
        ["report"],
    ])
    func anyOtherStatusLineGoesToArgumentParser(line: [String]) {
        #expect(QuickLine.statusQuery(line) == nil)
    }

    @Test(arguments: [
        ["check", "--quiet", "--all"],
        ["check", "--quiet", "--quiet"],
        ["check", "--horizon", "60", "--horizon", "30"],
        ["check", "--format", "ics"],
        ["check", "--region"],
        ["check", "extra"],
        ["check", "--quiet=1"],
        ["--lang", "en", "check"],
        ["checks"],
    ])
    func anyOtherCheckLineGoesToArgumentParser(line: [String]) {
        #expect(QuickLine.checkQuery(line) == nil)
    }

    @Test func aLineReadHereAnswersAsTheCommandDoes() throws {
        let query = try #require(QuickLine.certificationQuery([
            "cert", "show", "solipass", "--as-of=31/12/2013", "--scheme", "CEDRE ISO 9001", "--lang", "en", "--format", "json",
            "--db", "/tmp/cedre.sqlite",
        ]))
        #expect(query == CertificationQuery(
            member: "solipass", scheme: "CEDRE ISO 9001", asOf: try Day(written: "2013-12-31"), db: "/tmp/cedre.sqlite", lang: .en,
            format: .json))
        let status = try #require(QuickLine.statusQuery([
            "report", "status", "--as-of=31/12/2013", "--horizon", "90d", "--lang", "en", "--format", "csv", "--db", "/tmp/cedre.sqlite",
        ]))
        #expect(status == StatusQuery(
            asOf: try Day(written: "2013-12-31"), db: "/tmp/cedre.sqlite", lang: .en, format: .csv, horizonDays: 90,
            choices: ReportCommand.Choices()))
        #expect(QuickLine.statusQuery(["report", "status"])?.horizonDays == 60)
        let check = try #require(QuickLine.checkQuery([
            "check", "--quiet", "--as-of", "2013-12-31", "--region", "Pays de la Loire", "--remind-every", "7d", "--format", "html",
        ]))
        #expect(check == CheckQuery(
            asOf: try Day(written: "2013-12-31"), db: nil, actor: nil, lang: nil, horizonDays: 60, dryRun: false, listing: .quiet,
            region: "Pays de la Loire", scheme: nil, remindEveryDays: 7, format: .html, witness: nil))
        #expect(QuickLine.checkQuery(["check"])?.listing == .standard)
        #expect(QuickLine.checkQuery(["check", "--all", "--dry-run"]).map { ($0.listing, $0.dryRun) } ?? (.quiet, false) == (.all, true))
    }
}
