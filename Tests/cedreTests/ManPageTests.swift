import CedreCore
import CedreTestSupport
import Foundation
import Testing

/// docs/cedre.1 is generated from the help (docs/generate-man.sh); these tests fail when it is
/// stale: a command, an option or a sentence of the help that the page does not carry.
@Suite struct ManPageTests {
    /// The root of this repository.
    private static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    /// docs/cedre.1 of this repository.
    private func manPage() throws -> String {
        try String(contentsOf: Self.repository.appendingPathComponent("docs/cedre.1"), encoding: .utf8)
    }

    /// swift-argument-parser's generate-manual tool, once docs/generate-man.sh has built it here.
    private static let manualTool: URL? = {
        let build = repository.appendingPathComponent(".build")
        let enumerator = FileManager.default.enumerator(at: build, includingPropertiesForKeys: nil)
        while let url = enumerator?.nextObject() as? URL {
            if url.lastPathComponent == "generate-manual-tool", FileManager.default.isExecutableFile(atPath: url.path) { return url }
        }
        return nil
    }()

    /// Runs `executable arguments…` with this process's environment and `environment` over it.
    private func run(_ executable: String, _ arguments: [String], environment: [String: String] = [:]) throws
        -> CommandLineRunner.Result
    {
        try CommandLineRunner.execute(
            URL(fileURLWithPath: executable), arguments,
            environment: ProcessInfo.processInfo.environment.merging(environment) { _, new in new })
    }

    @Test(.enabled(if: FileManager.default.isExecutableFile(atPath: "/usr/bin/groff")))
    func theManPageRendersWithoutAWarning() throws {
        let page = Self.repository.appendingPathComponent("docs/cedre.1").path
        let groff = try run("/usr/bin/groff", ["-mdoc", "-ww", "-z", page])
        #expect(groff.status == 0)
        #expect(groff.error.isEmpty, "groff -mdoc -ww warns: \(groff.error)")
        if FileManager.default.isExecutableFile(atPath: "/usr/bin/man") {
            let man = try run("/usr/bin/man", ["-l", page], environment: ["MANPAGER": "cat", "PAGER": "cat", "MANWIDTH": "100"])
            #expect(man.status == 0)
            #expect(man.error.isEmpty, "man -l warns: \(man.error)")
        }
    }

    @Test(.enabled(if: manualTool != nil))
    func theManPageIsTheGeneratedPageByteForByte() throws {
        // Given the page's date, as docs/generate-man.sh was given it
        let page = try manPage()
        let dated = try #require(page.split(separator: "\n").first { $0.hasPrefix(".Dd ") }).dropFirst(4)
        let reader = DateFormatter()
        reader.locale = Locale(identifier: "en_US_POSIX")
        reader.timeZone = TimeZone(identifier: "UTC")
        reader.dateFormat = "MMMM d, yyyy"
        let writer = ISO8601DateFormatter()
        writer.formatOptions = [.withFullDate]
        let date = writer.string(from: try #require(reader.date(from: String(dated))))

        // When the page of the cedre under test is generated again
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("cedre-man-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let generated = folder.appendingPathComponent("cedre.1")
        let script = Self.repository.appendingPathComponent("docs/generate-man.sh").path
        let result = try run("/bin/bash", [
            script, "--bin", CommandLineRunner.executable.deletingLastPathComponent().path,
            "--tool", try #require(Self.manualTool).path, "--output", generated.path,
        ], environment: ["CEDRE_MAN_DATE": date])
        #expect(result.status == 0, "\(result.error)")

        // Then docs/cedre.1 is that page, byte for byte
        let bytes = try Data(contentsOf: generated)
        #expect(bytes == Data(page.utf8), "docs/cedre.1 is stale; run CEDRE_MAN_DATE=\(date) docs/generate-man.sh")
    }

    /// A help text as mdoc writes it: backslashes as `\e`, other characters than ASCII as `\[uXXXX]`.
    private func mdoc(_ text: String) -> String {
        text.unicodeScalars.map { scalar in
            if scalar == "\\" { return "\\e" }
            if scalar.isASCII { return String(scalar) }
            return "\\[u" + scalar.value.zeroPadded(to: 4, radix: 16) + "]"
        }.joined()
    }

    @Test func theManPageListsEveryCommandInTheOrderOfTheHelp() throws {
        // Given the commands of the binary, parents first
        let expected = try HelpDump.shared.get().root.all.dropFirst().compactMap(\.path.last)

        // Then the man page has one entry per command, in that order
        let entries = try manPage().split(separator: "\n").filter { $0.hasPrefix(".It Em ") }.map { String($0.dropFirst(7)) }
        #expect(entries == expected, "docs/cedre.1 is stale; run docs/generate-man.sh")
    }

    @Test func theManPageCarriesTheCurrentHelpOfEveryCommand() throws {
        let page = try manPage()
        #expect(page.hasPrefix(".\\\" \"Generated by swift-argument-parser\"\n"))
        #expect(page.contains("\n.Dt CEDRE 1\n"))
        for command in try HelpDump.shared.get().commands {
            var texts = [command.abstract]
            texts += command.discussion.components(separatedBy: "\n")
            texts += command.arguments.filter(\.isShown).map(\.abstract)
            for text in texts.map({ $0.trimmingCharacters(in: .whitespaces) }) where !text.isEmpty {
                let written = mdoc(text)
                let quoted = written.replacingOccurrences(of: "\"", with: "\\(dq")
                #expect(page.contains(written) || page.contains(quoted),
                        "docs/cedre.1 lacks '\(text)' of \(command.commandLine); run docs/generate-man.sh")
            }
        }
    }
}
