import ArgumentParser

@testable import cedre

/// cedre's commands as types, for tests that parse or print help in process (milliseconds,
/// where launching the binary for each command takes seconds).
enum CommandTree {
    /// Each command's type by the words after `cedre` (`[]` for the root), parents first.
    static let commands: [(path: [String], type: any ParsableCommand.Type)] = {
        func walk(_ type: any ParsableCommand.Type, _ path: [String]) -> [(path: [String], type: any ParsableCommand.Type)] {
            [(path, type)] + type.configuration.subcommands.flatMap { subcommand in
                walk(subcommand, path + [subcommand.configuration.commandName ?? subcommand._commandName])
            }
        }
        return walk(Cedre.self, [])
    }()

    /// The type of the command at `path`.
    static func type(at path: [String]) -> (any ParsableCommand.Type)? {
        commands.first { $0.path == path }?.type
    }
}
