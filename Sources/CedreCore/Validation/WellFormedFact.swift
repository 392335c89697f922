import Foundation

extension Fact {
    /// The first field of the fact that no fact may carry, or nil when it is well formed: an id
    /// holding a control character or a line break (it would break a line of a CSV file, a
    /// calendar UID or a terminal), or a number outside its `Bounds`.
    ///
    /// The store refuses such a fact before it reaches the log, whoever records it (a command,
    /// an import), so no stored fact can forge a line of an output or overflow day arithmetic.
    public var malformation: Malformation? {
        if case .correction(let correction) = self, case .corrected(let dated) = correction.change,
            let problem = dated.fact.malformation
        {
            return Malformation(field: "corrected.\(problem.field)", problem: problem.problem)
        }
        let payload = payload
        let identifiers: [(field: String, values: [String])] = [
            ("member", [payload.member?.rawValue].compactMap { $0 }),
            ("scheme", [payload.scheme?.rawValue].compactMap { $0 }),
            ("group", [payload.group?.rawValue].compactMap { $0 }),
            ("audit", [payload.audit?.rawValue].compactMap { $0 }),
            ("finding", [payload.finding?.rawValue].compactMap { $0 }),
            ("grade", [payload.grade?.rawValue].compactMap { $0 }),
            ("requirement", [payload.requirement?.rawValue].compactMap { $0 }),
            ("auditor", [payload.auditor?.rawValue].compactMap { $0 }),
            ("other", [payload.other?.rawValue].compactMap { $0 }),
            ("sites", (payload.sites ?? []).map(\.rawValue)),
            ("schemes", (payload.schemes ?? []).map(\.rawValue)),
            ("unassigned", (payload.unassigned ?? []).map(\.rawValue)),
            ("assignments", (payload.assignments ?? []).flatMap { [$0.member.rawValue, $0.auditor.rawValue] }),
        ]
        for (field, values) in identifiers {
            for value in values {
                if let problem = Fact.identifierProblem(value) { return Malformation(field: field, problem: problem) }
            }
        }
        if let months = payload.validityMonths, !Bounds.validityMonths.contains(months) {
            return Malformation(field: "validityMonths", problem: .outOfRange(months, Bounds.validityMonths))
        }
        if let year = payload.year, !Bounds.year.contains(year) {
            return Malformation(field: "year", problem: .outOfRange(year, Bounds.year))
        }
        return nil
    }

    /// Why `value` cannot be an id, or nil when it can: empty, or holding a control character or line break.
    static func identifierProblem(_ value: String) -> Malformation.Problem? {
        if value.isEmpty { return .emptyIdentifier }
        guard let scalar = value.firstControlOrLineBreak else { return nil }
        return .controlCharacter(in: value, name: scalar.codePointName)
    }
}

/// A field no fact may carry, and why.
public struct Malformation: Equatable, Sendable {
    /// Why the field's value is refused.
    public enum Problem: Equatable, Sendable {
        /// An empty id.
        case emptyIdentifier
        /// An id holding a control character or a line break, named by its code point.
        case controlCharacter(in: String, name: String)
        /// A number outside its bounds.
        case outOfRange(Int, ClosedRange<Int>)
    }

    /// The payload field, as files name it (`member`, `corrected.year`).
    public let field: String
    public let problem: Problem
}
