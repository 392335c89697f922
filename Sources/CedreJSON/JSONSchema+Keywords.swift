import Foundation

extension JSONSchema {
    /// One compiled schema: its rules in the order the keywords were written (`true` has none).
    struct Node: Sendable {
        var rules: [Rule] = []
    }

    /// One check a compiled schema applies; subschemas are indexes into `JSONSchema.nodes`.
    enum Rule: Sendable {
        /// The `false` schema: nothing is allowed.
        case reject
        case reference(Int)
        case type([ValueType])
        case allowedValues([JSONValue], keys: Set<String>)
        case constant(JSONValue, key: String)
        case members(MemberRules)
        /// The names' schema; `known`, when it is only an `enum` of texts, those texts, which
        /// need no check.
        case propertyNames(Int, known: Set<String>?)
        case required([String])
        case dependentRequired([(property: String, required: [String])])
        case minProperties(Int)
        case maxProperties(Int)
        case items(prefix: [Int], rest: Int?)
        case minItems(Int)
        case maxItems(Int)
        case uniqueItems
        case contains(Int)
        case minLength(Int)
        case maxLength(Int)
        /// The source, compiled, and matched byte by byte when it is simple.
        case pattern(String, NSRegularExpression, SimplePattern?)
        case bound(NumberBound)
        case multipleOf(literal: String, NumberValue)
        case format(Format)
        case allOf([Int])
        case anyOf([Int])
        case oneOf([Int])
        case not(Int)
        case conditional(condition: Int, then: Int?, else: Int?)
        /// An `allOf` of conditions on one property's value (`cases`), compiled to a lookup.
        case cases(Cases)
    }

    /// An `allOf` whose every schema is `{"if": {"required": [p], "properties": {p: {"const": v}}},
    /// "then": S}` for one property `p` and distinct values `v`: an object is checked against
    /// the `S` its `p` names, and no other, since no other condition can hold.
    ///
    /// What a schema with one condition per kind of document needs (`events.schema.json` has
    /// 40): every condition tried on every line would cost more than the rest of the check.
    struct Cases: Sendable {
        var property: String
        /// The `then` schema of each value, by the value's `schemaEqualityKey`.
        var schemas: [String: Int]
        /// Every `then` in order: a value that is not an object meets every condition.
        var all: [Int]
    }

    /// `properties`, `patternProperties` and `additionalProperties` together, since the last depends on the others.
    struct MemberRules: Sendable {
        var properties: [String: Int] = [:]
        var patterns: [(regex: NSRegularExpression, node: Int)] = []
        var additional: Int?
    }

    /// `minimum`, `maximum`, `exclusiveMinimum` or `exclusiveMaximum`, with the limit as written.
    struct NumberBound: Sendable {
        enum Kind: Sendable {
            case minimum, maximum, exclusiveMinimum, exclusiveMaximum
        }

        var kind: Kind
        var literal: String
        var limit: NumberValue

        func accepts(_ number: NumberValue) -> Bool {
            switch kind {
            case .minimum: number >= limit
            case .maximum: number <= limit
            case .exclusiveMinimum: number > limit
            case .exclusiveMaximum: number < limit
            }
        }

        var message: String {
            switch kind {
            case .minimum: "must be at least \(literal)"
            case .maximum: "must be at most \(literal)"
            case .exclusiveMinimum: "must be greater than \(literal)"
            case .exclusiveMaximum: "must be less than \(literal)"
            }
        }
    }

    /// The JSON Schema type names, with the words a quality officer reads in messages.
    enum ValueType: String, Sendable {
        case null, boolean, object, array, number, integer, string

        var noun: String {
            switch self {
            case .null: "null"
            case .boolean: "true or false"
            case .object: "an object"
            case .array: "a list"
            case .number: "a number"
            case .integer: "a whole number"
            case .string: "text"
            }
        }

        func matches(_ value: JSONValue) -> Bool {
            switch (self, value.content) {
            case (.null, .null), (.boolean, .bool), (.object, .object), (.array, .array), (.number, .number),
                (.string, .string):
                true
            case (.integer, .number(let literal)):
                NumberValue(literal)?.isIntegral ?? false
            default:
                false
            }
        }

