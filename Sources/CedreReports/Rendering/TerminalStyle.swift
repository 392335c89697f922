#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation

/// How the terminal a report goes to wants it: how wide, and whether in colour.
///
/// Output that goes to a file or a pipe is plain and unbounded, so goldens, cron mails and
/// spreadsheets never see escape codes or truncated names.
public struct TerminalStyle: Equatable, Sendable {
    /// The columns available; nil when the output is not a terminal and no width was asked for.
    public var width: Int?
    /// Bold headers and red overdue rows.
    public var colour: Bool

    /// A style of `width` columns, in colour or not.
    public init(width: Int?, colour: Bool) {
        self.width = width
        self.colour = colour
    }

    /// No width limit, no colour: files, pipes and tests.
    public static let plain = TerminalStyle(width: nil, colour: false)

    /// The style for writing to `descriptor`: the width from `COLUMNS` or, on a terminal, from
    /// the terminal itself; colour only on a terminal, never when `NO_COLOR` is set (no-color.org)
    /// or the terminal is `dumb`.
    public static func detect(environment: RunEnvironment, descriptor: Int32) -> TerminalStyle {
        let isTerminal = isatty(descriptor) == 1
        var width = environment["COLUMNS"].flatMap(Int.init).flatMap { $0 > 0 ? $0 : nil }
        if width == nil, isTerminal {
            width = terminalColumns(descriptor)
        }
        let noColour = environment["NO_COLOR"].map { !$0.isEmpty } ?? false
        let colour = isTerminal && !noColour && environment["TERM"] != "dumb"
        return TerminalStyle(width: width, colour: colour)
    }

    private static func terminalColumns(_ descriptor: Int32) -> Int? {
        var size = winsize()
        #if canImport(Glibc)
        let status = ioctl(descriptor, UInt(TIOCGWINSZ), &size)
        #else
        let status = ioctl(descriptor, TIOCGWINSZ, &size)
        #endif
        return status == 0 && size.ws_col > 0 ? Int(size.ws_col) : nil
    }

    /// `text` (one paragraph) wrapped at the style's width between words, unchanged without a
    /// width: the sentences around a command's tables fit the terminal as the tables do.
    public func wrap(_ text: String) -> String {
        ReportDocument.wrap(text, width: width).joined(separator: "\n")
    }

    /// `text` in bold, when colour is on.
    func bold(_ text: String) -> String {
        colour ? "\u{1B}[1m\(text)\u{1B}[0m" : text
    }

    /// `text` in red, when colour is on.
    func alert(_ text: String) -> String {
        alertCodes.start + text + alertCodes.end
    }

    /// The codes around a highlighted row: red, then back to plain; none without colour.
    var alertCodes: (start: String, end: String) {
        colour ? ("\u{1B}[31m", "\u{1B}[0m") : ("", "")
    }
}
