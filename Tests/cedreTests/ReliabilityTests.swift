import CedreCore
import CedreTestSupport
import Foundation
import Synchronization
import Testing

/// DESIGN §10, short versions of the reliability campaigns (the full ones are
/// `Benchmarks/reliability/*.py`): the real `cedre` killed, raced, fed broken files, its log
/// tampered with, and handed a database from the future. Nothing is lost or invented.
///
/// The campaigns take about a minute: they are tagged `.long`, and run when
/// `CEDRE_LONG_TESTS=1` is set, as CI sets it.
@Suite struct ReliabilityTests {
    /// A generated network written by `cedre generate`, with a database holding its members
    /// only and another holding everything.
    private struct Network {
        let runner: CommandLineRunner
        let members: String
        let events: String
        let memberCount: Int
        let factCount: Int
        /// The members imported, no facts yet.
        let membersOnly: String
        /// Members and facts imported.
        let complete: String

        static func make(members count: Int = 300) throws -> Network {
            let runner = try CommandLineRunner()
            let folder = runner.folder.appendingPathComponent("network").path
            try runner.succeed(["generate", "--members", String(count), "--years", "2010-2016", "--seed", "7", "--output", folder])
            let members = folder + "/members.csv"
            let events = folder + "/events.jsonl"
            let facts = try String(contentsOfFile: events, encoding: .utf8).split(separator: "\n").count
            try runner.succeed("init")
            try runner.succeed(["import", members, "--as-of", "2016-12-31"])
            let membersOnly = runner.folder.appendingPathComponent("members-only.sqlite").path
            try FileManager.default.copyItem(atPath: runner.database, toPath: membersOnly)
            try runner.succeed(["import", events, "--as-of", "2016-12-31"])
            let complete = runner.folder.appendingPathComponent("complete.sqlite").path
            try FileManager.default.copyItem(atPath: runner.database, toPath: complete)
            return Network(
                runner: runner, members: members, events: events, memberCount: count, factCount: facts,
                membersOnly: membersOnly, complete: complete)
        }

        /// A runner of its own on a copy of `database`.
        func trial(from database: String) throws -> CommandLineRunner {
            var trial = try CommandLineRunner()
            trial.environment = runner.environment
            trial.environment["CEDRE_DB"] = trial.database
            try FileManager.default.copyItem(atPath: database, toPath: trial.database)
            return trial
        }
    }

    /// Starts `cedre arguments…` and kills it with SIGKILL after `milliseconds`.
    private func kill(_ arguments: [String], in runner: CommandLineRunner, after milliseconds: Int) throws {
        let process = Process()
        process.executableURL = CommandLineRunner.executable
        process.arguments = arguments
        process.environment = runner.environment
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        usleep(useconds_t(milliseconds * 1000))
        Foundation.kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
    }

    @Test(.tags(.long), .enabled(if: LongTests.enabled, LongTests.skipped))
    func anImportKilledAtAnyPointLeavesAllOrNothingAndARerunCompletes() throws {
        let network = try Network.make()
        defer { network.runner.cleanUp() }
        var random = SeededGenerator(seed: 10)
        for _ in 0..<4 {
            // Given the members imported, and the facts' import killed at a random moment
            let trial = try network.trial(from: network.membersOnly)
            defer { trial.cleanUp() }
            try kill(["import", network.events, "--as-of", "2016-12-31"], in: trial, after: 20 + random.index(below: 1200))

            // Then the log holds the members alone or everything, chained, projections matching
            try trial.expectVerified()
            let count = try trial.eventCount()
            #expect(count == network.memberCount || count == network.memberCount + network.factCount, "\(count) events")
            // And an interrupted import imports in full when run again
            if count == network.memberCount {
                try trial.succeed(["import", network.events, "--as-of", "2016-12-31"])
                #expect(try trial.eventCount() == network.memberCount + network.factCount)
                try trial.expectVerified()
            }
        }
    }

