import CedreReports
import Testing

/// French reading order, ignoring case and accents, and the ranks that sort many keys by it.
@Suite struct CollationTests {
    private static let regions = [
        "Pays de la Loire", "Île-de-France", "Auvergne-Rhône-Alpes", "Bretagne", "Grand Est", "Occitanie",
        "Provence-Alpes-Côte d'Azur", "Hauts-de-France", "Normandie", "Centre-Val de Loire", "La Réunion", "élan", "Elan", "ELAN",
    ]

    @Test func ranksFollowTheFrenchOrderAndTextsThatCompareTheSameShareOne() {
        let ranks = Collation.ranks(of: Self.regions + Self.regions)
        #expect(Set(ranks.keys) == Set(Self.regions))
        for first in Self.regions {
            for second in Self.regions {
                let compared = Collation.compare(first, second)
                let ranked = (ranks[first] ?? -1, ranks[second] ?? -1)
                switch compared {
                case .orderedAscending: #expect(ranked.0 < ranked.1, "\(first) before \(second)")
                case .orderedDescending: #expect(ranked.0 > ranked.1, "\(first) after \(second)")
                case .orderedSame: #expect(ranked.0 == ranked.1, "\(first) as \(second)")
                }
            }
        }
        #expect(ranks["élan"] == ranks["ELAN"])
        #expect((ranks["Île-de-France"] ?? 0) < (ranks["La Réunion"] ?? 0))
        #expect(Collation.ranks(of: []).isEmpty)
    }
}
