extension SchemeCatalog {
    /// Each scheme under its id and its name as reports print it (`cedre-iso`, `CEDRE ISO 9001`).
    public var names: NameMatcher<SchemeID> {
        NameMatcher(schemes.map { (value: $0.id, names: [$0.id.rawValue, $0.name]) })
    }

    /// The scheme `typed` names, by its id or its name, ignoring case, accents, spaces and
    /// hyphens: `cedre`, `CEDRE`, `cedre iso`, `"CEDRE ISO 9001"`.
    public func scheme(named typed: String) throws(UnknownName) -> SchemeID {
        guard let id = names.value(named: typed) else {
            throw UnknownName(.scheme, typed: typed, known: schemes.map { "\($0.id) (\($0.name))" })
        }
        return id
    }
}
