import CedreTestSupport
import Foundation
import Testing

/// The suites run cedre inside the test process; the officers run the executable. The same
/// command lines on the same facts give both the same exit status, output and messages, in
/// both languages: successes, a refused fact, a usage error, help, an unknown command.
@Suite struct InProcessRunTests {
    private static let lines: [[String]] = [
        ["--version"],
        ["init"],
        ["member", "add", "--id", "solipass", "--name", "SOLIPASS", "--type", "GES", "--departement", "49"],
        ["cert", "engage", "solipass", "--scheme", "cedre", "--on", "2013-01-10"],
        ["cert", "decide", "solipass", "--scheme", "cedre", "--on", "2013-02-01"],
        ["cert", "engage", "nobody", "--scheme", "cedre", "--on", "31/02/2013"],
        ["cert", "engage"],
        ["cert", "show", "solipass", "--scheme", "cedre", "--as-of", "2013-12-31", "--lang", "fr"],
        ["report", "status", "--as-of", "2013-12-31", "--format", "csv"],
        ["check", "--as-of", "2016-01-01", "--dry-run"],
        ["member", "--help"],
        ["membres", "list"],
    ]

    @Test(arguments: ["en", "fr"])
    func aCommandLineEndsAsTheExecutableEndsIt(language: String) throws {
        var inProcess = try CommandLineRunner()
        var executable = try CommandLineRunner()
        defer {
            inProcess.cleanUp()
            executable.cleanUp()
        }
        inProcess.environment["CEDRE_LANG"] = language
        executable.environment["CEDRE_LANG"] = language
        for line in Self.lines {
            let here = try inProcess.run(line)
            let there = try CommandLineRunner.execute(
                CommandLineRunner.executable, line, environment: executable.environment, folder: executable.folder)
            let command = "cedre " + line.joined(separator: " ")
            // Each runner has its own folder; what is said about it is the same.
            func same(_ first: String, _ second: String) -> Bool {
                first.replacingOccurrences(of: inProcess.folder.path, with: "FOLDER")
                    == second.replacingOccurrences(of: executable.folder.path, with: "FOLDER")
            }
            #expect(here.status == there.status, "\(command): status \(here.status) in process, \(there.status) run")
            #expect(same(here.output, there.output), "\(command): output\n\(here.output)\n---\n\(there.output)")
            #expect(same(here.error, there.error), "\(command): messages\n\(here.error)\n---\n\(there.error)")
        }
    }
}
