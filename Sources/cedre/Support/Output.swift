#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import CedreReports
import Foundation
import Synchronization

/// Why cedre could not write what it had to say; exit 74 (EX_IOERR).
struct OutputError: Error, Equatable, Sendable {
    /// What became of the command's work when its output failed.
    enum Consequence: Equatable, Sendable {
        /// What the command recorded, if anything, is in the log.
        case inTheLog
        /// `check`: the ledger was rolled back, so the next check reports the notices again.
        case noticesNotRecorded
        /// A command that records what it reports (import, campaign plan, sample): rolled back.
        case nothingRecorded
        /// `backup`: the copy was written, its head was not witnessed.
        case backupNotWitnessed(String)
    }

    /// `standard output`, `standard error`, or the file's path.
    let output: String
    /// What the system said (`No space left on device`, `Broken pipe`).
    let reason: String
    /// What became of the command's work.
    var consequence = Consequence.inTheLog

    /// The error for `errno` while writing `output`.
    static func system(_ output: String, errno code: Int32) -> OutputError {
        OutputError(output: output, reason: String(cString: strerror(code)))
    }
}

/// A file descriptor written with POSIX `write(2)`, whose first failure is kept.
///
/// Foundation's `FileHandle.write(_:)` traps on a closed pipe or a full disk; SIGPIPE is
/// ignored (see `Cedre.main`), so a closed pipe is the error EPIPE here. After a failure
/// nothing more is written; `confirm()` throws it, so `check` can refuse to commit and the
/// program can exit 74 instead of claiming success.
final class OutputChannel: Sendable {
    /// The file descriptor written; nil for a channel that keeps what it is given in memory.
    let descriptor: Int32?
    /// How messages name the output.
    let name: String
    private let state = Mutex<(failure: OutputError?, captured: [UInt8])>((nil, []))

    init(descriptor: Int32, name: String) {
        self.descriptor = descriptor
        self.name = name
    }

    /// A channel that keeps what is written, for a run inside a test (`RunContext.captured`).
    init(capturing name: String) {
        descriptor = nil
        self.name = name
    }

    /// Writes every byte of `text`, retrying on interruption and partial writes; keeps the
    /// first failure and writes nothing after it. The bytes are written from the text's own
    /// storage (a night's listing is megabytes).
    func write(_ text: String) {
        var text = text
        text.withUTF8 { bytes in
            state.withLock { state in
                guard state.failure == nil else { return }
                guard let descriptor else {
                    state.captured.append(contentsOf: bytes)
                    return
                }
                var offset = 0
                while offset < bytes.count {
                    let written = systemWrite(descriptor, bytes.baseAddress.map { $0 + offset }, bytes.count - offset)
                    if written < 0 {
                        if errno == EINTR { continue }
                        state.failure = .system(name, errno: errno)
                        return
                    }
                    offset += written
                }
            }
        }
    }

    /// Throws the first failure, if a write failed.
    func confirm() throws {
        if let failure = state.withLock({ $0.failure }) { throw failure }
    }

    /// What a capturing channel was given.
    var captured: String {
        state.withLock { String(decoding: $0.captured, as: UTF8.self) }
    }
}

/// The system's `write(2)`, named apart from the channel's own `write`.
private func systemWrite(_ descriptor: Int32, _ bytes: UnsafeRawPointer?, _ count: Int) -> Int {
    #if canImport(Glibc)
    Glibc.write(descriptor, bytes, count)
    #else
    Darwin.write(descriptor, bytes, count)
    #endif
}

/// Writing a command's answer to standard output, and its messages to standard error.
enum Output {
    /// Standard output: every answer.
    static var standardOutput: OutputChannel { RunContext.current.standardOutput }
    /// Standard error: errors and progress.
    static var standardError: OutputChannel { RunContext.current.standardError }

    /// Pretty, key-sorted JSON: stable output that diffs well and validates against Schemas/.
    static func json(_ value: some Encodable) throws -> String {
        try JSONText.write(value)
    }

    /// How standard output wants its tables (`RunContext.terminalStyle`).
    static var terminalStyle: TerminalStyle { RunContext.current.terminalStyle }

