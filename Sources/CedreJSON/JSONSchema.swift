import Foundation

/// A JSON Schema (the draft 2020-12 subset our files need), compiled once and run on many documents.
///
/// Supported keywords: `$schema` (2020-12 only), `$id` (root only), `$comment`, `title`,
/// `description`, `examples`, `default`, `$defs`, `$ref` (local: `#` and `#/json/pointer`),
/// `type`, `enum`, `const`, `properties`, `required`, `additionalProperties`,
/// `patternProperties`, `propertyNames`, `items`, `prefixItems`, `minItems`, `maxItems`,
/// `uniqueItems`, `contains`, `minLength`, `maxLength`, `pattern`, `minimum`, `maximum`,
/// `exclusiveMinimum`, `exclusiveMaximum`, `multipleOf`, `format` (`date`, `date-time`,
/// `email`, `uri`), `allOf`, `anyOf`, `oneOf`, `not`, `if`/`then`/`else`, `minProperties`,
/// `maxProperties`, `dependentRequired`. Any other keyword makes `init` throw, so a schema never
/// silently relies on a check that does not happen.
///
/// `pattern` and `patternProperties` are searched unanchored with `NSRegularExpression` (ICU
/// syntax, which agrees with ECMA-262 on the usual classes, anchors and quantifiers); a
/// `pattern` of plain characters and classes only is matched byte by byte (`SimplePattern`), to
/// the same answers. An `allOf` of `if`/`then` on one property's value looks its `then` up
/// (`Cases`) instead of trying each condition. `format`
/// is an assertion: `date` is strict (a real calendar day), `date-time` checks the RFC 3339
/// shape and ranges, `email` only wants one `@` between non-empty parts and no whitespace, `uri`
/// only wants a scheme, a colon, something after it and no whitespace; other formats are refused.
/// Numbers compare exactly up to 18 significant digits, as `Double` beyond.
public struct JSONSchema: Sendable {
    private let nodes: [Node]

    /// Compiles `schema`, refusing unsupported keywords, bad keyword values and unresolvable references.
    public init(_ schema: JSONValue) throws(JSONSchemaError) {
        var compiler = Compiler(document: schema)
        _ = try compiler.compile(schema, at: [])
        try compiler.checkReferencesEndInValues()
        nodes = compiler.nodes
    }

    /// Every violation of the schema in `instance`, in document order; empty when the instance is valid.
    public func validate(_ instance: JSONValue) -> [SchemaViolation] {
        var validator = Validator(nodes: nodes)
        validator.check(instance, against: 0)
        return validator.orderedViolations()
    }
}

/// One way an imported value breaks the schema, located well enough for a person to fix it.
public struct SchemaViolation: Hashable, Sendable, CustomStringConvertible {
    /// RFC 6901 JSON Pointer of the offending value (`/0/departement`, `""` for the whole document).
    public var pointer: String
    /// Line of the offending value; for a missing property, the line of its object.
    public var line: Int
    /// The field at fault: the property name, the missing property's name, an item index, `""` for the document.
    public var field: String
    /// One sentence about the field, such as "is required" or "must match ^[a-z0-9-]+$".
    public var message: String

    /// A violation of `pointer` on `line`, about `field`, explained by `message`.
    public init(pointer: String, line: Int, field: String, message: String) {
        self.pointer = pointer
        self.line = line
        self.field = field
        self.message = message
    }

    /// `line 3, /0/departement: must match …`, the form shown in reports.
    public var description: String {
        "line \(line), \(pointer.isEmpty ? "(document)" : pointer): \(message)"
    }

    /// The RFC 6901 pointer made of `tokens`, escaping `~` and `/`; the scheme checks name their findings with it.
    public static func pointer(_ tokens: [String]) -> String {
        tokens.map { "/" + $0.replacingOccurrences(of: "~", with: "~0").replacingOccurrences(of: "/", with: "~1") }
            .joined()
    }
}

/// Why a schema document cannot be compiled, and where in it.
public struct JSONSchemaError: Error, Equatable, Sendable, CustomStringConvertible {
    /// JSON Pointer of the offending keyword inside the schema document.
    public var pointer: String
    /// Line of the offending keyword in the schema document.
    public var line: Int
    /// The keyword at fault, such as `minContains`.
    public var keyword: String
    /// One sentence naming the keyword and what is wrong with it.
    public var message: String

    /// An error about `keyword` at `pointer` on `line`, explained by `message`.
    public init(pointer: String, line: Int, keyword: String, message: String) {
        self.pointer = pointer
        self.line = line
        self.keyword = keyword
        self.message = message
    }

