import Foundation

/// A member's value in an object of the flat form cedre writes a fact's payload in
/// (`JSONParser.forEachFlatMember`).
public enum FlatValue: Equatable, Sendable {
    /// A text without escapes or control characters.
    case text(String)
    /// A whole number that fits an `Int`, written without a fraction or an exponent.
    case wholeNumber(Int)
    /// `true` or `false`.
    case bool(Bool)
    /// A list of texts.
    case texts([String])
}

extension JSONParser {
    /// Hands `body` each member of an object written as cedre writes a fact's payload, in order,
    /// its key as the bytes between its quotes (valid while `body` runs, UTF-8 without escapes):
    /// on one line with no spaces, its keys in increasing byte order (so none twice), its values
    /// texts without escapes or control characters, whole numbers that fit an `Int`, `true`,
    /// `false` or lists of such texts. Returns false at the first byte of any other text, or
    /// when `body` does, maybe after handing over some members: the caller forgets them and
    /// reads the text with `parse(_:)`, which reads it or names the line and column of the fault.
    ///
    /// A replay reads a million payloads: one pass over the bytes, without the lines and keys
    /// `parse(_:)` keeps for its messages nor a document built and taken apart, takes a fraction
    /// of its instructions; a key is matched from its bytes, not made a `String` first.
    public static func forEachFlatMember(_ text: String, _ body: (UnsafeBufferPointer<UInt8>, FlatValue) -> Bool) -> Bool {
        var text = text
        return text.withUTF8 { bytes in
            var reader = FlatReader(bytes: bytes)
            return reader.members(body)
        }
    }
}

/// A cursor over the bytes of a flat object; every method returns nil (or false) at the first
/// byte that is not of the flat form.
private struct FlatReader {
    let bytes: UnsafeBufferPointer<UInt8>
    var offset = 0

    private static let quote = UInt8(ascii: "\"")

    mutating func members(_ body: (UnsafeBufferPointer<UInt8>, FlatValue) -> Bool) -> Bool {
        guard take("{") else { return false }
        if !take("}") {
            var previous: UnsafeBufferPointer<UInt8>?
            repeat {
                guard let key = plainBytes(), take(":") else { return false }
                if let previous, !previous.lexicographicallyPrecedes(key) { return false }
                previous = key
                guard let value = value(), body(key, value) else { return false }
            } while take(",")
            guard take("}") else { return false }
        }
        return offset == bytes.count
    }

    private mutating func value() -> FlatValue? {
        guard offset < bytes.count else { return nil }
        switch bytes[offset] {
        case Self.quote:
            return text().map(FlatValue.text)
        case UInt8(ascii: "t"):
            return take("true") ? .bool(true) : nil
        case UInt8(ascii: "f"):
            return take("false") ? .bool(false) : nil
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"):
            return wholeNumber().map(FlatValue.wholeNumber)
        case UInt8(ascii: "["):
            offset += 1
            var elements: [String] = []
            if !take("]") {
                repeat {
                    guard let text = text() else { return nil }
                    elements.append(text)
                } while take(",")
                guard take("]") else { return nil }
            }
            return .texts(elements)
        default:
            return nil
        }
    }

    /// A text with no escape and no control character. The document is a `String`, valid
    /// UTF-8, and quotes are ASCII: the bytes between two are valid UTF-8 too.
    private mutating func text() -> String? {
        plainBytes().map { String(decoding: $0, as: UTF8.self) }
    }

    /// The bytes between a string's quotes, when it has no escape and no control character.
    private mutating func plainBytes() -> UnsafeBufferPointer<UInt8>? {
        guard take("\"") else { return nil }
        let start = offset
        while offset < bytes.count {
            let byte = bytes[offset]
            if byte == Self.quote {
                offset += 1
                return UnsafeBufferPointer(rebasing: bytes[start..<offset - 1])
            }
            guard byte != UInt8(ascii: "\\"), byte >= 0x20 else { return nil }
            offset += 1
        }
        return nil
    }

    /// `-?(0|[1-9][0-9]*)` not followed by a fraction or an exponent, as written, when it fits
    /// an `Int`.
    private mutating func wholeNumber() -> Int? {
        let negative = take("-")
        let digits = offset
        var magnitude = 0
        while offset < bytes.count, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(bytes[offset]) {
            let (shifted, overflow) = magnitude.multipliedReportingOverflow(by: 10)
            let (sum, carry) = shifted.addingReportingOverflow(Int(bytes[offset] - UInt8(ascii: "0")))
            // Int.min's magnitude does not fit: such a number goes to the full parser.
            guard !overflow, !carry else { return nil }
            magnitude = sum
            offset += 1
        }
        guard offset > digits, bytes[digits] != UInt8(ascii: "0") || offset == digits + 1 else { return nil }
        if offset < bytes.count, bytes[offset] == UInt8(ascii: ".") || bytes[offset] | 0x20 == UInt8(ascii: "e") { return nil }
        return negative ? -magnitude : magnitude
    }

    /// Steps over `expected` when the bytes at the cursor are exactly it.
    private mutating func take(_ expected: StaticString) -> Bool {
        let count = expected.utf8CodeUnitCount
        guard bytes.count - offset >= count,
            memcmp(bytes.baseAddress! + offset, expected.utf8Start, count) == 0
        else { return false }
        offset += count
        return true
    }
}
