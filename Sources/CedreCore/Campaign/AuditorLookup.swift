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

    /// The known id nearest to `text`, when it is a typo away, else nil.
    public func closest(to text: String) -> AuditorID? {
        NearestName.among(ids, to: AuditorID(rawValue: text))
    }

    /// Lower-case letters, digits, `.`, `_` and `-` only, as ids are written; a person's name has
    /// capitals or spaces.
    private static func looksLikeAnIdentifier(_ text: String) -> Bool {
        !text.isEmpty && text.unicodeScalars.allSatisfy {
            ("a"..."z").contains($0) || ("0"..."9").contains($0) || "._-".unicodeScalars.contains($0)
        }
    }
}
