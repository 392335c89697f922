import ArgumentParser
import Foundation

/// Help screens end with their worked example.
///
/// ArgumentParser prints a command's discussion, where each command keeps its `EXAMPLE`
/// block, before the usage and options; officers read a help screen from the bottom up, so
/// the example is moved last, unwrapped, exactly as it must be typed.
enum HelpLayout {
    /// The help screen `error` (which ends the run with success) asks for with its example
    /// last, or nil when it is not a help screen with an example.
    static func examplesLast(for error: any Error) -> String? {
        let screen = Cedre.fullMessage(for: error, columns: RunContext.current.helpColumns)
        let unwrapped = Cedre.fullMessage(for: error, columns: 10_000)
        guard let example = exampleBlock(in: unwrapped.components(separatedBy: "\n")) else { return nil }
        var lines = screen.components(separatedBy: "\n")
        if let start = lines.firstIndex(of: "EXAMPLE") {
            let end = lines[start...].firstIndex { $0.hasPrefix("USAGE:") || $0.hasPrefix("OPTIONS:") || $0.hasPrefix("ARGUMENTS:") || $0.hasPrefix("SUBCOMMANDS:") } ?? lines.endIndex
            lines.removeSubrange(start..<end)
        }
        while lines.last?.isEmpty == true { lines.removeLast() }
        return (lines + [""] + example).joined(separator: "\n") + "\n"
    }

    private static func exampleBlock(in lines: [String]) -> [String]? {
        guard let start = lines.firstIndex(of: "EXAMPLE") else { return nil }
        let body = lines[(start + 1)...].prefix { $0.hasPrefix("  ") }
        return ["EXAMPLE"] + body
    }
}
