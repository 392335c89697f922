extension DepartementDirectory {
    /// The short forms officers use for some 2013 regions.
    static let regionShortForms = ["Île-de-France": ["IDF"], "Provence-Alpes-Côte d'Azur": ["PACA"], "Nord-Pas-de-Calais": ["NPDC"]]

    /// Each federation region under its name as reports print it (`P.A.C.A.`), the 2013
    /// regions it covers (`Provence-Alpes-Côte d'Azur`) and their short forms (`PACA`), then
    /// `others` (regions members carry that no département gives) under their own names.
    public func regionNames(others: [String] = []) -> NameMatcher<String> {
        others.isEmpty ? federationRegionNames : Self.regionNames(of: departements, regions: federationRegions, others: others)
    }

    static func regionNames(of departements: [Departement], regions: [String], others: [String]) -> NameMatcher<String> {
        var covered: [String: [String]] = [:]
        for departement in departements where covered[departement.federationRegion]?.contains(departement.region2013) != true {
            covered[departement.federationRegion, default: []].append(departement.region2013)
        }
        return NameMatcher((regions + others.filter { covered[$0] == nil }).map { region in
            let regions2013 = covered[region] ?? []
            return (value: region, names: [region] + regions2013 + regions2013.flatMap { regionShortForms[$0] ?? [] })
        })
    }

    /// The federation region `typed` names, ignoring case, accents, spaces and hyphens:
    /// `paca`, `"ile de france"`, `IDF`, `Limousin` (covered by `Centre-Limousin`).
    public func region(named typed: String, others: [String] = []) throws(UnknownName) -> String {
        let names = regionNames(others: others)
        guard let region = names.value(named: typed) else { throw UnknownName(.region, typed: typed, known: names.shownNames) }
        return region
    }
}
