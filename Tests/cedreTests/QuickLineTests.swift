import ArgumentParser
import CedreCore
import CedreTestSupport
import Testing

@testable import cedre

/// `cert show` read without ArgumentParser (`QuickLine`): every line it reads, it reads as
/// ArgumentParser does; every other line goes to ArgumentParser.
@Suite struct QuickLineTests {
    /// The member, then each option of the command: the ways each may be written on a line
    /// ArgumentParser reads.
    private static let member = [["solipass"], ["x=y"], ["é-ü"], ["CEDRE ISO 9001"]]
    private static let scheme = [["--scheme", "cedre"], ["--scheme=CEDRE ISO 9001"], ["--scheme", "cedre-iso"], ["--scheme=a=b"]]
    private static let options = [
        [["--as-of", "2013-12-31"], ["--as-of=31/12/2013"], ["--as-of", "1/3/2013"], ["--as-of", "29/02/2016"]],
        [["--db", "/tmp/x.sqlite"], ["--db=a b.sqlite"], ["--db", "db=x"]],
        [["--lang", "en"], ["--lang=fr"]],
        [["--format", "json"], ["--format=table"]],
        [["--actor", "anne"], ["--actor=Anne Martin"]],
    ]
    /// Tokens a usual line does not hold: help, versions, misspelt options, values ArgumentParser
    /// refuses or reads otherwise, a second member.
    private static let unusual = [
        ["--help"], ["-h"], ["--version"], ["--"], ["--as-of", "2013-02-30"], ["--as-of", "2013-13-01"], ["--lang", "de"],
        ["--lang", "EN"], ["--format", "csv"], ["--format=JSON"], ["--scheme", "-x"], ["--sheme", "cedre"], ["other"],
        ["--as-of"], ["--db", "--lang"], ["--json"], ["-x"], ["help"], ["--scheme="], ["--db", ""], ["--on", "2013-01-01"],
    ]

    /// ArgumentParser's reading of `line`, nil when it reads no `cert show`.
    private static func parsed(_ line: [String]) -> CertificationQuery? {
        (try? Cedre.parseAsRoot(line) as? CertificationCommand.Show)?.query
    }

    /// A `cert show` line of the usual pieces in a random order, each option at most once;
    /// with `unusual` tokens inserted when `noisy`.
    private static func line(_ random: inout SeededGenerator, noisy: Bool) -> [String] {
        var pieces = [member.randomElement(using: &random)!, scheme.randomElement(using: &random)!]
        for option in options where Bool.random(using: &random) {
            pieces.append(option.randomElement(using: &random)!)
        }
        if noisy {
            for _ in 0...Int.random(in: 0...1, using: &random) {
                pieces.append(Bool.random(using: &random)
                    ? unusual.randomElement(using: &random)! : (scheme + options.flatMap { $0 }).randomElement(using: &random)!)
            }
        }
        return ["cert", "show"] + pieces.shuffled(using: &random).flatMap { $0 }
    }

    /// ArgumentParser's debug build checks every command definition on each line it reads: the
    /// quick variants read 50 and 150 lines, the long campaign 400 and 1,200 more.
    @Test(arguments: [(UInt64(2013), 50)])
    func everyUsualLineIsReadAsArgumentParserReadsIt(seed: UInt64, lines: Int) {
        Self.readUsualLines(seed: seed, count: lines)
    }

    @Test(.tags(.long), .enabled(if: LongTests.enabled, LongTests.skipped), arguments: [(UInt64(2014), 200), (2015, 200)])
    func everyUsualLineOfTheLongCampaignIsReadAsArgumentParserReadsIt(seed: UInt64, lines: Int) {
        Self.readUsualLines(seed: seed, count: lines)
    }

    @Test(arguments: [(UInt64(2016), 150)])
    func aLineReadHereIsReadAsArgumentParserReadsIt(seed: UInt64, lines: Int) {
        Self.readNoisyLines(seed: seed, count: lines)
    }

    @Test(.tags(.long), .enabled(if: LongTests.enabled, LongTests.skipped), arguments: [(UInt64(2017), 600), (2018, 600)])
    func aLineOfTheLongCampaignReadHereIsReadAsArgumentParserReadsIt(seed: UInt64, lines: Int) {
        Self.readNoisyLines(seed: seed, count: lines)
    }

    /// `count` usual lines: each read here, as ArgumentParser reads it.
    private static func readUsualLines(seed: UInt64, count: Int) {
        var random = SeededGenerator(seed: seed)
        for _ in 0..<count {
            let line = Self.line(&random, noisy: false)
            let quick = QuickLine.certificationQuery(line)
            #expect(quick != nil, "\(line) is usual: read here")
            #expect(quick == Self.parsed(line), "\(line)")
        }
    }

    /// `count` lines with unusual tokens: each read here is read as ArgumentParser reads it.
    private static func readNoisyLines(seed: UInt64, count: Int) {
        var random = SeededGenerator(seed: seed)
        var read = 0
        var left = 0
        for _ in 0..<count {
            let line = Self.line(&random, noisy: true)
            guard let quick = QuickLine.certificationQuery(line) else {
                left += 1
                continue
            }
            read += 1
            #expect(Self.parsed(line) == quick, "\(line)")
        }
        // Both kinds occur: some lines with a repeated option are read, the others go on.
        #expect(read > count / 12 && left > count / 2, "\(read) read here, \(left) left to ArgumentParser")
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
    }

    @Test func aLineReadHereAnswersAsTheCommandDoes() throws {
        let query = try #require(QuickLine.certificationQuery([
            "cert", "show", "solipass", "--as-of=31/12/2013", "--scheme", "CEDRE ISO 9001", "--lang", "en", "--format", "json",
            "--db", "/tmp/cedre.sqlite",
        ]))
        #expect(query == CertificationQuery(
            member: "solipass", scheme: "CEDRE ISO 9001", asOf: try Day(written: "2013-12-31"), db: "/tmp/cedre.sqlite", lang: .en,
            format: .json))
    }
}
