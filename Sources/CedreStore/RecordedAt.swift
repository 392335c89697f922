import CedreCore
import Foundation

/// The moment a fact was recorded or a `check` ran, as the store writes it: ISO 8601 in UTC
/// to the millisecond, `2013-04-12T12:05:11.661Z`, the text `ISO8601DateFormatter` writes with
/// `.withInternetDateTime` and `.withFractionalSeconds` (to the nearest millisecond).
///
/// Written and read by arithmetic: a formatter sets up ICU's calendar and time zone first, 2 ms
/// of a cold `check`, and `log` made one for each row it showed (0.5 s for the 2013 network's
/// 2,667 events).
public enum RecordedAt {
    private static let millisecondsPerDay = 86_400_000

    /// `date` in UTC, to the nearest millisecond.
    public static func text(_ date: Date) -> String {
        let milliseconds = Int((date.timeIntervalSince1970 * 1000).rounded())
        var (days, time) = milliseconds.quotientAndRemainder(dividingBy: millisecondsPerDay)
        if time < 0 {
            days -= 1
            time += millisecondsPerDay
        }
        let (hours, minutes, seconds) = (time / 3_600_000, time / 60_000 % 60, time / 1000 % 60)
        return "\(Day(ordinal: days))T\(hours.zeroPadded(to: 2)):\(minutes.zeroPadded(to: 2)):\(seconds.zeroPadded(to: 2))"
            + ".\((time % 1000).zeroPadded(to: 3))Z"
    }

    /// The moment `text` names when it is written as `text(_:)` writes it; nil for any other text.
    public static func date(_ text: String) -> Date? {
        let bytes = Array(text.utf8)
        let separators: [(Int, Character)] = [(10, "T"), (13, ":"), (16, ":"), (19, "."), (23, "Z")]
        guard bytes.count == 24, separators.allSatisfy({ bytes[$0] == $1.asciiValue }),
            let day = Day(text.prefix(10)),
            let hours = number(bytes[11..<13], below: 24), let minutes = number(bytes[14..<16], below: 60),
            let seconds = number(bytes[17..<19], below: 60), let milliseconds = number(bytes[20..<23], below: 1000)
        else { return nil }
        let inDay = ((hours * 60 + minutes) * 60 + seconds) * 1000 + milliseconds
        return Date(timeIntervalSince1970: Double(day.ordinal * millisecondsPerDay + inDay) / 1000)
    }

    /// The number the ASCII digits `bytes` write, when it is below `bound`.
    private static func number(_ bytes: ArraySlice<UInt8>, below bound: Int) -> Int? {
        var value = 0
        for byte in bytes {
            guard (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) else { return nil }
            value = value * 10 + Int(byte - UInt8(ascii: "0"))
        }
        return value < bound ? value : nil
    }
}
