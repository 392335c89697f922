import Foundation

/// Why a document is not valid JSON, and where, so the person who wrote it can fix it.
public struct JSONParseError: Error, Equatable, Sendable, CustomStringConvertible {
    /// 1-based line of the offending character.
    public var line: Int
    /// 1-based column of the offending character, counted in Unicode scalars.
    public var column: Int
    /// One sentence saying what was expected.
    public var message: String

    /// An error at `line` and `column` explained by `message`.
    public init(line: Int, column: Int, message: String) {
        self.line = line
        self.column = column
        self.message = message
    }

    /// `line 3, column 7: <message>`, the form shown to users.
    public var description: String {
        "line \(line), column \(column): \(message)"
    }
}

/// A strict RFC 8259 parser that records the line of every value, which JSONSerialization cannot.
///
/// It accepts exactly the JSON grammar (plus an optional UTF-8 byte order mark), rejects
/// duplicate keys, and stops at the first error with its line and column.
public enum JSONParser {
    /// Deepest nesting of arrays and objects accepted, so hostile input cannot exhaust the stack.
    public static let maximumDepth = 512

    /// Parses a whole UTF-8 document into a value tree with line numbers.
    public static func parse(_ data: Data) throws(JSONParseError) -> JSONValue {
        try parse(bytes: [UInt8](data))
    }

    /// Parses a whole document held in a string.
    public static func parse(_ text: String) throws(JSONParseError) -> JSONValue {
        try parse(bytes: Array(text.utf8))
    }

    private static func parse(bytes: [UInt8]) throws(JSONParseError) -> JSONValue {
        try bytes.withUnsafeBufferPointer { (buffer) throws(JSONParseError) -> JSONValue in
            var reader = Reader(buffer)
            return try reader.readDocument()
        }
    }
}

extension JSONParser {
    /// The parser's cursor over the document bytes.
    private struct Reader {
        private let bytes: UnsafeBufferPointer<UInt8>
        private var offset = 0
        private var line = 1
        private var lineStart = 0
        private var depth = 0

        init(_ bytes: UnsafeBufferPointer<UInt8>) {
            self.bytes = bytes
            let byteOrderMark: [UInt8] = [0xEF, 0xBB, 0xBF]
            if bytes.starts(with: byteOrderMark) {
                offset = byteOrderMark.count
                lineStart = offset
            }
        }

        mutating func readDocument() throws(JSONParseError) -> JSONValue {
            skipWhitespace()
            let value = try readValue()
            skipWhitespace()
            guard offset == bytes.count else {
                throw error("expected the end of the document after the JSON value, found \(foundDescription())")
            }
            return value
        }

        // MARK: Values

        private mutating func readValue() throws(JSONParseError) -> JSONValue {
            let valueLine = line
            guard let byte = peek() else {
                throw error("expected a JSON value, found the end of the document")
            }
            switch byte {
            case UInt8(ascii: "{"):
                return JSONValue(try readObject(), line: valueLine)
            case UInt8(ascii: "["):
                return JSONValue(try readArray(), line: valueLine)
            case UInt8(ascii: "\""):
                return JSONValue(.string(try readString()), line: valueLine)
            case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"):
                return JSONValue(.number(try readNumber()), line: valueLine)
            case UInt8(ascii: "t"):
                try readKeyword("true")
                return JSONValue(.bool(true), line: valueLine)
            case UInt8(ascii: "f"):
                try readKeyword("false")
                return JSONValue(.bool(false), line: valueLine)
            case UInt8(ascii: "n"):
                try readKeyword("null")
                return JSONValue(.null, line: valueLine)
            default:
                throw error(
                    "expected a JSON value (object, array, string, number, true, false or null), found \(foundDescription())"
                )
            }
        }

        private mutating func readKeyword(_ keyword: StaticString) throws(JSONParseError) {
            let expected = UnsafeBufferPointer(start: keyword.utf8Start, count: keyword.utf8CodeUnitCount)
            guard bytes.count - offset >= expected.count,
                bytes[offset..<offset + expected.count].elementsEqual(expected)
            else {
                throw error("expected '\(keyword)'")
            }
            offset += expected.count
        }

