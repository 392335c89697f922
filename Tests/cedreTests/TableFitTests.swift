import CedreCore
import CedreJSON
import CedreTestSupport
import Foundation
import Testing

/// Tables that fit (issue 14, item 5): every table a command prints is fitted to the terminal's
/// width like the reports, long cells cut with an ellipsis, and no line break or control
/// character in the data breaks a row; into a pipe, and in machine formats, nothing is cut.
@Suite(.serialized) struct TableFitTests {
    /// A name of 5,000 characters with a line break and an escape sequence in it.
    static let longName = "Atelier \u{1B}[31mrouge\u{1B}[0m\nsur deux lignes " + String(repeating: "très long ", count: 497)

    /// The 2013 network, plus a member with that name, in a runner's database.
    private func network() throws -> CommandLineRunner {
        var cli = try SeededDatabase.demo2013.runner()
        cli.environment.removeValue(forKey: "COLUMNS")
        try cli.succeed([
            "member", "add", "--id", "long-name", "--name", Self.longName, "--type", "AI", "--departement", "72",
            "--joined", "2013-01-01", "--as-of", "2013-12-31",
        ])
        return cli
    }

    /// Every command that prints a table, as of the end of 2013.
    static let tables: [[String]] = [
        ["member", "list"], ["log"], ["log", "--member", "long-name"], ["audit", "list"], ["finding", "list"],
        ["check", "--dry-run", "--all"], ["auditor", "list"], ["group", "show"], ["group", "investigations"],
        ["campaign", "plan", "--scheme", "cedre-iso", "--year", "2014"], ["campaign", "show", "--scheme", "cedre-iso", "--year", "2014"],
        ["sample", "--scheme", "cedre-iso", "--audit", "surveillance", "--year", "2014", "--seed", "1"],
        ["report", "status"], ["report", "audits", "--from", "2013-01-01", "--to", "2013-12-31"],
    ]

    @Test func everyTableFitsAHundredColumnTerminalWithoutABrokenRow() throws {
        var cli = try network()
        defer { cli.cleanUp() }
        cli.environment["COLUMNS"] = "100"
        for arguments in Self.tables {
            // When a table is printed for a terminal of 100 columns
            let result = try cli.run(arguments + ["--as-of", "2013-12-31"])
            let line = "cedre " + arguments.joined(separator: " ")
            #expect([0, 3].contains(result.status), "\(line) exited \(result.status): \(result.error)")
            #expect(!result.output.isEmpty, "\(line) printed nothing")

            // Then no line is wider, and no control character of the data reaches the terminal
            let lines = result.output.split(separator: "\n", omittingEmptySubsequences: false)
            let widest = lines.map(\.count).max() ?? 0
            #expect(widest <= 100, "\(line) is \(widest) columns wide")
            #expect(!result.output.unicodeScalars.contains { $0 == "\u{1B}" || $0 == "\r" }, "\(line) lets a control character through")
        }
    }

    @Test func theLongNameIsCutWithAnEllipsisAndItsLineBreakShownAsAnEscape() throws {
        var cli = try network()
        defer { cli.cleanUp() }
        cli.environment["COLUMNS"] = "100"
        let list = try cli.succeed(["member", "list", "--as-of", "2013-12-31", "--region", "pays de la loire"])
        let row = try #require(list.split(separator: "\n").first { $0.hasPrefix("long-name ") })
        #expect(row.contains("Atelier \\u{1B}[3"))
        #expect(row.contains("…"))
        #expect(row.count <= 100)
        #expect(list.split(separator: "\n").count == list.split(separator: "\n").filter { !$0.isEmpty }.count)
    }

    @Test func intoAPipeATableIsWholeAndMachineFormatsKeepTheData() throws {
        let cli = try network()
        defer { cli.cleanUp() }
        // Into a pipe, with no COLUMNS: the whole name, on its one row, its line break escaped
        let table = try cli.succeed(["member", "show", "long-name", "--as-of", "2013-12-31"])
        #expect(table.hasPrefix("Atelier \\u{1B}[31mrouge\\u{1B}[0m\\nsur deux lignes très long "))
        let list = try cli.succeed(["member", "list", "--as-of", "2013-12-31"])
        let row = try #require(list.split(separator: "\n").first { $0.hasPrefix("long-name ") })
        #expect(row.contains(String(repeating: "très long ", count: 400)))
        #expect(!row.contains("…"))

        // And JSON and CSV carry the name as it is
        let json = try cli.succeed(["member", "show", "long-name", "--format", "json", "--as-of", "2013-12-31"])
        #expect(json.contains("\\u001b[31mrouge\\u001b[0m\\nsur deux lignes"))
        var wide = cli
        wide.environment["COLUMNS"] = "100"
        let csv = try wide.succeed(["member", "list", "--format", "csv", "--as-of", "2013-12-31"])
        #expect(csv.contains("\"Atelier \u{1B}[31mrouge\u{1B}[0m\nsur deux lignes " + String(repeating: "très long ", count: 496)))

        // And a list that offers JSON writes JSON
        let investigations = try JSONParser.parse(try wide.succeed(["group", "investigations", "--format", "json", "--as-of", "2013-12-31"]))
        let first = try #require(investigations.arrayValue?.first)
        #expect(first["finding"]?.stringValue?.hasPrefix("F-2013-") == true)
        #expect((first["covering"]?.arrayValue?.count ?? 0) >= (first["awaiting"]?.arrayValue?.count ?? 0))
    }
}
