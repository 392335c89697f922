import ArgumentParser
import CedreCore
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

    @Test func everyUsualLineIsReadAsArgumentParserReadsIt() throws {
        var random = SeededGenerator(seed: 2013)
        for _ in 0..<200 {
            let line = Self.line(&random, noisy: false)
            let quick = QuickLine.certificationQuery(line)
            #expect(quick != nil, "\(line) is usual: read here")
            #expect(quick == Self.parsed(line), "\(line)")
        }
    }

    @Test func aLineReadHereIsReadAsArgumentParserReadsIt() throws {
        var random = SeededGenerator(seed: 2016)
        var read = 0
        var left = 0
        for _ in 0..<600 {
            let line = Self.line(&random, noisy: true)
            guard let quick = QuickLine.certificationQuery(line) else {
                left += 1
                continue
            }
            read += 1
            #expect(Self.parsed(line) == quick, "\(line)")
        }
        // Both kinds occur: some lines with a repeated option are read, the others go on.
        #expect(read > 50 && left > 300, "\(read) read here, \(left) left to ArgumentParser")
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