    /// `schema line 4, /properties/x/minContains: <message>`, the form shown to schema authors.
    public var description: String {
        "schema line \(line), \(pointer.isEmpty ? "(root)" : pointer): \(message)"
    }
}

extension JSONSchema {
    /// Walks an instance against compiled schema nodes, collecting violations with their positions.
    private struct Validator {
        /// One step from the document root: a member (by key and position) or an array element.
        private enum PathStep {
            case member(String, position: Int)
            case element(Int)

            var token: String {
                switch self {
                case .member(let key, _): key
                case .element(let index): String(index)
                }
            }

            var position: Int {
                switch self {
                case .member(_, let position), .element(let position): position
                }
            }
        }

        /// A violation before ordering, with its position in the document and, for type mismatches,
        /// what was found instead (kept apart so `anyOf` can merge "must be text" and "must be null").
        private struct Pending {
            var order: [Int]
            var violation: SchemaViolation
            var found: String?

            var finished: SchemaViolation {
                var result = violation
                if let found { result.message += ", not \(found)" }
                return result
            }
        }

        let nodes: [Node]
        private var path: [PathStep] = []
        private var pending: [Pending] = []

        init(nodes: [Node]) {
            self.nodes = nodes
        }

        mutating func check(_ value: JSONValue, against node: Int) {
            for rule in nodes[node].rules {
                apply(rule, to: value)
            }
        }

        /// The violations found, in document order (then schema order), each reported once.
        func orderedViolations() -> [SchemaViolation] {
            var seen: Set<SchemaViolation> = []
            return Validator.inDocumentOrder(pending).map(\.finished).filter { seen.insert($0).inserted }
        }

        /// `problems` sorted by position in the document, keeping the found order at one position.
        private static func inDocumentOrder(_ problems: [Pending]) -> [Pending] {
            problems.enumerated().sorted { lhs, rhs in
                if lhs.element.order != rhs.element.order {
                    return lhs.element.order.lexicographicallyPrecedes(rhs.element.order)
                }
                return lhs.offset < rhs.offset
            }.map(\.element)
        }

        // MARK: Rules

        private mutating func apply(_ rule: Rule, to value: JSONValue) {
            switch rule {
            case .reject:
                report(value, "is not allowed here")
            case .reference(let node):
                check(value, against: node)
            case .type(let types):
                if !types.contains(where: { $0.matches(value) }) {
                    report(value, "must be " + phrase(types.map(\.noun), "or"), found: ValueType.noun(of: value))
                }
            case .allowedValues(let values, let keys):
                if !keys.contains(value.schemaEqualityKey) {
                    let shown = values.map(display)
                    report(
                        value,
                        shown.count == 1 ? "must be \(shown[0])" : "must be one of " + shown.joined(separator: ", "))
                }
            case .constant(let expected, let key):
                if value.schemaEqualityKey != key { report(value, "must be \(display(expected))") }
            case .members, .propertyNames, .required, .dependentRequired, .minProperties, .maxProperties:
                if let members = value.objectMembers { applyObjectRule(rule, to: value, members: members) }
            case .items, .minItems, .maxItems, .uniqueItems, .contains:
                if let elements = value.arrayValue { applyArrayRule(rule, to: value, elements: elements) }
            case .minLength, .maxLength, .pattern, .format:
                if let text = value.stringValue { applyStringRule(rule, to: value, text: text) }
            case .bound, .multipleOf:
                if case .number(let literal) = value.content, let number = NumberValue(literal) {
                    applyNumberRule(rule, to: value, number: number)
                }
            case .allOf, .anyOf, .oneOf, .not, .conditional:
                applyCombination(rule, to: value)
            case .cases(let cases):
                guard value.objectMembers != nil else {
                    for node in cases.all { check(value, against: node) }
                    return
                }
                if let tested = value[cases.property], let node = cases.schemas[tested.schemaEqualityKey] {
                    check(value, against: node)
                }
            }
        }