        /// How `value` reads after "not" in a type message: "a number", "a decimal number", "text".
        static func noun(of value: JSONValue) -> String {
            switch value.content {
            case .null: ValueType.null.noun
            case .bool: ValueType.boolean.noun
            case .object: ValueType.object.noun
            case .array: ValueType.array.noun
            case .string: ValueType.string.noun
            case .number(let literal): NumberValue(literal)?.isIntegral == false ? "a decimal number" : "a number"
            }
        }
    }

    /// The numeric value of a number literal, exact up to 18 significant digits (so 0.6 is a
    /// multiple of 0.2 and 0.60 equals 0.6), approximated by a `Double` beyond.
    struct NumberValue: Comparable, Sendable {
        /// `significand × 10^exponent` without trailing zeros in the significand (zero is `0 × 10^0`).
        private struct Exact: Equatable, Sendable {
            var significand: Int64
            var exponent: Int
        }

        /// Exponents beyond this are left to `Double`, which keeps exponent arithmetic far from overflow.
        private static let largestExactExponent = 100_000

        private let exact: Exact?
        private let double: Double

        init?(_ literal: String) {
            guard let double = Double(literal) else { return nil }
            self.double = double
            self.exact = NumberValue.exactValue(of: literal)
        }

        var isIntegral: Bool {
            if let exact { return exact.exponent >= 0 }
            return double.isFinite && double.rounded() == double
        }

        var isPositive: Bool {
            exact.map { $0.significand > 0 } ?? (double > 0)
        }

        func isMultiple(of divisor: NumberValue) -> Bool {
            if let exact, let divisorExact = divisor.exact, divisorExact.significand != 0,
                let (dividend, divisor) = NumberValue.aligned(exact, divisorExact)
            {
                return dividend % divisor == 0
            }
            let quotient = double / divisor.double
            return quotient.isFinite && quotient.rounded() == quotient
        }

        /// One spelling per numeric value (`1`, `1.0` and `10e-1` all read `1e0`), for equality of JSON values.
        var canonical: String {
            exact.map { "\($0.significand)e\($0.exponent)" } ?? double.description
        }

        static func < (lhs: NumberValue, rhs: NumberValue) -> Bool {
            guard let left = lhs.exact, let right = rhs.exact else { return lhs.double < rhs.double }
            if let (leftValue, rightValue) = aligned(left, right) { return leftValue < rightValue }
            // Aligning overflowed, so the operand with the larger exponent has the larger magnitude.
            return left.exponent > right.exponent ? left.significand < 0 : right.significand > 0
        }

        static func == (lhs: NumberValue, rhs: NumberValue) -> Bool {
            guard let left = lhs.exact, let right = rhs.exact else { return lhs.double == rhs.double }
            return left == right
        }

        /// Both values as integers over the same power of ten, or nil when that overflows.
        private static func aligned(_ left: Exact, _ right: Exact) -> (Int64, Int64)? {
            let exponent = min(left.exponent, right.exponent)
            guard let leftValue = scaled(left.significand, by: left.exponent - exponent),
                let rightValue = scaled(right.significand, by: right.exponent - exponent)
            else { return nil }
            return (leftValue, rightValue)
        }

        private static func scaled(_ value: Int64, by power: Int) -> Int64? {
            var result = value
            for _ in 0..<power where result != 0 {
                let (product, overflow) = result.multipliedReportingOverflow(by: 10)
                if overflow { return nil }
                result = product
            }
            return result
        }

        /// Reads a JSON number literal as `significand × 10^exponent`, or nil past 18 digits.
        private static func exactValue(of literal: String) -> Exact? {
            var significand: Int64 = 0
            var exponent = 0
            var isNegative = false
            var isFraction = false
            var bytes = literal.utf8[...]
            while let byte = bytes.popFirst() {
                switch byte {
                case UInt8(ascii: "-"):
                    isNegative = true
                case UInt8(ascii: "."):
                    isFraction = true
                case UInt8(ascii: "0")...UInt8(ascii: "9"):
                    let (product, overflow) = significand.multipliedReportingOverflow(by: 10)
                    if overflow || product > Int64.max - 9 { return nil }
                    significand = product + Int64(byte - UInt8(ascii: "0"))
                    if isFraction { exponent -= 1 }
                case UInt8(ascii: "e"), UInt8(ascii: "E"):
                    guard let written = Int(Substring(bytes)), abs(written) <= NumberValue.largestExactExponent else {
                        return nil
                    }
                    exponent += written
                    bytes = bytes[bytes.endIndex...]
                default:
                    return nil
                }
            }
            if significand == 0 { return Exact(significand: 0, exponent: 0) }
            while significand % 10 == 0 {
                significand /= 10
                exponent += 1
            }
            return Exact(significand: isNegative ? -significand : significand, exponent: exponent)
        }
    }
}