        private mutating func readObject() throws(JSONParseError) -> JSONValue.Content {
            try enterContainer()
            offset += 1
            var members: [JSONValue.Member] = []
            // Room for a fact's payload at once, rather than growing one member at a time.
            members.reserveCapacity(8)
            var keys = KeyLines()
            skipWhitespace()
            if peek() == UInt8(ascii: "}") {
                offset += 1
                depth -= 1
                return .object(members)
            }
            while true {
                guard peek() == UInt8(ascii: "\"") else {
                    let context = members.isEmpty ? "after '{'" : "after ','"
                    throw error(
                        "expected a string key \(context), found \(foundDescription())\(trailingCommaHint(before: UInt8(ascii: "}")))"
                    )
                }
                let keyLine = line
                let keyOffset = offset
                let key = try readString()
                if let firstLine = keys.insert(key, line: keyLine, after: members) {
                    throw error("duplicate key \(JSONValue.quoted(key)), already defined on line \(firstLine)", at: keyOffset)
                }
                skipWhitespace()
                guard peek() == UInt8(ascii: ":") else {
                    throw error("expected ':' after the object key \(JSONValue.quoted(key)), found \(foundDescription())")
                }
                offset += 1
                skipWhitespace()
                members.append(JSONValue.Member(key: key, keyLine: keyLine, value: try readValue()))
                skipWhitespace()
                switch peek() {
                case UInt8(ascii: ","):
                    offset += 1
                    skipWhitespace()
                case UInt8(ascii: "}"):
                    offset += 1
                    depth -= 1
                    return .object(members)
                default:
                    throw error("expected ',' or '}' after an object member, found \(foundDescription())")
                }
            }
        }

        /// The keys an object has so far, to refuse a duplicate with the line of the first.
        ///
        /// A fact's payload has a handful of keys: they are compared one by one, and hashed
        /// only once an object has many (a replay parses a million small objects).
        private struct KeyLines {
            private static let comparedOneByOne = 16
            private var lines: [String: Int]?

            /// The line of `key` if one of `members` (the object's members so far) has it;
            /// else nil, and `key` is known from now on.
            mutating func insert(_ key: String, line: Int, after members: [JSONValue.Member]) -> Int? {
                if lines == nil {
                    if members.count < Self.comparedOneByOne { return members.first { $0.key == key }?.keyLine }
                    // Every key so far was refused if repeated: they are unique.
                    lines = Dictionary(uniqueKeysWithValues: members.lazy.map { ($0.key, $0.keyLine) })
                }
                return lines?.updateValue(line, forKey: key)
            }
        }

