import CedreTestSupport
import Foundation

/// Runs whose standard output is not a healthy pipe: a full disk, a pipe nobody reads.
extension CommandLineRunner {
    /// How a run with a broken standard output ended.
    struct BrokenOutputRun {
        let status: Int32
        let error: String
    }

    /// Runs `cedre arguments…` with standard output going to `/dev/full` (every write: ENOSPC).
    func runToFullDisk(_ arguments: [String]) throws -> BrokenOutputRun {
        try run(arguments, output: try requireHandle(FileHandle(forWritingAtPath: "/dev/full")))
    }

    /// Runs `cedre arguments…` with standard output a pipe whose reading end is already
    /// closed (every write: EPIPE, and SIGPIPE unless cedre ignores it).
    func runToClosedPipe(_ arguments: [String]) throws -> BrokenOutputRun {
        let pipe = Pipe()
        try pipe.fileHandleForReading.close()
        return try run(arguments, output: pipe.fileHandleForWriting)
    }

    private func run(_ arguments: [String], output: FileHandle) throws -> BrokenOutputRun {
        let process = Process()
        process.executableURL = CommandLineRunner.executable
        process.arguments = arguments
        process.environment = environment
        process.currentDirectoryURL = folder
        process.standardOutput = output
        let error = Pipe()
        process.standardError = error
        process.standardInput = FileHandle.nullDevice
        try process.run()
        try output.close()
        let errorData = error.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        let status = process.terminationReason == .uncaughtSignal ? -process.terminationStatus : process.terminationStatus
        return BrokenOutputRun(status: status, error: String(decoding: errorData, as: UTF8.self))
    }
}

/// The handle, or an error naming the device that could not be opened.
private func requireHandle(_ handle: FileHandle?) throws -> FileHandle {
    guard let handle else { throw CocoaError(.fileNoSuchFile) }
    return handle
}
