import Foundation

/// A JSON value that remembers the line it was written on, so import errors can name the line.
///
/// Numbers keep the literal as written (`0.6` stays `"0.6"`), so nothing is lost to binary
/// floating point before a rule looks at it. Values built in code (literals, the static
/// constructors) have line 0.
///
/// Equality compares the values as written and ignores where they were found: a parsed
/// document equals the same document built in code.
public struct JSONValue: Equatable, Sendable {
    /// What the value is, the JSON grammar's six kinds.
    public enum Content: Equatable, Sendable {
        /// `null`.
        case null
        /// `true` or `false`.
        case bool(Bool)
        /// The number literal exactly as written, for example `"0.6"` or `"-1e3"`.
        case number(String)
        /// A string with its escapes decoded.
        case string(String)
        /// The elements in document order.
        case array([JSONValue])
        /// The members in document order.
        case object([Member])
    }

    /// One `"key": value` pair of an object, with the line of its key for error reports.
    public struct Member: Equatable, Sendable {
        /// The key with its escapes decoded.
        public var key: String
        /// 1-based line of the key, 0 when built in code.
        public var keyLine: Int
        /// The member's value, which carries its own line.
        public var value: JSONValue

        /// A member whose key was written on `keyLine` (0 when built in code).
        public init(key: String, keyLine: Int = 0, value: JSONValue) {
            self.key = key
            self.keyLine = keyLine
            self.value = value
        }

        /// Members are equal when their keys and values are, wherever they were written.
        public static func == (lhs: Member, rhs: Member) -> Bool {
            lhs.key == rhs.key && lhs.value == rhs.value
        }
    }

    /// What the value is.
    public var content: Content
    /// 1-based line where the value starts in its document, 0 for a value built in code.
    public var line: Int

    /// A value of `content` found on `line` (0 when built in code).
    public init(_ content: Content, line: Int = 0) {
        self.content = content
        self.line = line
    }

    /// Values are equal when they are written the same way, wherever they were found.
    public static func == (lhs: JSONValue, rhs: JSONValue) -> Bool {
        lhs.content == rhs.content
    }
}

// MARK: - Building values in code

extension JSONValue {
    /// The JSON `null`, built in code.
    public static let null = JSONValue(.null)

    /// A boolean built in code.
    public static func bool(_ value: Bool) -> JSONValue {
        JSONValue(.bool(value))
    }

    /// A number built in code from its literal; `literal` should follow the JSON number grammar.
    public static func number(_ literal: String) -> JSONValue {
        JSONValue(.number(literal))
    }

    /// A string built in code.
    public static func string(_ value: String) -> JSONValue {
        JSONValue(.string(value))
    }

    /// An array built in code.
    public static func array(_ elements: [JSONValue]) -> JSONValue {
        JSONValue(.array(elements))
    }

    /// An object built in code, its members in the order written.
    public static func object(_ members: KeyValuePairs<String, JSONValue>) -> JSONValue {
        JSONValue(.object(members.map { Member(key: $0.key, value: $0.value) }))
    }
}

extension JSONValue: ExpressibleByNilLiteral {
    /// `nil` in code stands for JSON `null`.
    public init(nilLiteral: ()) {
        self.init(.null)
    }
}

extension JSONValue: ExpressibleByBooleanLiteral {
    /// `true` and `false` in code stand for the JSON booleans.
    public init(booleanLiteral value: Bool) {
        self.init(.bool(value))
    }
}

extension JSONValue: ExpressibleByIntegerLiteral {
    /// An integer literal in code stands for the same JSON number.
    public init(integerLiteral value: Int) {
        self.init(.number(String(value)))
    }
}

extension JSONValue: ExpressibleByFloatLiteral {
    /// A floating-point literal in code stands for its shortest decimal spelling (`0.6` is `"0.6"`).
    public init(floatLiteral value: Double) {
        self.init(.number(value.description))
    }
}

extension JSONValue: ExpressibleByStringLiteral {
    /// A string literal in code stands for the same JSON string.
    public init(stringLiteral value: String) {
        self.init(.string(value))
    }
}

extension JSONValue: ExpressibleByArrayLiteral {
    /// An array literal in code stands for a JSON array.
    public init(arrayLiteral elements: JSONValue...) {
        self.init(.array(elements))
    }
}

extension JSONValue: ExpressibleByDictionaryLiteral {
    /// A dictionary literal in code stands for a JSON object, keeping the order written.
    public init(dictionaryLiteral elements: (String, JSONValue)...) {
        self.init(.object(elements.map { Member(key: $0.0, value: $0.1) }))
    }
}

// MARK: - Reading values

extension JSONValue {
    /// The value of the member named `key`, or nil when absent or when this is not an object.
    public subscript(key: String) -> JSONValue? {
        guard case .object(let members) = content else { return nil }
        return members.first { $0.key == key }?.value
    }

    /// Whether this is JSON `null`, which callers often treat like a missing value.
    public var isNull: Bool {
        content == .null
    }

    /// The string, or nil when this is not a string.
    public var stringValue: String? {
        guard case .string(let value) = content else { return nil }
        return value
    }

    /// The boolean, or nil when this is not a boolean.
    public var boolValue: Bool? {
        guard case .bool(let value) = content else { return nil }
        return value
    }

    /// The number as the nearest `Double`, or nil when this is not a number.
    public var doubleValue: Double? {
        guard case .number(let literal) = content else { return nil }
        return Double(literal)
    }

    /// The number when written as an integer (`12`, not `12.0` or `1e1`) that fits an `Int`, else nil.
    public var intValue: Int? {
        guard case .number(let literal) = content else { return nil }
        return Int(literal)
    }

    /// The elements, or nil when this is not an array.
    public var arrayValue: [JSONValue]? {
        guard case .array(let elements) = content else { return nil }
        return elements
    }

    /// The members in document order, or nil when this is not an object.
    public var objectMembers: [Member]? {
        guard case .object(let members) = content else { return nil }
        return members
    }
}

// MARK: - Writing values

extension JSONValue: CustomStringConvertible {
    /// The value as compact JSON text, for messages and debugging.
    public var description: String {
        var text = ""
        write(to: &text)
        return text
    }

    private func write(to text: inout String) {
        switch content {
        case .null:
            text += "null"
        case .bool(let value):
            text += value ? "true" : "false"
        case .number(let literal):
            text += literal
        case .string(let value):
            text += JSONString.literal(value)
        case .array(let elements):
            text += "["
            for (index, element) in elements.enumerated() {
                if index > 0 { text += "," }
                element.write(to: &text)
            }
            text += "]"
        case .object(let members):
            text += "{"
            for (index, member) in members.enumerated() {
                if index > 0 { text += "," }
                text += JSONString.literal(member.key)
                text += ":"
                member.value.write(to: &text)
            }
            text += "}"
        }
    }

    /// `value` as a JSON string literal: how messages show a name that holds quotes or spaces.
    public static func quoted(_ value: String) -> String {
        JSONString.literal(value)
    }
}