extension JSONValue {
    /// A key equal for values JSON Schema calls equal: numbers by value, object members in any order.
    var schemaEqualityKey: String {
        switch content {
        case .null, .bool, .string:
            description
        case .number(let literal):
            JSONSchema.NumberValue(literal)?.canonical ?? literal
        case .array(let elements):
            "[" + elements.map(\.schemaEqualityKey).joined(separator: ",") + "]"
        case .object(let members):
            "{"
                + members.sorted { $0.key < $1.key }
                .map { JSONValue.string($0.key).description + ":" + $0.value.schemaEqualityKey }
                .joined(separator: ",") + "}"
        }
    }
}

extension JSONSchema {
    /// The `format` values checked; any other format is refused when compiling.
    ///
    /// `date` is strict (RFC 3339 full-date naming a real calendar day); `date-time` checks the
    /// RFC 3339 shape and ranges; `email` and `uri` are light checks (see `accepts`).
    enum Format: String, Sendable {
        case date
        case dateTime = "date-time"
        case email
        case uri

        var message: String {
            switch self {
            case .date: "must be a day written YYYY-MM-DD"
            case .dateTime: "must be a date and time written YYYY-MM-DDThh:mm:ss with Z or an offset such as +01:00"
            case .email: "must be an email address such as name@example.org"
            case .uri: "must be an absolute URI such as https://example.org"
            }
        }

        func accepts(_ text: String) -> Bool {
            let bytes = Array(text.utf8)
            switch self {
            case .date:
                return bytes.count == 10 && Format.isFullDate(bytes[...])
            case .dateTime:
                return bytes.count >= 20 && Format.isFullDate(bytes[0..<10])
                    && (bytes[10] == UInt8(ascii: "T") || bytes[10] == UInt8(ascii: "t"))
                    && Format.isTime(bytes[11...])
            case .email:
                // Light check: one '@' with text on both sides and no whitespace.
                let parts = text.split(separator: "@", omittingEmptySubsequences: false)
                return parts.count == 2 && parts.allSatisfy { !$0.isEmpty }
                    && !text.unicodeScalars.contains { $0.properties.isWhitespace || $0.value < 0x20 }
            case .uri:
                // Light check: an RFC 3986 scheme, ':', then something, and no whitespace.
                guard let colon = bytes.firstIndex(of: UInt8(ascii: ":")), colon > 0, colon < bytes.count - 1,
                    Format.isLetter(bytes[0])
                else { return false }
                let schemeIsValid = bytes[1..<colon].allSatisfy {
                    Format.isLetter($0) || Format.isDigit($0) || "+-.".utf8.contains($0)
                }
                return schemeIsValid && !text.unicodeScalars.contains { $0.properties.isWhitespace || $0.value < 0x20 }
            }
        }

        /// `YYYY-MM-DD` naming a real day of the proleptic Gregorian calendar.
        private static func isFullDate(_ bytes: ArraySlice<UInt8>) -> Bool {
            let start = bytes.startIndex
            guard bytes.count == 10, bytes[start + 4] == UInt8(ascii: "-"), bytes[start + 7] == UInt8(ascii: "-"),
                let year = number(bytes[start..<start + 4]), let month = number(bytes[start + 5..<start + 7]),
                let day = number(bytes[start + 8..<start + 10]), (1...12).contains(month)
            else { return false }
            let isLeap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
            let length =
                switch month {
                case 2: isLeap ? 29 : 28
                case 4, 6, 9, 11: 30
                default: 31
                }
            return (1...length).contains(day)
        }

