import ArgumentParser
import CedreCore
import CedreStore
import Foundation

/// `--witness FILE`: where `check` and `backup` append the log's head, and what `verify` reads.
///
/// The file must live apart from the database (another disk, another machine's mount, the
/// cron mail): whoever can rewrite the database and recompute its hashes cannot also rewrite
/// a head witnessed elsewhere (docs/reliability.md).
struct WitnessOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp(
        "The witness file (env CEDRE_WITNESS; default $XDG_STATE_HOME/cedre/witness).", valueName: "file"))
    var witness: String?

    /// The file named by `--witness` or `CEDRE_WITNESS`, nil when neither names one.
    var namedPath: String? { WitnessOptions.namedPath(option: witness) }

    /// The file named by an option's value or `CEDRE_WITNESS`, nil when neither names one.
    static func namedPath(option: String?) -> String? {
        if let option, !option.isEmpty { return option }
        return RunContext.current.environment["CEDRE_WITNESS"].flatMap { $0.isEmpty ? nil : $0 }
    }

    /// The file to append to: the one named, or `$XDG_STATE_HOME/cedre/witness`
    /// (`~/.local/state/cedre/witness` when XDG_STATE_HOME is not set).
    var path: String { WitnessOptions.path(option: witness) }

    /// The file to append to, for an option's value (nil when not given).
    static func path(option: String?) -> String {
        if let named = namedPath(option: option) { return named }
        let stateHome = StoreOptions.xdgDirectory("XDG_STATE_HOME", default: ".local/state", environment: RunContext.current.environment)
        return (stateHome as NSString).appendingPathComponent("cedre/witness")
    }

    /// Appends `count head-hash day` for `head` (mode 0600, synced); a failure names the file, exit 74.
    func append(_ head: LogHead, on day: Day, consequence: OutputError.Consequence) throws {
        try WitnessOptions.append(head, on: day, consequence: consequence, toFile: path)
    }

    /// Appends `count head-hash day` for `head` to `path`, as `append(_:on:consequence:)` does.
    static func append(_ head: LogHead, on day: Day, consequence: OutputError.Consequence, toFile path: String) throws {
        do {
            try Output.append(line: head.witnessLine(on: day), toFile: path)
        } catch var failure as OutputError {
            failure.consequence = consequence
            throw failure
        }
    }

    /// The heads witnessed in the file named by `option` or `CEDRE_WITNESS`, or nil when none
    /// is named; a line that does not read `count head-hash day` is refused naming it. A file
    /// named by the option must exist (a mistyped path proves nothing); one named by the
    /// environment may not exist yet (no check or backup has run).
    static func witnessedHeads(option: String?) throws -> [WitnessedHead]? {
        guard let file = namedPath(option: option) else { return nil }
        guard let data = FileManager.default.contents(atPath: file) else {
            if option == nil { return [] }
            throw StoreError.notFound(.file(file))
        }
        var heads: [WitnessedHead] = []
        for (index, line) in String(decoding: data, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            guard !line.trimmingSpaces.isEmpty else { continue }
            guard let head = WitnessedHead(line: index + 1, text: line) else {
                throw CommandError.invalidWitness(file: file, line: index + 1)
            }
            heads.append(head)
        }
        return heads
    }
}