        private mutating func applyObjectRule(_ rule: Rule, to object: JSONValue, members: [JSONValue.Member]) {
            switch rule {
            case .members(let rules):
                for (position, member) in members.enumerated() {
                    path.append(.member(member.key, position: position))
                    checkMember(member, against: rules)
                    path.removeLast()
                }
            case .propertyNames(let node, let known):
                for (position, member) in members.enumerated() where !(known?.contains(member.key) ?? false) {
                    path.append(.member(member.key, position: position))
                    let name = JSONValue(.string(member.key), line: member.keyLine)
                    for var problem in outcome(of: name, against: node) {
                        problem.violation.message = "name " + problem.violation.message
                        pending.append(problem)
                    }
                    path.removeLast()
                }
            case .required(let names):
                for name in names where object[name] == nil {
                    reportMissing(name, in: object, "is required")
                }
            case .dependentRequired(let dependencies):
                for dependency in dependencies where object[dependency.property] != nil {
                    for name in dependency.required where object[name] == nil {
                        reportMissing(name, in: object, "is required when \(dependency.property) is present")
                    }
                }
            case .minProperties(let minimum) where members.count < minimum:
                report(object, "must have at least \(counted(minimum, "property", "properties"))")
            case .maxProperties(let maximum) where members.count > maximum:
                report(object, "must have at most \(counted(maximum, "property", "properties"))")
            default:
                break
            }
        }

        /// Applies `properties`, then matching `patternProperties`, else `additionalProperties`, to one member.
        private mutating func checkMember(_ member: JSONValue.Member, against rules: MemberRules) {
            var isDeclared = false
            if let node = rules.properties[member.key] {
                isDeclared = true
                check(member.value, against: node)
            }
            let range = NSRange(location: 0, length: member.key.utf16.count)
            for pattern in rules.patterns where pattern.regex.firstMatch(in: member.key, range: range) != nil {
                isDeclared = true
                check(member.value, against: pattern.node)
            }
            if !isDeclared, let additional = rules.additional {
                check(member.value, against: additional)
            }
        }

        private mutating func applyArrayRule(_ rule: Rule, to array: JSONValue, elements: [JSONValue]) {
            switch rule {
            case .items(let prefix, let rest):
                for (index, element) in elements.enumerated() {
                    guard let node = index < prefix.count ? prefix[index] : rest else { continue }
                    path.append(.element(index))
                    check(element, against: node)
                    path.removeLast()
                }
            case .minItems(let minimum) where elements.count < minimum:
                report(array, "must have at least \(counted(minimum, "item", "items"))")
            case .maxItems(let maximum) where elements.count > maximum:
                report(array, "must have at most \(counted(maximum, "item", "items"))")
            case .uniqueItems:
                var firstIndexByKey: [String: Int] = [:]
                for (index, element) in elements.enumerated() {
                    let key = element.schemaEqualityKey
                    guard let first = firstIndexByKey[key] else {
                        firstIndexByKey[key] = index
                        continue
                    }
                    let firstLine = elements[first].line
                    path.append(.element(index))
                    report(element, "is a duplicate of item \(first)" + (firstLine > 0 ? " (line \(firstLine))" : ""))
                    path.removeLast()
                }
            case .contains(let node):
                let matches = elements.enumerated().contains { index, element in
                    path.append(.element(index))
                    defer { path.removeLast() }
                    return outcome(of: element, against: node).isEmpty
                }
                if !matches { report(array, "must contain at least one matching item") }
            default:
                break
            }
        }

        private mutating func applyStringRule(_ rule: Rule, to value: JSONValue, text: String) {
            switch rule {
            case .minLength(let minimum) where text.unicodeScalars.count < minimum:
                report(value, "must be at least \(counted(minimum, "character", "characters")) long")
            case .maxLength(let maximum) where text.unicodeScalars.count > maximum:
                report(value, "must be at most \(counted(maximum, "character", "characters")) long")
            case .pattern(let source, let regex, let simple)
            where !(simple?.matches(text) ?? (regex.firstMatch(in: text, range: NSRange(location: 0, length: text.utf16.count)) != nil)):
                report(value, "must match \(source)")
            case .format(let format) where !format.accepts(text):
                report(value, format.message)
            default:
                break
            }
        }

        private mutating func applyNumberRule(_ rule: Rule, to value: JSONValue, number: NumberValue) {
            switch rule {
            case .bound(let bound) where !bound.accepts(number):
                report(value, bound.message)
            case .multipleOf(let literal, let divisor) where !number.isMultiple(of: divisor):
                report(value, "must be a multiple of \(literal)")
            default:
                break
            }
        }