    /// A table in the chosen format (JSON callers encode their own outcome instead); a table
    /// for the terminal is fitted to its width, long cells cut with an ellipsis.
    static func render(_ table: Table, as format: OutputFormat) -> String {
        switch format {
        case .table, .json: table.text(style: terminalStyle)
        case .markdown: table.markdown()
        case .csv: table.csv()
        }
    }

    /// Writes to standard output without adding a newline; a failure is kept for `confirm()`.
    static func write(_ text: String) {
        standardOutput.write(text)
    }

    /// Writes lines of human-readable text (a `show`), each through the terminal escaping
    /// layer, so a line break or a control character in the data never splits or steers a line.
    static func write(lines: [String]) {
        standardOutput.write(lines.map(TerminalText.escape).joined(separator: "\n") + "\n")
    }

    /// Throws when anything written to standard output failed: called before a commit that
    /// must not happen unless the output was delivered, and at the end of every command.
    static func confirm() throws {
        try standardOutput.confirm()
    }

    /// `confirm()` before a commit: a failure says the work was rolled back.
    static func confirmBeforeCommit(_ consequence: OutputError.Consequence = .nothingRecorded) throws {
        do {
            try confirm()
        } catch var failure as OutputError {
            failure.consequence = consequence
            throw failure
        }
    }

    /// Writes `text` to the file at `path` in full and syncs it, and only then puts it in place
    /// (a temporary file renamed): a full disk leaves an old file whole. Without `replacing`, a
    /// file already at `path` is refused, even one that appeared while the text was written.
    static func write(_ text: String, toFile path: String, replacing: Bool = true) throws {
        let url = URL(fileURLWithPath: path)
        let temporary = url.deletingLastPathComponent()
            .appendingPathComponent(".\(url.lastPathComponent).\(ProcessInfo.processInfo.processIdentifier).partial").path
        let descriptor = open(temporary, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        guard descriptor >= 0 else { throw PathError.outputNotCreated(path: path, reason: String(cString: strerror(errno))) }
        let channel = OutputChannel(descriptor: descriptor, name: path)
        channel.write(text)
        let synced = fsync(descriptor) == 0 ? 0 : errno
        close(descriptor)
        do {
            try channel.confirm()
            if synced != 0 { throw OutputError.system(path, errno: synced) }
            try publish(temporary, at: path, replacing: replacing)
        } catch {
            unlink(temporary)
            throw error
        }
    }

    /// Gives the written temporary file its name: a rename over any file when replacing, else a
    /// hard link, which fails when the name is taken (a check then a rename would leave a gap).
    private static func publish(_ temporary: String, at path: String, replacing: Bool) throws {
        if !replacing {
            if link(temporary, path) == 0 {
                unlink(temporary)
                return
            }
            let failure = errno
            if failure == EEXIST { throw PathError.outputExists(path: path) }
            // File systems without hard links (FAT on a USB key) can only be checked, then renamed onto.
            guard failure == EPERM || failure == EOPNOTSUPP else { throw OutputError.system(path, errno: failure) }
            if FileManager.default.fileExists(atPath: path) { throw PathError.outputExists(path: path) }
        }
        guard rename(temporary, path) == 0 else { throw OutputError.system(path, errno: errno) }
    }

    /// Appends `line` and a line feed to the file at `path`, creating it (and its folder)
    /// readable by its owner only, and syncs it.
    static func append(line: String, toFile path: String) throws {
        let folder = URL(fileURLWithPath: path).deletingLastPathComponent().path
        try? FileManager.default.createDirectory(
            atPath: folder, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        let descriptor = open(path, O_WRONLY | O_CREAT | O_APPEND, 0o600)
        guard descriptor >= 0 else { throw OutputError.system(path, errno: errno) }
        defer { close(descriptor) }
        let channel = OutputChannel(descriptor: descriptor, name: path)
        channel.write(line + "\n")
        try channel.confirm()
        guard fsync(descriptor) == 0 else { throw OutputError.system(path, errno: errno) }
    }
}
