import Foundation

extension Fact {
    /// The first field of the fact that no fact may carry, or nil when it is well formed: an id
    /// holding a control character or a line break (it would break a line of a CSV file, a
    /// calendar UID or a terminal), or a number outside its `Bounds`.
    ///
    /// The store refuses such a fact before it reaches the log, whoever records it (a command,
    /// an import), so no stored fact can forge a line of an output or overflow day arithmetic.
    public var malformation: FactPayloadError? {
        if case .correction(let correction) = self, case .corrected(let dated) = correction.change,
            let problem = dated.fact.malformation
        {
            return FactPayloadError(field: "corrected.\(problem.field)", message: problem.message)
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
                if let problem = Fact.identifierProblem(value) { return FactPayloadError(field: field, message: problem) }
            }
        }
        if let months = payload.validityMonths, let problem = Bounds.problem("validityMonths", months, in: Bounds.validityMonths) {
            return FactPayloadError(field: "validityMonths", message: problem)
        }
        if let year = payload.year, let problem = Bounds.problem("year", year, in: Bounds.year) {
            return FactPayloadError(field: "year", message: problem)
        }
        return nil
    }

    /// Why `value` cannot be an id, or nil when it can: empty, or holding a control character or line break.
    public static func identifierProblem(_ value: String) -> String? {
        if value.isEmpty { return "an id cannot be empty" }
        guard let scalar = value.firstControlOrLineBreak else { return nil }
        return "the id \(JSONValue.quoted(value)) holds a control character or line break (\(scalar.codePointName)); "
            + "an id is one line of letters, digits and punctuation"
    }
}
