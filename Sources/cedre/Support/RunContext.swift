#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import CedreReports
import Foundation

/// What one run of cedre reads and writes: its arguments, its environment, and where its
/// output and messages go.
///
/// A run of the program reads the process's own (`process`). A test runs a command line
/// inside the test process instead (`Cedre.execute()` under `$current`), with an environment
/// and captured outputs of its own: the same parsing, commands and messages, without paying
/// for a process per command.
struct RunContext: Sendable {
    /// The command line after the program's name.
    let arguments: [String]
    let environment: RunEnvironment
    let standardOutput: OutputChannel
    let standardError: OutputChannel
    /// How standard output wants its tables: as wide as `COLUMNS` or the terminal (unbounded
    /// into a pipe or a file), bold headers and red alerts only on a colour terminal.
    let terminalStyle: TerminalStyle
    /// Whether standard error is a terminal, where progress lines are drawn.
    let drawsProgress: Bool
    /// The width help screens are wrapped to; nil for ArgumentParser's own reading of the
    /// process's `COLUMNS` and terminal.
    let helpColumns: Int?

    /// The context of the run in progress.
    @TaskLocal static var current = RunContext.process

    /// The process's command line, environment and standard streams.
    static let process = RunContext(
        arguments: Array(CommandLine.arguments.dropFirst()), environment: .process,
        standardOutput: OutputChannel(descriptor: STDOUT_FILENO, name: "standard output"),
        standardError: OutputChannel(descriptor: STDERR_FILENO, name: "standard error"),
        terminalStyle: TerminalStyle.detect(environment: .process, descriptor: STDOUT_FILENO),
        drawsProgress: isatty(STDERR_FILENO) == 1, helpColumns: nil)

    /// A run of `arguments` with `environment` whose outputs are kept in memory, as a pipe
    /// would receive them: no terminal, so no colour, no progress lines, and help wrapped to
    /// `COLUMNS` or 80 columns.
    static func captured(arguments: [String], environment values: [String: String]) -> RunContext {
        let environment = RunEnvironment(values)
        return RunContext(
            arguments: arguments, environment: environment,
            standardOutput: OutputChannel(capturing: "standard output"), standardError: OutputChannel(capturing: "standard error"),
            terminalStyle: TerminalStyle.detect(environment: environment, descriptor: -1), drawsProgress: false,
            helpColumns: environment["COLUMNS"].flatMap(Int.init).flatMap { $0 > 0 ? $0 : nil } ?? 80)
    }

    /// The folder for temporary files: the run's `TMPDIR`, as the process's own.
    var temporaryDirectory: URL {
        environment["TMPDIR"].flatMap { $0.isEmpty ? nil : URL(fileURLWithPath: $0, isDirectory: true) }
            ?? FileManager.default.temporaryDirectory
    }
}