        private mutating func applyCombination(_ rule: Rule, to value: JSONValue) {
            switch rule {
            case .allOf(let nodes):
                for node in nodes { check(value, against: node) }
            case .anyOf(let nodes):
                var outcomes: [[Pending]] = []
                for node in nodes {
                    let problems = outcome(of: value, against: node)
                    if problems.isEmpty { return }
                    outcomes.append(problems)
                }
                reportNoMatch(value, outcomes)
            case .oneOf(let nodes):
                let outcomes = nodes.map { outcome(of: value, against: $0) }
                let matchCount = outcomes.filter(\.isEmpty).count
                if matchCount == 0 {
                    reportNoMatch(value, outcomes)
                } else if matchCount > 1 {
                    report(
                        value,
                        "must match exactly one of the \(nodes.count) allowed forms, but matches \(matchCount) of them")
                }
            case .not(let node):
                if outcome(of: value, against: node).isEmpty { report(value, "is in a form that is not allowed here") }
            case .conditional(let condition, let then, let otherwise):
                let branch = outcome(of: value, against: condition).isEmpty ? then : otherwise
                if let branch { check(value, against: branch) }
            default:
                break
            }
        }

        /// The violations `value` would have against `node`, without reporting them.
        private mutating func outcome(of value: JSONValue, against node: Int) -> [Pending] {
            let saved = pending
            pending = []
            check(value, against: node)
            let problems = pending
            pending = saved
            return problems
        }

        /// One violation for an `anyOf`/`oneOf` that no form satisfies.
        ///
        /// When every form fails on the value itself ("must be text", "must be null"), the
        /// expectations are merged ("must be text or null"); otherwise the message explains why the
        /// closest form fails: the one with fewest failures about the value as a whole (its type,
        /// its missing properties), then fewest failures overall.
        private mutating func reportNoMatch(_ value: JSONValue, _ outcomes: [[Pending]]) {
            let here = currentPointer
            let order = path.map(\.position)
            if outcomes.allSatisfy({ $0.count == 1 && $0[0].violation.pointer == here }) {
                var messages: [String] = []
                for problem in outcomes.map({ $0[0] }) where !messages.contains(problem.violation.message) {
                    messages.append(problem.violation.message)
                }
                let founds = Set(outcomes.map { $0[0].found })
                report(value, mergedExpectation(messages), found: founds.count == 1 ? founds.first ?? nil : nil)
                return
            }
            let closest =
                outcomes.min { lhs, rhs in
                    (lhs.count { $0.order == order }, lhs.count) < (rhs.count { $0.order == order }, rhs.count)
                } ?? []
            var reasons = Validator.inDocumentOrder(closest).prefix(3).map { problem in
                let relative = problem.violation.pointer.dropFirst(here.count).drop { $0 == "/" }
                return (relative.isEmpty ? "it " : "\(relative) ") + problem.finished.message
            }
            if closest.count > reasons.count { reasons.append("\(closest.count - reasons.count) more") }
            if reasons.count > 1 { reasons[reasons.count - 1] = "and " + reasons[reasons.count - 1] }
            report(
                value,
                "must match one of the \(outcomes.count) allowed forms; the closest fails because "
                    + reasons.joined(separator: "; "))
        }

        // MARK: Reporting

        private var currentPointer: String {
            SchemaViolation.pointer(path.map(\.token))
        }

        private mutating func report(_ value: JSONValue, _ message: String, found: String? = nil) {
            let violation = SchemaViolation(
                pointer: currentPointer, line: value.line, field: path.last?.token ?? "", message: message)
            pending.append(Pending(order: path.map(\.position), violation: violation, found: found))
        }

        /// Reports the absent property `name` of `object`, on the object's line.
        private mutating func reportMissing(_ name: String, in object: JSONValue, _ message: String) {
            let violation = SchemaViolation(
                pointer: SchemaViolation.pointer(path.map(\.token) + [name]), line: object.line, field: name,
                message: message)
            pending.append(Pending(order: path.map(\.position), violation: violation))
        }

        /// A schema value as shown in messages: strings bare (`AI`), anything else as JSON.
        private func display(_ value: JSONValue) -> String {
            if let text = value.stringValue, !text.isEmpty { return text }
            return value.description
        }

        /// "must be text or null" from "must be text" and "must be null"; "must match X or be null"; else joined.
        private func mergedExpectation(_ messages: [String]) -> String {
            for prefix in ["must be ", "must "] where messages.allSatisfy({ $0.hasPrefix(prefix) }) {
                return prefix + phrase(messages.map { String($0.dropFirst(prefix.count)) }, "or")
            }
            return phrase(messages, "or")
        }

        /// "a", "a or b", "a, b or c".
        private func phrase(_ items: [String], _ conjunction: String) -> String {
            guard let last = items.last, items.count > 1 else { return items.first ?? "" }
            return items.dropLast().joined(separator: ", ") + " \(conjunction) \(last)"
        }

        private func counted(_ count: Int, _ singular: String, _ plural: String) -> String {
            "\(count) \(count == 1 ? singular : plural)"
        }
    }
}
