import CedreCore
import Foundation

/// An RFC 5545 calendar of all-day events: what officers subscribe to in their agenda.
///
/// Lines end with CRLF and are folded at 75 octets, never inside a UTF-8 sequence; text
/// values escape backslashes, commas, semicolons and line breaks, and lose every other
/// control character (the ICS escaping layer), so no value can end its line or start a
/// property of its own. Nothing depends on the clock:
/// `DTSTAMP` is a day of the report, so the same facts always give the same file.
public struct ICalendar: Equatable, Sendable {
    /// One all-day event.
    public struct Event: Equatable, Sendable {
        /// Stable across exports, so a re-imported calendar updates events instead of doubling them.
        public let uid: String
        /// The all-day event's day.
        public let day: Day
        /// The event title.
        public let summary: String
        /// Details, lines separated by newlines.
        public let description: String
        /// Where it takes place.
        public let location: String
        /// `TENTATIVE`, `CONFIRMED` or `CANCELLED`.
        public let status: String

        /// An all-day event.
        public init(uid: String, day: Day, summary: String, description: String, location: String, status: String) {
            self.uid = uid
            self.day = day
            self.summary = summary
            self.description = description
            self.location = location
            self.status = status
        }
    }

    /// The `PRODID` naming cedre as the calendar's producer.
    public static let productID = "-//cedre//audit programme//FR"

    /// The calendar's name (`X-WR-CALNAME`).
    public let name: String
    /// Written as every event's `DTSTAMP`, at midnight UTC.
    public let stamp: Day
    /// The events, in order.
    public let events: [Event]

    /// A calendar of `events`.
    public init(name: String, stamp: Day, events: [Event]) {
        self.name = name
        self.stamp = stamp
        self.events = events
    }

    /// The calendar file.
    public func text() -> String {
        var lines = [
            "BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:\(ICalendar.productID)", "CALSCALE:GREGORIAN", "METHOD:PUBLISH",
            "X-WR-CALNAME:\(ICalendar.escape(name, keepingLineBreaks: false))",
        ]
        for event in events {
            lines += [
                "BEGIN:VEVENT",
                "UID:\(ICalendar.escape(event.uid, keepingLineBreaks: false))",
                "DTSTAMP:\(ICalendar.basic(stamp))T000000Z",
                "DTSTART;VALUE=DATE:\(ICalendar.basic(event.day))",
                "DTEND;VALUE=DATE:\(ICalendar.basic(event.day.adding(days: 1)))",
                "SUMMARY:\(ICalendar.escape(event.summary, keepingLineBreaks: false))",
                "DESCRIPTION:\(ICalendar.escape(event.description, keepingLineBreaks: true))",
                "LOCATION:\(ICalendar.escape(event.location, keepingLineBreaks: false))",
                "STATUS:\(event.status)",
                "TRANSP:TRANSPARENT",
                "END:VEVENT",
            ]
        }
        lines.append("END:VCALENDAR")
        return lines.map(ICalendar.fold).joined(separator: "\r\n") + "\r\n"
    }

    /// `20131212`: the basic form RFC 5545 dates take.
    static func basic(_ day: Day) -> String {
        day.description.replacingOccurrences(of: "-", with: "")
    }

    /// A TEXT value (RFC 5545 §3.3.11): `\`, `;`, `,` escaped, line breaks (CR, LF, CRLF,
    /// U+2028, U+2029) written `\n` in a description and flattened to a space in one-line
    /// values (a title, a place, a UID), every other control character removed (RFC 5545
    /// allows none in a value).
    static func escape(_ text: String, keepingLineBreaks: Bool) -> String {
        var escaped = ""
        for character in text {
            switch character {
            case "\\": escaped += "\\\\"
            case ";": escaped += "\\;"
            case ",": escaped += "\\,"
            case "\n", "\r\n", "\r", "\u{2028}", "\u{2029}": escaped += keepingLineBreaks ? "\\n" : " "
            default:
                for scalar in character.unicodeScalars where !scalar.isControlOrLineBreak {
                    escaped.unicodeScalars.append(scalar)
                }
            }
        }
        return escaped
    }

    /// A content line folded (RFC 5545 §3.1): at most 75 octets per physical line, each
    /// continuation starting with one space, breaks only between Unicode scalars.
    static func fold(_ line: String) -> String {
        var physical: [String] = []
        var current = ""
        var octets = 0
        for scalar in line.unicodeScalars {
            let size = String(scalar).utf8.count
            if octets + size > 75 {
                physical.append(current)
                current = " "
                octets = 1
            }
            current.unicodeScalars.append(scalar)
            octets += size
        }
        physical.append(current)
        return physical.joined(separator: "\r\n")
    }
}