        /// RFC 3339 `hh:mm:ss[.fraction]` followed by `Z` or `±hh:mm`.
        private static func isTime(_ bytes: ArraySlice<UInt8>) -> Bool {
            let start = bytes.startIndex
            guard bytes.count >= 9, bytes[start + 2] == UInt8(ascii: ":"), bytes[start + 5] == UInt8(ascii: ":"),
                let hour = number(bytes[start..<start + 2]), let minute = number(bytes[start + 3..<start + 5]),
                let second = number(bytes[start + 6..<start + 8]), hour < 24, minute < 60, second <= 60
            else { return false }
            var index = start + 8
            if bytes[index] == UInt8(ascii: ".") {
                index += 1
                let digitsStart = index
                while index < bytes.endIndex, isDigit(bytes[index]) { index += 1 }
                guard index > digitsStart, index < bytes.endIndex else { return false }
            }
            let offset = bytes[index...]
            if offset.count == 1 { return offset.first == UInt8(ascii: "Z") || offset.first == UInt8(ascii: "z") }
            let offsetStart = offset.startIndex
            guard offset.count == 6,
                offset[offsetStart] == UInt8(ascii: "+") || offset[offsetStart] == UInt8(ascii: "-"),
                offset[offsetStart + 3] == UInt8(ascii: ":"),
                let offsetHour = number(offset[offsetStart + 1..<offsetStart + 3]),
                let offsetMinute = number(offset[offsetStart + 4..<offsetStart + 6])
            else { return false }
            return offsetHour < 24 && offsetMinute < 60
        }

        private static func number(_ digits: ArraySlice<UInt8>) -> Int? {
            var value = 0
            for byte in digits {
                guard isDigit(byte) else { return nil }
                value = value * 10 + Int(byte - UInt8(ascii: "0"))
            }
            return value
        }

        private static func isDigit(_ byte: UInt8) -> Bool {
            byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")
        }

        private static func isLetter(_ byte: UInt8) -> Bool {
            (byte | 0x20) >= UInt8(ascii: "a") && (byte | 0x20) <= UInt8(ascii: "z")
        }
    }

    /// Turns a schema document into `Node`s, refusing any keyword it would not check.
    struct Compiler {
        static let draft = "https://json-schema.org/draft/2020-12/schema"

        private let document: JSONValue
        private(set) var nodes: [Node] = []
        private var locations: [(pointer: String, line: Int)] = []
        private var indexByPointer: [String: Int] = [:]

        init(document: JSONValue) {
            self.document = document
        }

        /// Compiles the subschema found at `path` (tokens of a JSON Pointer), once per location.
        mutating func compile(_ schema: JSONValue, at path: [String]) throws(JSONSchemaError) -> Int {
            let pointer = SchemaViolation.pointer(path)
            if let index = indexByPointer[pointer] { return index }
            let index = nodes.count
            indexByPointer[pointer] = index
            nodes.append(Node())
            locations.append((pointer, schema.line))
            switch schema.content {
            case .bool(let allowed):
                nodes[index].rules = allowed ? [] : [.reject]
            case .object(let members):
                nodes[index].rules = try compileKeywords(members, of: schema, at: path)
            default:
                throw JSONSchemaError(
                    pointer: pointer, line: schema.line, keyword: path.last ?? "",
                    message: "\(path.last ?? "the root") must be a schema: an object, true or false")
            }
            return index
        }

        // MARK: Keywords

        private mutating func compileKeywords(
            _ members: [JSONValue.Member], of schema: JSONValue, at path: [String]
        ) throws(JSONSchemaError) -> [Rule] {
            var rules: [Rule] = []
            for member in members {
                if let rule = try compileKeyword(member, of: schema, at: path) {
                    rules.append(rule)
                }
            }
            return rules
        }