    @Test(.tags(.long), .enabled(if: LongTests.enabled, LongTests.skipped))
    func aCheckKilledAtAnyPointLeavesACleanLedgerAndARerunCompletes() throws {
        let network = try Network.make()
        defer { network.runner.cleanUp() }
        // Given the notices a check run to its end writes
        let reference = try network.trial(from: network.complete)
        defer { reference.cleanUp() }
        #expect([0, 3].contains(try reference.run(["check", "--as-of", "2016-12-31"]).status))
        let notices = try Self.query(reference.database, "SELECT count(*) FROM notice")
        #expect(Int(notices) ?? 0 > 0)

        var random = SeededGenerator(seed: 20)
        for _ in 0..<4 {
            // When a check is killed at a random moment
            let trial = try network.trial(from: network.complete)
            defer { trial.cleanUp() }
            try kill(["check", "--as-of", "2016-12-31"], in: trial, after: 20 + random.index(below: 900))

            // Then the log still verifies and the ledger holds no notice twice, and all of them or none
            try trial.expectVerified()
            let duplicates = try Self.query(trial.database, """
                SELECT count(*) FROM (SELECT 1 FROM notice GROUP BY stream, rule, due_on HAVING count(*) > 1)
                """)
            #expect(duplicates == "0")
            let written = try Self.query(trial.database, "SELECT count(*) FROM notice")
            #expect(written == "0" || written == notices, "\(written) notices of \(notices)")
            // And the next run completes with the same ledger as an uninterrupted one
            #expect([0, 3].contains(try trial.run(["check", "--as-of", "2016-12-31"]).status))
            #expect(try Self.query(trial.database, "SELECT count(*) FROM notice") == notices)
        }
    }

    @Test(.tags(.long), .enabled(if: LongTests.enabled, LongTests.skipped))
    func officersRunningCommandsAtOnceNeverSeeALockedDatabaseNorLoseAnEvent() throws {
        let runner = try CommandLineRunner()
        defer { runner.cleanUp() }
        try runner.succeed("init")
        let before = try runner.eventCount()

        // Given three officers each running thirty commands at once, two writes for one read
        let failures = Mutex<[String]>([])
        DispatchQueue.concurrentPerform(iterations: 3) { officer in
            for step in 0..<30 {
                let arguments = step % 3 == 2
                    ? ["report", "status", "--as-of", "2016-12-31"]
                    : ["member", "add", "--id", "officer\(officer)-\(step)", "--name", "Officer \(officer) \(step)",
                       "--type", "AI", "--departement", "49", "--as-of", "2016-12-31"]
                do {
                    let result = try runner.run(arguments)
                    if result.status != 0 || result.error.localizedCaseInsensitiveContains("locked")
                        || result.error.localizedCaseInsensitiveContains("busy")
                    {
                        failures.withLock { $0.append("\(arguments.joined(separator: " ")) exited \(result.status): \(result.error)") }
                    }
                } catch {
                    failures.withLock { $0.append("\(error)") }
                }
            }
        }

        // Then none failed, and every write is in the log, chained
        let all = failures.withLock { $0 }
        #expect(all.isEmpty, "\(all)")
        #expect(try runner.eventCount() == before + 60)
        try runner.expectVerified()
    }

