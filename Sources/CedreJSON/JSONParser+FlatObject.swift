import Foundation

extension JSONParser {
    /// Reads an object written as cedre writes a fact's payload: on one line with no spaces,
    /// its keys in increasing byte order (so none twice), its values texts without escapes or
    /// control characters, whole numbers, `true`, `false` or lists of such texts. Nil for any
    /// other text, which `parse(_:)` then reads, or refuses with the line and column of the fault.
    ///
    /// A replay reads a million payloads: one pass over the bytes, without the lines and keys
    /// `parse(_:)` keeps for its messages, takes about half its instructions.
    public static func flatObject(_ text: String) -> JSONValue? {
        var text = text
        return text.withUTF8 { bytes in
            var reader = FlatReader(bytes: bytes)
            return reader.object()
        }
    }
}

/// A cursor over the bytes of a flat object; every method returns nil at the first byte that
/// is not of the flat form, leaving the text to the full parser.
private struct FlatReader {
    let bytes: UnsafeBufferPointer<UInt8>
    var offset = 0

    private static let quote = UInt8(ascii: "\"")

    mutating func object() -> JSONValue? {
        guard take("{") else { return nil }
        var members: [JSONValue.Member] = []
        members.reserveCapacity(8)
        if !take("}") {
            var previous: UnsafeBufferPointer<UInt8>?
            repeat {
                guard let key = plainBytes(), take(":") else { return nil }
                if let previous, !previous.lexicographicallyPrecedes(key) { return nil }
                previous = key
                guard let value = value() else { return nil }
                members.append(JSONValue.Member(key: String(decoding: key, as: UTF8.self), keyLine: 1, value: value))
            } while take(",")
            guard take("}") else { return nil }
        }
        guard offset == bytes.count else { return nil }
        return JSONValue(.object(members), line: 1)
    }

    private mutating func value() -> JSONValue? {
        guard offset < bytes.count else { return nil }
        let content: JSONValue.Content
        switch bytes[offset] {
        case Self.quote:
            guard let text = text() else { return nil }
            content = .string(text)
        case UInt8(ascii: "t"):
            guard take("true") else { return nil }
            content = .bool(true)
        case UInt8(ascii: "f"):
            guard take("false") else { return nil }
            content = .bool(false)
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"):
            guard let literal = wholeNumber() else { return nil }
            content = .number(literal)
        case UInt8(ascii: "["):
            offset += 1
            var elements: [JSONValue] = []
            if !take("]") {
                repeat {
                    guard let text = text() else { return nil }
                    elements.append(JSONValue(.string(text), line: 1))
                } while take(",")
                guard take("]") else { return nil }
            }
            content = .array(elements)
        default:
            return nil
        }
        return JSONValue(content, line: 1)
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

    /// `-?(0|[1-9][0-9]*)` not followed by a fraction or an exponent, as written.
    private mutating func wholeNumber() -> String? {
        let start = offset
        _ = take("-")
        let digits = offset
        while offset < bytes.count, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(bytes[offset]) { offset += 1 }
        guard offset > digits, bytes[digits] != UInt8(ascii: "0") || offset == digits + 1 else { return nil }
        if offset < bytes.count, bytes[offset] == UInt8(ascii: ".") || bytes[offset] | 0x20 == UInt8(ascii: "e") { return nil }
        return String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<offset]), as: UTF8.self)
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