        /// The rule for one keyword, or nil for annotations and keywords folded into a sibling's rule.
        private mutating func compileKeyword(
            _ member: JSONValue.Member, of schema: JSONValue, at path: [String]
        ) throws(JSONSchemaError) -> Rule? {
            let keyword = Keyword(member: member, path: path + [member.key])
            let value = member.value
            switch member.key {
            case "$schema":
                guard [Compiler.draft, Compiler.draft + "#"].contains(value.stringValue) else {
                    throw keyword.error("must be \(Compiler.draft), the only draft supported")
                }
                return nil
            case "$id":
                guard path.isEmpty, value.stringValue != nil else {
                    throw keyword.error("is only supported as a string on the root schema")
                }
                return nil
            case "$comment", "title", "description", "examples", "default":
                return nil
            case "$defs":
                for definition in try keyword.members() {
                    _ = try compile(definition.value, at: keyword.path + [definition.key])
                }
                return nil
            case "$ref":
                return .reference(try resolve(keyword))
            case "type":
                return .type(try types(keyword))
            case "enum":
                let values = try keyword.array()
                return .allowedValues(values, keys: Set(values.map(\.schemaEqualityKey)))
            case "const":
                return .constant(value, key: value.schemaEqualityKey)
            case "properties", "patternProperties", "additionalProperties":
                return try memberRules(of: schema, at: path, first: keyword)
            case "propertyNames":
                let texts = value.objectMembers?.count == 1 ? value["enum"]?.arrayValue?.compactMap(\.stringValue) : nil
                let known = texts.flatMap { $0.count == value["enum"]?.arrayValue?.count ? Set($0) : nil }
                return .propertyNames(try compile(value, at: keyword.path), known: known)
            case "required":
                return .required(try keyword.uniqueStrings())
            case "dependentRequired":
                var dependencies: [(property: String, required: [String])] = []
                for dependency in try keyword.members() {
                    let list = Keyword(member: dependency, path: keyword.path + [dependency.key])
                    dependencies.append((dependency.key, try list.uniqueStrings()))
                }
                return .dependentRequired(dependencies)
            case "minProperties": return .minProperties(try keyword.count())
            case "maxProperties": return .maxProperties(try keyword.count())
            case "prefixItems", "items":
                return try itemRules(of: schema, at: path, first: keyword)
            case "minItems": return .minItems(try keyword.count())
            case "maxItems": return .maxItems(try keyword.count())
            case "uniqueItems":
                guard let unique = value.boolValue else { throw keyword.error("must be true or false") }
                return unique ? .uniqueItems : nil
            case "contains":
                return .contains(try compile(value, at: keyword.path))
            case "minLength": return .minLength(try keyword.count())
            case "maxLength": return .maxLength(try keyword.count())
            case "pattern":
                let source = try keyword.string()
                return .pattern(source, try keyword.regex(source), SimplePattern(source))
            case "minimum": return .bound(try keyword.bound(.minimum))
            case "maximum": return .bound(try keyword.bound(.maximum))
            case "exclusiveMinimum": return .bound(try keyword.bound(.exclusiveMinimum))
            case "exclusiveMaximum": return .bound(try keyword.bound(.exclusiveMaximum))
            case "multipleOf":
                let (literal, number) = try keyword.number()
                guard number.isPositive else { throw keyword.error("must be greater than 0") }
                return .multipleOf(literal: literal, number)
            case "format":
                guard let format = Format(rawValue: try keyword.string()) else {
                    throw keyword.error("\(value) is not supported; use date, date-time, email or uri")
                }
                return .format(format)
            case "allOf":
                if let cases = try compileCases(keyword) { return .cases(cases) }
                return .allOf(try compileList(keyword))
            case "anyOf": return .anyOf(try compileList(keyword))
            case "oneOf": return .oneOf(try compileList(keyword))
            case "not": return .not(try compile(value, at: keyword.path))
            case "if":
                return .conditional(
                    condition: try compile(value, at: keyword.path),
                    then: try compileSibling("then", of: schema, at: path),
                    else: try compileSibling("else", of: schema, at: path))
            case "then", "else":
                guard schema["if"] != nil else { throw keyword.error("has no effect without \"if\"") }
                return nil
            default:
                throw keyword.error("is not a supported keyword")
            }
        }

        /// The single rule for `properties`, `patternProperties` and `additionalProperties`, made at the first of them.
        private mutating func memberRules(
            of schema: JSONValue, at path: [String], first keyword: Keyword
        ) throws(JSONSchemaError) -> Rule? {
            let names = ["properties", "patternProperties", "additionalProperties"]
            guard schema.objectMembers?.first(where: { names.contains($0.key) })?.key == keyword.member.key else {
                return nil
            }
            var rules = MemberRules()
            for member in schema.objectMembers ?? [] where names.contains(member.key) {
                let sibling = Keyword(member: member, path: path + [member.key])
                switch member.key {
                case "properties":
                    for property in try sibling.members() {
                        rules.properties[property.key] = try compile(property.value, at: sibling.path + [property.key])
                    }
                case "patternProperties":
                    for property in try sibling.members() {
                        let regex = try sibling.regex(property.key)
                        rules.patterns.append((regex, try compile(property.value, at: sibling.path + [property.key])))
                    }
                default:
                    rules.additional = try compile(member.value, at: sibling.path)
                }
            }
            return .members(rules)
        }