    @Test(.tags(.long), .enabled(if: LongTests.enabled, LongTests.skipped))
    func everyMutationOfAValidImportIsAcceptedOrRefusedWithFileAndLineAndNothingWritten() throws {
        let runner = try CommandLineRunner()
        defer { runner.cleanUp() }
        try runner.succeed("init")
        let base = runner.folder.appendingPathComponent("base.sqlite").path
        try FileManager.default.copyItem(atPath: runner.database, toPath: base)
        let csv = ImportTests.members
        let json = """
            [
              {"id": "solipass", "name": "SOLIPASS", "type": "GES", "departement": "49"},
              {"id": "solipass-tierce", "name": "SOLIPASS Tiercé", "type": "AI", "departement": "49", "group": "solipass"},
              {"id": "alpes-emploi", "name": "Alpes Emploi", "type": "AI+ACI", "departement": "38", "region": "Rhône-Alpes"}
            ]

            """
        var random = SeededGenerator(seed: 30)
        var refused = 0
        for index in 0..<120 {
            // Given a valid members file with one seeded mutation
            let original = index % 2 == 0 ? csv : json
            let name = index % 2 == 0 ? "members.csv" : "members.json"
            let file = try runner.write(Self.mutate(original, with: &random), to: name)
            try? FileManager.default.removeItem(atPath: runner.database)
            try FileManager.default.copyItem(atPath: base, toPath: runner.database)

            // When it is imported
            let result = try runner.run(["import", file])

            // Then it is imported, or refused as bad input naming file, line and field on every problem, with nothing written
            #expect([0, 65].contains(result.status), "exit \(result.status): \(result.error)")
            if result.status == 65 {
                refused += 1
                let problems = result.error.split(separator: "\n").dropFirst().filter { $0.hasPrefix("  ") && !$0.hasPrefix("  …") }
                #expect(!problems.isEmpty, "\(result.error)")
                for problem in problems {
                    let shape = #"^  \#(name):[0-9]+: ("([^"\\]|\\.)*"|[^\s:"\\]+): "#
                    #expect(problem.range(of: shape, options: .regularExpression) != nil, "\(problem)")
                }
                #expect(try runner.eventCount() == 0)
            }
        }
        #expect(refused > 30)
    }

    @Test(.tags(.long), .enabled(if: LongTests.enabled, LongTests.skipped))
    func everyEditOfOneLogRowIsFoundByVerifyNamingThatRow() throws {
        let network = try Network.make(members: 150)
        defer { network.runner.cleanUp() }
        let last = Int(try Self.query(network.complete, "SELECT max(id) FROM event")) ?? 0
        var random = SeededGenerator(seed: 40)
        let columns = ["stream", "kind", "occurred_on", "recorded_at", "actor", "payload", "prev_hash", "hash"]
        for _ in 0..<20 {
            // Given the log with its triggers dropped and one row edited, or deleted from the middle
            let trial = try network.trial(from: network.complete)
            defer { trial.cleanUp() }
            let row = 1 + random.index(below: last - 1)
            let column = columns[random.index(below: columns.count)]
            let deletes = random.index(below: 8) == 0
            let value = try Self.query(trial.database, "SELECT \(column) FROM event WHERE id = \(row)")
            let edit = deletes
                ? "DELETE FROM event WHERE id = \(row)"
                : "UPDATE event SET \(column) = '\(Self.tamper(value, column: column).replacingOccurrences(of: "'", with: "''"))' WHERE id = \(row)"
            try Self.execute(trial.database, """
                DROP TRIGGER event_refuses_update; DROP TRIGGER event_refuses_delete; \(edit);
                """)

            // When the log is verified
            let result = try trial.run(["verify"])

            // Then it is refused, naming the edited row (or, for a deleted row, the next one)
            let named = deletes ? row + 1 : row
            #expect(result.status == 65, "\(edit): exit \(result.status)")
            #expect(result.error.contains("event #\(named),"), "\(edit): \(result.error)")
        }
    }

    @Test func aDatabaseWrittenByANewerCedreIsRefusedClearly() throws {
        let runner = try CommandLineRunner()
        defer { runner.cleanUp() }
        // Given a database whose migrations include one this cedre does not know
        try runner.succeed("init")
        try Self.execute(runner.database, "INSERT INTO grdb_migrations (identifier) VALUES ('v99-future');")

        // When any command opens it
        for arguments in [["verify"], ["report", "status"], ["member", "add", "--id", "x", "--name", "X", "--type", "AI", "--departement", "49"]] {
            let result = try runner.run(arguments)

            // Then it is refused as bad input, saying a newer cedre wrote it, and nothing is written
            result.expectRefused(status: 65, mentioning: "newer version of cedre")
        }
        #expect(try Self.query(runner.database, "SELECT count(*) FROM event") == "0")
    }

