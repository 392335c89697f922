import Foundation

/// The known auditor ids, to read the auditors officers name: an exact id is the auditor, a
/// near miss is answered with the id it most likely meant.
public struct AuditorLookup: Sendable {
    /// Every known auditor id, sorted.
    private let ids: [AuditorID]

    public init(_ ids: some Sequence<AuditorID>) {
        self.ids = Array(Set(ids)).sorted()
    }

    /// The auditors of an audit as `audit plan --auditor` names them: an auditor id stays the id
    /// (rule 17 counts a cross-audit by its auditors' companies); any other text is the free name
    /// of a certification body's auditor ("C. Lemoine"), except that an id-like text one or two
    /// keystrokes from a known id is refused as a mistyped id, and that a cross-audit's auditors
    /// must all be known cross-auditors (rule 16).
    public func auditorNames(_ texts: [String], kind: Audit.Kind) throws(CampaignError) -> [String] {
        let known = Set(ids)
        for text in texts where !known.contains(AuditorID(rawValue: text)) {
            let mistyped = Self.looksLikeAnIdentifier(text) ? closest(to: text) : nil
            if mistyped != nil || kind == .crossAudit { throw .unknownAuditor(text, suggestion: mistyped ?? closest(to: text)) }
        }
        return texts
    }

    /// The known id nearest to `text`, when it is at most two edits away (a typo), else nil.
    public func closest(to text: String) -> AuditorID? {
        let typed = Array(text)
        var best: (distance: Int, id: AuditorID)?
        for id in ids {
            let distance = Self.editDistance(typed, Array(id.rawValue), limit: 2)
            if distance <= 2, best.map({ distance < $0.distance }) ?? true { best = (distance, id) }
        }
        return best?.id
    }

    /// Lower-case letters, digits, `.`, `_` and `-` only, as ids are written; a person's name has
    /// capitals or spaces.
    private static func looksLikeAnIdentifier(_ text: String) -> Bool {
        !text.isEmpty && text.unicodeScalars.allSatisfy {
            ("a"..."z").contains($0) || ("0"..."9").contains($0) || "._-".unicodeScalars.contains($0)
        }
    }

    /// Levenshtein distance, or `limit + 1` as soon as it must exceed `limit`.
    private static func editDistance(_ first: [Character], _ second: [Character], limit: Int) -> Int {
        guard abs(first.count - second.count) <= limit else { return limit + 1 }
        var previous = Array(0...second.count)
        for (row, character) in first.enumerated() {
            var current = [row + 1] + Array(repeating: 0, count: second.count)
            for column in second.indices {
                let substitution = previous[column] + (character == second[column] ? 0 : 1)
                current[column + 1] = min(substitution, previous[column + 1] + 1, current[column] + 1)
            }
            if (current.min() ?? 0) > limit { return limit + 1 }
            previous = current
        }
        return previous[second.count]
    }
}