        /// The single rule for `prefixItems` and `items`, made at the first of them.
        private mutating func itemRules(
            of schema: JSONValue, at path: [String], first keyword: Keyword
        ) throws(JSONSchemaError) -> Rule? {
            if keyword.member.key == "items", schema["prefixItems"] != nil { return nil }
            var prefix: [Int] = []
            if let prefixItems = Keyword.sibling("prefixItems", of: schema, at: path) {
                prefix = try compileList(prefixItems)
            }
            if let items = Keyword.sibling("items", of: schema, at: path), items.member.value.arrayValue != nil {
                throw items.error("must be a single schema in draft 2020-12; use prefixItems for a list of schemas")
            }
            return .items(prefix: prefix, rest: try compileSibling("items", of: schema, at: path))
        }

        /// Compiles the subschema under the sibling keyword `name`, if the schema has it.
        private mutating func compileSibling(_ name: String, of schema: JSONValue, at path: [String])
            throws(JSONSchemaError) -> Int?
        {
            guard let sibling = schema[name] else { return nil }
            return try compile(sibling, at: path + [name])
        }

        /// The `allOf` as `Cases` when every schema of it is a condition on the same property's
        /// value, distinct for each; nil when any is anything else (then it is an ordinary `allOf`).
        private mutating func compileCases(_ keyword: Keyword) throws(JSONSchemaError) -> Cases? {
            guard let schemas = keyword.member.value.arrayValue, schemas.count > 1 else { return nil }
            var property: String?
            var branches: [(key: String, then: JSONValue)] = []
            for schema in schemas {
                guard schema.objectMembers?.count == 2, let condition = schema["if"], let then = schema["then"],
                    condition.objectMembers?.count == 2, let required = condition["required"]?.arrayValue,
                    required.count == 1, let name = required[0].stringValue, property == nil || property == name,
                    let tested = condition["properties"]?.objectMembers, tested.count == 1, tested[0].key == name,
                    tested[0].value.objectMembers?.count == 1, let key = tested[0].value["const"]?.schemaEqualityKey,
                    !branches.contains(where: { $0.key == key })
                else { return nil }
                property = name
                branches.append((key, then))
            }
            guard let property else { return nil }
            var cases = Cases(property: property, schemas: [:], all: [])
            for (position, branch) in branches.enumerated() {
                let node = try compile(branch.then, at: keyword.path + [String(position), "then"])
                cases.schemas[branch.key] = node
                cases.all.append(node)
            }
            return cases
        }

        private mutating func compileList(_ keyword: Keyword) throws(JSONSchemaError) -> [Int] {
            let schemas = try keyword.array()
            guard !schemas.isEmpty else { throw keyword.error("must list at least one schema") }
            var indexes: [Int] = []
            for (position, schema) in schemas.enumerated() {
                indexes.append(try compile(schema, at: keyword.path + [String(position)]))
            }
            return indexes
        }

        private func types(_ keyword: Keyword) throws(JSONSchemaError) -> [ValueType] {
            let names =
                keyword.member.value.stringValue.map { [$0] } ?? keyword.member.value.arrayValue?.map(\.stringValue)
            guard let names, !names.isEmpty else { throw keyword.error("must be a type name or a list of type names") }
            var types: [ValueType] = []
            for name in names {
                guard let name, let type = ValueType(rawValue: name) else {
                    throw keyword.error("must name null, boolean, object, array, number, integer or string")
                }
                types.append(type)
            }
            return types
        }

        // MARK: References

        /// Resolves a local `$ref` (`#` or `#/json/pointer`) and compiles its target.
        private mutating func resolve(_ keyword: Keyword) throws(JSONSchemaError) -> Int {
            let reference = try keyword.string()
            guard reference.hasPrefix("#"), let fragment = String(reference.dropFirst()).removingPercentEncoding,
                fragment.isEmpty || fragment.hasPrefix("/")
            else {
                throw keyword.error("must be a local reference such as #/$defs/name")
            }
            let tokens =
                fragment.isEmpty
                ? []
                : fragment.dropFirst().split(separator: "/", omittingEmptySubsequences: false).map {
                    $0.replacingOccurrences(of: "~1", with: "/").replacingOccurrences(of: "~0", with: "~")
                }
            var target = document
            for token in tokens {
                let next: JSONValue? =
                    switch target.content {
                    case .object: target[token]
                    case .array(let elements): Int(token).flatMap { elements.indices.contains($0) ? elements[$0] : nil }
                    default: nil
                    }
                guard let next else { throw keyword.error("refers to \(reference), which does not exist") }
                target = next
            }
            return try compile(target, at: tokens)
        }