    // MARK: Helpers

    /// One seeded mutation of a text file: a character removed, inserted or replaced, a line
    /// repeated, dropped or swapped, a cell emptied, or the text cut short.
    static func mutate(_ text: String, with random: inout SeededGenerator) -> String {
        var characters = Array(text)
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let alphabet = Array(",;\"\n{}[]:x0 é\u{0}\\")
        let position = random.index(below: characters.count)
        switch random.index(below: 8) {
        case 0:
            characters.remove(at: position)
        case 1:
            characters.insert(alphabet[random.index(below: alphabet.count)], at: position)
        case 2:
            characters[position] = alphabet[random.index(below: alphabet.count)]
        case 3:
            let line = random.index(below: lines.count)
            lines.insert(lines[line], at: line)
            return lines.joined(separator: "\n")
        case 4:
            lines.remove(at: random.index(below: lines.count))
            return lines.joined(separator: "\n")
        case 5:
            lines.swapAt(random.index(below: lines.count), random.index(below: lines.count))
            return lines.joined(separator: "\n")
        case 6:
            let line = random.index(below: lines.count)
            var cells = lines[line].split(separator: ",", omittingEmptySubsequences: false).map(String.init)
            cells[random.index(below: cells.count)] = ""
            lines[line] = cells.joined(separator: ",")
            return lines.joined(separator: "\n")
        default:
            characters.removeSubrange(position...)
        }
        return String(characters)
    }

    /// A value changed the least that still fits its column's checks (a date stays a date, a
    /// hash stays 64 characters, JSON stays JSON).
    static func tamper(_ value: String, column: String) -> String {
        var characters = Array(value)
        let swaps: [Character: Character] = ["0": "1", "1": "2", "2": "3", "3": "0", "4": "5", "5": "6", "6": "7", "7": "8", "8": "9", "9": "0"]
        let candidates = characters.indices.filter { index in
            switch column {
            case "occurred_on": return index == 9
            case "payload": return characters[index].isLetter
            default: return characters[index].isLetter || characters[index].isNumber
            }
        }
        guard let index = candidates.last else { return value + "x" }
        let character = characters[index]
        if let swapped = swaps[character] {
            characters[index] = swapped
        } else if character.isLetter {
            characters[index] = character == "a" ? "b" : "a"
        }
        if column == "occurred_on", characters[9] == "0", characters[8] == "0" { characters[9] = "1" }
        return String(characters)
    }

    /// The first column of a query's rows, one a line, read through Python's standard `sqlite3`
    /// module: the file as it is, with none of cedre's guards.
    static func query(_ database: String, _ sql: String) throws -> String {
        try python(database, sql, """
            rows = connection.execute(sys.argv[2]).fetchall()
            print('\\n'.join('' if row[0] is None else str(row[0]) for row in rows))
            """)
    }

    /// Runs a script of SQL statements on a database file, as `query` does.
    static func execute(_ database: String, _ script: String) throws {
        _ = try python(database, script, "connection.executescript(sys.argv[2])")
    }

    private static func python(_ database: String, _ sql: String, _ body: String) throws -> String {
        let program = """
            import sqlite3, sys
            connection = sqlite3.connect(sys.argv[1], isolation_level=None)
            \(body)
            """
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", "-c", program, database, sql]
        let output = Pipe()
        let error = Pipe()
        process.standardOutput = output
        process.standardError = error
        try process.run()
        let text = output.fileHandleForReading.readDataToEndOfFile()
        let problem = error.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw SQLFailure(message: String(decoding: problem, as: UTF8.self))
        }
        return String(decoding: text, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
    }

    struct SQLFailure: Error {
        let message: String
    }
}
