import CedreCore

/// Tests write days as literals: `"2013-05-02"`.
extension Day: ExpressibleByStringLiteral {
    public init(stringLiteral text: String) {
        guard let day = Day(text) else { preconditionFailure("'\(text)' is not a day in the form YYYY-MM-DD") }
        self = day
    }
}

/// The two bundled schemes, the rules every test speaks of.
public enum Schemes {
    public static var cedre: Scheme { scheme("cedre") }
    public static var cedreISO: Scheme { scheme("cedre-iso") }

    private static func scheme(_ id: SchemeID) -> Scheme {
        guard let scheme = SchemeCatalog.bundled[id] else { preconditionFailure("scheme \(id) is not bundled") }
        return scheme
    }
}

extension CertificationKey {
    /// `member` under `cedre`.
    public static func cedre(_ member: MemberID) -> CertificationKey {
        CertificationKey(member: member, scheme: "cedre")
    }

    /// `member` under `cedre-iso`.
    public static func cedreISO(_ member: MemberID) -> CertificationKey {
        CertificationKey(member: member, scheme: "cedre-iso")
    }
}

extension Dossier {
    /// Applies facts in order, each on its day; stops at the first refusal.
    public mutating func apply(_ facts: [(Fact, Day)]) throws(TransitionError) {
        for (fact, day) in facts {
            try apply(fact, on: day)
        }
    }
}
