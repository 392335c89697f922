import CedreTestSupport
import Foundation
import Testing

/// Shell completions come from swift-argument-parser: `cedre --generate-completion-script SHELL`.
@Suite struct CompletionTests {
    /// `cedre --generate-completion-script SHELL`, run once per test process for each shell: the
    /// debug build takes seconds to write a script.
    private static let scripts = Memo<String, CommandLineRunner.Result> { shell in
        let cedre = try CommandLineRunner()
        defer { cedre.cleanUp() }
        return try cedre.run(["--generate-completion-script", shell])
    }

    /// bash's script, which the completion tests below also run, on every run; zsh's and fish's
    /// in the long campaign (the debug build takes 1.5 s of ArgumentParser to write each).
    @Test func theBashCompletionScriptNamesEveryCommand() throws {
        try expectEveryCommandNamed(by: "bash")
    }

    @Test(.tags(.long), .enabled(if: LongTests.enabled, LongTests.skipped), arguments: ["zsh", "fish"])
    func theCompletionScriptOfTheOtherShellsNamesEveryCommand(_ shell: String) throws {
        try expectEveryCommandNamed(by: shell)
    }

    private func expectEveryCommandNamed(by shell: String) throws {
        // When the completion script of a shell is asked
        let result = try Self.scripts.get(shell)

        // Then it is printed, and it names every command and verb
        #expect(result.status == 0, "\(result.error)")
        #expect(result.error.isEmpty)
        for command in try HelpDump.shared.get().commands.dropFirst() {
            #expect(result.output.contains(command.path.last ?? "?"), "the \(shell) script lacks \(command.commandLine)")
        }
    }

    @Test func anUnknownShellIsAUsageError() throws {
        let cedre = try CommandLineRunner()
        defer { cedre.cleanUp() }
        let result = try cedre.run("--generate-completion-script powershell")
        #expect(result.status == 64)
        #expect(result.output.isEmpty)
        #expect(result.error.contains("powershell"))
    }

    /// What bash offers after `line`, once the completion script is loaded (as `complete -F` would call it).
    private func bashCompletions(of line: String, _ cedre: CommandLineRunner) throws -> [String] {
        // The script is generated once per test process, written once per runner, then sourced for every line.
        var scriptPath = cedre.folder.appendingPathComponent("cedre.bash").path
        if !FileManager.default.fileExists(atPath: scriptPath) {
            scriptPath = try cedre.write(try Self.scripts.get("bash").output, to: "cedre.bash")
        }
        let driver = try cedre.write("""
            source "$1"
            COMP_LINE="$2"
            COMP_POINT=${#COMP_LINE}
            read -ra COMP_WORDS <<< "$COMP_LINE"
            [[ "$COMP_LINE" == *" " ]] && COMP_WORDS+=("")
            COMP_CWORD=$(( ${#COMP_WORDS[@]} - 1 ))
            COMPREPLY=()
            _cedre cedre "${COMP_WORDS[COMP_CWORD]}" "${COMP_WORDS[COMP_CWORD-1]}"
            printf '%s\\n' "${COMPREPLY[@]}"

            """, to: "complete.bash")
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/bash")
        process.arguments = [driver, scriptPath, line]
        process.environment = cedre.environment
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return String(decoding: data, as: UTF8.self).split(separator: "\n").map(String.init)
    }

    @Test(.enabled(if: FileManager.default.isExecutableFile(atPath: "/bin/bash")))
    func bashCompletesNounsVerbsAndOptionValues() throws {
        let cedre = try CommandLineRunner()
        defer { cedre.cleanUp() }
        #expect(try bashCompletions(of: "cedre fin", cedre) == ["finding"])
        #expect(try bashCompletions(of: "cedre finding im", cedre) == ["implement"])
        #expect(Set(try bashCompletions(of: "cedre cert ", cedre)).isSuperset(of: [
            "engage", "decide", "suspend", "restore", "withdraw", "show",
        ]))
        #expect(try bashCompletions(of: "cedre cert suspend solipass --reason ", cedre) == [
            "surveillance-overdue", "major-finding-overdue", "member-request", "group-major-finding", "other",
        ])
        #expect(try bashCompletions(of: "cedre audit plan solipass --kind ", cedre) == [
            "initial", "stage1", "stage2", "surveillance", "recertification", "special", "cross-audit",
        ])
    }

    @Test(.enabled(if: FileManager.default.isExecutableFile(atPath: "/bin/bash")))
    func bashCompletesSchemesTypesRegionsAndTheFormatsEachCommandWrites() throws {
        let cedre = try CommandLineRunner()
        defer { cedre.cleanUp() }
        // Schemes, types and regions, as words the options read back
        #expect(try bashCompletions(of: "cedre cert engage solipass --scheme ", cedre) == ["cedre", "cedre-iso"])
        #expect(try bashCompletions(of: "cedre report status --scheme cedre-", cedre) == ["cedre-iso"])
        #expect(try bashCompletions(of: "cedre member list --type ", cedre) == ["AI", "ACI", "EI", "ETTI", "GES", "national", "regional"])
        let regions = try bashCompletions(of: "cedre report status --region ", cedre)
        #expect(regions.count == 25)
        #expect(regions.contains("pays-de-la-loire") && regions.contains("paca") && regions.contains("ile-de-france"))
        #expect(try bashCompletions(of: "cedre member add --region pa", cedre) == ["paca", "pays-de-la-loire"])

        // Formats: only those the command writes
        #expect(try bashCompletions(of: "cedre report status --format ", cedre) == ["table", "markdown", "csv", "json", "html"])
        #expect(try bashCompletions(of: "cedre report audits --format ", cedre) == ["table", "markdown", "csv", "json", "html", "ics"])
        #expect(try bashCompletions(of: "cedre cert show solipass --format ", cedre) == ["table", "json"])
        #expect(try bashCompletions(of: "cedre campaign export --format ", cedre) == ["ics", "csv", "json"])
    }
}
