import CedreTestSupport
import Foundation
import Testing

@testable import cedre

/// Help that teaches (DESIGN §6): every command answers `--help`, every option says what it is
/// for, and every command's help ends with a worked example that uses it.
@Suite struct HelpTests {
    /// `cedre <path> --help` on a 100-column terminal, so golden files do not depend on the screen;
    /// run once per test process for each command, for every test that reads that help.
    private static let screens = Memo<[String], CommandLineRunner.Result> { path in
        var cedre = try CommandLineRunner()
        defer { cedre.cleanUp() }
        cedre.environment["COLUMNS"] = "100"
        return try cedre.run(path + ["--help"])
    }

    /// The help of `command`, which `cedre` printed on standard output and exited 0 with nothing on stderr.
    private func help(_ command: HelpDump.Command, sourceLocation: SourceLocation = #_sourceLocation) throws -> String {
        let result = try Self.screens.get(command.path)
        #expect(result.status == 0, "\(command.commandLine) --help exited \(result.status): \(result.error)",
                sourceLocation: sourceLocation)
        #expect(result.error.isEmpty, "\(result.error)", sourceLocation: sourceLocation)
        return result.output
    }

    @Test func theCommandTreeIsReadFromTheBinary() throws {
        let dump = try HelpDump.shared.get()
        let nouns = dump.nouns.map(\.commandLine)
        for noun in ["cedre", "cedre member", "cedre cert", "cedre audit", "cedre finding"] {
            #expect(nouns.contains(noun))
        }
        let verbs = Set(dump.commands.map(\.commandLine))
        for verb in ["init", "demo", "import", "export", "backup", "verify", "rebuild", "log",
                     "member add", "member list", "member show", "member leave",
                     "cert engage", "cert decide", "cert suspend", "cert restore", "cert withdraw", "cert show",
                     "audit plan", "audit confirm", "audit conduct", "audit report", "audit close", "audit cancel",
                     "audit postpone", "audit list", "audit show",
                     "finding open", "finding propose", "finding accept", "finding implement", "finding verify",
                     "finding list", "finding show"] {
            #expect(verbs.contains("cedre " + verb), "cedre \(verb) is missing")
        }
    }

    @Test(arguments: HelpDump.commands())
    func everyCommandsHelpEndsWithAnExampleThatUsesIt(_ command: HelpDump.Command) throws {
        // When a command's help is asked
        let text = try help(command)

        // Then it ends with an EXAMPLE block: nothing but its lines comes after it
        let lines = text.components(separatedBy: "\n")
        let start = try #require(lines.lastIndex(of: "EXAMPLE"), "\(command.commandLine) --help has no EXAMPLE block")
        let example = Array(lines[(start + 1)...].drop { $0.isEmpty }.prefix { !$0.isEmpty })
        #expect(!example.isEmpty, "\(command.commandLine): the EXAMPLE block is empty")
        let after = lines[(start + 1)...].drop { $0.isEmpty }.dropFirst(example.count)
        #expect(after.allSatisfy { $0.isEmpty }, "\(command.commandLine): the help goes on after its EXAMPLE block")

        // And every line of it is a shell line that runs cedre (or sets up its environment)
        var continued = false
        for line in example {
            let shell = line.trimmingCharacters(in: .whitespaces)
            let isCommand = shell.hasPrefix("cedre ") || shell.firstMatch(of: #/^[A-Z_]+=\$\(cedre\s/#) != nil
                || shell.hasPrefix("export ")
            #expect(line.hasPrefix("  ") && (isCommand || continued),
                    "\(command.commandLine): '\(line)' is not an indented cedre command line")
            continued = shell.hasSuffix("\\")
        }

        // And one of them runs this very command
        #expect(example.contains { $0.contains(command.commandLine + " ") || $0.hasSuffix(command.commandLine) },
                "\(command.commandLine): no example line runs it")
    }

    @Test(arguments: HelpDump.commands())
    func everyOptionAndArgumentSaysWhatItIsFor(_ command: HelpDump.Command) throws {
        // Given what the command declares
        for argument in command.arguments where argument.isShown {
            #expect(!argument.abstract.trimmingCharacters(in: .whitespaces).isEmpty,
                    "\(command.commandLine) \(argument.display) has no help")
        }

        // When its help is printed
        let text = try help(command)

        // Then each entry of ARGUMENTS and OPTIONS carries a text, beside it or just below it
        var section = ""
        let lines = text.components(separatedBy: "\n")
        for (index, line) in lines.enumerated() {
            if !line.hasPrefix(" "), line.hasSuffix(":") { section = line }
            guard ["ARGUMENTS:", "OPTIONS:"].contains(section), line.hasPrefix("  -") || line.hasPrefix("  <") else {
                continue
            }
            // ArgumentParser writes the help from column 26, beside a short name or below a long one.
            let characters = Array(line)
            let beside = characters.count > 26 && characters[25] == " " && characters[26] != " "
            let next = index + 1 < lines.count ? Array(lines[index + 1]) : []
            let below = next.count > 26 && next[..<26].allSatisfy { $0 == " " } && next[26] != " "
            #expect(beside || below, "\(command.commandLine): '\(line)' has no help text")
        }
    }

    @Test(arguments: HelpDump.nouns())
    func theHelpOfTheRootAndOfEachNounMatchesItsGoldenFile(_ command: HelpDump.Command) throws {
        Snapshot.expect(try help(command), matches: "help-\(command.fileStem).txt")
    }

    @Test func theRootHelpDocumentsExitCodesAndEnvironment() throws {
        let text = try help(try HelpDump.shared.get().root)
        for line in ["  0   success, nothing needs attention", "  3   success, something needs attention (check)",
                     "  64  usage error", "  65  bad input", "  70  internal error", "  73  cannot create a file",
                     "  74  input/output error"] {
            #expect(text.contains("\n" + line), "the root help does not say '\(line)'")
        }
        for variable in ["CEDRE_DB", "CEDRE_ACTOR", "XDG_DATA_HOME", "HOME", "NO_COLOR"] {
            #expect(text.contains("\n  \(variable) "), "the root help does not document \(variable)")
        }
    }

    @Test func helpAsASubcommandShowsTheSameTextAsTheFlag() throws {
        var cedre = try CommandLineRunner()
        defer { cedre.cleanUp() }
        cedre.environment["COLUMNS"] = "100"
        let subcommand = try cedre.run("help cert decide")
        let flag = try cedre.run("cert decide --help")
        #expect(subcommand.status == 0)
        #expect(subcommand.output == flag.output)
    }

    @Test func noLineOfAnyCommandsHelpEndsInABackslash() {
        // A Swift multi-line string joins its lines with a backslash at their end; one written
        // twice, or a shell continuation in an example, would show in the help. Unwrapped, no
        // word of the help ends in one, so no width can bring one to the end of a line.
        #expect(CommandTree.commands.count == HelpDump.commands().count)
        for (path, type) in CommandTree.commands {
            let words = Cedre.helpMessage(for: type, columns: 10_000).split(whereSeparator: \.isWhitespace)
            for word in words where word.hasSuffix("\\") {
                Issue.record("cedre \(path.joined(separator: " ")) --help: '\(word)' ends in a backslash")
            }
        }
    }

    @Test func theVersionIsPrinted() throws {
        let cedre = try CommandLineRunner()
        defer { cedre.cleanUp() }
        let result = try cedre.run("--version")
        #expect(result.status == 0)
        #expect(result.output.firstMatch(of: /^\d+\.\d+\.\d+\n$/) != nil, "\(result.output)")
    }
}
