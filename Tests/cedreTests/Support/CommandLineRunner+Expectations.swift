import CedreCore
import CedreTestSupport
import Foundation
import GRDB
import Testing

/// What the end-to-end suites ask of a run: success, a refusal that changed nothing, valid JSON.
extension CommandLineRunner {
    /// Runs a command that must succeed and returns what it printed on standard output.
    @discardableResult
    func succeed(_ arguments: [String], sourceLocation: SourceLocation = #_sourceLocation) throws -> String {
        let result = try run(arguments)
        #expect(
            result.status == 0, "cedre \(arguments.joined(separator: " ")) exited \(result.status): \(result.error)",
            sourceLocation: sourceLocation)
        return result.output
    }

    /// Runs a command line written with single spaces (no quoting) that must succeed.
    @discardableResult
    func succeed(_ line: String, sourceLocation: SourceLocation = #_sourceLocation) throws -> String {
        try succeed(line.split(separator: " ").map(String.init), sourceLocation: sourceLocation)
    }

    /// Runs a command line written with single spaces that must print a new id alone on
    /// standard output (`audit plan`, `finding open`, `correct`).
    func newIdentifier(_ line: String, sourceLocation: SourceLocation = #_sourceLocation) throws -> String {
        try newIdentifier(line.split(separator: " ").map(String.init), sourceLocation: sourceLocation)
    }

    /// Runs a command that must print a new id alone on standard output.
    func newIdentifier(_ arguments: [String], sourceLocation: SourceLocation = #_sourceLocation) throws -> String {
        let output = try succeed(arguments, sourceLocation: sourceLocation)
        #expect(output.hasSuffix("\n") && output.dropLast().contains { $0.isWhitespace } == false,
                "expected an id alone on stdout, got \(output.debugDescription)", sourceLocation: sourceLocation)
        return output.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// Everything a command could change: the schema and every row of every table of the
    /// database file, read in process and read-only (no launch, no migration), so two equal
    /// contents mean nothing was written.
    func databaseContent() throws -> String {
        try readDatabase { db in
            let tables = try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")
            let schema = try Row.fetchAll(db, sql: "SELECT type, name, sql FROM sqlite_master ORDER BY type, name")
            return try tables.reduce(schema.map(\.description).joined(separator: "\n")) { content, table in
                let rows = try Row.fetchAll(db, sql: "SELECT * FROM \(table.quotedDatabaseIdentifier)")
                return content + "\n\(table):\n" + rows.map(\.description).joined(separator: "\n")
            }
        }
    }

    /// The number of events in the log, read in process.
    func eventCount() throws -> Int {
        try readDatabase { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM event") ?? 0 }
    }

    /// Reads the database file in process, read-only: nothing is created, migrated or written.
    private func readDatabase<Value>(_ body: (Database) throws -> Value) throws -> Value {
        var configuration = Configuration()
        configuration.readonly = true
        return try DatabaseQueue(path: database, configuration: configuration).read(body)
    }

    /// The bytes of the witness file the runs append to, nil while there is none.
    func witnessContent() -> Data? {
        environment["CEDRE_WITNESS"].flatMap { FileManager.default.contents(atPath: $0) }
    }

    /// `cedre verify` passes: the chain holds and the projections match a replay.
    func expectVerified(sourceLocation: SourceLocation = #_sourceLocation) throws {
        let output = try succeed(["verify"], sourceLocation: sourceLocation)
        #expect(output.hasPrefix("The event log holds"), sourceLocation: sourceLocation)
    }

    /// Writes a file into the runner's temporary folder (removed by `cleanUp()`) and returns its path.
    func write(_ text: String, to name: String) throws -> String {
        let url = folder.appendingPathComponent(name)
        try Data(text.utf8).write(to: url)
        return url.path
    }

    /// Writes bytes as they are (a Windows-1252 file, a byte order mark) into the runner's folder and returns the path.
    func write(_ data: Data, to name: String) throws -> String {
        let url = folder.appendingPathComponent(name)
        try data.write(to: url)
        return url.path
    }

    /// Whether the database file (or its WAL companions) exists.
    var databaseExists: Bool {
        ["", "-wal", "-shm", "-journal"].contains { FileManager.default.fileExists(atPath: database + $0) }
    }
}

extension CommandLineRunner.Result {
    /// A refusal by cedre itself: nothing on stdout, one sentence on one stderr line, `cedre: …`.
    func expectRefused(
        status expected: Int32, mentioning fragment: String, sourceLocation: SourceLocation = #_sourceLocation
    ) {
        #expect(status == expected, "exit \(status), stderr: \(error)", sourceLocation: sourceLocation)
        #expect(output.isEmpty, "stdout: \(output)", sourceLocation: sourceLocation)
        #expect(error.hasPrefix("cedre: "), "stderr: \(error)", sourceLocation: sourceLocation)
        #expect(error.hasSuffix("\n") && !error.dropLast().contains("\n"), "stderr is not one line: \(error)",
                sourceLocation: sourceLocation)
        #expect(error.contains(fragment), "stderr does not mention \(fragment): \(error)", sourceLocation: sourceLocation)
    }

    /// A usage error reported by ArgumentParser: exit 64, the problem and the usage on stderr.
    func expectUsageError(mentioning fragment: String, sourceLocation: SourceLocation = #_sourceLocation) {
        #expect(status == 64, "exit \(status), stderr: \(error)", sourceLocation: sourceLocation)
        #expect(output.isEmpty, "stdout: \(output)", sourceLocation: sourceLocation)
        #expect(error.hasPrefix("Error: "), "stderr: \(error)", sourceLocation: sourceLocation)
        #expect(error.contains("Usage: cedre "), "stderr: \(error)", sourceLocation: sourceLocation)
        #expect(error.contains(fragment), "stderr does not mention \(fragment): \(error)", sourceLocation: sourceLocation)
    }
}
