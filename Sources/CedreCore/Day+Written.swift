import Foundation

extension Day {
    /// Why a day written by an officer names no day, said so it can be fixed.
    public enum WritingError: Error, Equatable, Sendable, CustomStringConvertible {
        /// The text is neither `YYYY-MM-DD` nor `DD/MM/YYYY`.
        case unreadable(String)
        /// The month is not 1 to 12.
        case noSuchMonth(String, month: Int)
        /// The month has fewer days than the day written (31/04, 29/02 of a common year, day 0).
        case noSuchDay(String, year: Int, month: Int)

        public var description: String {
            switch self {
            case .unreadable(let text): "'\(text)' is not a day; \(reason)"
            case .noSuchMonth(let text, _), .noSuchDay(let text, _, _): "'\(text)' is not a day: \(reason)"
            }
        }

        /// Why, without the text: what a message that already quotes the text adds.
        public var reason: String {
            switch self {
            case .unreadable: "write it YYYY-MM-DD or DD/MM/YYYY"
            case .noSuchMonth(_, let month): "there is no month \(month)"
            case .noSuchDay(_, let year, let month):
                "\(Day.monthNames[month - 1]) \(year) has \(Day.length(ofMonth: month, year: year)) days"
            }
        }
    }

    /// English month names, for the messages that say why a day does not exist.
    private static let monthNames = [
        "January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November",
        "December",
    ]

    /// Reads a day written `YYYY-MM-DD` or, as French officers and spreadsheets write it,
    /// `DD/MM/YYYY` (day and month of one or two digits), saying why when it names no day.
    public init(written text: some StringProtocol) throws(WritingError) {
        let written = String(text)
        let fields: (year: Substring, month: Substring, day: Substring)
        let dashed = written.split(separator: "-", omittingEmptySubsequences: false)
        let slashed = written.split(separator: "/", omittingEmptySubsequences: false)
        if dashed.count == 3, dashed[0].count == 4, dashed[1].count == 2, dashed[2].count == 2 {
            fields = (dashed[0], dashed[1], dashed[2])
        } else if slashed.count == 3, (1...2).contains(slashed[0].count), (1...2).contains(slashed[1].count), slashed[2].count == 4 {
            fields = (slashed[2], slashed[1], slashed[0])
        } else {
            throw .unreadable(written)
        }
        func number(_ digits: Substring) -> Int? {
            digits.allSatisfy { $0.isASCII && $0.isNumber } ? Int(digits) : nil
        }
        guard let year = number(fields.year), let month = number(fields.month), let day = number(fields.day) else {
            throw .unreadable(written)
        }
        guard (1...12).contains(month) else { throw .noSuchMonth(written, month: month) }
        guard let value = Day(year: year, month: month, day: day) else { throw .noSuchDay(written, year: year, month: month) }
        self = value
    }
}

extension Day {
    /// The order of a day's fields in the ten-character forms: `YYYY-MM-DD` or `DD/MM/YYYY`.
    public enum FieldOrder: Sendable {
        case yearFirst, dayFirst
    }

    /// The day in ten ASCII characters, zero-padded, its fields in `order` between
    /// `separator`s (an ASCII character): `2013-03-01` or `01/03/2013`. Written into the
    /// string's own bytes (a nightly listing writes tens of thousands of days).
    public func numeric(_ order: FieldOrder, separator: Unicode.Scalar) -> String {
        precondition(separator.isASCII, "a day's separator is one ASCII character")
        let (year, month, day) = components
        let dash = UInt8(separator.value)
        return String(unsafeUninitializedCapacity: 10) { bytes in
            let (first, last) = order == .yearFirst ? ((year, 4), (day, 2)) : ((day, 2), (year, 4))
            bytes.writeDecimal(UInt64(first.0), width: first.1, at: 0)
            bytes[first.1] = dash
            bytes.writeDecimal(UInt64(month), width: 2, at: first.1 + 1)
            bytes[first.1 + 3] = dash
            bytes.writeDecimal(UInt64(last.0), width: last.1, at: first.1 + 4)
            return 10
        }
    }
}
