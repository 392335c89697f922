import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Runs a program the way a shell does (`posix_spawn`, then `wait4`), measuring its wall
/// time and peak memory (`PeakMemoryWatch`): what an officer, or cron, waits for.
///
/// Foundation's `Process` adds its own start-up work and cannot report the child's peak
/// memory; cold-start comparisons of a few milliseconds need neither.
public enum ChildProcess {
    /// How a run ended.
    public struct Outcome: Sendable {
        public let status: Int32
        public let seconds: Double
        /// Peak resident memory of the process, in bytes.
        public let peakMemory: Int
        public let output: String
        public let error: String
    }

    /// Runs `executable arguments…` with standard input from /dev/null; `environment` is added
    /// to this process's own. Standard output is kept only when `keepOutput`.
    public static func run(
        _ executable: String, _ arguments: [String], environment: [String: String] = [:], keepOutput: Bool = false
    ) throws -> Outcome {
        let folder = FileManager.default.temporaryDirectory
        let token = UUID().uuidString
        let outputPath = keepOutput ? folder.appendingPathComponent("bench-\(token).out").path : "/dev/null"
        let errorPath = folder.appendingPathComponent("bench-\(token).err").path
        defer {
            if keepOutput { unlink(outputPath) }
            unlink(errorPath)
        }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, outputPath, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        posix_spawn_file_actions_addopen(&actions, 2, errorPath, O_WRONLY | O_CREAT | O_TRUNC, 0o600)

        var merged = ProcessInfo.processInfo.environment
        for (name, value) in environment { merged[name] = value }
        let argv = ([executable] + arguments).map { strdup($0) } + [nil]
        let envp = merged.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer {
            for pointer in argv { free(pointer) }
            for pointer in envp { free(pointer) }
        }
        var pid: pid_t = 0
        let start = ContinuousClock.now
        let spawned = posix_spawn(&pid, executable, &actions, nil, argv, envp)
        guard spawned == 0 else {
            throw CocoaError(.executableLoad, userInfo: [NSFilePathErrorKey: executable, "errno": spawned])
        }
        let watch = PeakMemoryWatch(pid: pid)
        var status: Int32 = 0
        var usage = rusage()
        while wait4(pid, &status, 0, &usage) < 0 && errno == EINTR {}
        let seconds = Stopwatch.seconds(ContinuousClock.now - start)
        let watched = watch?.stop() ?? 0
        let peakMemory = watched > 0 ? watched : Int(usage.ru_maxrss) * 1024
        let exitStatus = (status & 0x7f) == 0 ? (status >> 8) & 0xff : 128 + (status & 0x7f)
        return Outcome(
            status: exitStatus, seconds: seconds, peakMemory: peakMemory,
            output: keepOutput ? (try? String(contentsOfFile: outputPath, encoding: .utf8)) ?? "" : "",
            error: (try? String(contentsOfFile: errorPath, encoding: .utf8)) ?? "")
    }

    /// Runs and throws unless the program exits 0 (or with one of `accepting`).
    @discardableResult
    public static func succeed(
        _ executable: String, _ arguments: [String], environment: [String: String] = [:], keepOutput: Bool = false,
        accepting: Set<Int32> = [0]
    ) throws -> Outcome {
        let outcome = try run(executable, arguments, environment: environment, keepOutput: keepOutput)
        guard accepting.contains(outcome.status) else {
            throw BenchmarkError.failed(command: ([executable] + arguments).joined(separator: " "), status: outcome.status, error: outcome.error)
        }
        return outcome
    }
}

/// Why a benchmark could not run.
public enum BenchmarkError: Error, CustomStringConvertible {
    case failed(command: String, status: Int32, error: String)
    case database(String)
    case missing(String)

    public var description: String {
        switch self {
        case .failed(let command, let status, let error): "\(command) exited \(status): \(error)"
        case .database(let message): "sqlite: \(message)"
        case .missing(let what): what
        }
    }
}