        private mutating func readArray() throws(JSONParseError) -> JSONValue.Content {
            try enterContainer()
            offset += 1
            var elements: [JSONValue] = []
            skipWhitespace()
            if peek() == UInt8(ascii: "]") {
                offset += 1
                depth -= 1
                return .array(elements)
            }
            while true {
                if !elements.isEmpty, peek() == UInt8(ascii: "]") {
                    throw error(
                        "expected a JSON value after ',', found ']'\(trailingCommaHint(before: UInt8(ascii: "]")))")
                }
                elements.append(try readValue())
                skipWhitespace()
                switch peek() {
                case UInt8(ascii: ","):
                    offset += 1
                    skipWhitespace()
                case UInt8(ascii: "]"):
                    offset += 1
                    depth -= 1
                    return .array(elements)
                default:
                    throw error("expected ',' or ']' after an array element, found \(foundDescription())")
                }
            }
        }

        private mutating func enterContainer() throws(JSONParseError) {
            depth += 1
            guard depth <= JSONParser.maximumDepth else {
                throw error("expected at most \(JSONParser.maximumDepth) levels of nested arrays and objects")
            }
        }

        private func trailingCommaHint(before closing: UInt8) -> String {
            peek() == closing ? " (a trailing comma is not allowed)" : ""
        }

        // MARK: Numbers

        private mutating func readNumber() throws(JSONParseError) -> String {
            let start = offset
            if peek() == UInt8(ascii: "-") { offset += 1 }
            guard let first = peek(), isDigit(first) else {
                throw error("expected a digit after '-', found \(foundDescription())")
            }
            offset += 1
            if first == UInt8(ascii: "0"), let next = peek(), isDigit(next) {
                throw error("expected no leading zero in a number (write 7, not 07)", at: start)
            }
            skipDigits()
            if peek() == UInt8(ascii: ".") {
                offset += 1
                try readRequiredDigits(after: "the decimal point")
            }
            if peek() == UInt8(ascii: "e") || peek() == UInt8(ascii: "E") {
                offset += 1
                if peek() == UInt8(ascii: "+") || peek() == UInt8(ascii: "-") { offset += 1 }
                try readRequiredDigits(after: "the exponent marker")
            }
            return String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<offset]), as: UTF8.self)
        }

        private mutating func readRequiredDigits(after what: String) throws(JSONParseError) {
            guard let byte = peek(), isDigit(byte) else {
                throw error("expected a digit after \(what), found \(foundDescription())")
            }
            skipDigits()
        }

        private mutating func skipDigits() {
            while let byte = peek(), isDigit(byte) { offset += 1 }
        }

        private func isDigit(_ byte: UInt8) -> Bool {
            byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")
        }

        // MARK: Strings

        /// Reads a string starting at its opening quote; the fast path copies runs without escapes.
        private mutating func readString() throws(JSONParseError) -> String {
            offset += 1
            var decoded: [UInt8] = []
            var runStart = offset
            while true {
                guard let byte = peek() else {
                    throw error("expected '\"' to close the string, found the end of the document")
                }
                switch byte {
                case UInt8(ascii: "\""):
                    let run = UnsafeBufferPointer(rebasing: bytes[runStart..<offset])
                    offset += 1
                    if decoded.isEmpty {
                        return String(decoding: run, as: UTF8.self)
                    }
                    decoded.append(contentsOf: run)
                    return String(decoding: decoded, as: UTF8.self)
                case UInt8(ascii: "\\"):
                    decoded.append(contentsOf: bytes[runStart..<offset])
                    try readEscape(into: &decoded)
                    runStart = offset
                case 0x00..<0x20:
                    throw error(
                        "expected '\"' to close the string or an escape such as \\n, found \(foundDescription())")
                case 0x80...:
                    try skipUTF8Sequence()
                default:
                    offset += 1
                }
            }
        }

        private mutating func readEscape(into decoded: inout [UInt8]) throws(JSONParseError) {
            offset += 1
            guard let byte = peek() else {
                throw error("expected an escape character after '\\', found the end of the document")
            }
            let simple: UInt8? =
                switch byte {
                case UInt8(ascii: "\""): UInt8(ascii: "\"")
                case UInt8(ascii: "\\"): UInt8(ascii: "\\")
                case UInt8(ascii: "/"): UInt8(ascii: "/")
                case UInt8(ascii: "b"): 0x08
                case UInt8(ascii: "f"): 0x0C
                case UInt8(ascii: "n"): 0x0A
                case UInt8(ascii: "r"): 0x0D
                case UInt8(ascii: "t"): 0x09
                default: nil
                }
            if let simple {
                offset += 1
                decoded.append(simple)
                return
            }
            guard byte == UInt8(ascii: "u") else {
                throw error("expected one of \" \\ / b f n r t u after '\\', found \(foundDescription())")
            }
            offset += 1
            let scalar = try readUnicodeEscape(escapeStart: offset - 2)
            UTF8.encode(scalar) { decoded.append($0) }
        }

        /// Reads the hex digits after `\u`, joining a surrogate pair into one scalar.
        private mutating func readUnicodeEscape(escapeStart: Int) throws(JSONParseError) -> Unicode.Scalar {
            let first = try readHexQuad()
            switch first {
            case 0xD800...0xDBFF:
                guard peek() == UInt8(ascii: "\\"), peek(at: 1) == UInt8(ascii: "u") else {
                    throw error("expected a \\uDC00-\\uDFFF low surrogate after the high surrogate \\u\(hex(first))")
                }
                offset += 2
                let second = try readHexQuad()
                guard (0xDC00...0xDFFF).contains(second) else {
                    throw error("expected a \\uDC00-\\uDFFF low surrogate after the high surrogate \\u\(hex(first))")
                }
                let value = 0x10000 + ((first - 0xD800) << 10) + (second - 0xDC00)
                return Unicode.Scalar(value) ?? "\u{FFFD}"
            case 0xDC00...0xDFFF:
                throw error("expected a high surrogate before the low surrogate \\u\(hex(first))", at: escapeStart)
            default:
                return Unicode.Scalar(first) ?? "\u{FFFD}"
            }
        }

        private mutating func readHexQuad() throws(JSONParseError) -> UInt32 {
            var value: UInt32 = 0
            for _ in 0..<4 {
                guard let byte = peek(), let digit = hexDigitValue(byte) else {
                    throw error("expected four hexadecimal digits after '\\u', found \(foundDescription())")
                }
                value = value << 4 | digit
                offset += 1
            }
            return value
        }

        private func hexDigitValue(_ byte: UInt8) -> UInt32? {
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): UInt32(byte - UInt8(ascii: "0"))
            case UInt8(ascii: "a")...UInt8(ascii: "f"): UInt32(byte - UInt8(ascii: "a") + 10)
            case UInt8(ascii: "A")...UInt8(ascii: "F"): UInt32(byte - UInt8(ascii: "A") + 10)
            default: nil
            }
        }

        private func hex(_ value: UInt32) -> String {
            String(value, radix: 16, uppercase: true)
        }

        /// Steps over one well-formed multi-byte UTF-8 sequence (no overlongs, surrogates or values past U+10FFFF).
        private mutating func skipUTF8Sequence() throws(JSONParseError) {
            guard let lead = peek() else { return }
            let length: Int
            let secondRange: ClosedRange<UInt8>
            switch lead {
            case 0xC2...0xDF: (length, secondRange) = (2, 0x80...0xBF)
            case 0xE0: (length, secondRange) = (3, 0xA0...0xBF)
            case 0xED: (length, secondRange) = (3, 0x80...0x9F)
            case 0xE1...0xEF: (length, secondRange) = (3, 0x80...0xBF)
            case 0xF0: (length, secondRange) = (4, 0x90...0xBF)
            case 0xF4: (length, secondRange) = (4, 0x80...0x8F)
            case 0xF1...0xF3: (length, secondRange) = (4, 0x80...0xBF)
            default: throw error("expected UTF-8 text, found an invalid byte")
            }
            for index in 1..<length {
                guard let byte = peek(at: index), (index == 1 ? secondRange : 0x80...0xBF).contains(byte) else {
                    throw error("expected UTF-8 text, found an invalid byte sequence")
                }
            }
            offset += length
        }

        // MARK: Whitespace and positions

        private mutating func skipWhitespace() {
            while let byte = peek() {
                switch byte {
                case UInt8(ascii: " "), UInt8(ascii: "\t"):
                    offset += 1
                case UInt8(ascii: "\n"):
                    offset += 1
                    startLine()
                case UInt8(ascii: "\r"):
                    offset += peek(at: 1) == UInt8(ascii: "\n") ? 2 : 1
                    startLine()
                default:
                    return
                }
            }
        }

        private mutating func startLine() {
            line += 1
            lineStart = offset
        }

        private func peek(at distance: Int = 0) -> UInt8? {
            let index = offset + distance
            return index < bytes.count ? bytes[index] : nil
        }

        /// How the byte at the cursor reads in a message: `'x'`, "a line break", "the end of the document".
        private func foundDescription() -> String {
            guard let byte = peek() else { return "the end of the document" }
            switch byte {
            case UInt8(ascii: "\n"), UInt8(ascii: "\r"): return "a line break"
            case UInt8(ascii: "\t"): return "a tab"
            case 0x00..<0x20, 0x7F:
                return "the control character U+00\(hex(UInt32(byte >> 4)))\(hex(UInt32(byte & 0xF)))"
            case 0x80...: return "a non-ASCII character"
            default: return "'\(Character(UnicodeScalar(byte)))'"
            }
        }

        /// An error at `position` (the cursor by default) on the current line; the column counts scalars.
        private func error(_ message: String, at position: Int? = nil) -> JSONParseError {
            let end = min(position ?? offset, bytes.count)
            let scalarsBefore = bytes[lineStart..<end].reduce(0) { count, byte in
                count + (byte & 0xC0 == 0x80 ? 0 : 1)
            }
            return JSONParseError(line: line, column: scalarsBefore + 1, message: message)
        }
    }
}