        /// Refuses reference cycles that never step into a property or item, which would validate forever.
        func checkReferencesEndInValues() throws(JSONSchemaError) {
            enum Visit { case pending, inProgress, done }
            var visits = [Visit](repeating: .pending, count: nodes.count)
            func visit(_ index: Int) throws(JSONSchemaError) {
                visits[index] = .inProgress
                for next in inPlaceSubschemas(of: index) {
                    switch visits[next] {
                    case .inProgress:
                        throw JSONSchemaError(
                            pointer: locations[next].pointer, line: locations[next].line, keyword: "$ref",
                            message: "references lead back to this schema without stepping into a property or item")
                    case .pending:
                        try visit(next)
                    case .done:
                        break
                    }
                }
                visits[index] = .done
            }
            for index in nodes.indices where visits[index] == .pending {
                try visit(index)
            }
        }

        private func inPlaceSubschemas(of index: Int) -> [Int] {
            nodes[index].rules.flatMap { rule -> [Int] in
                switch rule {
                case .reference(let next), .not(let next): [next]
                case .allOf(let list), .anyOf(let list), .oneOf(let list): list
                case .cases(let cases): cases.all
                case .conditional(let condition, let then, let otherwise):
                    [condition] + [then, otherwise].compactMap { $0 }
                default: []
                }
            }
        }
    }

    /// A keyword being compiled, with readers for its value that fail with its location.
    private struct Keyword {
        var member: JSONValue.Member
        var path: [String]

        /// The keyword `name` next to the one being compiled, if `schema` has it.
        static func sibling(_ name: String, of schema: JSONValue, at path: [String]) -> Keyword? {
            schema.objectMembers?.first { $0.key == name }.map { Keyword(member: $0, path: path + [name]) }
        }

        func error(_ message: String) -> JSONSchemaError {
            JSONSchemaError(
                pointer: SchemaViolation.pointer(path), line: member.keyLine, keyword: member.key,
                message: "\(member.key) \(message)")
        }

        func string() throws(JSONSchemaError) -> String {
            guard let text = member.value.stringValue else { throw error("must be a string") }
            return text
        }

        func array() throws(JSONSchemaError) -> [JSONValue] {
            guard let elements = member.value.arrayValue else { throw error("must be a list") }
            return elements
        }

        func members() throws(JSONSchemaError) -> [JSONValue.Member] {
            guard let members = member.value.objectMembers else { throw error("must be an object") }
            return members
        }

        func uniqueStrings() throws(JSONSchemaError) -> [String] {
            let names = try array().compactMap(\.stringValue)
            guard names.count == member.value.arrayValue?.count, Set(names).count == names.count else {
                throw error("must be a list of distinct strings")
            }
            return names
        }

        func number() throws(JSONSchemaError) -> (literal: String, value: NumberValue) {
            guard case .number(let literal) = member.value.content, let number = NumberValue(literal) else {
                throw error("must be a number")
            }
            return (literal, number)
        }

        func count() throws(JSONSchemaError) -> Int {
            guard let count = member.value.intValue, count >= 0 else {
                throw error("must be a whole number, 0 or more")
            }
            return count
        }

        func bound(_ kind: NumberBound.Kind) throws(JSONSchemaError) -> NumberBound {
            let (literal, limit) = try number()
            return NumberBound(kind: kind, literal: literal, limit: limit)
        }

        func regex(_ pattern: String) throws(JSONSchemaError) -> NSRegularExpression {
            do {
                return try NSRegularExpression(pattern: JSONSchema.icuPattern(pattern))
            } catch {
                throw self.error("has an invalid regular expression: \(pattern)")
            }
        }
    }
}

extension JSONSchema {
    /// The pattern with ECMA 262's `$` (the end of the string only) written as ICU's `\z`:
    /// ICU's `$` also matches before a final line break, which let `"abc\n"` pass `^[a-z]+$`.
    static func icuPattern(_ pattern: String) -> String {
        var translated = ""
        var escaped = false
        var inClass = false
        for character in pattern {
            if escaped {
                escaped = false
            } else if character == "\\" {
                escaped = true
            } else if character == "[" {
                inClass = true
            } else if character == "]" {
                inClass = false
            } else if character == "$", !inClass {
                translated += "\\z"
                continue
            }
            translated.append(character)
        }
        return translated
    }
}
