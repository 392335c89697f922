import CedreCore
import CedreJSON
import CedreTestSupport
import Foundation
import Testing

/// The command tree as `cedre --experimental-dump-help` describes it: the same data the help
/// screens, the completion scripts and the man page are generated from.
struct HelpDump: Sendable {
    /// One command of the tree, with what its help says.
    struct Command: Sendable, CustomTestStringConvertible {
        /// The words after `cedre`: `[]` for the root, `["member", "add"]` for a verb.
        let path: [String]
        let abstract: String
        let discussion: String
        let arguments: [Argument]
        let subcommands: [Command]

        /// `cedre member add`.
        var commandLine: String { (["cedre"] + path).joined(separator: " ") }

        var testDescription: String { commandLine }

        /// A name for golden files: `cedre-member`.
        var fileStem: String { (["cedre"] + path).joined(separator: "-") }

        /// This command and every command under it, parents first.
        var all: [Command] { [self] + subcommands.flatMap(\.all) }

        /// Whether this is ArgumentParser's own `help` subcommand rather than one of cedre's.
        var isGeneratedHelp: Bool { path.last == "help" && abstract == "Show subcommand help information." }
    }

    /// An option, flag or positional argument.
    struct Argument: Sendable {
        /// `--scheme`, `-h/--help` or `<member>`.
        let display: String
        let abstract: String
        let isShown: Bool
        /// What its value is called in usage lines (`day` in `--on <day>`); empty for a flag.
        let valueName: String
        /// Whether it takes a value: an option or a positional argument, not a flag.
        let takesValue: Bool
    }

    let root: Command

    /// cedre's own commands (without ArgumentParser's `help`), parents first.
    var commands: [Command] { root.all.filter { !$0.isGeneratedHelp } }

    /// The root and every command that groups verbs: the nouns.
    var nouns: [Command] { commands.filter { $0.path.isEmpty || !$0.subcommands.isEmpty } }

    /// Runs `cedre --experimental-dump-help` and reads its dump.
    static func load() throws -> HelpDump {
        let runner = try CommandLineRunner()
        defer { runner.cleanUp() }
        let result = try runner.run(["--experimental-dump-help"])
        guard result.status == 0 else {
            throw DumpError(message: "cedre --experimental-dump-help exited \(result.status): \(result.error)")
        }
        guard let command = try JSONParser.parse(result.output)["command"] else {
            throw DumpError(message: "the dump has no 'command'")
        }
        return HelpDump(root: Self.command(command, path: []))
    }

    /// The tree, read once for every test that asks.
    static let shared = Result { try load() }

    /// cedre's commands for parameterized tests; empty (with the failure recorded) when the dump fails.
    static func commands() -> [Command] {
        switch shared {
        case .success(let dump): return dump.commands
        case .failure: return []
        }
    }

    /// The root and the nouns for parameterized tests.
    static func nouns() -> [Command] {
        switch shared {
        case .success(let dump): return dump.nouns
        case .failure: return []
        }
    }

    private static func command(_ value: JSONValue, path: [String]) -> Command {
        let arguments = (value["arguments"]?.arrayValue ?? []).map { argument in
            let names = (argument["names"]?.arrayValue ?? []).compactMap { name -> String? in
                guard let text = name["name"]?.stringValue else { return nil }
                return name["kind"]?.stringValue == "short" ? "-" + text : "--" + text
            }
            let display = names.isEmpty ? "<\(argument["valueName"]?.stringValue ?? "?")>" : names.joined(separator: "/")
            return Argument(
                display: display, abstract: argument["abstract"]?.stringValue ?? "",
                isShown: argument["shouldDisplay"]?.boolValue ?? true, valueName: argument["valueName"]?.stringValue ?? "",
                takesValue: argument["kind"]?.stringValue != "flag")
        }
        let subcommands = (value["subcommands"]?.arrayValue ?? []).map { subcommand in
            Self.command(subcommand, path: path + [subcommand["commandName"]?.stringValue ?? "?"])
        }
        return Command(
            path: path, abstract: value["abstract"]?.stringValue ?? "", discussion: value["discussion"]?.stringValue ?? "",
            arguments: arguments, subcommands: subcommands)
    }

    /// The dump could not be read.
    struct DumpError: Error, CustomStringConvertible {
        let message: String
        var description: String { message }
    }
}
