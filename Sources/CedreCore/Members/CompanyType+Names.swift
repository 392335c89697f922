extension CompanyType {
    /// The names officers type for the type: its code first, then its name in full, and for
    /// federation bodies the names reports print.
    public var typedNames: [String] {
        switch self {
        case .ai: ["AI", "association intermédiaire"]
        case .aci: ["ACI", "atelier et chantier d'insertion", "atelier chantier d'insertion"]
        case .ei: ["EI", "entreprise d'insertion"]
        case .etti: ["ETTI", "entreprise de travail temporaire d'insertion"]
        case .ges: ["GES", "groupe économique solidaire"]
        case .national: ["national", "fédération nationale", "national federation"]
        case .regional: ["regional", "COORACE régional", "regional body"]
        }
    }

    /// Every type under its names.
    public static let names = NameMatcher(allCases.map { (value: $0, names: $0.typedNames) })

    /// The types `typed` names: one (`ai`, `Entreprise d'insertion`) or several joined by `+`
    /// (`ai+aci`), ignoring case, accents, spaces and hyphens; each at most once.
    public static func matching(_ typed: String) throws(UnknownName) -> [CompanyType] {
        let parts = typed.split(separator: "+", omittingEmptySubsequences: false).map(String.init)
        let types = parts.compactMap { names.value(named: $0) }
        guard !parts.isEmpty, types.count == parts.count, Set(types).count == types.count else {
            throw UnknownName(.type, typed: typed, known: names.shownNames)
        }
        return types
    }
}
