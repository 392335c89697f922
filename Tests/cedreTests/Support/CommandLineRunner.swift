@testable import cedre
import Foundation

/// Runs `cedre` on a temporary database, as an officer's shell would: in this test process,
/// or, for what only a process shows, the built executable.
public struct CommandLineRunner: Sendable {
    /// What a run printed and how it ended.
    public struct Result: Sendable {
        public let status: Int32
        public let output: String
        public let error: String
    }

    /// The temporary folder holding the database; removed by `cleanUp()`.
    public let folder: URL
    public var environment: [String: String]

    /// A runner whose `CEDRE_DB` points into a fresh temporary folder.
    public init() throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("cedre-tests-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        environment = ProcessInfo.processInfo.environment
        environment["CEDRE_DB"] = database
        environment["CEDRE_WITNESS"] = folder.appendingPathComponent("witness").path
        environment["CEDRE_ACTOR"] = "tests"
        environment["NO_COLOR"] = "1"
        // The end-to-end suites read English messages; the language suites set CEDRE_LANG or --lang themselves.
        environment["CEDRE_LANG"] = "en"
        environment.removeValue(forKey: "RECORD_SNAPSHOTS")
    }

    /// The database path the runs use.
    public var database: String { folder.appendingPathComponent("cedre.sqlite").path }

    /// The `cedre` executable next to the test bundle.
    public static var executable: URL {
        let here = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        for folder in [here, here.deletingLastPathComponent(), Bundle.main.bundleURL.deletingLastPathComponent()] {
            let candidate = folder.appendingPathComponent("cedre")
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
        }
        return here.appendingPathComponent("cedre")
    }

    /// Runs `cedre arguments…` in this test process: the same parsing, commands, messages and
    /// exit status as the executable's, with the runner's environment and outputs of its own.
    @discardableResult
    public func run(_ arguments: [String]) throws -> Result {
        let context = RunContext.captured(arguments: arguments, environment: environment)
        let status = RunContext.$current.withValue(context) { Cedre.execute() }
        return Result(status: status, output: context.standardOutput.captured, error: context.standardError.captured)
    }

    /// Runs a program (the built `cedre`, for what only a process shows; a shell script;
    /// groff) with an empty standard input, and returns how it ended.
    public static func execute(
        _ executable: URL, _ arguments: [String], environment: [String: String], folder: URL? = nil
    ) throws -> Result {
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        process.environment = environment
        if let folder { process.currentDirectoryURL = folder }
        let output = Pipe()
        let error = Pipe()
        process.standardOutput = output
        process.standardError = error
        let stdin = Pipe()
        process.standardInput = stdin
        try process.run()
        try stdin.fileHandleForWriting.close()
        let outputData = output.fileHandleForReading.readDataToEndOfFile()
        let errorData = error.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Result(
            status: process.terminationStatus, output: String(decoding: outputData, as: UTF8.self),
            error: String(decoding: errorData, as: UTF8.self))
    }

    /// Runs a command line written as one string, split on spaces (no quoting).
    @discardableResult
    public func run(_ line: String) throws -> Result {
        try run(line.split(separator: " ").map(String.init))
    }

    /// Removes the temporary folder.
    public func cleanUp() {
        try? FileManager.default.removeItem(at: folder)
    }
}
